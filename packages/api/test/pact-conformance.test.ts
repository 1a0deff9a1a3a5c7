import { formatPactErrors, validatePact, type PactVersion } from '@carbonbase/pact';
import { randomUUID } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallbackOutcome } from '../src/index.js';
import {
  allIds,
  basic,
  CLIENT,
  footprints,
  makeServer,
  readConformanceCases,
  schemas,
  token,
  v2Ids,
  type ConformanceCase,
} from './helpers.js';
import { startRequester, type ReceivedCallback, type Requester } from './pact-requester.js';

/**
 * The PACT conformance test cases (conformance-test-cases.csv, derived from the WBCSD
 * conformance service's expected-results documents) run against the API through
 * fastify.inject. Request bodies follow the conformance service's own test code where the
 * markdown is abbreviated or inconsistent (noted per case).
 */
const cases = readConformanceCases();
const key = (c: { spec: string; testCase: string }) => `${c.spec} #${c.testCase}`;
const isMandatory = (c: ConformanceCase) =>
  c.mandatoryFor.trim() !== '' && c.mandatoryFor.trim() !== 'None';

const TLS =
  'needs TLS termination: the API is served over HTTPS by the proxy in front of it, and whether plain HTTP is refused is a property of that deployment, not of the application under fastify.inject';
/** Mandatory cases that are not automated, and why. */
const NOT_AUTOMATED: Readonly<Record<string, string>> = {
  'v2 #9': TLS,
  'v2 #10': TLS,
  'v2 #11': TLS,
  'v2 #17': TLS,
  'v3 #9': TLS,
  'v3 #10': TLS,
  'v3 #11': TLS,
  'v3 #17': TLS,
};

/** What a case answers: our API's response, or for a callback case the requester's answer to us. */
type Run = (c: ConformanceCase) => Promise<{ readonly statusCode: number }>;

/**
 * The data recipient of the callback cases (#13, #14.B), which the conformance service plays:
 * a local server on port 0 (test/pact-requester.ts), so no outside party is needed.
 */
let requester: Requester;
beforeAll(async () => {
  requester = await startRequester();
});
afterAll(() => requester.close());

