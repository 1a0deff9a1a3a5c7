import { randomUUID } from 'node:crypto';
import { toPactV2, toPactV3, type PactVersion } from '@carbonbase/pact';
import type { FootprintCriteria, PactFootprintRepository } from './repository.js';

/**
 * A data recipient that may send us RequestCreated events, and how to answer it. The PACT
 * Technical Specifications (v2.2+, v3) have the data owner POST the RequestFulfilled or
 * RequestRejected event to the recipient's Action Events endpoint with a bearer token; the
 * conformance cases #13/#14.B obtain that token from the recipient ("The BearerToken for the
 * incoming request should be obtained from the PACT Conformance Testing Service"), so we get it
 * from the recipient's /auth/token with the credentials it issued to us (client credentials).
 */
export interface PactPartner {
  /** The client id this recipient authenticates with at our /auth/token. */
  readonly clientId: string;
  /** The recipient's API base URL: events go to `${baseUrl}/2/events` or `/3/events`. */
  readonly baseUrl: string;
  /** The recipient's auth base URL (`${authBaseUrl}/auth/token`); default: baseUrl. */
  readonly authBaseUrl?: string;
  /** The credentials the recipient issued to us for its /auth/token. */
  readonly credentials: { readonly clientId: string; readonly clientSecret: string };
}

export interface PactCallbackOptions {
  readonly partners: readonly PactPartner[];
  /** CloudEvent `source` of the events we send: our own Action Events URL. */
  readonly source: string;
  /**
   * Waits before each further delivery attempt, ms. The spec asks for exponential backoff and
   * giving up after 72 hours: by default 1 s, then × 4 up to 69.9 h in total (12 attempts).
   */
  readonly retryDelaysMs?: readonly number[];
  /** HTTP client (tests inject one); global fetch by default. */
  readonly fetch?: typeof fetch;
  readonly newId?: () => string;
  /** The clock for the `time` of the events we send. */
  readonly now?: () => Date;
}

/** What became of one answer: for the event log and the tests. */
export interface CallbackOutcome {
  readonly requestEventId: string;
  readonly clientId: string;
  readonly kind: 'RequestFulfilled' | 'RequestRejected';
  readonly url: string;
  readonly event: Readonly<Record<string, unknown>>;
  readonly delivered: boolean;
  readonly attempts: number;
  /** The last failure, when not delivered. */
  readonly error?: string;
}

export const DEFAULT_RETRY_DELAYS_MS: readonly number[] = Array.from(
  { length: 11 },
  (_, i) => 1000 * 4 ** i,
);

const TYPES = {
  '2': {
    RequestFulfilled: 'org.wbcsd.pathfinder.ProductFootprintRequest.Fulfilled.v1',
    RequestRejected: 'org.wbcsd.pathfinder.ProductFootprintRequest.Rejected.v1',
  },
  '3': {
    RequestFulfilled: 'org.wbcsd.pact.ProductFootprint.RequestFulfilledEvent.3',
    RequestRejected: 'org.wbcsd.pact.ProductFootprint.RequestRejectedEvent.3',
  },
} as const;

const strings = (v: unknown): string[] | undefined =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : undefined;
const date = (v: unknown): Date | undefined => (typeof v === 'string' ? new Date(v) : undefined);

/**
 * The filter a RequestCreated event asks for. v3: the event's criteria (productId, companyId,
 * geography, classification, validOn/After/Before, status). v2: the partial ProductFootprint `pf`
 * (productIds, companyIds), the only criteria the v2 event schema has.
 */
export function requestCriteria(version: PactVersion, data: unknown): FootprintCriteria {
  const d = (data ?? {}) as Record<string, unknown>;
  if (version === '2') {
    const pf = (d.pf ?? {}) as Record<string, unknown>;
    const productId = strings(pf.productIds);
    const companyId = strings(pf.companyIds);
    return {
      version,
      ...(productId && { productId }),
      ...(companyId && { companyId }),
    };
  }
  const c: { -readonly [K in keyof FootprintCriteria]: FootprintCriteria[K] } = { version };
  for (const k of ['productId', 'companyId', 'geography', 'classification', 'status'] as const) {
    const v = strings(d[k]);
    if (v) c[k] = v;
  }
  for (const k of ['validOn', 'validAfter', 'validBefore'] as const) {
    const v = date(d[k]);
    if (v) c[k] = v;
  }
  return c;
}

