import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, authenticate, type Actor, type AppErrorCode } from '@carbonbase/app';
import type { Store } from '@carbonbase/store';

/** The application area: the store it works on, and the largest upload it accepts. */
export interface StoreAreaOptions {
  readonly store: Store;
  /** Largest activity file accepted by an import, in bytes; default 10 MiB. */
  readonly maxUploadBytes?: number;
  /** The clock tokens are checked against; tests pass their own. */
  readonly now?: () => Date;
  /** Login attempts allowed per client address and user within a window; default 10 in 15 min. */
  readonly loginLimit?: LoginLimit;
}

export interface LoginLimit {
  readonly max: number;
  readonly windowMs: number;
}

/**
 * Slows password guessing: counted per address, tenant and login, so one user's mistakes do
 * not lock out colleagues behind the same gateway.
 */
export const DEFAULT_LOGIN_LIMIT: LoginLimit = { max: 10, windowMs: 15 * 60_000 };

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The route needs no bearer token (login, the blank templates). */
    public?: boolean;
  }
}

export const DEFAULT_MAX_UPLOAD_BYTES = 10 * 2 ** 20;

export interface AppContext {
  readonly store: Store;
  readonly maxUploadBytes: number;
  readonly now: () => Date;
  readonly loginLimit: LoginLimit;
  /** The authenticated actor of each request. */
  readonly actors: WeakMap<FastifyRequest, Actor>;
}

export function createAppContext(options: StoreAreaOptions): AppContext {
  return {
    store: options.store,
    maxUploadBytes: options.maxUploadBytes ?? DEFAULT_MAX_UPLOAD_BYTES,
    now: options.now ?? (() => new Date()),
    loginLimit: options.loginLimit ?? DEFAULT_LOGIN_LIMIT,
    actors: new WeakMap(),
  };
}

/** The actor the auth hook found for this request. */
export function actorOf(ctx: AppContext, request: FastifyRequest): Actor {
  const actor = ctx.actors.get(request);
  // Routes without an actor are marked public; reaching here without one is a wiring error.
  if (!actor) throw new Error(`no actor for ${request.method} ${request.url}`);
  return actor;
}

const unauthenticated = (zh: string, en: string) => new AppError('unauthenticated', zh, en);

/**
 * onRequest hook: every route of the area needs `Authorization: Bearer <token>` unless its
 * config says `public`. It runs before the request is validated or its body read, so an
 * anonymous caller learns nothing about ids or payloads.
 */
export function requireToken(ctx: AppContext) {
  return async (request: FastifyRequest): Promise<void> => {
    if (request.routeOptions.config.public) return;
    const header = request.headers.authorization;
    if (header === undefined)
      throw unauthenticated('需要登录：缺少 Bearer 令牌', 'log in first: no bearer token');
    const m = /^Bearer ([^\s]+)$/.exec(header.trim());
    if (!m?.[1])
      throw unauthenticated(
        '授权头格式应为 "Bearer <令牌>"',
        'the Authorization header must be "Bearer <token>"',
      );
    ctx.actors.set(request, await authenticate(ctx.store, m[1], ctx.now()));
  };
}

const STATUS: Readonly<Record<AppErrorCode, number>> = {
  unauthenticated: 401,
  'token-expired': 401,
  forbidden: 403,
  'not-found': 404,
  'validation-failed': 422,
  conflict: 409,
};

export const errorBody = (
  code: string,
  zh: string,
  en: string,
  details: readonly unknown[] = [],
) => ({ code, message: { zh, en }, details });

/** The upload limit as people read it: whole MiB, else bytes. */
function limitText(bytes: number): { zh: string; en: string } {
  const mib = bytes / 2 ** 20;
  return Number.isInteger(mib)
    ? { zh: `${mib} MiB`, en: `${mib} MiB` }
    : { zh: `${bytes} 字节`, en: `${bytes} bytes` };
}

/** What the rate limiter throws; `retryAfter` in whole seconds. */
export const tooManyRequests = (retryAfter: number) =>
  Object.assign(new Error('too many requests'), { statusCode: 429, retryAfter });

/** What Fastify and its plugins say about a request that never reached a handler. */
function requestError(ctx: AppContext, error: FastifyError & { retryAfter?: number }) {
  const status = error.statusCode ?? 500;
  if (status === 429) {
    const seconds = error.retryAfter ?? 60;
    return {
      status,
      body: errorBody(
        'too-many-requests',
        `尝试次数过多，请 ${seconds} 秒后再试`,
        `too many attempts; try again in ${seconds} s`,
      ),
    };
  }
  if (error.validation)
    return {
      status: 400,
      body: errorBody(
        'bad-request',
        `请求参数无效：${error.message}`,
        `the request is not valid: ${error.message}`,
        error.validation.map((v) => ({
          field: `${error.validationContext ?? ''}${v.instancePath}`,
          reason: v.message ?? v.keyword,
        })),
      ),
    };
  if (status === 413) {
    const limit = limitText(ctx.maxUploadBytes);
    return {
      status,
      body: errorBody(
        'payload-too-large',
        `上传文件超过 ${limit.zh} 的上限，未导入任何数据；请拆分文件后分次上传`,
        `the upload is over the ${limit.en} limit; nothing was imported. Split the file and upload the parts`,
      ),
    };
  }
  if (status === 415)
    return {
      status,
      body: errorBody(
        'unsupported-media-type',
        `不支持的内容类型：${error.message}`,
        `unsupported content type: ${error.message}`,
      ),
    };
  if (status >= 400 && status < 500)
    return {
      status: 400,
      body: errorBody('bad-request', `请求无效：${error.message}`, `bad request: ${error.message}`),
    };
  return undefined;
}

/** The area's error handler: application errors and request errors in one bilingual shape. */
export function sendError(
  ctx: AppContext,
  error: FastifyError | AppError,
  request: FastifyRequest,
  reply: FastifyReply,
) {
  if (error instanceof AppError) {
    if (STATUS[error.code] === 401)
      void reply.header('www-authenticate', 'Bearer realm="carbonbase"');
    return reply
      .code(STATUS[error.code])
      .send(errorBody(error.code, error.zh, error.en, error.details));
  }
  const known = requestError(ctx, error);
  if (known) return reply.code(known.status).send(known.body);
  request.log.error({ err: error }, 'request failed');
  return reply.code(500).send(errorBody('internal', '服务器内部错误', 'internal server error'));
}