const AUTOMATED: Readonly<Record<string, Run>> = {
  ...commonCases('2'),
  ...commonCases('3'),

  'v2 #12': () =>
    acceptedEvent('2', {
      specversion: '1.0',
      id: 'test-run-id-12345',
      source: 'https://webhook.example.com',
      time: '2023-05-19T10:30:00Z',
      type: 'org.wbcsd.pathfinder.ProductFootprintRequest.Created.v1',
      data: {
        pf: { productIds: footprints[0]!.product.ids },
        comment: 'Please send PCF data for this year.',
      },
    }),
  // The CSV/markdown name /3/events with a v2 body; the conformance service posts to /2/events.
  'v2 #14.A': () =>
    acceptedEvent('2', {
      specversion: '1.0',
      id: 'test-run-id-14a',
      source: 'https://webhook.example.com',
      time: '2023-05-19T10:30:00Z',
      type: 'org.wbcsd.pathfinder.ProductFootprintRequest.Created.v1',
      data: {
        pf: { productIds: ['urn:pact:null'] },
        comment: 'Please send PCF data for this year.',
      },
    }),
  // #13: the request of #12, answered by a RequestFulfilled event POSTed to the requester.
  'v2 #13': async () => {
    const productId = footprints[0]!.product.ids[0]!;
    const { callback } = await answered('2', {
      specversion: '1.0',
      id: 'test-run-id-12345',
      source: 'https://webhook.example.com',
      time: '2023-05-19T10:30:00Z',
      type: 'org.wbcsd.pathfinder.ProductFootprintRequest.Created.v1',
      data: { pf: { productIds: [productId] }, comment: 'Please send PCF data for this year.' },
    });
    expect(callback.event.type).toBe('org.wbcsd.pathfinder.ProductFootprintRequest.Fulfilled.v1');
    expect(callback.event.data.requestEventId).toBe('test-run-id-12345');
    const pfs = callback.event.data.pfs as Record<string, unknown>[];
    expect(pfs.map((pf) => pf.id)).toEqual([footprints[0]!.id]);
    for (const pf of pfs) {
      expectValid(pf, '2');
      expect(has(pf.productIds, productId)).toBe(true);
    }
    return { statusCode: 200 };
  },
  // #14.B: the request of #14.A names a product nobody makes: a RequestRejected event, NotFound.
  'v2 #14.B': async () => {
    const { callback } = await answered('2', {
      specversion: '1.0',
      id: 'test-run-id-14a',
      source: 'https://webhook.example.com',
      time: '2023-05-19T10:30:00Z',
      type: 'org.wbcsd.pathfinder.ProductFootprintRequest.Created.v1',
      // As in #14.A: the v2 schema asks for the product ids under `pf`.
      data: { pf: { productIds: ['urn:null'] }, comment: 'Please send PCF data for this year.' },
    });
    expect(callback.event.type).toBe('org.wbcsd.pathfinder.ProductFootprintRequest.Rejected.v1');
    expect(callback.event.data).toEqual({
      requestEventId: 'test-run-id-14a',
      error: { code: 'NotFound', message: 'The requested footprint could not be found.' },
    });
    return { statusCode: 200 };
  },
  'v2 #15': () => acceptedEvent('2', published('2', ['3a6c14a7-4deb-498a-b5ea-16ce2535b576'])),
  'v2 #16': () => eventWithInvalidToken('2'),
  // The CSV names POST /2/footprints?$filter=…; the case (title, description, conformance
  // service code) is a PublishedEvent whose pfIds are URNs instead of UUIDs, to be refused.
  'v2 #21': () => malformedPublishedEvent('2'),
  // Optional for v2 (mandatory_for None), automated because $filter is implemented.
  'v2 #20': async () => {
    const { app } = makeServer();
    const created = '2025-03-02T09:30:00Z';
    const res = await get(
      app,
      `/2/footprints?$filter=${encodeURIComponent(`created ge '${created}'`)}`,
    );
    const data = listData(res, '2');
    expect(data.length).toBeGreaterThan(0);
    expect(data.every((d) => Date.parse(String(d.created)) >= Date.parse(created))).toBe(true);
    expect(data.length).toBe(
      footprints.filter((f) => v2Ids.includes(f.id) && f.created >= created).length,
    );
    return res;
  },

  'v3 #12': () =>
    acceptedEvent('3', {
      specversion: '1.0',
      id: 'test-run-id-12345',
      source: 'https://webhook.example.com',
      time: '2023-05-19T10:30:00Z',
      type: 'org.wbcsd.pact.ProductFootprint.RequestCreatedEvent.3',
      data: {
        productId: footprints[1]!.product.ids,
        comment: 'Please send PCF data for this year.',
      },
    }),
  'v3 #14.A': () =>
    acceptedEvent('3', {
      specversion: '1.0',
      id: 'test-run-id-14a',
      source: 'https://webhook.example.com',
      time: '2023-05-19T10:30:00Z',
      type: 'org.wbcsd.pact.ProductFootprint.RequestCreatedEvent.3',
      data: { productId: ['urn:pact:null'], comment: 'Please send PCF data for this year.' },
    }),
  'v3 #13': async () => {
    const productId = footprints[1]!.product.ids[0]!;
    const { callback } = await answered('3', {
      specversion: '1.0',
      id: 'test-run-id-12345',
      source: 'https://webhook.example.com',
      time: '2023-05-19T10:30:00Z',
      type: 'org.wbcsd.pact.ProductFootprint.RequestCreatedEvent.3',
      data: { productId: [productId], comment: 'Please send PCF data for this year.' },
    });
    expect(callback.event.type).toBe('org.wbcsd.pact.ProductFootprint.RequestFulfilledEvent.3');
    expect(callback.event.data.requestEventId).toBe('test-run-id-12345');
    const pfs = callback.event.data.pfs as Record<string, unknown>[];
    expect(pfs.map((pf) => pf.id)).toEqual([footprints[1]!.id]);
    for (const pf of pfs) {
      expectValid(pf, '3');
      expect(has(pf.productIds, productId)).toBe(true);
    }
    return { statusCode: 200 };
  },
  'v3 #14.B': async () => {
    const { callback } = await answered('3', {
      specversion: '1.0',
      id: 'test-run-id-14a',
      source: 'https://webhook.example.com',
      time: '2023-05-19T10:30:00Z',
      type: 'org.wbcsd.pact.ProductFootprint.RequestCreatedEvent.3',
      data: { productId: ['urn:null'], comment: 'Please send PCF data for this year.' },
    });
    expect(callback.event.type).toBe('org.wbcsd.pact.ProductFootprint.RequestRejectedEvent.3');
    expect(callback.event.data).toEqual({
      requestEventId: 'test-run-id-14a',
      error: { code: 'NotFound', message: 'The requested footprint could not be found.' },
    });
    return { statusCode: 200 };
  },
  // The markdown's body has a URN in pfIds, which #40 requires to be refused; the conformance
  // service sends a UUID here, as the schema requires.
  'v3 #15': () => acceptedEvent('3', published('3', ['3a6c14a7-4deb-498a-b5ea-16ce2535b576'])),
  'v3 #16': () => eventWithInvalidToken('3'),

  'v3 #20': () =>
    filtered('productId=urn:pact:cement.example.cn:product-id:PO-42.5', (d) =>
      has(d.productIds, 'urn:pact:cement.example.cn:product-id:PO-42.5'),
    ),
  'v3 #21': () =>
    filtered(
      `companyId=${encodeURIComponent('URN:UUID:6E1F4C0A-2B7D-4F6E-9A51-0C2D3E4F5A6B')}`,
      (d) => has(d.companyIds, 'urn:uuid:6e1f4c0a-2b7d-4f6e-9a51-0c2d3e4f5a6b'),
      footprints.length,
    ),
  'v3 #22': () => filtered('geography=CN', (d) => pcf(d).geographyCountry === 'CN', 1),
  'v3 #23': () =>
    filtered(
      `classification=${encodeURIComponent('urn:pact:productclassification:un-cpc:37449')}`,
      (d) => has(d.productClassifications, 'urn:pact:productclassification:un-cpc:37449'),
      1,
    ),
  // On 2025-02-01 the clinker (no validity period: 3 years from its reference period end) and the
  // grid electricity are valid; the cements' declared periods start in March and April.
  'v3 #24': () =>
    filtered('validOn=2025-02-01T00:00:00Z', (d) => d.validityPeriodStart === undefined, 2),
  'v3 #25': () =>
    filtered(
      'validAfter=2025-03-15T00:00:00Z',
      (d) => Date.parse(String(d.validityPeriodStart)) > Date.parse('2025-03-15T00:00:00Z'),
      1,
    ),
  'v3 #26': () =>
    filtered(
      'validBefore=2026-06-01T00:00:00Z',
      (d) => Date.parse(String(d.validityPeriodEnd)) < Date.parse('2026-06-01T00:00:00Z'),
      3,
    ),
  'v3 #27': () =>
    filtered(
      'status=Active',
      (d) => d.status === 'Active',
      footprints.filter((f) => f.status === 'Active').length,
    ),
  'v3 #28': () =>
    filtered(
      'status=Active&productId=urn:pact:cement.example.cn:product-id:PO-42.5',
      (d) =>
        d.status === 'Active' && has(d.productIds, 'urn:pact:cement.example.cn:product-id:PO-42.5'),
      1,
    ),
  'v3 #29': () =>
    filtered(
      `companyId=${encodeURIComponent('urn:uuid:6e1f4c0a-2b7d-4f6e-9a51-0c2d3e4f5a6b')}&companyId=urn:uuid:other-company&companyId=urn:uuid:another-company`,
      (d) => has(d.companyIds, 'urn:uuid:6e1f4c0a-2b7d-4f6e-9a51-0c2d3e4f5a6b'),
      footprints.length,
    ),
  'v3 #30': () => empty('productId=urn:bogus:product:nonexistent123'),
  'v3 #31': () => empty('companyId=urn:bogus:company:nonexistent456'),
  'v3 #32': () => empty('geography=XX'),
  'v3 #33': () => empty('classification=urn:bogus:classification:nonexistent789'),
  'v3 #34': () => empty('validOn=1900-01-01T00:00:00Z'),
  'v3 #35': () => empty('validAfter=2099-12-31T23:59:59Z'),
  'v3 #36': () => empty('validBefore=1900-01-01T00:00:00Z'),
  'v3 #37': () => empty('status=BogusStatusValue'),
  'v3 #38': () =>
    empty('companyId=urn:bogus:company:5FIi8zS3&productId=urn:bogus:product:nonexistent123'),
  'v3 #39': () =>
    empty(
      'companyId=urn:bogus:company:nonexistent1&companyId=urn:bogus:company:nonexistent2&companyId=urn:bogus:company:nonexistent3',
    ),
  // The CSV names GET /3/footprints?$filter=… (refused: $filter was dropped in v3); the case's
  // title and the conformance service mean a PublishedEvent with URN pfIds. Both are checked.
  'v3 #40': async () => {
    const { app } = makeServer();
    const res = await get(
      app,
      `/3/footprints?$filter=${encodeURIComponent("created ge '2023-01-15T10:15:30Z'")}`,
    );
    expect(res.statusCode).toBe(400);
    expectPactError(res, '3', 'BadRequest');
    return malformedPublishedEvent('3');
  },
};

