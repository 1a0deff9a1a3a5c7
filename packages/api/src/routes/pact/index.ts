import type { FastifyError, FastifyInstance, FastifyPluginAsync } from 'fastify';
import { pactError } from '../../pact/errors.js';
import type { PactApiOptions } from '../../pact/options.js';
import { registerAuthTokenRoute } from './auth-token.route.js';
import { createPactContext } from './context.js';
import { registerEventsRoute } from './events.route.js';
import { registerGetFootprintV2, registerGetFootprintV3 } from './get-footprint.route.js';
import { registerListFootprintsV2, registerListFootprintsV3 } from './list-footprints.route.js';

/**
 * The PACT area: /auth/token, /2/… and /3/…. Registered as an encapsulated plugin, so its body
 * parsers and error format (PACT `Error` bodies) do not leak into the other areas of the API.
 */
export const pactRoutes: FastifyPluginAsync<PactApiOptions> = async (app, options) => {
  const ctx = createPactContext(options);
  addBodyParsers(app);
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const status = error.statusCode ?? 500;
    if (status >= 500) {
      request.log.error({ err: error }, 'PACT request failed');
      return reply.code(500).send(pactError('InternalError', 'Internal error'));
    }
    // Query validation, unparsable bodies, unsupported media types: all bad requests for PACT.
    return reply.code(status).send(pactError('BadRequest', error.message));
  });
  registerAuthTokenRoute(app, ctx);
  registerListFootprintsV2(app, ctx);
  registerGetFootprintV2(app, ctx);
  registerEventsRoute(app, ctx, '2');
  registerListFootprintsV3(app, ctx);
  registerGetFootprintV3(app, ctx);
  registerEventsRoute(app, ctx, '3');
  return Promise.resolve();
};

function addBodyParsers(app: FastifyInstance): void {
  // CloudEvents in structured mode are JSON with their own media type.
  app.addContentTypeParser(
    'application/cloudevents+json',
    { parseAs: 'string' },
    app.getDefaultJsonParser('error', 'ignore'),
  );
  // The token request is a form (RFC 6749 §4.4.2); @fastify/formbody is not needed for one route.
  app.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string' },
    (_request, body, done) => {
      done(null, Object.fromEntries(new URLSearchParams(String(body))));
    },
  );
}
