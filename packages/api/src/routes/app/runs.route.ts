import type { FastifyInstance } from 'fastify';
import {
  calculateYear,
  explainRun,
  exportRunXlsx,
  getRun,
  listRuns,
  recalculateAfterFactorUpdate,
  reproduceRun,
  resultOf,
} from '@carbonbase/app';
import type { CalculationRun } from '@carbonbase/store';
import { actorOf, type AppContext } from './context.js';
import { attachment } from './imports.route.js';
import { idParams, openObject, TAGS, uuid, withErrors, year } from './schemas.js';

interface RunsQuery {
  enterpriseId?: string;
  year?: number;
  limit: number;
  offset: number;
}

const security = [{ bearerAuth: [] }];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A stored run as the API shows it: its summary and its headline figures. */
function runOf(run: CalculationRun) {
  // inputs, results and explanations are large; they have routes of their own
  const summary = { ...run, inputs: undefined, results: undefined, explanations: undefined };
  const r = resultOf(run);
  return {
    ...summary,
    figures: {
      total: r.total,
      byScope: r.byScope,
      byGas: r.byGas,
      byKind: r.byKind,
      byFacility: r.byFacility,
      byMonth: r.byMonth,
      biomassCO2: r.biomassCO2,
    },
  };
}

/** Calculation runs: calculate a year, list and read runs, explain, reproduce, export. */
export function runRoutes(app: FastifyInstance, ctx: AppContext): void {
  const tags = TAGS.runs;

  app.post<{ Params: { id: string }; Body: { year: number } }>(
    '/api/v1/enterprises/:id/runs',
    {
      schema: {
        tags,
        summary: '核算某年并保存结果 account a year from the current data and save the run',
        security,
        params: idParams,
        body: {
          type: 'object',
          additionalProperties: false,
          required: ['year'],
          properties: { year },
        },
        response: withErrors({ 201: { $ref: 'Run#' } }, 422),
      },
    },
    async (request, reply) => {
      const run = await calculateYear(
        ctx.store,
        actorOf(ctx, request),
        request.params.id,
        request.body.year,
      );
      return reply.code(201).send(runOf(run));
    },
  );

  app.get<{ Querystring: RunsQuery }>(
    '/api/v1/runs',
    {
      schema: {
        tags,
        summary:
          "核算记录（新的在前，按角色范围） calculation runs in the caller's scope, newest first",
        security,
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: {
            enterpriseId: uuid,
            year,
            limit: { type: 'integer', minimum: 1, maximum: 500, default: 50 },
            offset: { type: 'integer', minimum: 0, default: 0 },
          },
        },
        response: withErrors({
          200: {
            type: 'object',
            required: ['items', 'limit', 'offset'],
            properties: {
              items: { type: 'array', items: { $ref: 'RunSummary#' } },
              limit: { type: 'integer' },
              offset: { type: 'integer' },
            },
          },
        }),
      },
    },
    async (request) => {
      const { enterpriseId, year: y, limit, offset } = request.query;
      const found = await listRuns(ctx.store, actorOf(ctx, request), {
        ...(enterpriseId !== undefined && { enterpriseId }),
        ...(y !== undefined && { year: y }),
        limit,
        offset,
      });
      return { items: found, limit, offset };
    },
  );

  app.get<{ Params: { id: string } }>(
    '/api/v1/runs/:id',
    {
      schema: {
        tags,
        summary: '一次核算及其汇总数字 one run with its headline figures',
        security,
        params: idParams,
        response: withErrors({ 200: { $ref: 'Run#' } }),
      },
    },
    async (request) => runOf(await getRun(ctx.store, actorOf(ctx, request), request.params.id)),
  );

  app.get<{ Params: { id: string; subject: string } }>(
    '/api/v1/runs/:id/explanations/:subject',
    {
      schema: {
        tags,
        summary:
          '某行或合计的计算说明：公式、输入、因子及版本 how a line or total was computed: formula, inputs, factors and versions',
        security,
        params: {
          type: 'object',
          required: ['id', 'subject'],
          properties: {
            id: uuid,
            subject: {
              type: 'string',
              minLength: 1,
              maxLength: 200,
              description: '行编号或 total、total:scope1 … a line id, or total, total:scope1 …',
            },
          },
        },
        response: withErrors({ 200: openObject }),
      },
    },
    async (request) =>
      explainRun(ctx.store, actorOf(ctx, request), request.params.id, request.params.subject),
  );

  app.get<{ Params: { id: string } }>(
    '/api/v1/runs/:id/report.xlsx',
    {
      schema: {
        tags,
        summary: 'Excel 核算报告 the run as an Excel inventory report',
        security,
        params: idParams,
        produces: [XLSX],
      },
    },
    async (request, reply) => {
      const { id } = request.params;
      const xlsx = await exportRunXlsx(ctx.store, actorOf(ctx, request), id);
      return reply
        .type(XLSX)
        .header('content-disposition', attachment(`核算报告-${id}.xlsx`, `report-${id}.xlsx`))
        .send(xlsx);
    },
  );

  app.get<{ Params: { id: string } }>(
    '/api/v1/runs/:id/report.json',
    {
      schema: {
        tags,
        summary:
          '完整核算结果（含每行与合计的说明） the full result, every line and total with its explanation',
        security,
        params: idParams,
        response: withErrors({ 200: openObject }),
      },
    },
    async (request) => resultOf(await getRun(ctx.store, actorOf(ctx, request), request.params.id)),
  );

  app.post<{ Params: { id: string } }>(
    '/api/v1/runs/:id/reproduce',
    {
      schema: {
        tags,
        summary:
          "用原输入与原因子版本重算并逐字节比较 recompute from the run's own inputs and factor versions, compared byte for byte",
        security,
        params: idParams,
        response: withErrors({
          200: {
            type: 'object',
            required: ['runId', 'identical', 'storedResultsHash', 'recomputedResultsHash'],
            properties: {
              runId: uuid,
              identical: { type: 'boolean' },
              storedResultsHash: { type: 'string' },
              recomputedResultsHash: { type: 'string' },
            },
          },
        }),
      },
    },
    async (request) => reproduceRun(ctx.store, actorOf(ctx, request), request.params.id),
  );

  app.post<{ Params: { id: string }; Body: { save?: boolean } | undefined }>(
    '/api/v1/factor-sets/:id/recalculate',
    {
      schema: {
        tags,
        summary:
          '因子集更新后重算受影响的核算（平台管理员） after a factor-set update, recompute the affected runs (platform admin)',
        security,
        params: {
          type: 'object',
          required: ['id'],
          properties: {
            id: {
              type: 'string',
              pattern: '^[a-z0-9][a-z0-9._-]{0,199}$',
              description: '因子集编号 factor set id',
            },
          },
        },
        body: {
          type: 'object',
          additionalProperties: false,
          properties: {
            save: {
              type: 'boolean',
              default: false,
              description: '将变化的重算保存为新核算 save each changed rerun as a new run',
            },
          },
        },
        response: withErrors({
          200: {
            type: 'object',
            required: ['factorSet', 'affected', 'changed'],
            properties: {
              factorSet: { type: 'string' },
              affected: { type: 'integer' },
              changed: { type: 'array', items: openObject },
            },
          },
        }),
      },
    },
    async (request) =>
      recalculateAfterFactorUpdate(ctx.store, actorOf(ctx, request), request.params.id, {
        save: request.body?.save ?? false,
      }),
  );
}
