import type { FastifyInstance } from 'fastify';
import { activityHistory, enterActivity, listActivity } from '@carbonbase/app';
import type { ActivityParameters } from '@carbonbase/store';
import { actorOf, type AppContext } from './context.js';
import { idParams, items, month, openObject, TAGS, uuid, withErrors, year } from './schemas.js';

interface EntryBody {
  sourceId: string;
  month: string;
  amount: string | { value: number; unit: string };
  parameters?: ActivityParameters;
  reason: string;
}

const security = [{ bearerAuth: [] }];

/** Monthly activity data: the current figures of a year, form entry, and a cell's history. */
export function activityRoutes(app: FastifyInstance, ctx: AppContext): void {
  const tags = TAGS.activity;

  app.get<{ Params: { id: string }; Querystring: { year: number } }>(
    '/api/v1/enterprises/:id/activity',
    {
      schema: {
        tags,
        summary: '某年各月的现行数据 the current monthly figures of a year',
        security,
        params: idParams,
        querystring: {
          type: 'object',
          additionalProperties: false,
          required: ['year'],
          properties: { year },
        },
        response: withErrors({ 200: items('ActivityVersion') }),
      },
    },
    async (request) => ({
      items: await listActivity(
        ctx.store,
        actorOf(ctx, request),
        request.params.id,
        request.query.year,
      ),
    }),
  );

  app.post<{ Params: { id: string }; Body: EntryBody }>(
    '/api/v1/enterprises/:id/activity',
    {
      schema: {
        tags,
        summary:
          '表单填报一个数值（有变化时生成新版本） enter one figure in the form; a new version when it differs',
        security,
        params: idParams,
        body: {
          type: 'object',
          additionalProperties: false,
          required: ['sourceId', 'month', 'amount', 'reason'],
          properties: {
            sourceId: uuid,
            month,
            amount: {
              description: '数量 amount, "228000 t" or {value, unit}',
              oneOf: [{ type: 'string', minLength: 1, maxLength: 200 }, { $ref: 'Quantity#' }],
            },
            parameters: openObject,
            reason: {
              type: 'string',
              minLength: 1,
              maxLength: 2000,
              description: '填报或更正的原因 why the figure is entered or corrected',
            },
          },
        },
        response: withErrors(
          {
            200: {
              description: '数值未变，未生成新版本 the cell already held this figure',
              type: 'object',
              required: ['appended', 'version'],
              properties: {
                appended: { type: 'boolean' },
                version: { $ref: 'ActivityVersion#' },
              },
            },
            201: {
              description: '已生成新版本 a new version was recorded',
              type: 'object',
              required: ['appended', 'version'],
              properties: {
                appended: { type: 'boolean' },
                version: { $ref: 'ActivityVersion#' },
              },
            },
          },
          409,
          422,
        ),
      },
    },
    async (request, reply) => {
      const written = await enterActivity(
        ctx.store,
        actorOf(ctx, request),
        request.params.id,
        request.body,
      );
      return reply.code(written.appended ? 201 : 200).send(written);
    },
  );

  app.get<{ Params: { id: string }; Querystring: { sourceId: string; month: string } }>(
    '/api/v1/enterprises/:id/activity/history',
    {
      schema: {
        tags,
        summary: '一个单元格的全部版本 every version of one cell (source and month)',
        security,
        params: idParams,
        querystring: {
          type: 'object',
          additionalProperties: false,
          required: ['sourceId', 'month'],
          properties: { sourceId: uuid, month },
        },
        response: withErrors({ 200: items('ActivityVersion') }),
      },
    },
    async (request) => ({
      items: await activityHistory(
        ctx.store,
        actorOf(ctx, request),
        request.params.id,
        request.query.sourceId,
        request.query.month,
      ),
    }),
  );
}
