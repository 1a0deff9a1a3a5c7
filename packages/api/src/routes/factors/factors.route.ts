// Brings @fastify/swagger's schema fields (tags, summary) into Fastify's route schema type.
import type {} from '@fastify/swagger';
import type { FastifyInstance, FastifyReply } from 'fastify';
import {
  FACTOR_KINDS,
  FactorNotFoundError,
  toFactorJson,
  type FactorBase,
  type FactorKind,
} from '@carbonbase/factors';
import { apiErrorSchema, factorSchema, factorSetSchema } from './factor.schema.js';

export interface FactorRoutesOptions {
  /** The loaded factor base (bundled and imported sets). */
  readonly factorBase: () => Promise<FactorBase>;
}

interface ListQuery {
  q?: string;
  region?: string;
  year?: number;
  kind?: FactorKind;
  set?: string;
  limit: number;
  offset: number;
}

interface ResolveQuery {
  code: string;
  parameter: string;
  region?: string;
  year?: number;
  basis?: string;
  set?: string;
}

function notFound(reply: FastifyReply, zh: string, en: string, details: Record<string, unknown>) {
  return reply.code(404).send({ code: 'not-found', message: { zh, en }, details });
}

/** The factor base over HTTP: search and list, one factor, the sets, and rule-based resolution. */
export function factorRoutes(app: FastifyInstance, options: FactorRoutesOptions): void {
  app.addSchema(factorSchema);
  app.addSchema(factorSetSchema);
  app.addSchema(apiErrorSchema);
  const tags = ['factors 排放因子库'];

  app.get<{ Querystring: ListQuery }>(
    '/api/v1/factors',
    {
      schema: {
        tags,
        summary: '检索因子 search and list factors',
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: {
            q: { type: 'string', description: '检索词 words (Chinese or English), all must match' },
            region: {
              type: 'string',
              description: '地区 site region; its grid region, CN and GLOBAL included',
            },
            year: { type: 'integer', minimum: 1900, maximum: 2100 },
            kind: { type: 'string', enum: [...FACTOR_KINDS] },
            set: { type: 'string' },
            limit: { type: 'integer', minimum: 1, maximum: 500, default: 50 },
            offset: { type: 'integer', minimum: 0, default: 0 },
          },
        },
        response: {
          200: {
            type: 'object',
            required: ['items', 'total', 'limit', 'offset'],
            properties: {
              items: { type: 'array', items: { $ref: 'Factor#' } },
              total: { type: 'integer' },
              limit: { type: 'integer' },
              offset: { type: 'integer' },
            },
          },
        },
      },
    },
    async (request) => {
      const { q, region, year, kind, set, limit, offset } = request.query;
      const found = (await options.factorBase()).search(q ?? '', {
        ...(region && { region }),
        ...(year !== undefined && { year }),
        ...(kind && { kind }),
        ...(set && { set }),
      });
      return {
        items: found.slice(offset, offset + limit).map(toFactorJson),
        total: found.length,
        limit,
        offset,
      };
    },
  );

  app.get<{ Querystring: ResolveQuery }>(
    '/api/v1/factors/resolve',
    {
      schema: {
        tags,
        summary: '按规则选用因子并说明理由 resolve one factor by the documented rule, with reasons',
        querystring: {
          type: 'object',
          additionalProperties: false,
          required: ['code', 'parameter'],
          properties: {
            code: { type: 'string' },
            parameter: { type: 'string' },
            region: { type: 'string' },
            year: { type: 'integer', minimum: 1900, maximum: 2100 },
            basis: { type: 'string' },
            set: { type: 'string' },
          },
        },
        response: {
          200: {
            type: 'object',
            required: ['ref', 'factor', 'reasons'],
            properties: {
              ref: { type: 'string' },
              factor: { $ref: 'Factor#' },
              reasons: { type: 'array', items: { type: 'string' } },
            },
          },
          404: { $ref: 'ApiError#' },
        },
      },
    },
    async (request, reply) => {
      const { code, parameter, region, year, basis, set } = request.query;
      try {
        const res = (await options.factorBase()).resolve({
          code,
          parameter,
          ...(region && { region }),
          ...(year !== undefined && { year }),
          ...(basis && { basis }),
          ...(set && { set }),
        });
        return { ref: res.ref, factor: toFactorJson(res.record), reasons: res.reasons };
      } catch (e) {
        if (!(e instanceof FactorNotFoundError)) throw e;
        return notFound(reply, '未找到适用的因子', e.message, { code, parameter, region, year });
      }
    },
  );

  // Factor ids contain "/" (`<set>/<row id>`), so the id is the rest of the path.
  app.get<{ Params: { '*': string } }>(
    '/api/v1/factors/*',
    {
      schema: {
        tags,
        summary: '一个因子及其来源 one factor with its provenance (id or id@version)',
        response: { 200: { $ref: 'Factor#' }, 404: { $ref: 'ApiError#' } },
      },
    },
    async (request, reply) => {
      const id = request.params['*'];
      const record = (await options.factorBase()).get(id);
      if (!record) return notFound(reply, `未找到因子 ${id}`, `no factor with id ${id}`, { id });
      return toFactorJson(record);
    },
  );

  app.get(
    '/api/v1/factor-sets',
    {
      schema: {
        tags,
        summary: '已加载的因子集 the loaded factor sets',
        response: { 200: { type: 'array', items: { $ref: 'FactorSet#' } } },
      },
    },
    async () => (await options.factorBase()).summaries(),
  );
}
