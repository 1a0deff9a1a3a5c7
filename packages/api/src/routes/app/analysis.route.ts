import type { FastifyInstance } from 'fastify';
import { listRegions, parkOverview, regionOverview } from '@carbonbase/app';
import { actorOf, type AppContext } from './context.js';
import { idParams, uuid, withErrors, year } from './schemas.js';

const security = [{ bearerAuth: [] }];
const tags = ['analysis 分析'];

const text = { type: 'string' } as const;
const texts = { type: 'array', items: text } as const;
const quantity = { $ref: 'Quantity#' } as const;
const maybeQuantity = { anyOf: [quantity, { type: 'null' }] } as const;

/** 同比: ok with the previous figure and the change, or why there is none. */
const changeSchema = {
  $id: 'Change',
  type: 'object',
  required: ['ok'],
  properties: {
    ok: { type: 'boolean' },
    reason: text,
    previousPeriod: text,
    previous: quantity,
    delta: { ...quantity, description: '本期 − 上期 current − previous' },
    relative: {
      ...maybeQuantity,
      description: '%；上期为零时为 null null when the previous is zero',
    },
  },
} as const;

const change = { $ref: 'Change#' } as const;
const rollup = { $ref: 'Rollup#' } as const;
const ranking = { $ref: 'Ranking#' } as const;

const pollutantCode = { type: 'string', enum: ['SO2', 'NOx', 'PM'] } as const;

/** 减污降碳协同: a year-on-year change of carbon against one pollutant, and its quadrant. */
const synergy = {
  type: 'array',
  items: {
    type: 'object',
    required: ['pollutant', 'carbonChange', 'pollutantChange', 'elasticity', 'class'],
    properties: {
      pollutant: pollutantCode,
      carbonChange: { ...quantity, description: '碳排放变化 change of carbon, tCO2e' },
      pollutantChange: { ...quantity, description: '污染物变化 change of the pollutant, t' },
      elasticity: {
        type: ['number', 'null'],
        description:
          '(ΔP/P0)/(ΔC/C0)；基数或碳变化为零时为 null null when a base or the carbon change is zero',
      },
      class: {
        type: 'string',
        enum: ['co-control', 'carbon-only', 'pollutant-only', 'neither', 'no-change'],
        description:
          '协同（都降）、仅降碳、仅减污、都升、不变 co-control (both down), carbon only, pollutant only, neither, no change',
      },
    },
  },
} as const;

const groupChange = {
  type: 'object',
  required: ['net', 'leftOut', 'synergy'],
  properties: {
    net: change,
    leftOut: {
      ...texts,
      description:
        '只有一年核算、未参与比较的企业 enterprises with a run in one year only, not compared',
    },
    synergy: {
      ...synergy,
      description:
        '同一批企业的不重复合计与两年都有填报的污染物之和的协同 the same enterprises’ net total against each pollutant reported in both years',
    },
  },
} as const;

const rollupSchema = {
  $id: 'Rollup',
  type: 'object',
  required: [
    'scope',
    'group',
    'period',
    'members',
    'direct',
    'indirect',
    'gross',
    'internalTransfer',
    'internalElectricity',
    'net',
    'transfers',
    'energy',
    'pollutants',
    'complete',
    'missing',
    'notes',
  ],
  properties: {
    scope: { type: 'string', enum: ['park', 'region'] },
    group: text,
    period: text,
    members: {
      type: 'array',
      items: {
        type: 'object',
        required: ['enterprise', 'direct', 'internalIndirect', 'externalIndirect'],
        properties: {
          enterprise: text,
          direct: maybeQuantity,
          internalIndirect: quantity,
          externalIndirect: quantity,
        },
      },
    },
    direct: quantity,
    indirect: quantity,
    gross: {
      ...quantity,
      description:
        '直接 + 间接（内部购电计两次） direct + indirect (electricity made and used inside counted twice)',
    },
    internalTransfer: quantity,
    internalElectricity: quantity,
    net: { ...quantity, description: '不重复计算的合计 the total without double counting' },
    transfers: {
      type: 'array',
      items: {
        type: 'object',
        required: ['buyer', 'supplier', 'electricity', 'buyerIndirect', 'supplierDirect'],
        properties: {
          buyer: text,
          supplier: text,
          electricity: quantity,
          buyerIndirect: quantity,
          supplierDirect: maybeQuantity,
        },
      },
    },
    energy: maybeQuantity,
    pollutants: {
      type: 'object',
      description: '各企业填报之和，t the members’ reported amounts summed, t',
      required: ['SO2', 'NOx', 'PM'],
      properties: { SO2: quantity, NOx: quantity, PM: quantity },
    },
    complete: { type: 'boolean' },
    missing: {
      type: 'array',
      items: {
        type: 'object',
        required: ['enterprise', 'reason'],
        properties: { enterprise: text, reason: text },
      },
    },
    notes: texts,
  },
} as const;

