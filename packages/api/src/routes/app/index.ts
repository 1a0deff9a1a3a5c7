import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import type { FastifyError, FastifyPluginAsync } from 'fastify';
import type { AppError } from '@carbonbase/app';
import { activityRoutes } from './activity.route.js';
import { analysisRoutes } from './analysis.route.js';
import { authRoutes } from './auth.route.js';
import { cbamRoutes } from './cbam.route.js';
import {
  createAppContext,
  requireToken,
  sendError,
  tooManyRequests,
  type StoreAreaOptions,
} from './context.js';
import { decompositionRoutes } from './decomposition.route.js';
import { enterpriseRoutes } from './enterprises.route.js';
import { evaluationRoutes } from './evaluations.route.js';
import { figureRoutes } from './figures.route.js';
import { footprintRoutes } from './footprints.route.js';
import { importRoutes } from './imports.route.js';
import { pathwayRoutes } from './pathways.route.js';
import { periodRoutes } from './periods.route.js';
import { planningRoutes } from './planning.route.js';
import { runRoutes } from './runs.route.js';
import { APP_SCHEMAS } from './schemas.js';

export type { StoreAreaOptions } from './context.js';

/**
 * The application area under /api/v1: login and tokens, organisation, activity data and imports,
 * calculation runs and the review of reporting years. Handlers parse, call the use-case in
 * @carbonbase/app and map its answer; every rule (who may do what) lives there. Encapsulated,
 * so its token check, upload limit and error format stay out of the factor and PACT areas.
 */
export const appRoutes: FastifyPluginAsync<StoreAreaOptions> = async (app, options) => {
  const ctx = createAppContext(options);
  for (const schema of APP_SCHEMAS) app.addSchema(schema);
  await app.register(multipart, { limits: { fileSize: ctx.maxUploadBytes, files: 1 } });
  // Only routes that ask for it are limited (login); after parsing, so the key can name the user.
  await app.register(rateLimit, {
    global: false,
    hook: 'preHandler',
    errorResponseBuilder: (_request, context) => tooManyRequests(Math.ceil(context.ttl / 1000)),
  });
  app.setErrorHandler((error: FastifyError | AppError, request, reply) =>
    sendError(ctx, error, request, reply),
  );
  app.addHook('onRequest', requireToken(ctx));
  authRoutes(app, ctx);
  enterpriseRoutes(app, ctx);
  activityRoutes(app, ctx);
  importRoutes(app, ctx);
  runRoutes(app, ctx);
  figureRoutes(app, ctx);
  periodRoutes(app, ctx);
  analysisRoutes(app, ctx);
  decompositionRoutes(app, ctx);
  pathwayRoutes(app, ctx);
  evaluationRoutes(app, ctx);
  cbamRoutes(app, ctx);
  footprintRoutes(app, ctx);
  planningRoutes(app, ctx);
};
