import type { FastifyInstance } from 'fastify';
import {
  acceptPeriod,
  commentOnPeriod,
  periodStatus,
  returnPeriod,
  submitPeriod,
} from '@carbonbase/app';
import { actorOf, type AppContext } from './context.js';
import { TAGS, uuid, withErrors, year } from './schemas.js';

type Params = { id: string; year: number };

const security = [{ bearerAuth: [] }];
const params = {
  type: 'object',
  required: ['id', 'year'],
  properties: { id: uuid, year },
} as const;
const period = { $ref: 'ReportingPeriod#' } as const;

/**
 * The review of a reporting year: open → submitted → accepted, or returned and submitted again;
 * verifiers and regulators comment while it is under review.
 */
export function periodRoutes(app: FastifyInstance, ctx: AppContext): void {
  const tags = TAGS.periods;
  const path = '/api/v1/enterprises/:id/periods/:year';

  app.get<{ Params: Params }>(
    path,
    {
      schema: {
        tags,
        summary: '报告期状态与评论 the status of a reporting year and its comments',
        security,
        params,
        response: withErrors({
          200: {
            type: 'object',
            required: ['year', 'status', 'comments'],
            properties: {
              year,
              status: { type: 'string', enum: ['open', 'submitted', 'returned', 'accepted'] },
              comments: { type: 'array', items: { $ref: 'PeriodComment#' } },
            },
          },
        }),
      },
    },
    async (request) =>
      periodStatus(ctx.store, actorOf(ctx, request), request.params.id, request.params.year),
  );

  app.post<{ Params: Params }>(
    `${path}/submit`,
    {
      schema: {
        tags,
        summary: '企业提交报告期（需已有核算） the enterprise submits the year (a run must exist)',
        security,
        params,
        response: withErrors({ 200: period }, 409),
      },
    },
    async (request) =>
      submitPeriod(ctx.store, actorOf(ctx, request), request.params.id, request.params.year),
  );

  app.post<{ Params: Params }>(
    `${path}/accept`,
    {
      schema: {
        tags,
        summary: '主管部门通过 the regulator accepts the submitted year',
        security,
        params,
        response: withErrors({ 200: period }, 409),
      },
    },
    async (request) =>
      acceptPeriod(ctx.store, actorOf(ctx, request), request.params.id, request.params.year),
  );

  app.post<{ Params: Params; Body: { reason: string } }>(
    `${path}/return`,
    {
      schema: {
        tags,
        summary: '主管部门退回修改 the regulator returns the year for correction',
        security,
        params,
        body: {
          type: 'object',
          additionalProperties: false,
          required: ['reason'],
          properties: { reason: { type: 'string', minLength: 1, maxLength: 2000 } },
        },
        response: withErrors({ 200: period }, 409),
      },
    },
    async (request) =>
      returnPeriod(
        ctx.store,
        actorOf(ctx, request),
        request.params.id,
        request.params.year,
        request.body.reason,
      ),
  );

  app.post<{ Params: Params; Body: { body: string } }>(
    `${path}/comments`,
    {
      schema: {
        tags,
        summary: '核查员或主管部门评论 a verifier or regulator comments on the submitted year',
        security,
        params,
        body: {
          type: 'object',
          additionalProperties: false,
          required: ['body'],
          properties: { body: { type: 'string', minLength: 1, maxLength: 5000 } },
        },
        response: withErrors({ 201: { $ref: 'PeriodComment#' } }, 409),
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(
          await commentOnPeriod(
            ctx.store,
            actorOf(ctx, request),
            request.params.id,
            request.params.year,
            request.body.body,
          ),
        ),
  );
}
