export { buildServer } from './server.js';
export type { ServerOptions } from './server.js';
export type { ClientCredentials } from './pact/credentials.js';
export { InMemoryPactEventLog } from './pact/event-log.js';
export type { PactEventLog, ReceivedPactEvent } from './pact/event-log.js';
export { InMemoryPactRepository } from './pact/in-memory-repository.js';
export type { PactApiOptions } from './pact/options.js';
export type { CallbackOutcome, PactCallbackOptions, PactPartner } from './pact/callbacks.js';
export type {
  FootprintCriteria,
  FootprintListQuery,
  FootprintPage,
  PactFootprintRepository,
} from './pact/repository.js';
export type { FactorRoutesOptions } from './routes/factors/factors.route.js';
export type { WebOptions } from './web.js';
export type { StoreAreaOptions } from './routes/app/index.js';
export { DEFAULT_MAX_UPLOAD_BYTES } from './routes/app/context.js';
