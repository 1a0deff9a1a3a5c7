import type { FastifyInstance } from 'fastify';
import {
  AppError,
  enterpriseMacc,
  optimizePlan,
  parkMacc,
  planningData,
  regionMacc,
  type PlanRequest,
  type PlanningOptions,
} from '@carbonbase/app';
import { parseQuantity, type Quantity } from '@carbonbase/quantity';
import { actorOf, type AppContext } from './context.js';
import { idParams, uuid, withErrors, year } from './schemas.js';

const security = [{ bearerAuth: [] }];
const tags = ['planning 减排规划'];

const text = { type: 'string' } as const;
const texts = { type: 'array', items: text } as const;
const quantity = { $ref: 'Quantity#' } as const;
const maybeQuantity = { anyOf: [quantity, { type: 'null' }] } as const;
const mark = {
  type: 'string',
  enum: ['verified', 'secondary', 'recalled', 'example'],
  description: '可信程度 how far the value can be trusted (V, V-sec, R, example)',
} as const;
const pollutants = {
  type: 'object',
  required: ['SO2', 'NOx', 'PM'],
  properties: { SO2: quantity, NOx: quantity, PM: quantity },
  description: '污染物变化，负值为减少 pollutant change, t/a; negative = less',
} as const;
const reasons = {
  type: 'array',
  items: {
    type: 'object',
    required: ['candidate', 'reason'],
    properties: { candidate: text, reason: text },
  },
} as const;

const scopeInfo = {
  type: 'object',
  required: ['kind', 'id', 'code', 'name'],
  properties: {
    kind: { type: 'string', enum: ['enterprise', 'park', 'region'] },
    id: uuid,
    code: text,
    name: text,
    nameEn: text,
  },
} as const;

const siteSchema = {
  $id: 'PlanningSite',
  type: 'object',
  required: [
    'enterprise',
    'name',
    'runId',
    'baseline',
    'production',
    'drivers',
    'features',
    'prices',
    'factors',
    'derivations',
    'mark',
    'candidates',
  ],
  properties: {
    enterprise: { ...text, description: '企业代码 enterprise code' },
    name: text,
    runId: uuid,
    baseline: { ...quantity, description: '核算总量 the run total, tCO2e/a' },
    production: maybeQuantity,
    drivers: {
      type: 'array',
      items: {
        type: 'object',
        required: ['id', 'value'],
        properties: { id: text, value: quantity },
      },
    },
    features: texts,
    prices: {
      type: 'object',
      required: ['electricity', 'fuel'],
      properties: { electricity: quantity, fuel: quantity },
    },
    factors: {
      type: 'object',
      required: ['electricity', 'fuel'],
      properties: { electricity: quantity, fuel: quantity },
    },
    derivations: {
      type: 'array',
      description: '每项数值与特征的来历 where each figure and feature came from',
      items: {
        type: 'object',
        required: ['item', 'value', 'basis', 'mark'],
        properties: { item: text, value: text, basis: text, mark, source: text },
      },
    },
    mark,
    candidates: { type: 'integer', description: '适用措施数 measures that apply' },
  },
} as const;

const candidateProperties = {
  candidate: { ...text, description: '企业代码:措施 ENTERPRISE-CODE:measure' },
  enterprise: text,
  measure: text,
  name: text,
  nameEn: text,
  category: text,
  capex: quantity,
  lifetime: quantity,
  abatement: { ...quantity, description: 'tCO2/a' },
  annualCost: { ...quantity, description: '等年值成本 equivalent annual cost, CNY/a' },
  electricity: quantity,
  fuel: quantity,
  pollutants,
  mark,
  sources: { ...texts, description: '措施库来源 id the library sources cited' },
} as const;
const candidateRequired = Object.keys(candidateProperties);

const candidateSchema = {
  $id: 'PlanningCandidate',
  type: 'object',
  required: candidateRequired,
  properties: candidateProperties,
} as const;

const sizedProperties = {
  scope: scopeInfo,
  year: { type: 'integer', description: '场址所取核算年 the year of the runs' },
  baseline: { ...quantity, description: '范围内核算总量 the runs’ total, tCO2e/a' },
  sites: { type: 'array', items: { $ref: 'PlanningSite#' } },
  withoutRun: {
    type: 'array',
    items: { type: 'object', required: ['code', 'name'], properties: { code: text, name: text } },
  },
  notApplicable: {
    type: 'array',
    items: {
      type: 'object',
      required: ['enterprise', 'measure', 'reason'],
      properties: { enterprise: text, measure: text, reason: text },
    },
  },
  notes: texts,
  discountRate: quantity,
} as const;
const sizedRequired = Object.keys(sizedProperties);

