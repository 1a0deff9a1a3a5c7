import type { FastifyInstance } from 'fastify';
import { runFigures } from '@carbonbase/app';
import { actorOf, type AppContext } from './context.js';
import { idParams, TAGS, withErrors } from './schemas.js';

const security = [{ bearerAuth: [] }];
const text = { type: 'string' } as const;
const texts = { type: 'array', items: text } as const;
const quantity = { $ref: 'Quantity#' } as const;
const bilingual = {
  type: 'object',
  required: ['zh', 'en'],
  properties: { zh: text, en: text },
} as const;
const mark = {
  type: 'string',
  enum: ['verified', 'secondary', 'recalled', 'example'],
  description: '核实程度 verification mark (methods.md: V, V-sec, R; example)',
} as const;

const gradeSchema = {
  $id: 'Gb16780Grade',
  type: 'object',
  required: [
    'standard',
    'system',
    'factorSet',
    'coefficient',
    'clinker',
    'indicators',
    'notGraded',
    'allWithinLimit',
    'notes',
    'steps',
  ],
  properties: {
    standard: { type: 'string', enum: ['GB 16780-2021'] },
    system: { ...text, description: '指标体系 indicator system id' },
    factorSet: { ...text, description: '限额因子集 threshold factor set, id@version' },
    coefficient: {
      type: 'object',
      required: ['value', 'ref'],
      description: '电力折标准煤系数（当量值）electricity to standard coal, calorific equivalent',
      properties: { value: quantity, ref: { ...text, description: 'id@version' } },
    },
    clinker: { ...quantity, description: '熟料产量 clinker produced' },
    indicators: {
      type: 'array',
      items: {
        type: 'object',
        required: [
          'id',
          'name',
          'nameEn',
          'value',
          'limits',
          'grade',
          'withinLimit',
          'unverified',
          'explanation',
        ],
        properties: {
          id: text,
          name: text,
          nameEn: text,
          value: quantity,
          limits: {
            type: 'array',
            description:
              '1/2/3 级限额（3 级为限定值）grade 1/2/3 limits; grade 3 is the mandatory limit',
            items: {
              type: 'object',
              required: ['grade', 'base', 'limit', 'met', 'mark', 'corrections'],
              properties: {
                grade: text,
                base: { ...quantity, description: '标准表列值 as published' },
                limit: { ...quantity, description: '修正后 after corrections' },
                met: { type: 'boolean' },
                mark,
                corrections: { ...texts, description: '所作修正及算式 corrections applied' },
              },
            },
          },
          grade: {
            anyOf: [{ type: 'string' }, { type: 'null' }],
            description: '达到的最优等级；null 为超限额 best grade met; null = above the limit',
          },
          withinLimit: { type: 'boolean' },
          unverified: { type: 'boolean' },
          explanation: text,
        },
      },
    },
    notGraded: {
      type: 'array',
      description: '无法计算的指标及原因 indicators the data cannot give, and why',
      items: {
        type: 'object',
        required: ['id', 'name', 'nameEn', 'reason'],
        properties: { id: text, name: text, nameEn: text, reason: bilingual },
      },
    },
    allWithinLimit: { type: 'boolean' },
    notes: {
      type: 'array',
      items: {
        type: 'object',
        required: ['id', 'zh', 'en', 'reading'],
        properties: {
          id: text,
          zh: text,
          en: text,
          reading: {
            type: 'boolean',
            description:
              '本项目解读（R），未对照标准原文 our reading (R), not verified in the text',
          },
        },
      },
    },
    steps: { ...texts, description: '算式 the arithmetic' },
  },
} as const;

const figuresSchema = {
  $id: 'RunFigures',
  type: 'object',
  required: ['runId', 'period', 'method', 'total', 'intensities', 'energy', 'gb16780'],
  properties: {
    runId: { type: 'string', format: 'uuid' },
    enterpriseId: { type: 'string', format: 'uuid' },
    period: {
      type: 'object',
      required: ['start', 'end'],
      properties: { start: text, end: text },
    },
    method: {
      type: 'object',
      required: ['id', 'version'],
      properties: { id: text, version: text },
    },
    total: quantity,
    intensities: {
      type: 'array',
      items: {
        type: 'object',
        required: ['id', 'name', 'value', 'numerator', 'denominator', 'denominatorSource'],
        properties: {
          id: text,
          name: text,
          value: quantity,
          numerator: quantity,
          denominator: quantity,
          denominatorSource: text,
        },
      },
    },
    energy: {
      type: 'object',
      required: ['calorific', 'equivalent', 'notes'],
      properties: {
        calorific: { ...quantity, description: '综合能耗 当量值 calorific equivalent, tce' },
        equivalent: {
          anyOf: [quantity, { type: 'null' }],
          description: '综合能耗 等价值；缺系数时为 null equal value; null without a coefficient',
        },
        notes: texts,
      },
    },
    gb16780: {
      type: 'object',
      required: ['applicable'],
      description:
        'GB 16780-2021 能效等级；不适用时给出原因 energy grade, or why it does not apply',
      properties: {
        applicable: { type: 'boolean' },
        reason: bilingual,
        grade: { $ref: 'Gb16780Grade#' },
      },
    },
  },
} as const;

/** A run's key figures and its GB 16780-2021 grade (docs/methods/analysis.md §1a). */
export function figureRoutes(app: FastifyInstance, ctx: AppContext): void {
  for (const schema of [gradeSchema, figuresSchema]) app.addSchema(schema);
  app.get<{ Params: { id: string } }>(
    '/api/v1/runs/:id/figures',
    {
      schema: {
        tags: TAGS.runs,
        summary:
          '核算的强度、能耗与 GB 16780-2021 能效等级 a run’s intensities, energy and GB 16780-2021 grade',
        security,
        params: idParams,
        response: withErrors({ 200: { $ref: 'RunFigures#' } }, 422),
      },
    },
    async (request) => runFigures(ctx.store, actorOf(ctx, request), request.params.id),
  );
}