function commonCases(version: PactVersion): Record<string, Run> {
  const v = `v${version}`;
  const ids = version === '2' ? v2Ids : allIds;
  return {
    [`${v} #1`]: async () => {
      const { app } = makeServer();
      const res = await app.inject({
        method: 'POST',
        url: '/auth/token',
        headers: {
          authorization: basic(CLIENT.clientId, CLIENT.clientSecret),
          'content-type': 'application/x-www-form-urlencoded',
        },
        payload: 'grant_type=client_credentials',
      });
      const body = res.json<Record<string, unknown>>();
      expect(body.token_type).toBe('Bearer');
      expect(typeof body.access_token).toBe('string');
      expect(body.expires_in).toBe(3600);
      expect(res.headers['cache-control']).toBe('no-store');
      return res;
    },
    [`${v} #2`]: async () => {
      const { app } = makeServer();
      for (const auth of [
        basic(CLIENT.clientId, 'wrong'),
        basic('nobody', CLIENT.clientSecret),
        basic('other', CLIENT.clientSecret),
      ]) {
        const res = await app.inject({
          method: 'POST',
          url: '/auth/token',
          headers: { authorization: auth, 'content-type': 'application/x-www-form-urlencoded' },
          payload: 'grant_type=client_credentials',
        });
        expect(res.statusCode).toBe(401);
        expect(res.json()).toEqual({
          error: 'invalid_client',
          error_description: 'Client authentication failed',
        });
        expect(res.body).not.toContain('access_token');
      }
      return app.inject({
        method: 'POST',
        url: '/auth/token',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: 'grant_type=client_credentials',
      });
    },
    [`${v} #3`]: async () => {
      const { app } = makeServer();
      const id = ids[1]!;
      const res = await get(app, `/${version}/footprints/${id}`);
      const body = res.json<{ data: Record<string, unknown> }>();
      expectValid(body.data, version);
      expect(body.data.id).toBe(id);
      return res;
    },
    [`${v} #4`]: async () => {
      const { app } = makeServer();
      const res = await get(app, `/${version}/footprints`);
      const data = listData(res, version);
      expect(data.map((d) => d.id)).toEqual(ids);
      expect(res.headers.link).toBeUndefined();
      return res;
    },
    [`${v} #5`]: async () => {
      const { app } = makeServer();
      const first = await get(app, `/${version}/footprints?limit=2`, { host: 'api.example.com' });
      expect(listData(first, version)).toHaveLength(2);
      // Follow the first link given, as the conformance service does, then walk the next links.
      let link = links(first);
      expect(Object.keys(link)[0]).toBe('next');
      let url = Object.values(link)[0]!;
      expect(url).toMatch(new RegExp(`^http://api\\.example\\.com/${version}/footprints\\?`));
      const seen = listData(first, version).map((d) => d.id);
      let res = first;
      while (url) {
        res = await get(app, url.replace('http://api.example.com', ''), {
          host: 'api.example.com',
        });
        const page = listData(res, version);
        expect(page.length).toBeLessThanOrEqual(2);
        seen.push(...page.map((d) => d.id));
        link = links(res);
        url = link.next ?? '';
      }
      expect(seen).toEqual(ids);
      return res;
    },
    [`${v} #6`]: () => invalidToken(`/${version}/footprints`, version),
    [`${v} #7`]: () => invalidToken(`/${version}/footprints/${ids[0]!}`, version),
    [`${v} #8`]: async () => {
      const { app } = makeServer();
      const res = await get(app, `/${version}/footprints/non-existent-id`);
      if (version === '3') expectPactError(res, '3', 'NotFound');
      else expect(res.json<{ code: string }>().code).toBe('NoSuchFootprint');
      const uuid = await get(app, `/${version}/footprints/00000000-0000-0000-0000-000000000000`);
      expect(uuid.statusCode).toBe(404);
      return res;
    },
  };
}