const maybeRollup = {
  anyOf: [rollup, { type: 'null' }],
  description: '该年无核算时为 null null when no enterprise has a run for the year',
} as const;

const rankingSchema = {
  $id: 'Ranking',
  type: 'object',
  required: ['metric', 'unit', 'period', 'order', 'groups', 'unassigned', 'notes'],
  properties: {
    metric: text,
    unit: text,
    period: text,
    order: { type: 'string', enum: ['ascending', 'descending'] },
    groups: {
      type: 'array',
      items: {
        type: 'object',
        required: ['scope', 'group', 'ranked', 'unranked'],
        properties: {
          scope: text,
          group: text,
          ranked: {
            type: 'array',
            items: {
              type: 'object',
              required: ['enterprise', 'value', 'rank', 'tied'],
              properties: {
                enterprise: text,
                value: quantity,
                rank: { type: 'integer' },
                tied: { type: 'boolean' },
              },
            },
          },
          unranked: {
            type: 'array',
            items: {
              type: 'object',
              required: ['enterprise', 'reason'],
              properties: { enterprise: text, reason: text },
            },
          },
        },
      },
    },
    unassigned: texts,
    notes: texts,
  },
} as const;

const overviewProperties = {
  scope: { type: 'string', enum: ['park', 'region'] },
  id: uuid,
  code: text,
  name: text,
  nameEn: text,
  year: { type: 'integer' },
  rollup: maybeRollup,
  yearOnYear: groupChange,
  byTotal: { ...ranking, description: '按总量，排放最多者第 1 by total, rank 1 = largest emitter' },
  byIntensity: {
    type: 'array',
    description: '按强度，只比较同一产量口径 by intensity, within one production basis',
    items: {
      type: 'object',
      required: ['basis', 'ranking'],
      properties: { basis: text, ranking },
    },
  },
  enterprises: {
    type: 'array',
    items: {
      type: 'object',
      required: [
        'code',
        'name',
        'runId',
        'direct',
        'indirect',
        'emissions',
        'production',
        'productionBasis',
        'intensity',
        'yearOnYear',
        'pollutants',
        'synergy',
      ],
      properties: {
        code: text,
        name: text,
        sector: text,
        parkId: uuid,
        runId: { ...uuid, description: '所取核算 the run the figures come from' },
        direct: maybeQuantity,
        indirect: maybeQuantity,
        emissions: maybeQuantity,
        production: maybeQuantity,
        productionBasis: { type: ['string', 'null'] },
        intensity: maybeQuantity,
        yearOnYear: change,
        pollutants: {
          type: 'array',
          description: '该年大气污染物（库中填报） the year’s air pollutants as stored',
          items: {
            type: 'object',
            required: ['pollutant', 'amount', 'months', 'sources'],
            properties: {
              pollutant: pollutantCode,
              amount: { ...quantity, description: 't' },
              months: {
                type: 'array',
                items: { type: 'integer', minimum: 0, maximum: 12 },
                description:
                  '填报的月份；[0] 为全年数 months reported; [0] for a whole-year figure',
              },
              sources: {
                type: 'array',
                items: { type: 'string', enum: ['cems', 'permit-report', 'estimate'] },
                description:
                  '在线监测、排污许可执行报告、估算 online monitoring, permit report, estimate',
              },
            },
          },
        },
        synergy: {
          ...synergy,
          description:
            '碳排放（直接 + 间接）与各污染物的同比变化及协同类型 year on year, carbon (direct + indirect) against each pollutant',
        },
      },
    },
  },
  sectors: {
    type: 'array',
    items: {
      type: 'object',
      required: ['sector', 'enterprises', 'emissions', 'share'],
      properties: {
        sector: text,
        enterprises: { type: 'integer' },
        emissions: quantity,
        share: { ...quantity, description: '占不重复合计的百分比 % of the net total' },
      },
    },
  },
  withoutRun: {
    type: 'array',
    items: {
      type: 'object',
      required: ['code', 'name'],
      properties: { code: text, name: text },
    },
  },
  supply: {
    type: 'object',
    required: ['known', 'note'],
    properties: {
      known: {
        type: 'boolean',
        description: '库中记录外购能源的供应方 the store records who supplied bought energy',
      },
      note: { ...text, description: '内部互供的规则 the rule for supply between members' },
    },
  },
  notes: texts,
} as const;

