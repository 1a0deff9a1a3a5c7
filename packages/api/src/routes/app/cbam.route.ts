import type { FastifyInstance } from 'fastify';
import { enterpriseCbam, enterpriseCbamWorkbook, type EnterpriseCbamQuery } from '@carbonbase/app';
import { actorOf, type AppContext } from './context.js';
import { attachment } from './imports.route.js';
import { idParams, withErrors, year } from './schemas.js';

const security = [{ bearerAuth: [] }];
const tags = ['cbam 欧盟碳边境调节机制'];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const text = { type: 'string' } as const;
const quantity = { $ref: 'Quantity#' } as const;
const see = {
  type: 'object',
  required: ['value', 'basis', 'label'],
  properties: {
    value: { ...quantity, description: 'tCO2e/t' },
    basis: { type: 'string', enum: ['actual', 'default'] },
    label: { ...text, description: '`actual`, or `default (+10 % mark-up 2026)`, …' },
  },
} as const;

/** The communication data (carbonbase.cbam-communication/v1), field for field. */
const communication = {
  type: 'object',
  required: [
    'format',
    'installation',
    'reportingPeriod',
    'markUpYear',
    'goods',
    'factors',
    'caveats',
  ],
  properties: {
    format: { type: 'string', enum: ['carbonbase.cbam-communication/v1'] },
    issued: { ...text, description: 'ISO date of issue' },
    installation: {
      type: 'object',
      required: ['name', 'country'],
      properties: {
        name: text,
        nameEn: text,
        id: text,
        country: text,
        region: text,
        address: text,
        operator: text,
        contact: text,
      },
    },
    reportingPeriod: {
      type: 'object',
      required: ['year'],
      properties: { year: { type: 'integer' }, from: text, to: text },
    },
    markUpYear: { type: 'integer' },
    goods: {
      type: 'array',
      items: {
        type: 'object',
        required: [
          'process',
          'processName',
          'cn',
          'name',
          'kind',
          'activityLevel',
          'see',
          'attributed',
          'sources',
          'precursors',
          'explanation',
        ],
        properties: {
          process: text,
          processName: text,
          cn: { ...text, description: 'CN code, e.g. 2523 10 00' },
          name: text,
          kind: { type: 'string', enum: ['simple', 'complex'] },
          route: { type: 'string', enum: ['A', 'B'] },
          routeMeaning: text,
          activityLevel: quantity,
          see: {
            type: 'object',
            required: ['direct', 'indirect', 'total'],
            properties: { direct: see, indirect: see, total: quantity },
          },
          attributed: {
            type: 'object',
            properties: { direct: quantity, indirect: quantity },
          },
          sources: {
            type: 'array',
            items: {
              type: 'object',
              required: ['component', 'id', 'emissions'],
              properties: {
                component: { type: 'string', enum: ['direct', 'indirect'] },
                id: text,
                emissions: quantity,
              },
            },
          },
          electricityConsumed: quantity,
          clinkerFactor: quantity,
          precursors: {
            type: 'array',
            items: {
              type: 'object',
              required: ['cn', 'amount', 'origin', 'direct', 'indirect'],
              properties: {
                cn: text,
                amount: quantity,
                origin: { type: 'string', enum: ['own-production', 'purchased'] },
                process: text,
                supplier: text,
                direct: see,
                indirect: see,
              },
            },
          },
          explanation: { type: 'array', items: text },
        },
      },
    },
    factors: {
      type: 'array',
      items: {
        type: 'object',
        required: ['ref', 'name', 'value'],
        properties: {
          ref: text,
          name: text,
          value: quantity,
          verification: { type: 'string', enum: ['verified', 'secondary', 'recalled'] },
        },
      },
    },
    caveats: { type: 'array', items: text },
  },
} as const;

const cbamResult = {
  type: 'object',
  required: [
    'enterpriseId',
    'enterpriseCode',
    'year',
    'runId',
    'method',
    'factorSets',
    'notes',
    'communication',
  ],
  properties: {
    enterpriseId: { type: 'string', format: 'uuid' },
    enterpriseCode: text,
    year,
    runId: { type: 'string', format: 'uuid' },
    method: { ...text, description: 'accounting method of the run, id@version' },
    factorSets: { type: 'array', items: text },
    notes: { type: 'array', items: text },
    communication,
  },
} as const;

const query = {
  type: 'object',
  required: ['year'],
  additionalProperties: false,
  properties: {
    year: { ...year, description: '报告年份 reporting year of the saved run' },
    route: {
      type: 'string',
      enum: ['A', 'B'],
      description:
        '生产路线 production route where the default differs by route: A 灰色熟料/水泥 grey, B 白色熟料/水泥 white clinker/cement',
    },
    importYear: { ...year, description: '进口年份（默认值加成）year of import, for mark-ups' },
  },
} as const;

/** The date the API issues communication data on (the use-case reads no clock of its own). */
const today = () => new Date().toISOString().slice(0, 10);

/** CBAM embedded emissions of an enterprise's saved annual run, as JSON and as the Excel workbook. */
export function cbamRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get<{ Params: { id: string }; Querystring: EnterpriseCbamQuery }>(
    '/api/v1/enterprises/:id/cbam',
    {
      schema: {
        tags,
        summary:
          'CBAM 隐含排放（最近一次年度核算）CBAM specific embedded emissions of the latest saved run of a year',
        security,
        params: idParams,
        querystring: query,
        response: withErrors({ 200: cbamResult }, 422),
      },
    },
    async (request) =>
      enterpriseCbam(ctx.store, actorOf(ctx, request), request.params.id, request.query, today()),
  );

  app.get<{ Params: { id: string }; Querystring: EnterpriseCbamQuery }>(
    '/api/v1/enterprises/:id/cbam/communication.xlsx',
    {
      schema: {
        tags,
        summary: 'CBAM 通报数据 Excel the CBAM communication data as an Excel workbook',
        security,
        params: idParams,
        querystring: query,
        produces: [XLSX],
      },
    },
    async (request, reply) => {
      const { id } = request.params;
      const xlsx = await enterpriseCbamWorkbook(
        ctx.store,
        actorOf(ctx, request),
        id,
        request.query,
        today(),
      );
      const y = request.query.year;
      return reply
        .type(XLSX)
        .header(
          'content-disposition',
          attachment(`CBAM通报数据-${y}.xlsx`, `cbam-communication-${id}-${y}.xlsx`),
        )
        .send(xlsx);
    },
  );
}
