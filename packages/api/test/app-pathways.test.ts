import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadBundledFactorSets, login } from '@carbonbase/app';
import { DEMO_PASSWORD, seedDemo } from '@carbonbase/app/demo';
import { openStore, type Store } from '@carbonbase/store';
import { call, engines, seedWorld, serve, unique, useStore, type World } from './app-fixtures.js';

/**
 * Worked by hand (tCO2e/a): 100 t/a × 1 tCO2e/t in 2025, output +10 %/a in 2026–2028 then flat,
 * a measure avoiding 20 tCO2e/a from 2029: 100, 110, 121, 133.1, then 113.1 to 2060.
 * Peak 2028 at 133.1; 2030 and 2060 at 113.1; cumulative 100 + 110 + 121 + 133.1 + 32 × 113.1.
 */
const PEAKING = {
  id: 'peak-2028',
  name: '2028 年达峰',
  nameEn: 'Peak in 2028',
  baseYear: 2025,
  production: '100 t/a',
  intensity: '1 tCO2e/t',
  growth: [
    { from: 2026, to: 2028, ratePerYear: '10 %' },
    { from: 2029, to: 2060, ratePerYear: '0 %' },
  ],
  intensityChange: [],
  measures: [{ id: 'whr', from: 2029, abatement: '20 tCO2e/a' }],
};

interface Saved {
  id: string;
  name: string;
  editable: boolean;
  scope: { kind: string; code: string };
  createdAt: string;
}

