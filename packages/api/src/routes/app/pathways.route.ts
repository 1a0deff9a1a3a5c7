import type { FastifyInstance } from 'fastify';
import {
  AppError,
  compareSavedScenarios,
  createScenario,
  deleteScenario,
  getScenario,
  listScenarios,
  scenarioBaseline,
  scenarioPathway,
  updateScenario,
  type ScenarioDocument,
} from '@carbonbase/app';
import { SCENARIO_SCOPE_KINDS, type ScenarioScopeKind } from '@carbonbase/store';
import { actorOf, type AppContext } from './context.js';
import { idParams, uuid, withErrors } from './schemas.js';

const security = [{ bearerAuth: [] }];
const tags = ['pathways 达峰路径'];

const text = { type: 'string' } as const;
const quantity = { $ref: 'Quantity#' } as const;
const maybeQuantity = { anyOf: [quantity, { type: 'null' }] } as const;
const dateTime = { type: 'string', format: 'date-time' } as const;
const calendarYear = { type: 'integer', minimum: 1900, maximum: 2100 } as const;
/** Quantities in a scenario are text, as in a scenarios file: "3 %", "1000000 t/a". */
const quantityText = (example: string) =>
  ({
    type: 'string',
    minLength: 1,
    maxLength: 100,
    description: `数量文本 a quantity as text, e.g. "${example}"`,
  }) as const;

const ratePeriod = {
  type: 'object',
  additionalProperties: false,
  required: ['from', 'to', 'ratePerYear'],
  properties: { from: calendarYear, to: calendarYear, ratePerYear: quantityText('-1.5 %') },
} as const;

const scenarioDocumentSchema = {
  $id: 'ScenarioDocument',
  type: 'object',
  additionalProperties: false,
  description:
    '情景数据，与 carbonbase pathway 情景文件中的一项相同 a scenario as data, one entry of a `carbonbase pathway` scenarios file',
  required: [
    'id',
    'name',
    'nameEn',
    'baseYear',
    'production',
    'intensity',
    'growth',
    'intensityChange',
    'measures',
  ],
  properties: {
    id: { type: 'string', minLength: 1, maxLength: 100, description: '简称 short code' },
    name: { type: 'string', minLength: 1, maxLength: 200 },
    nameEn: { type: 'string', minLength: 1, maxLength: 200 },
    baseYear: calendarYear,
    production: quantityText('1000000 t/a'),
    intensity: quantityText('0.8 tCO2e/t'),
    growth: {
      type: 'array',
      maxItems: 100,
      items: ratePeriod,
      description: '产量年增长率，基准年之后每年须有 output growth; every year after the base year',
    },
    intensityChange: {
      type: 'array',
      maxItems: 100,
      items: ratePeriod,
      description: '强度年变化率（措施之外） autonomous intensity change, apart from the measures',
    },
    measures: {
      type: 'array',
      maxItems: 200,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['id', 'from', 'abatement'],
        properties: {
          id: { type: 'string', minLength: 1, maxLength: 100 },
          from: calendarYear,
          until: calendarYear,
          abatement: quantityText('20000 tCO2e/a'),
        },
      },
    },
    notes: { type: 'string', maxLength: 4000 },
  },
} as const;

const scopeKind = { type: 'string', enum: [...SCENARIO_SCOPE_KINDS] } as const;

const scopeRef = {
  type: 'object',
  required: ['kind', 'id', 'code', 'name'],
  properties: { kind: scopeKind, id: uuid, code: text, name: text },
} as const;

const scenarioSchema = {
  $id: 'SavedScenario',
  type: 'object',
  required: ['id', 'scope', 'name', 'document', 'editable', 'createdBy', 'createdAt', 'updatedAt'],
  properties: {
    id: uuid,
    scope: scopeRef,
    name: text,
    document: { $ref: 'ScenarioDocument#' },
    editable: {
      type: 'boolean',
      description: '调用者可修改、删除 the caller may change or delete it',
    },
    createdBy: text,
    createdAt: dateTime,
    updatedAt: dateTime,
  },
} as const;

