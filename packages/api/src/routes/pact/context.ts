import type { FastifyReply, FastifyRequest } from 'fastify';
import { createCredentialCheck } from '../../pact/credentials.js';
import { pactError } from '../../pact/errors.js';
import { InMemoryPactEventLog, type PactEventLog } from '../../pact/event-log.js';
import type { PactApiOptions } from '../../pact/options.js';
import { createTokenIssuer, type TokenIssuer } from '../../pact/tokens.js';

/** What the PACT routes share: options with defaults filled in, the token issuer, the clock. */
export interface PactContext {
  readonly options: PactApiOptions;
  readonly now: () => Date;
  readonly tokens: TokenIssuer;
  readonly checkCredentials: (clientId: string, clientSecret: string) => boolean;
  readonly events: PactEventLog;
  readonly defaultPageSize: number;
  readonly maxPageSize: number;
  /** The client a bearer token was issued to, per authenticated request. */
  readonly clients: WeakMap<FastifyRequest, string>;
}

export function createPactContext(options: PactApiOptions): PactContext {
  return {
    options,
    now: options.now ?? (() => new Date()),
    tokens: createTokenIssuer({
      ...(options.tokenSecret === undefined ? {} : { secret: options.tokenSecret }),
      lifetimeSeconds: options.tokenLifetimeSeconds ?? 3600,
    }),
    checkCredentials: createCredentialCheck(options.credentials),
    events: options.events ?? new InMemoryPactEventLog(),
    defaultPageSize: options.defaultPageSize ?? 100,
    maxPageSize: options.maxPageSize ?? 1000,
    clients: new WeakMap(),
  };
}

/**
 * preHandler for every footprint and event route: a valid, unexpired bearer token from
 * POST /auth/token, else 401. The body says BadRequest for a missing or forged token (the code
 * the conformance cases expect) and TokenExpired for an expired one.
 */
export function requireBearer(ctx: PactContext) {
  return async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    const m = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.authorization ?? '');
    if (!m?.[1]) {
      await reply
        .code(401)
        .header('www-authenticate', 'Bearer realm="pact"')
        .send(pactError('BadRequest', 'A bearer token from POST /auth/token is required'));
      return;
    }
    const check = ctx.tokens.verify(m[1], ctx.now());
    if (!check.ok) {
      const expired = check.reason === 'expired';
      await reply
        .code(401)
        .header('www-authenticate', `Bearer realm="pact", error="invalid_token"`)
        .send(
          expired
            ? pactError('TokenExpired', 'The access token has expired')
            : pactError('BadRequest', 'Invalid token provided'),
        );
      return;
    }
    ctx.clients.set(request, check.clientId);
  };
}
