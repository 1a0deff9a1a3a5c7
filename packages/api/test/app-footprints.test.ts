import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadBundledFactorSets, login, productFootprint } from '@carbonbase/app';
import { DEMO_PASSWORD, seedDemo } from '@carbonbase/app/demo';
import { loadPactSchemas, validatePact } from '@carbonbase/pact';
import type { Store } from '@carbonbase/store';
import { readOpenApiSources } from '../../pact/test/spec-files.js';
import { call, engines, serve, unique, useStore } from './app-fixtures.js';

/** The footprint routes on the demo district: figures equal to the use-case's, scoped, PACT-valid. */
describe.each(engines)('product footprints over the API (%s)', (engine) => {
  const getStore = useStore(engine);
  let store: Store;
  let app: FastifyInstance;
  const tenant = unique('apifootprint');
  const tokens = new Map<string, string>();
  let cemA: string;
  let cemB: string;
  let electronics: string;
  const schemas = loadPactSchemas(readOpenApiSources());

  beforeAll(async () => {
    store = getStore();
    await loadBundledFactorSets(store);
    await store.organisations.createTenant(tenant, '足迹 footprints');
    await seedDemo(store, tenant);
    for (const l of ['cement-manager', 'park-ht', 'park-bm'])
      tokens.set(l, (await login(store, tenant, l, DEMO_PASSWORD)).token);
    const list = await store.organisations.listEnterprises(tenant, {}, { limit: 100 });
    cemA = list.find((e) => e.code === 'DEMO-CEM-A')!.id;
    cemB = list.find((e) => e.code === 'DEMO-CEM-B')!.id;
    electronics = list.find((e) => e.code === 'DEMO-ELE-A')!.id;
    app = await serve(store);
  }, 300_000);
  afterAll(async () => {
    await app?.close();
  });

  it('serves the clinker footprint with every part the use-case gives', async () => {
    const res = await call(app, tokens.get('cement-manager'), {
      method: 'GET',
      url: `/api/v1/enterprises/${cemA}/footprints?year=2025&product=clinker`,
    });
    expect(res.statusCode).toBe(200);
    const body = res.json<{
      footprint: {
        total: { value: number; unit: string };
        fuelUpstream: { status: string; fuels: { fuel: string; background?: string }[] };
        contributions: { byInput: { value: { value: number }; source: string }[] };
        explanation?: unknown;
      };
    }>();
    const actor = (await login(store, tenant, 'cement-manager', DEMO_PASSWORD)).actor;
    const direct = await productFootprint(store, actor, {
      enterpriseId: cemA,
      year: 2025,
      product: 'clinker',
    });
    // nothing lost or added by the response schema, except the solver's link list
    const expected = { ...direct.footprint, explanation: undefined };
    expect(body.footprint).toEqual(JSON.parse(JSON.stringify(expected)));
    expect(body.footprint.total.unit).toBe('tCO2e/t');
    expect(body.footprint.fuelUpstream.status).toBe('included');
    expect(body.footprint.fuelUpstream.fuels.map((f) => f.fuel).sort()).toEqual([
      'bituminous-coal',
      'diesel',
    ]);
  });

  it('answers 404 outside the scope and 422 for a plant that makes no clinker', async () => {
    for (const url of [
      `/api/v1/enterprises/${cemA}/footprints?year=2025`,
      `/api/v1/enterprises/${cemA}/footprints/pact?year=2025&version=3`,
    ]) {
      const res = await call(app, tokens.get('park-ht'), { method: 'GET', url });
      expect(res.statusCode).toBe(404);
      expect(res.json<{ code: string }>().code).toBe('not-found');
    }
    // the building-materials park sees plant B, but the manager of plant A does not
    const other = await call(app, tokens.get('cement-manager'), {
      method: 'GET',
      url: `/api/v1/enterprises/${cemB}/footprints?year=2025`,
    });
    expect(other.statusCode).toBe(404);
    const seen = await call(app, tokens.get('park-bm'), {
      method: 'GET',
      url: `/api/v1/enterprises/${cemB}/footprints?year=2025`,
    });
    expect(seen.statusCode).toBe(200);
    const ht = await call(app, tokens.get('park-ht'), {
      method: 'GET',
      url: `/api/v1/enterprises/${electronics}/footprints?year=2025`,
    });
    expect(ht.statusCode).toBe(422);
    expect(ht.json<{ message: { en: string } }>().message.en).toMatch(/not a clinker plant/);
    const bad = await call(app, tokens.get('cement-manager'), {
      method: 'GET',
      url: `/api/v1/enterprises/${cemA}/footprints?year=2025&product=concrete`,
    });
    expect(bad.statusCode).toBe(400);
  });

  it('serves PACT v2.3 and v3.0 documents that validate against the official schemas', async () => {
    for (const version of ['2', '3'] as const) {
      const res = await call(app, tokens.get('cement-manager'), {
        method: 'GET',
        url: `/api/v1/enterprises/${cemA}/footprints/pact?year=2025&product=clinker&version=${version}`,
      });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toMatch(/^application\/json/);
      const doc = res.json<{ specVersion: string }>();
      expect(doc.specVersion.startsWith(`${version}.`)).toBe(true);
      expect(validatePact(doc, version, schemas)).toEqual({ valid: true, errors: [] });
    }
  });
});
