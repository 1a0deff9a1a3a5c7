import { toPactV2, toPactV3 } from '@carbonbase/pact';
import type { FastifyInstance } from 'fastify';
import { expressibleIn } from '../../pact/criteria.js';
import { pactError } from '../../pact/errors.js';
import { requireBearer, type PactContext } from './context.js';
import { footprintResponseSchemas, idParams } from './route-schemas.js';
import { plainJson } from './serialize.js';

/**
 * GET /3/footprints/{id} — Action GetFootprint v3. Any id without a footprint is 404 NotFound
 * (the v3 conformance case sends a non-UUID id and expects the code NotFound).
 */
export function registerGetFootprintV3(app: FastifyInstance, ctx: PactContext): void {
  app.get<{ Params: { id: string } }>(
    '/3/footprints/:id',
    {
      schema: {
        tags: ['pact'],
        summary: 'PACT v3 Action GetFootprint',
        security: [{ bearerAuth: [] }],
        params: idParams,
        response: footprintResponseSchemas(ctx.options.schemas, '3').get,
      },
      serializerCompiler: plainJson,
      preValidation: requireBearer(ctx),
    },
    async (request, reply) => {
      const { id } = request.params;
      const fp = await ctx.options.footprints.get(id);
      if (!fp || !expressibleIn(fp, '3'))
        return reply
          .code(404)
          .send(pactError('NotFound', `Footprint with ID '${id}' does not exist`));
      return reply.send({ data: toPactV3(fp) });
    },
  );
}

/**
 * GET /2/footprints/{id} — Action GetFootprint v2. An unknown id is 404 NoSuchFootprint, the code
 * of the v2 Tech Spec's error table that the conformance service checks (the OpenAPI 2.3.3 enum
 * says NotFound; see docs/api/pact.md).
 */
export function registerGetFootprintV2(app: FastifyInstance, ctx: PactContext): void {
  app.get<{ Params: { id: string } }>(
    '/2/footprints/:id',
    {
      schema: {
        tags: ['pact'],
        summary: 'PACT v2 Action GetFootprint',
        security: [{ bearerAuth: [] }],
        params: idParams,
        response: footprintResponseSchemas(ctx.options.schemas, '2').get,
      },
      serializerCompiler: plainJson,
      preValidation: requireBearer(ctx),
    },
    async (request, reply) => {
      const { id } = request.params;
      const fp = await ctx.options.footprints.get(id);
      // A footprint v2 cannot express (no CPC code, a v3-only unit) does not exist for v2 clients.
      if (!fp || !expressibleIn(fp, '2')) {
        return reply
          .code(404)
          .send(pactError('NoSuchFootprint', `Footprint with ID '${id}' does not exist`));
      }
      return reply.send({ data: toPactV2(fp) });
    },
  );
}
