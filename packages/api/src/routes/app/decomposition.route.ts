import type { FastifyInstance } from 'fastify';
import { decomposeChange, type DecompositionScope } from '@carbonbase/app';
import { actorOf, type AppContext } from './context.js';
import { idParams, uuid, withErrors, year } from './schemas.js';

const security = [{ bearerAuth: [] }];
const tags = ['analysis 分析'];

const text = { type: 'string' } as const;
const quantity = { $ref: 'Quantity#' } as const;

/** The four LMDI effects, each in tCO2e. */
const effects = {
  type: 'object',
  required: ['activity', 'structure', 'intensity', 'emissionFactor'],
  properties: {
    activity: { ...quantity, description: '活动效应 activity effect' },
    structure: { ...quantity, description: '结构效应 structure effect' },
    intensity: { ...quantity, description: '能源强度效应 energy-intensity effect' },
    emissionFactor: { ...quantity, description: '排放因子效应 emission-factor effect' },
  },
} as const;

const sectorYear = {
  type: 'object',
  required: ['activity', 'energy', 'emissions'],
  properties: {
    activity: quantity,
    energy: { ...quantity, description: '综合能耗 comprehensive energy, tce' },
    emissions: {
      ...quantity,
      description: '范围一 + 二，成员互供只计一次 scope 1 + 2, supply between members counted once',
    },
  },
} as const;

const decompositionSchema = {
  type: 'object',
  required: [
    'scope',
    'id',
    'code',
    'name',
    'from',
    'to',
    'activity',
    'base',
    'target',
    'total',
    'effects',
    'sectors',
    'compared',
    'leftOut',
    'notes',
  ],
  properties: {
    scope: { type: 'string', enum: ['park', 'region', 'enterprise'] },
    id: uuid,
    code: text,
    name: text,
    nameEn: text,
    from: year,
    to: year,
    activity: {
      type: 'object',
      description: '活动量口径 what the activity is',
      required: ['measure', 'basis', 'unit', 'zh', 'en'],
      properties: {
        measure: {
          type: 'string',
          enum: ['production', 'energy'],
          description:
            '产量（同一产品）或综合能耗 production (one common product) or comprehensive energy',
        },
        basis: {
          type: ['string', 'null'],
          description: '产量口径（per-t-clinker 等） the production basis',
        },
        unit: text,
        zh: text,
        en: text,
      },
    },
    base: { ...quantity, description: '基年排放 base-year emissions' },
    target: { ...quantity, description: '目标年排放 target-year emissions' },
    total: { ...quantity, description: '目标年 − 基年 target − base' },
    effects: { ...effects, description: '四项效应之和等于 total the effects add up to total' },
    sectors: {
      type: 'array',
      items: {
        type: 'object',
        required: ['sector', 'enterprises', 'base', 'target', 'effects', 'change', 'zeroRule'],
        properties: {
          sector: {
            ...text,
            description: '行业（单家企业为其代码） industry (one enterprise: its code)',
          },
          enterprises: { type: 'array', items: text },
          base: sectorYear,
          target: sectorYear,
          effects,
          change: quantity,
          zeroRule: {
            type: ['string', 'null'],
            description: '只在一年出现的部门如何处理 how a sector present in one year was treated',
          },
        },
      },
    },
    compared: {
      type: 'array',
      items: text,
      description: '两年都有全年核算的企业 enterprises with an annual run in both years',
    },
    leftOut: {
      type: 'array',
      description: '未计入的企业 enterprises left out',
      items: {
        type: 'object',
        required: ['code', 'name', 'yearsWithRun'],
        properties: {
          code: text,
          name: text,
          yearsWithRun: {
            type: 'array',
            items: year,
            description: '两年中有全年核算的年份 which of the two years have an annual run',
          },
        },
      },
    },
    notes: { type: 'array', items: text },
  },
} as const;

const yearsQuery = {
  type: 'object',
  additionalProperties: false,
  required: ['from', 'to'],
  properties: {
    from: { ...year, description: '基年 base year' },
    to: { ...year, description: '目标年（晚于基年） target year, after the base year' },
  },
} as const;

type Years = { Params: { id: string }; Querystring: { from: number; to: number } };

/**
 * LMDI decomposition of the change in emissions between two years, for a park, a region or one
 * enterprise, over the latest annual runs (docs/methods/analysis.md §4).
 */
export function decompositionRoutes(app: FastifyInstance, ctx: AppContext): void {
  const routes: {
    path: string;
    zh: string;
    en: string;
    scope: (id: string) => DecompositionScope;
  }[] = [
    { path: 'parks', zh: '园区', en: 'a park’s', scope: (id) => ({ parkId: id }) },
    {
      path: 'regions',
      zh: '地区（含下级地区）',
      en: 'a region’s (with the regions beneath it)',
      scope: (id) => ({ regionId: id }),
    },
    {
      path: 'enterprises',
      zh: '企业',
      en: 'an enterprise’s',
      scope: (id) => ({ enterpriseId: id }),
    },
  ];
  for (const r of routes)
    app.get<Years>(
      `/api/v1/${r.path}/:id/decomposition`,
      {
        schema: {
          tags,
          summary: `${r.zh}排放变化因素分解（LMDI）：活动、结构、能源强度、排放因子效应 ${r.en} change in emissions between two years, decomposed by LMDI into activity, structure, energy-intensity and emission-factor effects`,
          security,
          params: idParams,
          querystring: yearsQuery,
          response: withErrors({ 200: decompositionSchema }, 422),
        },
      },
      async (request) =>
        decomposeChange(ctx.store, actorOf(ctx, request), {
          scope: r.scope(request.params.id),
          from: request.query.from,
          to: request.query.to,
        }),
    );
}