const hasCriterion = (c: FootprintCriteria) =>
  Object.entries(c).some(([k, v]) => k !== 'version' && (!Array.isArray(v) || v.length > 0));

/**
 * Answers a RequestCreated event: finds the footprints it asks for and POSTs a RequestFulfilled
 * event with them (in the request's PACT version), or a RequestRejected event (NotFound when none
 * matches, BadRequest when the request names no criterion), to the partner's events endpoint,
 * retrying with backoff until delivered or the delays run out.
 */
export async function answerRequest(args: {
  readonly version: PactVersion;
  readonly request: { readonly id: string; readonly data: unknown };
  readonly partner: PactPartner;
  readonly footprints: PactFootprintRepository;
  readonly maxFootprints: number;
  readonly options: PactCallbackOptions;
  /** Waits between attempts; tests pass one that resolves at once. */
  readonly sleep?: (ms: number) => Promise<void>;
}): Promise<CallbackOutcome> {
  const { version, request, partner, options } = args;
  const criteria = requestCriteria(version, request.data);
  const found = hasCriterion(criteria)
    ? (await args.footprints.list({ criteria, offset: 0, limit: args.maxFootprints })).items
    : [];
  const kind = found.length ? 'RequestFulfilled' : 'RequestRejected';
  const data = found.length
    ? {
        requestEventId: request.id,
        pfs: found.map((fp) => (version === '2' ? toPactV2(fp) : toPactV3(fp))),
      }
    : {
        requestEventId: request.id,
        error: hasCriterion(criteria)
          ? { code: 'NotFound', message: 'The requested footprint could not be found.' }
          : { code: 'BadRequest', message: 'The request names no criterion to select footprints.' },
      };
  const event = {
    type: TYPES[version][kind],
    specversion: '1.0',
    id: (options.newId ?? randomUUID)(),
    source: options.source,
    time: (options.now ?? (() => new Date()))().toISOString(),
    data,
  };
  const url = `${partner.baseUrl.replace(/\/$/, '')}/${version}/events`;
  const delays = options.retryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS;
  const sleep = args.sleep ?? ((ms: number) => new Promise((r) => setTimeout(r, ms).unref()));
  let error = '';
  for (let attempt = 1; attempt <= delays.length + 1; attempt++) {
    try {
      await deliver(options.fetch ?? fetch, partner, url, event);
      return {
        requestEventId: request.id,
        clientId: partner.clientId,
        kind,
        url,
        event,
        delivered: true,
        attempts: attempt,
      };
    } catch (e) {
      error = (e as Error).message;
    }
    const wait = delays[attempt - 1];
    if (wait !== undefined) await sleep(wait);
  }
  return {
    requestEventId: request.id,
    clientId: partner.clientId,
    kind,
    url,
    event,
    delivered: false,
    attempts: delays.length + 1,
    error,
  };
}

/** One attempt: a token from the partner's /auth/token, then the event to its events endpoint. */
async function deliver(
  http: typeof fetch,
  partner: PactPartner,
  url: string,
  event: object,
): Promise<void> {
  const auth = `${(partner.authBaseUrl ?? partner.baseUrl).replace(/\/$/, '')}/auth/token`;
  const { clientId, clientSecret } = partner.credentials;
  const basic = Buffer.from(
    `${encodeURIComponent(clientId)}:${encodeURIComponent(clientSecret)}`,
  ).toString('base64');
  const tokenRes = await http(auth, {
    method: 'POST',
    headers: {
      authorization: `Basic ${basic}`,
      'content-type': 'application/x-www-form-urlencoded',
      accept: 'application/json',
    },
    body: 'grant_type=client_credentials',
  });
  if (!tokenRes.ok) throw new Error(`token request to ${auth} answered ${tokenRes.status}`);
  const token = ((await tokenRes.json()) as { access_token?: unknown }).access_token;
  if (typeof token !== 'string') throw new Error(`token response of ${auth} has no access_token`);
  const res = await http(url, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${token}`,
      'content-type': 'application/cloudevents+json; charset=UTF-8',
    },
    body: JSON.stringify(event),
  });
  if (!res.ok) throw new Error(`${url} answered ${res.status}`);
}