const overviewRequired = [
  'scope',
  'id',
  'code',
  'name',
  'year',
  'rollup',
  'yearOnYear',
  'byTotal',
  'byIntensity',
  'enterprises',
  'sectors',
  'withoutRun',
  'supply',
  'notes',
];

const parkOverviewSchema = {
  type: 'object',
  required: overviewRequired,
  properties: overviewProperties,
} as const;

const regionOverviewSchema = {
  type: 'object',
  required: [...overviewRequired, 'parks', 'outsideParks'],
  properties: {
    ...overviewProperties,
    parks: {
      type: 'array',
      items: {
        type: 'object',
        required: ['id', 'code', 'name', 'rollup', 'yearOnYear', 'share'],
        properties: {
          id: uuid,
          code: text,
          name: text,
          rollup: maybeRollup,
          yearOnYear: groupChange,
          share: {
            ...maybeQuantity,
            description: '占地区不重复合计的百分比 % of the region net total',
          },
        },
      },
    },
    outsideParks: { ...texts, description: '不在任何园区的企业 enterprises in no park' },
  },
} as const;

const yearQuery = {
  type: 'object',
  additionalProperties: false,
  required: ['year'],
  properties: { year },
} as const;

const regionListSchema = {
  type: 'object',
  required: ['items'],
  properties: {
    items: {
      type: 'array',
      description: '上级在前，同级按代码 parents before children, then by code',
      items: {
        type: 'object',
        required: ['id', 'code', 'name', 'level'],
        properties: {
          id: uuid,
          code: text,
          name: text,
          nameEn: text,
          parentId: { ...uuid, description: '上级地区 the region above' },
          level: {
            type: 'integer',
            minimum: 1,
            description: '在地区树中的层级，无上级为 1 depth in the region tree, 1 = no parent',
          },
        },
      },
    },
  },
} as const;

/**
 * Park and region overviews from the latest run of each enterprise: roll-up without double
 * counting, rankings, year-on-year change and sector shares (docs/methods/analysis.md).
 */
export function analysisRoutes(app: FastifyInstance, ctx: AppContext): void {
  for (const schema of [changeSchema, rollupSchema, rankingSchema]) app.addSchema(schema);
  app.get(
    '/api/v1/regions',
    {
      schema: {
        tags,
        summary:
          '可打开总览的地区（监管者：所辖地区及下级；园区与企业角色：无） the regions whose overview the caller may open (a regulator: its regions and those beneath; park and enterprise roles: none)',
        security,
        response: withErrors({ 200: regionListSchema }),
      },
    },
    async (request) => ({ items: await listRegions(ctx.store, actorOf(ctx, request)) }),
  );

  app.get<{ Params: { id: string }; Querystring: { year: number } }>(
    '/api/v1/parks/:id/overview',
    {
      schema: {
        tags,
        summary:
          '园区年度概览：汇总、排名、同比、行业占比 a park’s year: roll-up, rankings, year-on-year change, sector shares',
        security,
        params: idParams,
        querystring: yearQuery,
        response: withErrors({ 200: parkOverviewSchema }),
      },
    },
    async (request) =>
      parkOverview(ctx.store, actorOf(ctx, request), request.params.id, request.query.year),
  );

  app.get<{ Params: { id: string }; Querystring: { year: number } }>(
    '/api/v1/regions/:id/overview',
    {
      schema: {
        tags,
        summary:
          '地区年度概览（含下级地区），分园区汇总 a region’s year (with the regions beneath it), overall and park by park',
        security,
        params: idParams,
        querystring: yearQuery,
        response: withErrors({ 200: regionOverviewSchema }),
      },
    },
    async (request) =>
      regionOverview(ctx.store, actorOf(ctx, request), request.params.id, request.query.year),
  );
}
