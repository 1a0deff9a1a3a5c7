import type { FastifyInstance } from 'fastify';
import { evaluate, listIndicatorSystems, type EvaluationRequest } from '@carbonbase/app';
import { actorOf, type AppContext } from './context.js';
import { uuid, withErrors, year } from './schemas.js';

const security = [{ bearerAuth: [] }];
const tags = ['evaluations 评价'];

const text = { type: 'string' } as const;
const texts = { type: 'array', items: text } as const;
const quantity = { $ref: 'Quantity#' } as const;
const maybeQuantity = { anyOf: [quantity, { type: 'null' }] } as const;
const mark = {
  type: 'string',
  enum: ['verified', 'secondary', 'recalled', 'example'],
  description:
    '核实标记：verified 已核实，secondary 二手来源，recalled 凭记忆待核，example 示例值 verification mark',
} as const;
const direction = {
  type: 'string',
  enum: ['lower-better', 'higher-better', 'qualitative'],
} as const;
const subjectKind = { type: 'string', enum: ['enterprise', 'park'] } as const;

const indicatorProperties = {
  id: text,
  group: text,
  name: text,
  nameEn: text,
  unit: { type: ['string', 'null'] },
  direction,
  weight: { type: 'number', description: '组内权重 weight within the group' },
  mandatory: { type: 'boolean', description: '限定性指标 mandatory indicator' },
  thresholds: {
    type: 'array',
    items: {
      type: 'object',
      required: ['level', 'value', 'mark'],
      properties: { level: text, value: quantity, mark },
    },
  },
  fromStore: {
    type: 'boolean',
    description:
      '请求未给出时由当年核算取值 taken from the year’s run when the request leaves it out',
  },
} as const;
const indicatorRequired = [
  'id',
  'group',
  'name',
  'nameEn',
  'unit',
  'direction',
  'weight',
  'mandatory',
  'thresholds',
  'fromStore',
] as const;

const systemSchema = {
  $id: 'IndicatorSystem',
  type: 'object',
  required: [
    'id',
    'kind',
    'name',
    'nameEn',
    'template',
    'subject',
    'fromRunOnly',
    'levels',
    'groups',
    'indicators',
    'categories',
    'offsetTypes',
  ],
  properties: {
    id: text,
    kind: { type: 'string', enum: ['graded-limit', 'weighted-levels', 'neutrality-check'] },
    name: text,
    nameEn: text,
    template: { type: 'boolean', description: '模板：数值为示例 a template: example values' },
    notice: text,
    subject: subjectKind,
    fromRunOnly: {
      type: 'boolean',
      description:
        '全部指标取自核算（GB 16780），请求无需输入 every indicator comes from the run (GB 16780)',
    },
    levels: { ...texts, description: '等级，优者在前 levels, best first' },
    groups: {
      type: 'array',
      items: {
        type: 'object',
        required: ['id', 'name', 'nameEn', 'weight'],
        properties: { id: text, name: text, nameEn: text, weight: { type: 'number' } },
      },
    },
    indicators: {
      type: 'array',
      items: { type: 'object', required: indicatorRequired, properties: indicatorProperties },
    },
    categories: {
      type: 'array',
      items: {
        type: 'object',
        required: ['id', 'name', 'nameEn'],
        properties: { id: text, name: text, nameEn: text },
      },
    },
    offsetTypes: {
      type: 'array',
      items: {
        type: 'object',
        required: ['id', 'name', 'nameEn', 'measure', 'mark'],
        properties: {
          id: text,
          name: text,
          nameEn: text,
          measure: { type: 'string', enum: ['co2e', 'electricity'] },
          mark,
        },
      },
    },
  },
} as const;

const system = { $ref: 'IndicatorSystem#' } as const;
const subject = {
  type: 'object',
  required: ['kind', 'id', 'code', 'name'],
  properties: { kind: subjectKind, id: uuid, code: text, name: text },
} as const;

const weightedSchema = {
  type: 'object',
  required: [
    'kind',
    'system',
    'subject',
    'year',
    'runId',
    'indicators',
    'levels',
    'level',
    'unverifiedThresholds',
    'unverifiedRules',
    'weightsMark',
    'notes',
  ],
  properties: {
    kind: { type: 'string', enum: ['weighted-levels'] },
    system,
    subject,
    year: { type: 'integer' },
    runId: { anyOf: [uuid, { type: 'null' }], description: '取值的核算 the run values came from' },
    indicators: {
      type: 'array',
      items: {
        type: 'object',
        required: [
          ...indicatorRequired,
          'applicable',
          'value',
          'assessedLevel',
          'source',
          'sourceNote',
          'levelsMet',
          'effectiveWeight',
          'explanation',
        ],
        properties: {
          ...indicatorProperties,
          applicable: { type: 'boolean' },
          value: maybeQuantity,
          assessedLevel: { type: ['string', 'null'] },
          source: { type: 'string', enum: ['store', 'request'] },
          sourceNote: { type: ['string', 'null'] },
          levelsMet: texts,
          effectiveWeight: {
            type: 'number',
            description: '占 100 分的份额（0–1） share of the 100 points, 0–1',
          },
          explanation: text,
        },
      },
    },
    levels: {
      type: 'array',
      items: {
        type: 'object',
        required: ['level', 'score', 'minScore', 'mandatoryMisses', 'reached', 'ruleMark'],
        properties: {
          level: text,
          score: { type: 'number', description: '得分 0–100 score' },
          minScore: { type: 'number' },
          mandatoryMisses: {
            ...texts,
            description: '未达该级的限定性指标 mandatory indicators that miss the level',
          },
          reached: { type: 'boolean' },
          ruleMark: mark,
        },
      },
    },
    level: { type: ['string', 'null'], description: '达到的最优等级 best level reached' },
    unverifiedThresholds: texts,
    unverifiedRules: texts,
    weightsMark: mark,
    notes: texts,
  },
} as const;