const maccSchema = {
  type: 'object',
  required: [...sizedRequired, 'bars', 'total', 'left'],
  properties: {
    ...sizedProperties,
    bars: {
      type: 'array',
      description: '按单位减排成本升序 by cost per tonne, cheapest first',
      items: {
        type: 'object',
        required: [...candidateRequired, 'cost', 'from', 'to'],
        properties: {
          ...candidateProperties,
          cost: { ...quantity, description: '平准化减排成本 levelized cost, CNY/tCO2' },
          from: quantity,
          to: quantity,
        },
      },
    },
    total: quantity,
    left: { ...reasons, description: '未上曲线的候选 candidates left off the curve' },
  },
} as const;

const planSchema = {
  type: 'object',
  required: [...sizedRequired, 'status', 'target', 'candidates'],
  description:
    'status = optimal（方案）| infeasible（不可行及约束瓶颈）| pareto（帕累托集） the plan, the binding constraint, or the Pareto set',
  properties: {
    ...sizedProperties,
    status: { type: 'string', enum: ['optimal', 'infeasible', 'pareto'] },
    target: {
      type: 'object',
      required: ['kind', 'by', 'cap', 'description'],
      properties: {
        kind: { type: 'string', enum: ['cut', 'absolute', 'intensity'] },
        by: { type: 'integer' },
        cap: { ...quantity, description: '目标年起允许排放 emissions allowed, tCO2e/a' },
        description: {
          type: 'object',
          required: ['zh', 'en'],
          properties: { zh: text, en: text },
        },
      },
    },
    candidates: { type: 'array', items: { $ref: 'PlanningCandidate#' } },
    adoptions: {
      type: 'array',
      description: 'optimal：各措施及其开始年 measures and their start years',
      items: {
        type: 'object',
        required: ['candidate', 'enterprise', 'measure', 'year'],
        properties: {
          candidate: text,
          enterprise: text,
          measure: text,
          year: { type: 'integer' },
        },
      },
    },
    years: {
      type: 'array',
      items: {
        type: 'object',
        required: ['year', 'baseline', 'abatement', 'emissions', 'capex', 'pollutants'],
        properties: {
          year: { type: 'integer' },
          baseline: quantity,
          abatement: quantity,
          emissions: quantity,
          capex: quantity,
          pollutants,
        },
      },
    },
    presentCost: {
      ...quantity,
      description: '折现到首年的总成本 present cost at the first year, CNY',
    },
    totalCapex: quantity,
    mark,
    left: reasons,
    binding: {
      type: 'string',
      enum: ['potential', 'exclusions', 'adoption-limits', 'budgets'],
      description: 'infeasible：约束瓶颈 the binding constraint',
    },
    targets: texts,
    explanation: {
      type: 'object',
      required: ['zh', 'en'],
      properties: { zh: text, en: text },
    },
    method: text,
    points: {
      type: 'array',
      items: {
        type: 'object',
        required: ['chosen', 'annualCost', 'abatement', 'reductions'],
        properties: {
          chosen: texts,
          annualCost: quantity,
          abatement: quantity,
          reductions: {
            type: 'object',
            properties: { SO2: quantity, NOx: quantity, PM: quantity },
          },
        },
      },
    },
  },
} as const;

const sourcedValue = {
  type: 'object',
  required: ['value', 'mark', 'source'],
  properties: { value: quantity, mark, source: text, note: text },
} as const;
const sourceRefs = {
  type: 'array',
  items: {
    type: 'object',
    required: ['id', 'title'],
    properties: {
      id: text,
      title: text,
      url: text,
      clause: text,
      publisher: text,
      year: { type: 'integer' },
      notes: text,
    },
  },
} as const;
const header = {
  formatVersion: { type: 'integer' },
  id: text,
  name: text,
  nameEn: text,
  notice: text,
  sources: sourceRefs,
} as const;

