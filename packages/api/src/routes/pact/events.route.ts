import type { PactVersion } from '@carbonbase/pact';
import type { FastifyInstance, FastifySchemaCompiler } from 'fastify';
import { errorSchema, pactError } from '../../pact/errors.js';
import { checkEvent, PACT_EVENT_TYPES } from '../../pact/events.js';
import { requireBearer, type PactContext } from './context.js';

/**
 * POST /{2,3}/events — Action Events: structured-mode CloudEvents. Every PACT event type is
 * validated against the official schema of its version and recorded; a RequestCreated event is
 * answered with 200 at once (the RequestFulfilled or RequestRejected answer is sent later by
 * whoever processes the event log), a Published event is acknowledged.
 */
export function registerEventsRoute(
  app: FastifyInstance,
  ctx: PactContext,
  version: PactVersion,
): void {
  const schemas = ctx.options.schemas;
  // The body schema above is for the OpenAPI document; the handler checks the body with the
  // official schemas itself, dispatching on `type` first, which gives precise field paths.
  const validatorCompiler: FastifySchemaCompiler<unknown> = () => (data: unknown) => ({
    value: data,
  });
  app.post<{ Body: unknown }>(
    `/${version}/events`,
    {
      schema: {
        tags: ['pact'],
        summary: `PACT v${version} Action Events (CloudEvents)`,
        security: [{ bearerAuth: [] }],
        consumes: ['application/cloudevents+json'],
        body: {
          oneOf: Object.values(PACT_EVENT_TYPES[version]).map((t) =>
            schemas.inlined(version, t.schema),
          ),
        },
        response: {
          200: { description: 'The event was accepted; the body is empty.', type: 'null' },
          400: errorSchema,
          401: errorSchema,
        },
      },
      validatorCompiler,
      preValidation: requireBearer(ctx),
    },
    async (request, reply) => {
      const check = checkEvent(request.body, version, schemas);
      if (!check.ok) return reply.code(400).send(pactError('BadRequest', check.message));
      await ctx.events.record({
        version,
        ...check.event,
        clientId: ctx.clients.get(request) ?? '',
        receivedAt: ctx.now().toISOString(),
      });
      return reply.code(200).send();
    },
  );
}