describe('PACT conformance cases: coverage', () => {
  const mandatory = cases.filter(isMandatory).map(key);

  it('reads all cases from the CSV (v2: 22, v3: 41)', () => {
    expect(cases.filter((c) => c.spec === 'v2')).toHaveLength(22);
    expect(cases.filter((c) => c.spec === 'v3')).toHaveLength(41);
    expect(mandatory).toHaveLength(19 + 39);
  });
  it('automates every mandatory case, except those listed with the reason they need an outside party', () => {
    const missing = mandatory.filter((k) => !(k in AUTOMATED) && !(k in NOT_AUTOMATED));
    expect(missing).toEqual([]);
    expect(Object.keys(NOT_AUTOMATED).filter((k) => k in AUTOMATED)).toEqual([]);
    expect(Object.keys(NOT_AUTOMATED).filter((k) => !mandatory.includes(k))).toEqual([]);
  });
  it('names only cases that exist in the CSV', () => {
    const all = cases.map(key);
    expect(Object.keys(AUTOMATED).filter((k) => !all.includes(k))).toEqual([]);
  });
});

describe('PACT conformance cases', () => {
  for (const c of cases) {
    const run = AUTOMATED[key(c)];
    if (!run) continue;
    it(`${key(c)} ${c.title}`, async () => {
      const res = await run(c);
      // The status the CSV expects ("200 or 202", "400, 401 (Mandatory)", …); #13 names none.
      const allowed = allowedStatuses(c.expectedStatus);
      if (allowed.length) expect(allowed).toContain(res.statusCode);
      else expect(res.statusCode).toBe(200);
    });
  }
});