const measuresSchema = {
  type: 'object',
  required: ['libraries', 'prices', 'assumptions'],
  properties: {
    libraries: {
      type: 'array',
      items: {
        type: 'object',
        required: ['id', 'name', 'nameEn', 'sources', 'measures'],
        properties: {
          ...header,
          measures: {
            type: 'array',
            items: {
              type: 'object',
              required: [
                'id',
                'name',
                'nameEn',
                'sector',
                'category',
                'driver',
                'capex',
                'opex',
                'lifetime',
                'effects',
                'applicability',
                'excludes',
              ],
              properties: {
                id: text,
                name: text,
                nameEn: text,
                sector: { type: 'string', enum: ['cement', 'general'] },
                category: text,
                driver: {
                  type: 'object',
                  required: ['id', 'unit', 'description'],
                  properties: { id: text, unit: text, description: text },
                },
                capex: sourcedValue,
                opex: sourcedValue,
                lifetime: sourcedValue,
                effects: {
                  type: 'array',
                  items: {
                    type: 'object',
                    required: ['target', 'priced', 'value', 'mark', 'source'],
                    properties: {
                      target: text,
                      priced: { type: 'boolean' },
                      value: quantity,
                      mark,
                      source: text,
                      note: text,
                    },
                  },
                },
                applicability: {
                  type: 'object',
                  required: ['requires', 'notIf'],
                  properties: { requires: texts, notIf: texts, note: text },
                },
                excludes: {
                  type: 'array',
                  items: {
                    type: 'object',
                    required: ['measure', 'reason'],
                    properties: { measure: text, reason: text },
                  },
                },
                notes: text,
              },
            },
          },
        },
      },
    },
    prices: {
      type: 'object',
      required: ['id', 'sources', 'electricity', 'fuels', 'otherFuel', 'fallbackFactors'],
      properties: {
        ...header,
        electricity: sourcedValue,
        fuels: {
          type: 'array',
          items: {
            type: 'object',
            required: ['fuel', 'value', 'mark', 'source'],
            properties: { fuel: text, value: quantity, mark, source: text, note: text },
          },
        },
        otherFuel: sourcedValue,
        fallbackFactors: {
          type: 'object',
          required: ['electricity', 'fuel'],
          properties: { electricity: sourcedValue, fuel: sourcedValue },
        },
      },
    },
    assumptions: {
      type: 'object',
      required: [
        'id',
        'sources',
        'clinkerFactor',
        'clinkerOnlyElectricity',
        'modernKilnHeat',
        'boilerEfficiency',
        'profiles',
      ],
      properties: {
        ...header,
        clinkerFactor: sourcedValue,
        clinkerOnlyElectricity: sourcedValue,
        modernKilnHeat: sourcedValue,
        boilerEfficiency: sourcedValue,
        profiles: {
          type: 'array',
          items: {
            type: 'object',
            required: [
              'id',
              'industry',
              'features',
              'motorShare',
              'lightingShare',
              'pvShare',
              'boilerShare',
              'mark',
              'source',
            ],
            properties: {
              id: text,
              industry: { ...text, description: 'GB/T 4754 代码前缀 code prefix; "" = any' },
              features: texts,
              motorShare: sourcedValue,
              lightingShare: sourcedValue,
              pvShare: sourcedValue,
              boilerShare: sourcedValue,
              mark,
              source: text,
              note: text,
            },
          },
        },
      },
    },
  },
} as const;

/** A quantity written as text in a query string, e.g. `8 %`. */
const quantityText = {
  type: 'string',
  maxLength: 40,
  description: '带单位的数值 a value with its unit, e.g. "8 %"',
} as const;

const maccQuery = {
  type: 'object',
  additionalProperties: false,
  properties: {
    year: { ...year, description: '核算年，缺省为最近一年 run year; default the latest' },
    discountRate: { ...quantityText, description: '折现率，缺省 8 % discount rate, default "8 %"' },
  },
} as const;

const priceOverrides = {
  type: 'object',
  additionalProperties: false,
  description: '覆盖默认价格 prices in place of the defaults',
  properties: { electricity: quantity, fuel: quantity },
} as const;

const optimizationBody = {
  type: 'object',
  additionalProperties: false,
  required: ['scope', 'target'],
  properties: {
    scope: {
      type: 'object',
      additionalProperties: false,
      description: '三选一 one of enterpriseId, parkId, regionId',
      minProperties: 1,
      maxProperties: 1,
      properties: { enterpriseId: uuid, parkId: uuid, regionId: uuid },
    },
    year: { ...year, description: '基准年（场址所取核算年）base year of the runs' },
    target: {
      type: 'object',
      additionalProperties: false,
      required: ['kind', 'by'],
      properties: {
        kind: { type: 'string', enum: ['cut', 'absolute', 'intensity'] },
        by: { ...year, description: '目标年 target year' },
        cut: { ...quantity, description: 'kind = cut：比基准年削减 e.g. 20 %' },
        abatement: { ...quantity, description: 'kind = absolute：tCO2e/a' },
        intensity: { ...quantity, description: 'kind = intensity：tCO2e/t' },
      },
    },
    budgetPerYear: { ...quantity, description: '每年投资上限 investment allowed per year, CNY/a' },
    discountRate: quantity,
    exclusions: {
      type: 'array',
      maxItems: 500,
      items: { type: 'string', maxLength: 200 },
      description: '不采用的措施或候选 measures or candidates not to choose',
    },
    adoptionLimit: {
      type: 'integer',
      minimum: 1,
      description: '每种措施每年至多实施的企业数 sites that may start one measure in one year',
    },
    objective: { type: 'string', enum: ['cost', 'pareto'] },
    prices: priceOverrides,
  },
} as const;