const pathwaySchema = {
  $id: 'Pathway',
  type: 'object',
  required: [
    'scenario',
    'years',
    'peakYear',
    'peakValue',
    'stillRising',
    'value2030',
    'value2060',
    'cumulative',
    'peaksBy2030',
    'residual2060',
    'neutralBy2060',
    'flooredYears',
  ],
  properties: {
    scenario: { ...uuid, description: '情景 id the saved scenario' },
    years: {
      type: 'array',
      items: {
        type: 'object',
        required: ['year', 'production', 'intensity', 'gross', 'abatement', 'emissions'],
        properties: {
          year: { type: 'integer' },
          production: quantity,
          intensity: quantity,
          gross: { ...quantity, description: '产量 × 强度 production × intensity' },
          abatement: { ...quantity, description: '措施减排 avoided by the measures' },
          emissions: quantity,
        },
      },
    },
    peakYear: {
      type: 'integer',
      description: '排放最高的第一年 first year of the highest emissions',
    },
    peakValue: quantity,
    stillRising: {
      type: 'boolean',
      description: '2060 年仍最高：期内未达峰 highest in 2060: no peak in the horizon',
    },
    value2030: quantity,
    value2060: quantity,
    cumulative: { ...quantity, description: '基准年至 2060 年累计 sum from the base year to 2060' },
    peaksBy2030: { type: 'boolean' },
    residual2060: {
      ...quantity,
      description: '2060 年剩余排放，需清除或抵消 left in 2060 for removals or offsets',
    },
    neutralBy2060: { type: 'boolean' },
    flooredYears: {
      type: 'array',
      items: { type: 'integer' },
      description:
        '措施减排超过排放、取零的年份 years where the measures exceed the emissions, floored at zero',
    },
  },
} as const;

const scenarioPathwaySchema = {
  type: 'object',
  required: ['scenario', 'pathway'],
  properties: { scenario: { $ref: 'SavedScenario#' }, pathway: { $ref: 'Pathway#' } },
} as const;

const comparisonSchema = {
  type: 'object',
  required: ['comparison', 'pathways'],
  properties: {
    comparison: {
      type: 'object',
      required: ['peakGoalYear', 'neutralityGoalYear', 'rows', 'leastCumulative'],
      properties: {
        peakGoalYear: { type: 'integer' },
        neutralityGoalYear: { type: 'integer' },
        rows: {
          type: 'array',
          items: {
            type: 'object',
            required: [
              'scenario',
              'name',
              'nameEn',
              'peakYear',
              'peakValue',
              'peaksBy2030',
              'value2030',
              'value2060',
              'residual2060',
              'cumulative',
            ],
            properties: {
              scenario: uuid,
              name: text,
              nameEn: text,
              peakYear: { type: 'integer' },
              peakValue: quantity,
              peaksBy2030: { type: 'boolean' },
              value2030: quantity,
              value2060: quantity,
              residual2060: quantity,
              cumulative: quantity,
            },
          },
        },
        leastCumulative: {
          anyOf: [uuid, { type: 'null' }],
          description: '累计排放最少的情景 the scenario with the least cumulative emissions',
        },
      },
    },
    pathways: { type: 'array', items: scenarioPathwaySchema },
  },
} as const;

const baselineSchema = {
  type: 'object',
  required: [
    'scope',
    'editable',
    'year',
    'emissions',
    'production',
    'productionBasis',
    'intensity',
    'runIds',
    'document',
    'notes',
  ],
  properties: {
    scope: scopeRef,
    editable: {
      type: 'boolean',
      description: '调用者可为该范围保存情景 the caller may save scenarios for it',
    },
    year: {
      type: ['integer', 'null'],
      description: '最新全年核算年份 latest year with annual runs',
    },
    emissions: { ...maybeQuantity, description: '范围一 + 二 scope 1 + 2, tCO2e/a' },
    production: maybeQuantity,
    productionBasis: { type: ['string', 'null'] },
    intensity: maybeQuantity,
    runIds: { type: 'array', items: uuid },
    document: {
      anyOf: [{ $ref: 'ScenarioDocument#' }, { type: 'null' }],
      description: '按基准水平不变的情景，供编辑 a flat scenario at the baseline, to edit',
    },
    notes: { type: 'array', items: text },
  },
} as const;

const scopeQuery = {
  type: 'object',
  additionalProperties: false,
  properties: {
    kind: { ...scopeKind, description: '与 scopeId 同给 given with scopeId' },
    scopeId: uuid,
  },
} as const;

type ScopeQuery = { kind?: ScenarioScopeKind; scopeId?: string };

/**
 * Carbon-peak pathway scenarios saved per enterprise, park or region, their projections to 2060
 * and side-by-side comparisons (docs/methods/analysis.md, "Pathways over the store").
 */
