import type { FastifyInstance } from 'fastify';
import { issueApiToken, login, logout, type Actor } from '@carbonbase/app';
import { actorOf, type AppContext } from './context.js';
import { TAGS, errors } from './schemas.js';

const userOf = (a: Actor) => ({
  tenant: a.tenantId,
  login: a.login,
  displayName: a.displayName,
  roles: a.grants,
});

const security = [{ bearerAuth: [] }];
const error = { $ref: 'AppError#' } as const;

/** Login, logout, who am I, and long-lived API tokens for machine clients. */
export function authRoutes(app: FastifyInstance, ctx: AppContext): void {
  const tags = TAGS.auth;

  app.post<{ Body: { tenant: string; login: string; password: string } }>(
    '/api/v1/auth/login',
    {
      config: {
        public: true,
        rateLimit: {
          max: ctx.loginLimit.max,
          timeWindow: ctx.loginLimit.windowMs,
          keyGenerator: (request) => {
            const body = request.body as { tenant?: unknown; login?: unknown } | undefined;
            return JSON.stringify([request.ip, body?.tenant, body?.login]);
          },
        },
      },
      schema: {
        tags,
        summary: '登录，取得 12 小时会话令牌 log in; a session token valid for 12 hours',
        body: {
          type: 'object',
          additionalProperties: false,
          required: ['tenant', 'login', 'password'],
          properties: {
            tenant: { type: 'string', minLength: 1, maxLength: 63 },
            login: { type: 'string', minLength: 1, maxLength: 200 },
            password: { type: 'string', minLength: 1, maxLength: 1000 },
          },
        },
        response: {
          200: {
            type: 'object',
            required: ['token', 'expiresAt', 'user'],
            properties: {
              token: { type: 'string', description: 'Bearer 令牌 the bearer token' },
              expiresAt: { type: 'string', format: 'date-time' },
              user: { $ref: 'User#' },
            },
          },
          400: error,
          401: error,
          429: error,
        },
      },
    },
    async (request) => {
      const { tenant, login: name, password } = request.body;
      const session = await login(ctx.store, tenant, name, password, ctx.now());
      return { token: session.token, expiresAt: session.expiresAt, user: userOf(session.actor) };
    },
  );

  app.post(
    '/api/v1/auth/logout',
    {
      schema: {
        tags,
        summary: '退出登录，撤销当前令牌 log out: revoke the token of this request',
        security,
        response: { 204: { type: 'null' }, 401: error },
      },
    },
    async (request, reply) => {
      await logout(ctx.store, actorOf(ctx, request));
      return reply.code(204).send();
    },
  );

  app.get(
    '/api/v1/me',
    {
      schema: {
        tags,
        summary: '当前用户及其角色 the current user and their roles',
        security,
        response: { 200: { $ref: 'User#' }, 401: error },
      },
    },
    (request) => userOf(actorOf(ctx, request)),
  );

  app.post<{ Body: { name: string; expiresAt?: string } }>(
    '/api/v1/tokens',
    {
      schema: {
        tags,
        summary:
          '为机器客户端签发长期 API 令牌（仅显示一次） issue a long-lived API token for a machine client (shown once)',
        security,
        body: {
          type: 'object',
          additionalProperties: false,
          required: ['name'],
          properties: {
            name: { type: 'string', minLength: 1, maxLength: 200 },
            expiresAt: { type: 'string', format: 'date-time' },
          },
        },
        response: {
          201: {
            type: 'object',
            required: ['id', 'name', 'token'],
            properties: {
              id: { type: 'string', format: 'uuid' },
              name: { type: 'string' },
              token: { type: 'string', description: '只显示这一次 shown this once only' },
              expiresAt: { type: 'string', format: 'date-time' },
            },
          },
          ...errors,
        },
      },
    },
    async (request, reply) => {
      const { name, expiresAt } = request.body;
      const issued = await issueApiToken(
        ctx.store,
        actorOf(ctx, request),
        name,
        expiresAt === undefined ? undefined : new Date(expiresAt),
      );
      return reply.code(201).send({ ...issued, name });
    },
  );
}