interface OptimizationBody {
  scope: { enterpriseId?: string; parkId?: string; regionId?: string };
  year?: number;
  target: {
    kind: 'cut' | 'absolute' | 'intensity';
    by: number;
    cut?: Quantity;
    abatement?: Quantity;
    intensity?: Quantity;
  };
  budgetPerYear?: Quantity;
  discountRate?: Quantity;
  exclusions?: string[];
  adoptionLimit?: number;
  objective?: 'cost' | 'pareto';
  prices?: { electricity?: Quantity; fuel?: Quantity };
}

const badField = (field: string, zh: string, en: string) =>
  new AppError('validation-failed', zh, en, [{ field, reason: en }]);

function maccOptions(q: { year?: number; discountRate?: string }): PlanningOptions {
  let rate: Quantity | undefined;
  if (q.discountRate !== undefined)
    try {
      rate = parseQuantity(q.discountRate);
    } catch (e) {
      throw badField(
        'discountRate',
        `折现率无法读取：${(e as Error).message}`,
        `the discount rate cannot be read: ${(e as Error).message}`,
      );
    }
  return { ...(q.year !== undefined && { year: q.year }), ...(rate && { discountRate: rate }) };
}

function planRequest(b: OptimizationBody): PlanRequest {
  const s = b.scope;
  const scope = s.enterpriseId
    ? { enterpriseId: s.enterpriseId }
    : s.parkId
      ? { parkId: s.parkId }
      : { regionId: s.regionId! };
  const need = (q: Quantity | undefined, field: string): Quantity => {
    if (q) return q;
    throw badField(
      `target.${field}`,
      `目标类型 ${b.target.kind} 需要 target.${field}`,
      `a ${b.target.kind} target needs target.${field}`,
    );
  };
  const t = b.target;
  const target =
    t.kind === 'cut'
      ? { kind: t.kind, by: t.by, cut: need(t.cut, 'cut') }
      : t.kind === 'absolute'
        ? { kind: t.kind, by: t.by, abatement: need(t.abatement, 'abatement') }
        : { kind: t.kind, by: t.by, intensity: need(t.intensity, 'intensity') };
  return {
    scope,
    target,
    ...(b.year !== undefined && { year: b.year }),
    ...(b.budgetPerYear && { budgetPerYear: b.budgetPerYear }),
    ...(b.discountRate && { discountRate: b.discountRate }),
    ...(b.exclusions && { exclusions: b.exclusions }),
    ...(b.adoptionLimit !== undefined && { adoptionLimit: b.adoptionLimit }),
    ...(b.objective && { objective: b.objective }),
    ...(b.prices && { prices: b.prices }),
  };
}

/**
 * Abatement cost curves and optimized measure plans over the store, and the measure library
 * they use (docs/methods/analysis.md, "MACC and optimizer over the store").
 */
export function planningRoutes(app: FastifyInstance, ctx: AppContext): void {
  for (const schema of [siteSchema, candidateSchema]) app.addSchema(schema);
  const macc = (path: string, summary: string, run: typeof enterpriseMacc) =>
    app.get<{ Params: { id: string }; Querystring: { year?: number; discountRate?: string } }>(
      path,
      {
        schema: {
          tags,
          summary,
          security,
          params: idParams,
          querystring: maccQuery,
          response: withErrors({ 200: maccSchema }, 422),
        },
      },
      async (request) =>
        run(ctx.store, actorOf(ctx, request), request.params.id, maccOptions(request.query)),
    );
  macc(
    '/api/v1/enterprises/:id/macc',
    '企业边际减排成本曲线（按最近全年核算构建） an enterprise’s marginal abatement cost curve, from its latest annual run',
    enterpriseMacc,
  );
  macc(
    '/api/v1/parks/:id/macc',
    '园区边际减排成本曲线（各企业措施合于一条曲线） a park’s MACC: every member’s measures on one curve',
    parkMacc,
  );
  macc(
    '/api/v1/regions/:id/macc',
    '地区边际减排成本曲线（含下级地区） a region’s MACC, the regions beneath it included',
    regionMacc,
  );

  app.post<{ Body: OptimizationBody }>(
    '/api/v1/optimizations',
    {
      schema: {
        tags,
        summary:
          '减排方案优化（HiGHS）：措施及其年份、折现成本；不可行时给出约束瓶颈 optimize a measure plan (HiGHS): measures and years at least discounted cost, or the binding constraint when the target cannot be met',
        security,
        body: optimizationBody,
        response: withErrors({ 200: planSchema }, 422),
      },
    },
    async (request) => optimizePlan(ctx.store, actorOf(ctx, request), planRequest(request.body)),
  );

  app.get(
    '/api/v1/measures',
    {
      schema: {
        tags,
        summary:
          '减排措施库、默认价格与场址假设（含来源与可信标记） the measure libraries, default prices and site assumptions, with sources and marks',
        security,
        response: withErrors({ 200: measuresSchema }),
      },
    },
    async () => planningData(),
  );
}