export function pathwayRoutes(app: FastifyInstance, ctx: AppContext): void {
  for (const schema of [scenarioDocumentSchema, scenarioSchema, pathwaySchema])
    app.addSchema(schema);
  const scenario = { $ref: 'SavedScenario#' } as const;

  app.get<{ Querystring: ScopeQuery }>(
    '/api/v1/scenarios',
    {
      schema: {
        tags,
        summary: '可见的情景，可按范围筛选 the scenarios the caller sees, optionally of one scope',
        security,
        querystring: scopeQuery,
        response: withErrors(
          {
            200: {
              type: 'object',
              required: ['items'],
              properties: { items: { type: 'array', items: scenario } },
            },
          },
          422,
        ),
      },
    },
    async (request) => {
      const { kind, scopeId } = request.query;
      if ((kind === undefined) !== (scopeId === undefined))
        throw new AppError(
          'validation-failed',
          'kind 与 scopeId 须同时给出',
          'give kind and scopeId together',
          [{ field: kind === undefined ? 'kind' : 'scopeId', reason: 'required with the other' }],
        );
      const items = await listScenarios(
        ctx.store,
        actorOf(ctx, request),
        kind && scopeId ? { scope: { kind, id: scopeId } } : {},
      );
      return { items };
    },
  );

  app.get<{ Querystring: Required<ScopeQuery> }>(
    '/api/v1/scenarios/baseline',
    {
      schema: {
        tags,
        summary:
          '范围的基准：最新全年排放与产量 a scope’s baseline: its latest annual emissions and production',
        security,
        querystring: { ...scopeQuery, required: ['kind', 'scopeId'] },
        response: withErrors({ 200: baselineSchema }),
      },
    },
    async (request) =>
      scenarioBaseline(ctx.store, actorOf(ctx, request), {
        kind: request.query.kind,
        id: request.query.scopeId,
      }),
  );

  app.post<{
    Body: { scope: { kind: ScenarioScopeKind; id: string }; document: ScenarioDocument };
  }>(
    '/api/v1/scenarios',
    {
      schema: {
        tags,
        summary:
          '新建情景（企业管理员、园区管理员、监管部门各管其范围） save a scenario (enterprise manager, park admin, regulator, each for their scope)',
        security,
        body: {
          type: 'object',
          additionalProperties: false,
          required: ['scope', 'document'],
          properties: {
            scope: {
              type: 'object',
              additionalProperties: false,
              required: ['kind', 'id'],
              properties: { kind: scopeKind, id: uuid },
            },
            document: { $ref: 'ScenarioDocument#' },
          },
        },
        response: withErrors({ 201: scenario }, 422),
      },
    },
    async (request, reply) => {
      const saved = await createScenario(ctx.store, actorOf(ctx, request), request.body);
      return reply.code(201).send(saved);
    },
  );

  app.get<{ Params: { id: string } }>(
    '/api/v1/scenarios/:id',
    {
      schema: {
        tags,
        summary: '一个情景 one scenario',
        security,
        params: idParams,
        response: withErrors({ 200: scenario }),
      },
    },
    async (request) => getScenario(ctx.store, actorOf(ctx, request), request.params.id),
  );

  app.put<{ Params: { id: string }; Body: { document: ScenarioDocument } }>(
    '/api/v1/scenarios/:id',
    {
      schema: {
        tags,
        summary: '修改情景 change a scenario',
        security,
        params: idParams,
        body: {
          type: 'object',
          additionalProperties: false,
          required: ['document'],
          properties: { document: { $ref: 'ScenarioDocument#' } },
        },
        response: withErrors({ 200: scenario }, 422),
      },
    },
    async (request) =>
      updateScenario(ctx.store, actorOf(ctx, request), request.params.id, request.body),
  );

  app.delete<{ Params: { id: string } }>(
    '/api/v1/scenarios/:id',
    {
      schema: {
        tags,
        summary: '删除情景 delete a scenario',
        security,
        params: idParams,
        response: withErrors({ 204: { type: 'null' } }),
      },
    },
    async (request, reply) => {
      await deleteScenario(ctx.store, actorOf(ctx, request), request.params.id);
      return reply.code(204).send();
    },
  );

  app.get<{ Params: { id: string } }>(
    '/api/v1/scenarios/:id/pathway',
    {
      schema: {
        tags,
        summary:
          '情景推算至 2060 年：峰值年份与峰值、2030 与 2060 目标 a scenario projected to 2060: peak year and value, the 2030 and 2060 goals',
        security,
        params: idParams,
        response: withErrors({ 200: scenarioPathwaySchema }),
      },
    },
    async (request) => scenarioPathway(ctx.store, actorOf(ctx, request), request.params.id),
  );

  app.post<{ Body: { scenarioIds: string[] } }>(
    '/api/v1/pathways/compare',
    {
      schema: {
        tags,
        summary: '情景并列比较 scenarios side by side',
        security,
        body: {
          type: 'object',
          additionalProperties: false,
          required: ['scenarioIds'],
          properties: { scenarioIds: { type: 'array', items: uuid, minItems: 1, maxItems: 20 } },
        },
        response: withErrors({ 200: comparisonSchema }, 422),
      },
    },
    async (request) =>
      compareSavedScenarios(ctx.store, actorOf(ctx, request), request.body.scenarioIds),
  );
}