describe.each(engines)('pathway scenarios over the API on %s', (engine) => {
  const store = useStore(engine);
  let app: FastifyInstance;
  let w: World;
  let saved: Saved;

  beforeAll(async () => {
    w = await seedWorld(store());
    app = await serve(store());
  }, 120_000);
  afterAll(() => app?.close());

  it('saves a scenario and projects it: peak 2028 at 133.1 tCO2e/a', async () => {
    const res = await call(app, w.tokens.parkA, {
      method: 'POST',
      url: '/api/v1/scenarios',
      body: { scope: { kind: 'park', id: w.parkA }, document: PEAKING },
    });
    expect(res.statusCode).toBe(201);
    saved = res.json<Saved>();
    expect(saved).toMatchObject({ name: '2028 年达峰', editable: true, scope: { code: 'PA' } });
    expect(saved.createdAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    const p = await call(app, w.tokens.parkA, {
      method: 'GET',
      url: `/api/v1/scenarios/${saved.id}/pathway`,
    });
    expect(p.statusCode).toBe(200);
    const { pathway } = p.json<{
      pathway: {
        peakYear: number;
        peakValue: { value: number; unit: string };
        value2030: { value: number };
        cumulative: { value: number; unit: string };
        years: { year: number; emissions: { value: number } }[];
        peaksBy2030: boolean;
      };
    }>();
    expect(pathway.peakYear).toBe(2028);
    expect(pathway.peakValue.value).toBeCloseTo(133.1, 9);
    expect(pathway.peakValue.unit).toBe('tCO2e/a');
    expect(pathway.value2030.value).toBeCloseTo(113.1, 9);
    expect(pathway.cumulative).toMatchObject({ unit: 'tCO2e' });
    expect(pathway.cumulative.value).toBeCloseTo(100 + 110 + 121 + 133.1 + 32 * 113.1, 6);
    expect(pathway.years).toHaveLength(36);
    expect(pathway.peaksBy2030).toBe(true);
  });

  it('compares, edits and deletes; the response names every field of a bad document', async () => {
    const rising = await call(app, w.tokens.parkA, {
      method: 'POST',
      url: '/api/v1/scenarios',
      body: {
        scope: { kind: 'park', id: w.parkA },
        document: {
          ...PEAKING,
          id: 'up',
          name: '增长',
          growth: [{ from: 2026, to: 2060, ratePerYear: '1 %' }],
          measures: [],
        },
      },
    });
    const up = rising.json<Saved>().id;
    const cmp = await call(app, w.tokens.regulator, {
      method: 'POST',
      url: '/api/v1/pathways/compare',
      body: { scenarioIds: [saved.id, up] },
    });
    expect(cmp.statusCode).toBe(200);
    const body = cmp.json<{
      comparison: { rows: { scenario: string; peakYear: number }[]; leastCumulative: string };
      pathways: { pathway: { scenario: string } }[];
    }>();
    expect(body.comparison.rows.map((r) => r.peakYear)).toEqual([2028, 2060]);
    expect(body.comparison.leastCumulative).toBe(saved.id);
    expect(body.pathways.map((p) => p.pathway.scenario)).toEqual([saved.id, up]);

    const bad = await call(app, w.tokens.parkA, {
      method: 'PUT',
      url: `/api/v1/scenarios/${up}`,
      body: { document: { ...PEAKING, intensity: '1 kg', growth: [] } },
    });
    expect(bad.statusCode).toBe(422);
    const badBody = bad.json<{ code: string; details: { field?: string }[] }>();
    expect(badBody.code).toBe('validation-failed');
    expect(badBody.details.map((d) => d.field)).toEqual(['intensity']);
    const put = await call(app, w.tokens.parkA, {
      method: 'PUT',
      url: `/api/v1/scenarios/${up}`,
      body: { document: { ...PEAKING, name: '改名' } },
    });
    expect(put.statusCode).toBe(200);
    expect(put.json<Saved>().name).toBe('改名');
    const del = await call(app, w.tokens.parkA, {
      method: 'DELETE',
      url: `/api/v1/scenarios/${up}`,
    });
    expect(del.statusCode).toBe(204);
    const gone = await call(app, w.tokens.parkA, { method: 'GET', url: `/api/v1/scenarios/${up}` });
    expect(gone.statusCode).toBe(404);
  });

  it('keeps scope: read-only inside, not found outside, 401 without a token', async () => {
    const list = async (who: keyof World['tokens'], query = '') =>
      (await call(app, w.tokens[who], { method: 'GET', url: `/api/v1/scenarios${query}` })).json<{
        items: Saved[];
      }>().items;
    expect((await list('parkA')).map((s) => s.id)).toEqual([saved.id]);
    expect((await list('regulator'))[0]!.editable).toBe(false);
    expect(await list('clerk2')).toEqual([]);
    expect((await list('regulator', `?kind=park&scopeId=${w.parkA}`)).map((s) => s.id)).toEqual([
      saved.id,
    ]);
    const half = await call(app, w.tokens.regulator, {
      method: 'GET',
      url: `/api/v1/scenarios?kind=park`,
    });
    expect(half.statusCode).toBe(422);
    const outside = await call(app, w.tokens.clerk2, {
      method: 'GET',
      url: `/api/v1/scenarios/${saved.id}/pathway`,
    });
    expect(outside.statusCode).toBe(404);
    const readOnly = await call(app, w.tokens.regulator, {
      method: 'DELETE',
      url: `/api/v1/scenarios/${saved.id}`,
    });
    expect(readOnly.statusCode).toBe(403);
    const anonymous = await call(app, undefined, { method: 'GET', url: '/api/v1/scenarios' });
    expect(anonymous.statusCode).toBe(401);
    const foreign = await call(app, w.tokens.clerk2, {
      method: 'POST',
      url: '/api/v1/pathways/compare',
      body: { scenarioIds: [saved.id] },
    });
    expect(foreign.statusCode).toBe(404);
  });
});

/** The demo district: the seeded scenarios, a baseline and evaluations with store figures. */
describe('pathways and evaluations on the demo district (PGlite)', () => {
  let store: Store;
  let app: FastifyInstance;
  const tenant = unique('apipathways');
  const tokens = new Map<string, string>();
  let bm: string;
  let cement: string;

  beforeAll(async () => {
    store = await openStore({ inMemory: true });
    await loadBundledFactorSets(store);
    await store.organisations.createTenant(tenant, '路径 pathways');
    await seedDemo(store, tenant);
    for (const l of ['park-bm', 'park-ht', 'cement-manager', 'bureau'])
      tokens.set(l, (await login(store, tenant, l, DEMO_PASSWORD)).token);
    bm = (await store.organisations.listParks(tenant)).find((p) => p.code === 'DEMO-PARK-BM')!.id;
    cement = (await store.organisations.listEnterprises(tenant, {}, { limit: 100 })).find(
      (e) => e.code === 'DEMO-CEM-A',
    )!.id;
    app = await serve(store);
  }, 600_000);
  afterAll(async () => {
    await app?.close();
    await store?.close();
  });

  it('seeds three scenarios for the building-materials park from its 2025 total', async () => {
    const res = await call(app, tokens.get('park-bm'), {
      method: 'GET',
      url: `/api/v1/scenarios?kind=park&scopeId=${bm}`,
    });
    const items = res.json<{ items: (Saved & { document: { baseYear: number } })[] }>().items;
    expect(items.map((s) => s.document.baseYear)).toEqual([2025, 2025, 2025]);
    const base = await call(app, tokens.get('park-bm'), {
      method: 'GET',
      url: `/api/v1/scenarios/baseline?kind=park&scopeId=${bm}`,
    });
    expect(base.statusCode).toBe(200);
    const overview = await call(app, tokens.get('park-bm'), {
      method: 'GET',
      url: `/api/v1/parks/${bm}/overview?year=2025`,
    });
    expect(base.json<{ emissions: { value: number } }>().emissions.value).toBeCloseTo(
      overview.json<{ rollup: { net: { value: number } } }>().rollup.net.value,
      6,
    );
    // the other park's admin sees none of them
    const other = await call(app, tokens.get('park-ht'), {
      method: 'GET',
      url: '/api/v1/scenarios',
    });
    expect(other.json<{ items: unknown[] }>().items).toEqual([]);
    const cmp = await call(app, tokens.get('bureau'), {
      method: 'POST',
      url: '/api/v1/pathways/compare',
      body: { scenarioIds: items.map((s) => s.id) },
    });
    expect(cmp.statusCode).toBe(200);
  });

  it('lists indicator systems and evaluates the cement plant against the green-factory template', async () => {
    const systems = await call(app, tokens.get('cement-manager'), {
      method: 'GET',
      url: '/api/v1/indicator-systems',
    });
    expect(systems.statusCode).toBe(200);
    const items = systems.json<{
      items: { id: string; indicators: { thresholds: { mark: string }[] }[] }[];
    }>().items;
    expect(items).toHaveLength(5);
    const res = await call(app, tokens.get('cement-manager'), {
      method: 'POST',
      url: '/api/v1/evaluations',
      body: {
        system: 'template-green-factory-gbt36132-2025',
        enterpriseId: cement,
        year: 2025,
        indicators: {
          'basic.legal': { level: 'baseline' },
          'basic.management': { level: 'baseline' },
          'basic.metering': { level: 'baseline' },
          'gf.renewable-share': { value: '10 %' },
          'gf.solid-waste-use': { value: '96 %' },
          'gf.water-reuse': { value: '90 %' },
          'gf.nox-intensity': { value: '0.25 kg/t' },
          'gf.pm-intensity': { value: '0.04 kg/t' },
          'gf.product-footprint': { level: 'leading' },
          'gf.green-product-cert': { level: null },
          'gf.plot-ratio': { value: '1.0 1' },
          'gf.land-output': { level: 'baseline' },
        },
      },
    });
    expect(res.statusCode).toBe(200);
    const body = res.json<{
      kind: string;
      indicators: { id: string; source: string; thresholds: { mark: string }[] }[];
      levels: { level: string; score: number }[];
      unverifiedThresholds: string[];
    }>();
    expect(body.kind).toBe('weighted-levels');
    expect(body.indicators.find((i) => i.id === 'gf.carbon-intensity')!.source).toBe('store');
    expect(body.indicators[3]!.thresholds[0]!.mark).toBe('example');
    expect(body.unverifiedThresholds.length).toBeGreaterThan(0);
    const outside = await call(app, tokens.get('park-ht'), {
      method: 'POST',
      url: '/api/v1/evaluations',
      body: {
        system: 'carbon-neutrality-check-generic',
        enterpriseId: cement,
        year: 2025,
        neutrality: { inventoryVerified: true },
      },
    });
    expect(outside.statusCode).toBe(404);
    const neutral = await call(app, tokens.get('cement-manager'), {
      method: 'POST',
      url: '/api/v1/evaluations',
      body: {
        system: 'carbon-neutrality-check-generic',
        enterpriseId: cement,
        year: 2025,
        neutrality: { inventoryVerified: true },
      },
    });
    expect(neutral.statusCode).toBe(200);
    const n = neutral.json<{
      kind: string;
      inventory: Record<string, { value: number }>;
      result: { claimable: boolean; net: { value: number } };
    }>();
    expect(n.kind).toBe('neutrality-check');
    expect(n.result.claimable).toBe(false);
    const sum = Object.values(n.inventory).reduce((s, q) => s + q.value, 0);
    expect(n.result.net.value).toBeCloseTo(sum, 6);
  });
});
