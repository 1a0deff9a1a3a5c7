import type { FastifyInstance } from 'fastify';
import { pactFootprintOf, productFootprint, type FootprintQuery } from '@carbonbase/app';
import { actorOf, type AppContext } from './context.js';
import { idParams, withErrors, year } from './schemas.js';

const security = [{ bearerAuth: [] }];
const tags = ['footprints 产品碳足迹'];

const text = { type: 'string' } as const;
const texts = { type: 'array', items: text } as const;
const quantity = { $ref: 'Quantity#' } as const;

const contribution = {
  type: 'object',
  required: ['id', 'name', 'value', 'source', 'background'],
  properties: {
    id: text,
    name: text,
    value: { ...quantity, description: 'tCO2e/t 产品 per tonne of product' },
    amount: { ...quantity, description: '每吨产品的投入量 input per tonne of product' },
    source: { ...text, description: '数据来源 where the data come from' },
    background: {
      type: 'boolean',
      description: '背景数据（非企业自有数据） background data, not the enterprise’s own',
    },
  },
} as const;

/** The footprint of `productFootprint`, without the solver's link list (large, internal). */
const productFootprintSchema = {
  $id: 'ProductFootprint',
  type: 'object',
  required: ['enterprise', 'run', 'accounting', 'footprint'],
  properties: {
    enterprise: {
      type: 'object',
      required: ['id', 'code', 'name'],
      properties: { id: text, code: text, name: text },
    },
    run: {
      type: 'object',
      required: ['id', 'year', 'method', 'createdAt', 'factorSets'],
      properties: {
        id: text,
        year: { type: 'integer' },
        method: { ...text, description: 'id@version' },
        createdAt: { type: 'string', format: 'date-time' },
        factorSets: { ...texts, description: 'id@version' },
      },
    },
    accounting: {
      type: 'object',
      required: ['method', 'note'],
      properties: { method: text, note: text },
    },
    footprint: {
      type: 'object',
      required: [
        'product',
        'productName',
        'declaredUnit',
        'total',
        'breakdown',
        'contributions',
        'fuelUpstream',
        'allocation',
        'constituents',
        'inventory',
        'dataQuality',
      ],
      properties: {
        product: { type: 'string', enum: ['clinker', 'cement'] },
        productName: text,
        declaredUnit: quantity,
        total: { ...quantity, description: 'tCO2e/t' },
        breakdown: {
          type: 'array',
          description: '按排放类别 by kind of emission; the parts add up to the total',
          items: {
            type: 'object',
            required: ['category', 'label', 'value'],
            properties: { category: text, label: text, value: quantity },
          },
        },
        contributions: {
          type: 'object',
          required: ['byProcess', 'byInput'],
          properties: {
            byProcess: {
              type: 'array',
              description: '按工序（各工序自身排放） by stage: each process’s own emissions',
              items: contribution,
            },
            byInput: {
              type: 'array',
              description:
                '按投入（含其全部上游），首行为本工序直接排放 by input with all of its upstream; the first row is the process’s own direct emissions',
              items: contribution,
            },
          },
        },
        fuelUpstream: {
          type: 'object',
          required: ['status', 'statement', 'fuels'],
          properties: {
            status: { type: 'string', enum: ['included', 'partial', 'not-included', 'no-fuels'] },
            statement: text,
            fuels: {
              type: 'array',
              items: {
                type: 'object',
                required: ['fuel', 'lines', 'amount', 'value'],
                properties: {
                  fuel: text,
                  lines: texts,
                  amount: quantity,
                  value: quantity,
                  background: text,
                  source: text,
                  cutOff: text,
                },
              },
            },
          },
        },
        allocation: {
          type: 'object',
          required: ['rule', 'clinkerShare', 'byProducts', 'statements'],
          properties: {
            rule: { type: 'string', enum: ['economic', 'cut-off'] },
            clinkerShare: quantity,
            byProducts: {
              type: 'array',
              items: {
                type: 'object',
                required: ['id', 'name', 'burden', 'basis'],
                properties: { id: text, name: text, burden: quantity, basis: text },
              },
            },
            statements: texts,
          },
        },
        constituents: {
          type: 'array',
          items: {
            type: 'object',
            required: ['id', 'name', 'kind', 'share'],
            properties: { id: text, name: text, kind: text, share: quantity },
          },
        },
        inventory: {
          type: 'object',
          required: ['document', 'method', 'year', 'reporter', 'electricityFactors'],
          properties: {
            document: text,
            method: text,
            year: { type: 'integer' },
            reporter: text,
            electricityFactors: texts,
          },
        },
        background: {
          type: 'object',
          required: ['id', 'version', 'name', 'region', 'gwp', 'licence'],
          properties: {
            id: text,
            version: text,
            name: text,
            region: text,
            gwp: text,
            licence: text,
          },
        },
        dataQuality: {
          ...texts,
          description:
            '映射假设、方法不计的行、代用数据、外国数据、每项截断 mapping assumptions, lines the method leaves out, proxies, foreign data, every cut-off',
        },
      },
    },
  },
} as const;