// ---------------------------------------------------------------------------------------------

function allowedStatuses(expected: string): number[] {
  return [...expected.matchAll(/\b[1-5]\d\d\b/g)].map((m) => Number(m[0]));
}

async function get(
  app: ReturnType<typeof makeServer>['app'],
  url: string,
  headers: Record<string, string> = {},
) {
  return app.inject({
    method: 'GET',
    url,
    headers: { authorization: `Bearer ${await token(app)}`, ...headers },
  });
}

function listData(res: LightMyRequestResponse, version: PactVersion): Record<string, unknown>[] {
  expect(res.statusCode).toBe(200);
  const body = res.json<{ data: Record<string, unknown>[] }>();
  expect(Array.isArray(body.data)).toBe(true);
  for (const d of body.data) expectValid(d, version);
  return body.data;
}

function expectValid(doc: unknown, version: PactVersion): void {
  expect(formatPactErrors(validatePact(doc, version, schemas).errors)).toEqual([]);
}

function expectPactError(res: LightMyRequestResponse, version: PactVersion, code: string): void {
  const body = res.json<{ code: string }>();
  expect(body.code).toBe(code);
  expect(validatePact(body, version, schemas, 'Error').valid).toBe(true);
}

function links(res: LightMyRequestResponse): Record<string, string> {
  const header = String(res.headers.link ?? '');
  const out: Record<string, string> = {};
  for (const m of header.matchAll(/<([^>]+)>;\s*rel="([^"]+)"/g)) out[m[2]!] = m[1]!;
  return out;
}

