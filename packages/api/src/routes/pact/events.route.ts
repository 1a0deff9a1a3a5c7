import type { PactVersion } from '@carbonbase/pact';
import type { FastifyInstance, FastifySchemaCompiler } from 'fastify';
import { answerRequest } from '../../pact/callbacks.js';
import { errorSchema, pactError } from '../../pact/errors.js';
import { checkEvent, PACT_EVENT_TYPES } from '../../pact/events.js';
import { requireBearer, type PactContext } from './context.js';

/**
 * POST /{2,3}/events — Action Events: structured-mode CloudEvents. Every PACT event type is
 * validated against the official schema of its version and recorded. A RequestCreated event from a
 * data recipient we know how to call back (options.callbacks) is answered with 200 at once, and
 * then, asynchronously, with a RequestFulfilled or RequestRejected event POSTed to the recipient's
 * events endpoint (conformance cases #12/#13, #14.A/#14.B); from anyone else it is refused with
 * 400, as the spec asks when the host can tell at once that it cannot handle the request.
 * Fulfilled, Rejected and Published events are acknowledged.
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
      const clientId = ctx.clients.get(request) ?? '';
      const partner =
        check.event.kind === 'RequestCreated'
          ? ctx.options.callbacks?.partners.find((p) => p.clientId === clientId)
          : undefined;
      if (check.event.kind === 'RequestCreated' && !partner)
        return reply
          .code(400)
          .send(
            pactError(
              'BadRequest',
              `No Action Events endpoint is configured for client ${clientId}: the request cannot be answered`,
            ),
          );
      await ctx.events.record({
        version,
        ...check.event,
        clientId,
        receivedAt: ctx.now().toISOString(),
      });
      await reply.code(200).send();
      if (partner && ctx.options.callbacks) {
        const outcome = answerRequest({
          version,
          request: check.event,
          partner,
          footprints: ctx.options.footprints,
          maxFootprints: ctx.maxPageSize,
          options: ctx.options.callbacks,
        });
        const report =
          ctx.options.onCallback ??
          ((o) =>
            o.delivered
              ? request.log.info({ callback: { ...o, event: undefined } }, 'PACT callback sent')
              : request.log.error(
                  { callback: { ...o, event: undefined } },
                  'PACT callback abandoned',
                ));
        outcome.then(report, (e: unknown) => request.log.error({ err: e }, 'PACT callback failed'));
      }
      return reply;
    },
  );
}
