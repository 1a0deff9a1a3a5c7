import multipart from '@fastify/multipart';
import type { FastifyError, FastifyPluginAsync } from 'fastify';
import type { AppError } from '@carbonbase/app';
import { activityRoutes } from './activity.route.js';
import { analysisRoutes } from './analysis.route.js';
import { authRoutes } from './auth.route.js';
import { createAppContext, requireToken, sendError, type StoreAreaOptions } from './context.js';
import { enterpriseRoutes } from './enterprises.route.js';
import { importRoutes } from './imports.route.js';
import { periodRoutes } from './periods.route.js';
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
  app.setErrorHandler((error: FastifyError | AppError, request, reply) =>
    sendError(ctx, error, request, reply),
  );
  app.addHook('onRequest', requireToken(ctx));
  authRoutes(app, ctx);
  enterpriseRoutes(app, ctx);
  activityRoutes(app, ctx);
  importRoutes(app, ctx);
  runRoutes(app, ctx);
  periodRoutes(app, ctx);
  analysisRoutes(app, ctx);
};
