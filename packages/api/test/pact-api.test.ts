import { importPact, toPactV3 } from '@carbonbase/pact';
import { describe, expect, it } from 'vitest';
import { evaluateODataFilter, parseODataFilter } from '../src/pact/odata-filter.js';
import { paginationLinks } from '../src/pact/pagination.js';
import { createTokenIssuer } from '../src/pact/tokens.js';
import { basic, CLIENT, footprints, makeServer, schemas, token } from './helpers.js';

const form = { 'content-type': 'application/x-www-form-urlencoded' };

describe('POST /auth/token', () => {
  it('answers a missing or unsupported grant type with the OAuth error body', async () => {
    const { app } = makeServer();
    const auth = { authorization: basic(CLIENT.clientId, CLIENT.clientSecret), ...form };
    const none = await app.inject({
      method: 'POST',
      url: '/auth/token',
      headers: auth,
      payload: '',
    });
    expect(none.statusCode).toBe(400);
    expect(none.json<{ error: string }>().error).toBe('invalid_request');
    const password = await app.inject({
      method: 'POST',
      url: '/auth/token',
      headers: auth,
      payload: 'grant_type=password',
    });
    expect(password.statusCode).toBe(400);
    expect(password.json<{ error: string }>().error).toBe('unsupported_grant_type');
  });
  it('accepts credentials form-encoded before base64, as RFC 6749 §2.3.1 asks', async () => {
    const { app } = makeServer();
    const encoded = basic(
      encodeURIComponent(CLIENT.clientId),
      encodeURIComponent(CLIENT.clientSecret),
    );
    const res = await app.inject({
      method: 'POST',
      url: '/auth/token',
      headers: { authorization: encoded, ...form },
      payload: 'grant_type=client_credentials',
    });
    expect(res.statusCode).toBe(200);
  });
  it('challenges a request without credentials', async () => {
    const { app } = makeServer();
    const res = await app.inject({
      method: 'POST',
      url: '/auth/token',
      headers: form,
      payload: 'grant_type=client_credentials',
    });
    expect(res.statusCode).toBe(401);
    expect(res.headers['www-authenticate']).toMatch(/^Basic/);
  });
});

describe('bearer tokens', () => {
  it('refuses an expired token with TokenExpired', async () => {
    let now = new Date('2026-01-01T00:00:00Z');
    const { app } = makeServer({ now: () => now });
    const t = await token(app);
    const ok = await app.inject({
      method: 'GET',
      url: '/3/footprints',
      headers: { authorization: `Bearer ${t}` },
    });
    expect(ok.statusCode).toBe(200);
    now = new Date('2026-01-01T01:00:00Z'); // exactly expires_in later
    const res = await app.inject({
      method: 'GET',
      url: '/3/footprints',
      headers: { authorization: `Bearer ${t}` },
    });
    expect(res.statusCode).toBe(401);
    expect(res.json()).toEqual({ code: 'TokenExpired', message: 'The access token has expired' });
  });
  it('refuses forged tokens: altered claims, another key, no signature', async () => {
    const { app } = makeServer({ tokenSecret: 'server-key' });
    const [header, payload, signature] = (await token(app)).split('.') as [string, string, string];
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as { exp: number };
    const extended = Buffer.from(JSON.stringify({ ...claims, exp: claims.exp + 86400 })).toString(
      'base64url',
    );
    const foreign = createTokenIssuer({ secret: 'attacker-key', lifetimeSeconds: 3600 }).issue(
      CLIENT.clientId,
      new Date(),
    );
    for (const forged of [
      `${header}.${extended}.${signature}`,
      foreign.token,
      `${header}.${payload}.`,
      'a.b',
    ]) {
      const res = await app.inject({
        method: 'GET',
        url: '/2/footprints',
        headers: { authorization: `Bearer ${forged}` },
      });
      expect(res.statusCode, forged).toBe(401);
      expect(res.json<{ code: string }>().code).toBe('BadRequest');
    }
  });
  it('keeps tokens valid across servers sharing the key', async () => {
    const a = makeServer({ tokenSecret: 'shared' });
    const b = makeServer({ tokenSecret: 'shared' });
    const res = await b.app.inject({
      method: 'GET',
      url: '/3/footprints',
      headers: { authorization: `Bearer ${await token(a.app)}` },
    });
    expect(res.statusCode).toBe(200);
  });
});

