import { toPactV2, toPactV3, type PactVersion } from '@carbonbase/pact';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { pactError } from '../../pact/errors.js';
import { ODataSyntaxError, parseODataFilter } from '../../pact/odata-filter.js';
import { paginationLinks } from '../../pact/pagination.js';
import type { FootprintCriteria } from '../../pact/repository.js';
import { requireBearer, type PactContext } from './context.js';
import {
  footprintResponseSchemas,
  listQueryV2,
  listQueryV3,
  type ListQueryV2,
  type ListQueryV3,
} from './route-schemas.js';
import { plainJson } from './serialize.js';

/** GET /3/footprints — Action ListFootprints v3, with the spec's filters and pagination. */
export function registerListFootprintsV3(app: FastifyInstance, ctx: PactContext): void {
  app.get<{ Querystring: ListQueryV3 }>(
    '/3/footprints',
    {
      schema: {
        tags: ['pact'],
        summary: 'PACT v3 Action ListFootprints',
        security: [{ bearerAuth: [] }],
        querystring: listQueryV3,
        response: footprintResponseSchemas(ctx.options.schemas, '3').list,
      },
      serializerCompiler: plainJson,
      preValidation: requireBearer(ctx),
    },
    async (request, reply) => {
      const q = request.query;
      if (q.$filter !== undefined) {
        return reply
          .code(400)
          .send(
            pactError(
              'BadRequest',
              '$filter was deprecated in PACT v3; use productId, companyId, geography, classification, validOn, validAfter, validBefore or status',
            ),
          );
      }
      const criteria: FootprintCriteria = {
        version: '3',
        ...optionalList('productId', q.productId),
        ...optionalList('companyId', q.companyId),
        ...optionalList('geography', q.geography),
        ...optionalList('classification', q.classification),
        ...optionalList('status', q.status),
        ...(q.validOn === undefined ? {} : { validOn: new Date(q.validOn) }),
        ...(q.validAfter === undefined ? {} : { validAfter: new Date(q.validAfter) }),
        ...(q.validBefore === undefined ? {} : { validBefore: new Date(q.validBefore) }),
      };
      return sendPage(ctx, request, reply, '3', criteria, q);
    },
  );
}

/** GET /2/footprints — Action ListFootprints v2, with `limit` and the OData `$filter`. */
export function registerListFootprintsV2(app: FastifyInstance, ctx: PactContext): void {
  app.get<{ Querystring: ListQueryV2 }>(
    '/2/footprints',
    {
      schema: {
        tags: ['pact'],
        summary: 'PACT v2 Action ListFootprints',
        security: [{ bearerAuth: [] }],
        querystring: listQueryV2,
        response: footprintResponseSchemas(ctx.options.schemas, '2').list,
      },
      serializerCompiler: plainJson,
      preValidation: requireBearer(ctx),
    },
    async (request, reply) => {
      const q = request.query;
      let criteria: FootprintCriteria = { version: '2' };
      if (q.$filter !== undefined && q.$filter.trim() !== '') {
        try {
          criteria = { ...criteria, odata: parseODataFilter(q.$filter) };
        } catch (e) {
          if (!(e instanceof ODataSyntaxError)) throw e;
          return reply.code(400).send(pactError('BadRequest', `$filter: ${e.message}`));
        }
      }
      return sendPage(ctx, request, reply, '2', criteria, q);
    },
  );
}

async function sendPage(
  ctx: PactContext,
  request: FastifyRequest,
  reply: FastifyReply,
  version: PactVersion,
  criteria: FootprintCriteria,
  q: { limit?: number; offset?: number },
) {
  const limit = Math.min(q.limit ?? ctx.defaultPageSize, ctx.maxPageSize);
  const offset = q.offset ?? 0;
  const page = await ctx.options.footprints.list({ criteria, offset, limit });
  const link = paginationLinks({
    origin: `${request.protocol}://${request.host}`,
    path: `/${version}/footprints`,
    query: new URLSearchParams(request.url.split('?')[1] ?? ''),
    offset,
    limit,
    total: page.total,
  });
  if (link) void reply.header('link', link);
  const render = version === '2' ? toPactV2 : toPactV3;
  return reply.send({ data: page.items.map((fp) => render(fp)) });
}

function optionalList<K extends string>(
  key: K,
  values: string[] | undefined,
): Partial<Record<K, string[]>> {
  return values === undefined ? {} : ({ [key]: values } as Record<K, string[]>);
}