const has = (list: unknown, value: string) =>
  Array.isArray(list) && list.some((x) => String(x).toLowerCase() === value.toLowerCase());
const pcf = (d: Record<string, unknown>) => d.pcf as Record<string, unknown>;

async function filtered(
  query: string,
  check: (d: Record<string, unknown>) => boolean,
  count?: number,
) {
  const { app } = makeServer();
  const res = await get(app, `/3/footprints?${query}`);
  const data = listData(res, '3');
  expect(data.length).toBeGreaterThan(0);
  expect(data.every(check)).toBe(true);
  if (count !== undefined) expect(data).toHaveLength(count);
  return res;
}

async function empty(query: string) {
  const { app } = makeServer();
  const res = await get(app, `/3/footprints?${query}`);
  expect(res.statusCode).toBe(200);
  expect(res.json()).toEqual({ data: [] });
  return res;
}

async function invalidToken(url: string, version: PactVersion) {
  const { app } = makeServer();
  const res = await app.inject({
    method: 'GET',
    url,
    headers: { authorization: 'Bearer invalid-access-token' },
  });
  expectPactError(res, version, 'BadRequest');
  expect(res.body).not.toContain('"data"');
  const none = await app.inject({ method: 'GET', url });
  expect(none.statusCode).toBe(401);
  return res;
}

function published(version: PactVersion, pfIds: string[]) {
  return {
    type:
      version === '2'
        ? 'org.wbcsd.pathfinder.ProductFootprint.Published.v1'
        : 'org.wbcsd.pact.ProductFootprint.PublishedEvent.3',
    specversion: '1.0',
    id: '123e4567-e89b-12d3-a456-426614174000',
    source: 'https://webhook.example.com',
    time: '2023-05-19T11:30:00Z',
    data: { pfIds },
  };
}

async function postEvent(
  app: ReturnType<typeof makeServer>['app'],
  version: PactVersion,
  body: object,
  auth?: string,
) {
  return app.inject({
    method: 'POST',
    url: `/${version}/events`,
    headers: {
      authorization: auth ?? `Bearer ${await token(app)}`,
      'content-type': 'application/cloudevents+json; charset=UTF-8',
    },
    payload: JSON.stringify(body),
  });
}

/** A server that answers RequestCreated events of CLIENT to the requester, from its own `source`. */
function callbackServer(onCallback?: (o: CallbackOutcome) => void) {
  const source = `https://carbonbase.example/${randomUUID()}/events`;
  return {
    source,
    ...makeServer({
      callbacks: { partners: [requester.partner], source, retryDelaysMs: [5, 5] },
      ...(onCallback && { onCallback }),
    }),
  };
}

/** The callback sent from `source` (callbacks of servers no test waits for are passed over). */
async function callbackFrom(source: string): Promise<ReceivedCallback> {
  for (;;) {
    const c = await requester.next();
    if (c.event.source === source) return c;
  }
}

/**
 * Posts a RequestCreated event and waits for the answer at the requester: delivered once, with
 * the requester's bearer token, as a structured-mode CloudEvent valid against the official schema.
 */