const neutralitySchema = {
  type: 'object',
  required: ['kind', 'system', 'subject', 'year', 'runId', 'inventory', 'result', 'notes'],
  properties: {
    kind: { type: 'string', enum: ['neutrality-check'] },
    system,
    subject,
    year: { type: 'integer' },
    runId: uuid,
    inventory: {
      type: 'object',
      additionalProperties: quantity,
      description: '按类别的盘查排放 inventory by category, tCO2e',
    },
    result: {
      type: 'object',
      required: [
        'rules',
        'inventory',
        'reductions',
        'offsets',
        'net',
        'claimable',
        'reasons',
        'decisions',
        'unverifiedRules',
      ],
      properties: {
        rules: text,
        notice: text,
        inventory: quantity,
        reductions: quantity,
        offsets: quantity,
        net: {
          ...quantity,
          description: '盘查 − 核证减排 − 抵消 inventory − reductions − offsets',
        },
        claimable: { type: 'boolean' },
        reasons: texts,
        decisions: {
          type: 'array',
          items: {
            type: 'object',
            required: ['id', 'counted', 'reasons'],
            properties: { id: text, counted: quantity, reasons: texts },
          },
        },
        unverifiedRules: texts,
      },
    },
    notes: texts,
  },
} as const;

/** GB 16780-2021 grades of the run, in the figures route's schema (figures.route.ts). */
const gradedSchema = {
  type: 'object',
  required: ['kind', 'system', 'subject', 'year', 'runId', 'grade'],
  properties: {
    kind: { type: 'string', enum: ['graded-limit'] },
    system,
    subject,
    year: { type: 'integer' },
    runId: uuid,
    grade: { $ref: 'Gb16780Grade#' },
  },
} as const;

const quantityText = { type: 'string', minLength: 1, maxLength: 100 } as const;

const requestSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['system', 'year'],
  properties: {
    system: { type: 'string', minLength: 1, maxLength: 200 },
    enterpriseId: uuid,
    parkId: uuid,
    year,
    indicators: {
      type: 'object',
      description:
        '每项指标给 value（数量文本）、level 或 notApplicable 之一 per indicator one of value (quantity as text), level, notApplicable',
      additionalProperties: {
        type: 'object',
        additionalProperties: false,
        properties: {
          value: quantityText,
          level: { type: ['string', 'null'], maxLength: 50 },
          notApplicable: { type: 'string', minLength: 1, maxLength: 500 },
        },
      },
    },
    neutrality: {
      type: 'object',
      additionalProperties: false,
      required: ['inventoryVerified'],
      description: '库中没有的输入 inputs the store does not hold',
      properties: {
        inventoryVerified: { type: 'boolean' },
        reductions: {
          type: 'array',
          maxItems: 500,
          items: {
            type: 'object',
            additionalProperties: false,
            required: ['id', 'amount', 'verified'],
            properties: { id: text, amount: quantityText, verified: { type: 'boolean' } },
          },
        },
        offsets: {
          type: 'array',
          maxItems: 500,
          items: {
            type: 'object',
            additionalProperties: false,
            required: ['id', 'type', 'amount', 'vintage', 'retired'],
            properties: {
              id: text,
              type: text,
              amount: quantityText,
              vintage: year,
              retired: { type: 'boolean' },
              against: text,
            },
          },
        },
        gridFactor: { ...quantityText, description: 'e.g. "0.5366 tCO2/MWh"' },
      },
    },
  },
} as const;

/**
 * Indicator systems and evaluations of an enterprise's or a park's year: cleaner production,
 * green factory, green park, carbon neutrality (docs/methods/analysis-evaluations.md).
 */
export function evaluationRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.addSchema(systemSchema);

  app.get(
    '/api/v1/indicator-systems',
    {
      schema: {
        tags,
        summary:
          '评价体系及其指标、阈值与核实标记 indicator systems, their indicators, thresholds and marks',
        security,
        response: withErrors({
          200: {
            type: 'object',
            required: ['items'],
            properties: { items: { type: 'array', items: system } },
          },
        }),
      },
    },
    async () => ({ items: await listIndicatorSystems() }),
  );

  app.post<{ Body: EvaluationRequest }>(
    '/api/v1/evaluations',
    {
      schema: {
        tags,
        summary:
          '按评价体系评价企业或园区的年度 evaluate an enterprise’s or a park’s year against a system',
        security,
        body: requestSchema,
        response: withErrors(
          { 200: { anyOf: [weightedSchema, neutralitySchema, gradedSchema] } },
          422,
        ),
      },
    },
    async (request) => evaluate(ctx.store, actorOf(ctx, request), request.body),
  );
}