interface FootprintQuerystring {
  year: number;
  product: 'clinker' | 'cement';
  allocation?: 'economic' | 'cut-off';
}

const footprintQuery = {
  year,
  product: { type: 'string', enum: ['clinker', 'cement'], default: 'clinker' },
  allocation: {
    type: 'string',
    enum: ['economic', 'cut-off'],
    description:
      '默认 cut-off：库中没有经济分配所需的价格 default cut-off: the store holds no prices for economic allocation',
  },
} as const;

const queryOf = (id: string, q: FootprintQuerystring): FootprintQuery => ({
  enterpriseId: id,
  year: q.year,
  product: q.product,
  ...(q.allocation !== undefined && { allocation: q.allocation }),
});

/** Product footprints of an enterprise's clinker and cement from its stored annual runs. */
export function footprintRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.addSchema(productFootprintSchema);

  app.get<{ Params: { id: string }; Querystring: FootprintQuerystring }>(
    '/api/v1/enterprises/:id/footprints',
    {
      schema: {
        tags,
        summary:
          '熟料或水泥的摇篮到大门碳足迹（每吨，按年度核算记录） cradle-to-gate footprint of 1 t of clinker or cement from the year’s latest annual run',
        security,
        params: idParams,
        querystring: {
          type: 'object',
          additionalProperties: false,
          required: ['year'],
          properties: footprintQuery,
        },
        response: withErrors({ 200: { $ref: 'ProductFootprint#' } }, 422),
      },
    },
    async (request) =>
      productFootprint(ctx.store, actorOf(ctx, request), queryOf(request.params.id, request.query)),
  );

  app.get<{
    Params: { id: string };
    Querystring: FootprintQuerystring & { version: '2' | '3' };
  }>(
    '/api/v1/enterprises/:id/footprints/pact',
    {
      schema: {
        tags,
        summary:
          '同一足迹的 PACT ProductFootprint 文档（v2.3 或 v3.0） the same footprint as a PACT ProductFootprint (v2.3 or v3.0)',
        security,
        params: idParams,
        querystring: {
          type: 'object',
          additionalProperties: false,
          required: ['year'],
          properties: {
            ...footprintQuery,
            version: { type: 'string', enum: ['2', '3'], default: '3' },
          },
        },
        response: withErrors(
          {
            200: {
              type: 'object',
              description:
                'PACT ProductFootprint, valid against the official schema of its version (PACT OpenAPI v2.3.3 / v3.0.4, components/schemas/ProductFootprint); sent as built, not re-serialized',
              required: ['id', 'specVersion', 'companyName', 'productIds', 'pcf'],
              properties: {
                id: { type: 'string', format: 'uuid' },
                specVersion: text,
                companyName: text,
                productIds: texts,
                productNameCompany: text,
                pcf: { type: 'object', additionalProperties: true },
              },
              additionalProperties: true,
            },
          },
          422,
        ),
      },
    },
    async (request, reply) => {
      const doc = await pactFootprintOf(
        ctx.store,
        actorOf(ctx, request),
        queryOf(request.params.id, request.query),
        request.query.version,
      );
      // The document is defined by the PACT schema, not ours: sent as built, so nothing is dropped.
      return reply.type('application/json; charset=utf-8').send(JSON.stringify(doc));
    },
  );
}
