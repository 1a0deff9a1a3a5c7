import type { PactSchemas } from '@carbonbase/pact';
import type { CallbackOutcome, PactCallbackOptions } from './callbacks.js';
import type { ClientCredentials } from './credentials.js';
import type { PactEventLog } from './event-log.js';
import type { PactFootprintRepository } from './repository.js';

/** Configuration of the PACT area of the API. */
export interface PactApiOptions {
  readonly footprints: PactFootprintRepository;
  /** Clients allowed to obtain tokens (OAuth 2.0 client credentials). */
  readonly credentials: readonly ClientCredentials[];
  /** The official schemas (loadPactSchemas on the OpenAPI documents), for events and docs. */
  readonly schemas: PactSchemas;
  /** Where accepted events are recorded; an in-memory log when absent. */
  readonly events?: PactEventLog;
  /** The clock for token issue and expiry. */
  readonly now?: () => Date;
  /** HMAC key for access tokens; random per process when absent. */
  readonly tokenSecret?: string | Buffer;
  /** Token lifetime, 3600 s by default. */
  readonly tokenLifetimeSeconds?: number;
  /** Page size when the client gives no `limit`, and the largest page served (100, 1000). */
  readonly defaultPageSize?: number;
  readonly maxPageSize?: number;
  /**
   * Asynchronous requests: the data recipients whose RequestCreated events we answer with a
   * RequestFulfilled or RequestRejected event POSTed to their events endpoint. A RequestCreated
   * event from a client that is not listed is refused with 400 (nobody to answer).
   */
  readonly callbacks?: PactCallbackOptions;
  /** Told of every answer sent (or given up on); the API logs it when absent. */
  readonly onCallback?: (outcome: CallbackOutcome) => void;
}