async function answered(
  version: PactVersion,
  body: { id: string; type: string; data: object; [field: string]: unknown },
) {
  let done: (o: CallbackOutcome) => void = () => undefined;
  const outcome = new Promise<CallbackOutcome>((resolve) => (done = resolve));
  const { app, source } = callbackServer((o) => done(o));
  const res = await postEvent(app, version, body);
  expect(res.statusCode).toBe(200);
  const callback = await callbackFrom(source);
  const o = await outcome;
  expect(o).toMatchObject({ delivered: true, attempts: 1, requestEventId: body.id });
  expect(callback.path).toBe(`/${version}/events`);
  expect(callback.authorization).toMatch(/^Bearer [0-9a-f]{24}$/);
  expect(callback.contentType).toBe('application/cloudevents+json; charset=UTF-8');
  const schema = String(callback.event.type).includes('Fulfilled')
    ? 'RequestFulfilledEvent'
    : 'RequestRejectedEvent';
  expect(formatPactErrors(validatePact(callback.event, version, schemas, schema).errors)).toEqual(
    [],
  );
  return { callback, outcome: o };
}

async function acceptedEvent(
  version: PactVersion,
  body: { id: string; type: string; data: object; [field: string]: unknown },
) {
  const { app, events } = callbackServer();
  const res = await postEvent(app, version, body);
  expect(res.statusCode).toBe(200);
  expect(res.body).toBe('');
  expect(events.events).toHaveLength(1);
  expect(events.events[0]).toMatchObject({
    version,
    id: body.id,
    type: body.type,
    clientId: CLIENT.clientId,
    data: body.data,
  });
  return res;
}

async function eventWithInvalidToken(version: PactVersion) {
  const { app, events } = makeServer();
  const res = await postEvent(
    app,
    version,
    published(version, ['3a6c14a7-4deb-498a-b5ea-16ce2535b576']),
    'Bearer invalid-access-token',
  );
  expectPactError(res, version, 'BadRequest');
  expect(events.events).toEqual([]);
  return res;
}

async function malformedPublishedEvent(version: PactVersion) {
  const { app, events } = makeServer();
  const res = await postEvent(app, version, published(version, ['urn:gtin:4712345060507']));
  expectPactError(res, version, 'BadRequest');
  expect(res.json<{ message: string }>().message).toContain(
    '/data/pfIds/0: must match format "uuid"',
  );
  expect(events.events).toEqual([]);
  return res;
}

describe('PACT asynchronous requests: beyond the conformance cases', () => {
  const request = (id: string) => ({
    specversion: '1.0',
    id,
    source: 'https://webhook.example.com',
    time: '2023-05-19T10:30:00Z',
    type: 'org.wbcsd.pact.ProductFootprint.RequestCreatedEvent.3',
    data: { productId: footprints[1]!.product.ids },
  });

  it('refuses with 400 a request from a client we have no events endpoint for, and records nothing', async () => {
    const { app, events } = makeServer();
    const res = await postEvent(app, '3', request('no-partner'));
    expectPactError(res, '3', 'BadRequest');
    expect(res.json<{ message: string }>().message).toContain(
      `No Action Events endpoint is configured for client ${CLIENT.clientId}`,
    );
    expect(events.events).toEqual([]);
  });

  it('retries a callback the requester refuses, and gives up after the last delay', async () => {
    let done: (o: CallbackOutcome) => void = () => undefined;
    let outcome = new Promise<CallbackOutcome>((resolve) => (done = resolve));
    const { app, source } = callbackServer((o) => done(o));
    requester.failNext(1);
    expect((await postEvent(app, '3', request('retry-once'))).statusCode).toBe(200);
    expect((await callbackFrom(source)).event.data.requestEventId).toBe('retry-once');
    expect(await outcome).toMatchObject({ delivered: true, attempts: 2 });

    outcome = new Promise<CallbackOutcome>((resolve) => (done = resolve));
    requester.failNext(3);
    expect((await postEvent(app, '3', request('give-up'))).statusCode).toBe(200);
    const o = await outcome;
    expect(o).toMatchObject({ delivered: false, attempts: 3, kind: 'RequestFulfilled' });
    expect(o.error).toMatch(/\/3\/events answered 503$/);
  });
});