describe('request errors use the PACT Error body', () => {
  it('a malformed date filter, an unparsable event, an unknown event type', async () => {
    const { app } = makeServer();
    const auth = { authorization: `Bearer ${await token(app)}` };
    const date = await app.inject({
      method: 'GET',
      url: '/3/footprints?validOn=yesterday',
      headers: auth,
    });
    expect(date.statusCode).toBe(400);
    expect(date.json<{ code: string }>().code).toBe('BadRequest');
    const ce = { ...auth, 'content-type': 'application/cloudevents+json' };
    const broken = await app.inject({
      method: 'POST',
      url: '/3/events',
      headers: ce,
      payload: '{"specversion":',
    });
    expect(broken.statusCode).toBe(400);
    expect(broken.json<{ code: string }>().code).toBe('BadRequest');
    const unknown = await app.inject({
      method: 'POST',
      url: '/3/events',
      headers: ce,
      payload: JSON.stringify({
        specversion: '1.0',
        id: 'x',
        source: '//x',
        time: '2025-01-01T00:00:00Z',
        type: 'org.example.Other',
        data: {},
      }),
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json<{ message: string }>().message).toMatch(/unknown event type/);
    const old = await app.inject({
      method: 'POST',
      url: '/2/events',
      headers: ce,
      payload: JSON.stringify({
        specversion: '0.3',
        id: 'x',
        source: '//x',
        time: '2025-01-01T00:00:00Z',
        type: 'org.wbcsd.pathfinder.ProductFootprint.Published.v1',
        data: { pfIds: [] },
      }),
    });
    expect(old.statusCode).toBe(400);
    expect(old.json<{ message: string }>().message).toMatch(/specversion/);
  });
  it('a v2 $filter it cannot parse', async () => {
    const { app } = makeServer();
    const res = await app.inject({
      method: 'GET',
      url: `/2/footprints?$filter=${encodeURIComponent("created gt '2025' or status eq 'Active'")}`,
      headers: { authorization: `Bearer ${await token(app)}` },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json<{ message: string }>().message).toMatch(/^\$filter: unexpected "or"/);
  });
});

describe('footprints per version', () => {
  it('hides from v2 a footprint only v3 can express (declared unit piece)', async () => {
    const { app } = makeServer();
    const bag = footprints.find((f) => f.declaredUnit.unit === 'item')!;
    const auth = { authorization: `Bearer ${await token(app)}` };
    const v3 = await app.inject({ method: 'GET', url: `/3/footprints/${bag.id}`, headers: auth });
    expect(v3.statusCode).toBe(200);
    expect(
      v3.json<{ data: { pcf: { declaredUnitOfMeasurement: string } } }>().data.pcf
        .declaredUnitOfMeasurement,
    ).toBe('piece');
    const v2 = await app.inject({ method: 'GET', url: `/2/footprints/${bag.id}`, headers: auth });
    expect(v2.statusCode).toBe(404);
  });
  it('serves documents a partner imports back to the same values', async () => {
    const { app } = makeServer();
    const res = await app.inject({
      method: 'GET',
      url: '/3/footprints',
      headers: { authorization: `Bearer ${await token(app)}` },
    });
    for (const doc of res.json<{ data: unknown[] }>().data) {
      const imported = importPact(doc, schemas);
      expect(imported.ok).toBe(true);
      if (imported.ok) expect(toPactV3(imported.footprint)).toEqual(doc);
    }
  });
});

describe('OData $filter subset (PACT v2)', () => {
  const doc = {
    created: '2025-03-02T09:30:00Z',
    productIds: ['urn:gtin:6901234567892', 'urn:pact:x:product-id:1'],
    pcf: { geographyCountry: 'CN', declaredUnit: 'kilogram' },
  };
  const check = (f: string) => evaluateODataFilter(parseODataFilter(f), doc);
  it('compares dates as instants and text as text', () => {
    expect(check("created ge '2025-03-02T17:30:00+08:00'")).toBe(true);
    expect(check("created gt '2025-03-02T17:30:00+08:00'")).toBe(false);
    // "+08:00" unencoded in a URL arrives as " 08:00".
    expect(check("created le '2025-03-02T17:30:00 08:00'")).toBe(true);
    expect(check("pcf/geographyCountry eq 'CN'")).toBe(true);
    expect(check("pcf/geographyCountry ne 'CN'")).toBe(false);
  });
  it('supports any() over lists, and, parentheses and doubled quotes', () => {
    expect(check("productIds/any(p:(p eq 'urn:gtin:6901234567892'))")).toBe(true);
    expect(check("productIds/any(p:p eq 'urn:gtin:0')")).toBe(false);
    expect(check("(pcf/declaredUnit eq 'kilogram') and (created lt '2026-01-01T00:00:00Z')")).toBe(
      true,
    );
    expect(check("pcf/declaredUnit eq 'kilogram' and pcf/geographyCountry eq 'DE'")).toBe(false);
    expect(check("pcf/geographyCountry eq 'C''N'")).toBe(false);
  });
  it('rejects what it does not support', () => {
    for (const f of [
      'created ge 2025',
      "contains(productIds, 'x')",
      "created eq 'x' or created eq 'y'",
      "created eq 'x",
    ]) {
      expect(() => parseODataFilter(f), f).toThrow();
    }
  });
});

describe('pagination links', () => {
  it('keeps the filters, sets limit and offset, and offers next until the end', () => {
    const query = new URLSearchParams('geography=FR&geography=DE&limit=10&offset=10');
    const link = paginationLinks({
      origin: 'https://api.example.com',
      path: '/3/footprints',
      query,
      offset: 10,
      limit: 10,
      total: 25,
    });
    expect(link).toBe(
      [
        '<https://api.example.com/3/footprints?geography=FR&geography=DE&limit=10&offset=20>; rel="next"',
        '<https://api.example.com/3/footprints?geography=FR&geography=DE&limit=10&offset=0>; rel="prev"',
        '<https://api.example.com/3/footprints?geography=FR&geography=DE&limit=10&offset=0>; rel="first"',
        '<https://api.example.com/3/footprints?geography=FR&geography=DE&limit=10&offset=20>; rel="last"',
      ].join(', '),
    );
    const last = paginationLinks({
      origin: 'https://a',
      path: '/3/footprints',
      query,
      offset: 20,
      limit: 10,
      total: 25,
    });
    expect(last).not.toContain('rel="next"');
    expect(
      paginationLinks({
        origin: 'https://a',
        path: '/3/footprints',
        query,
        offset: 0,
        limit: 10,
        total: 10,
      }),
    ).toBeUndefined();
  });
});

describe('OpenAPI and Swagger UI', () => {
  it('documents the PACT routes with the official footprint schema, and serves the UI at /docs', async () => {
    const { app } = makeServer();
    const res = await app.inject({ method: 'GET', url: '/docs/json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json<{
      openapi: string;
      paths: Record<
        string,
        Record<
          string,
          {
            responses: Record<
              string,
              {
                content: Record<
                  string,
                  { schema: { properties: { data: { required: string[] } } } }
                >;
              }
            >;
          }
        >
      >;
    }>();
    expect(doc.openapi).toBe('3.1.0');
    for (const path of [
      '/auth/token',
      '/2/footprints',
      '/2/footprints/{id}',
      '/2/events',
      '/3/footprints',
      '/3/footprints/{id}',
      '/3/events',
    ]) {
      expect(Object.keys(doc.paths), path).toContain(path);
    }
    const getV3 =
      doc.paths['/3/footprints/{id}']?.get?.responses['200']?.content['application/json']?.schema;
    expect(getV3?.properties.data.required).toContain('productNameCompany');
    const ui = await app.inject({ method: 'GET', url: '/docs/' });
    expect(ui.statusCode).toBe(200);
    expect(ui.headers['content-type']).toMatch(/text\/html/);
  });
});
