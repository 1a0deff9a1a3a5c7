import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import type { PactApiOptions } from './pact/options.js';
import { factorRoutes, type FactorRoutesOptions } from './routes/factors/factors.route.js';
import { appRoutes, type StoreAreaOptions } from './routes/app/index.js';
import { pactRoutes } from './routes/pact/index.js';
import { webApp, type WebOptions } from './web.js';

/**
 * Options of the carbonbase HTTP API. Each area is optional, so a deployment (or a test) serves
 * only the areas it configures; other areas add their own entries here.
 */
export interface ServerOptions {
  readonly factors?: FactorRoutesOptions;
  readonly pact?: PactApiOptions;
  /**
   * The application area (login, enterprises, activity data, imports, runs, review) over this
   * store, under /api/v1; every route but login and the templates needs a bearer token.
   */
  readonly store?: StoreAreaOptions;
  /** Serve the built web app at / as well. */
  readonly web?: WebOptions;
  readonly logger?: FastifyServerOptions['logger'];
  /** Trust X-Forwarded-* from a TLS-terminating proxy (protocol and host in pagination links). */
  readonly trustProxy?: boolean;
}

/** Builds the API: the OpenAPI document at /docs/json, Swagger UI at /docs, and the areas. */
export function buildServer(options: ServerOptions = {}): FastifyInstance {
  const app = Fastify({
    logger: options.logger ?? false,
    trustProxy: options.trustProxy ?? false,
  });
  // Registered before the areas so that its onRoute hook sees every route.
  void app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'carbonbase API',
        version: '0.1.0',
        description:
          'The open industrial carbon base database: the factor base; the application (login and roles, enterprises, activity data, imports, calculation runs, review of reporting years); and PACT (Pathfinder) exchange v2.3 and v3.0.',
      },
      tags: [
        {
          name: 'factors 排放因子库',
          description: 'Emission factors with provenance: search, resolve, sets',
        },
        { name: 'auth 登录与令牌', description: 'Login sessions and API tokens' },
        {
          name: 'organisation 组织',
          description: "Regions, parks and enterprises in the caller's scope",
        },
        {
          name: 'activity 活动数据',
          description: 'Monthly activity data: form entry, templates, imports',
        },
        {
          name: 'runs 核算',
          description: 'Calculation runs: calculate, explain, reproduce, export, recalculate',
        },
        {
          name: 'periods 报告期审核',
          description: 'Review of reporting years: submit, comment, return, accept',
        },
        {
          name: 'analysis 分析',
          description: 'Park and region overviews: roll-ups, rankings, year-on-year change',
        },
        {
          name: 'pact',
          description: 'PACT Technical Specifications: authentication, footprints, events',
        },
      ],
      components: {
        securitySchemes: {
          basicAuth: { type: 'http', scheme: 'basic' },
          bearerAuth: { type: 'http', scheme: 'bearer' },
        },
      },
    },
  });
  void app.register(swaggerUi, { routePrefix: '/docs' });
  const { factors, pact, store, web } = options;
  if (factors) void app.register((scope) => Promise.resolve(factorRoutes(scope, factors)));
  if (store) void app.register(appRoutes, store);
  if (pact) void app.register(pactRoutes, pact);
  if (web) webApp(app, web);
  return app;
}
