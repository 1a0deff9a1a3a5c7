import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getRun, listRuns, loadBundledFactorSets, login, resultOf } from '@carbonbase/app';
import { DEMO_PASSWORD, seedDemo } from '@carbonbase/app/demo';
import { openStore, type Store } from '@carbonbase/store';
import { call, serve, unique } from './app-fixtures.js';

/** The overview routes on the demo district: scoped, and figures that trace back to the runs. */
describe('park and region overviews over the API (PGlite)', () => {
  let store: Store;
  let app: FastifyInstance;
  const tenant = unique('apianalysis');
  const tokens = new Map<string, string>();
  let bm: string;
  let ht: string;
  let district: string;

  beforeAll(async () => {
    store = await openStore({ inMemory: true });
    await loadBundledFactorSets(store);
    await store.organisations.createTenant(tenant, '分析 analysis');
    await seedDemo(store, tenant);
    for (const l of ['admin', 'bureau', 'park-bm'])
      tokens.set(l, (await login(store, tenant, l, DEMO_PASSWORD)).token);
    const parks = await store.organisations.listParks(tenant);
    bm = parks.find((p) => p.code === 'DEMO-PARK-BM')!.id;
    ht = parks.find((p) => p.code === 'DEMO-PARK-HT')!.id;
    district = (await store.organisations.listRegions(tenant)).find(
      (r) => r.code === '451300-DEMO',
    )!.id;
    app = await serve(store);
  }, 300_000);
  afterAll(async () => {
    await app?.close();
    await store?.close();
  });

  it('gives a park admin its park, with the net total equal to its runs’ totals', async () => {
    const res = await call(app, tokens.get('park-bm'), {
      method: 'GET',
      url: `/api/v1/parks/${bm}/overview?year=2025`,
    });
    expect(res.statusCode).toBe(200);
    const body = res.json<{
      code: string;
      rollup: { net: { value: number; unit: string } };
      enterprises: { code: string; runId: string; yearOnYear: { ok: boolean; delta?: unknown } }[];
      byIntensity: { basis: string; ranking: { groups: { ranked: unknown[] }[] } }[];
      supply: { known: boolean };
    }>();
    // nested parts survive the response schema
    expect(body.enterprises.every((e) => e.yearOnYear.ok && e.yearOnYear.delta)).toBe(true);
    expect(body.byIntensity[0]!.basis).toBe('per-t-clinker');
    expect(body.byIntensity[0]!.ranking.groups[0]!.ranked).toHaveLength(3);
    expect(body.code).toBe('DEMO-PARK-BM');
    // the park's runs of 2025, read through the run routes' use-cases by the same admin
    const actor = (await login(store, tenant, 'park-bm', DEMO_PASSWORD)).actor;
    const latest = new Map<string, string>();
    for (const s of await listRuns(store, actor, { year: 2025, limit: 500 }))
      if (!latest.has(s.enterpriseId!)) latest.set(s.enterpriseId!, s.id);
    expect(latest.size).toBe(4);
    let sum = 0;
    for (const id of latest.values()) sum += resultOf(await getRun(store, actor, id)).total.value;
    expect(body.rollup.net.unit).toBe('tCO2e');
    expect(body.rollup.net.value).toBeCloseTo(sum, 3);
    expect(body.enterprises.map((e) => e.runId).sort()).toEqual([...latest.values()].sort());
    expect(body.supply.known).toBe(true);
  });

  it('answers 404 to a park admin for the other park and for the region', async () => {
    for (const url of [
      `/api/v1/parks/${ht}/overview?year=2025`,
      `/api/v1/regions/${district}/overview?year=2025`,
    ]) {
      const res = await call(app, tokens.get('park-bm'), { method: 'GET', url });
      expect(res.statusCode).toBe(404);
      expect(res.json<{ code: string }>().code).toBe('not-found');
    }
  });

  it('gives the bureau the region park by park, and refuses a request without a year', async () => {
    const res = await call(app, tokens.get('bureau'), {
      method: 'GET',
      url: `/api/v1/regions/${district}/overview?year=2025`,
    });
    expect(res.statusCode).toBe(200);
    const body = res.json<{
      parks: { code: string }[];
      outsideParks: string[];
      byTotal: { groups: { ranked: { enterprise: string; rank: number }[] }[] };
      rollup: {
        gross: { value: number };
        net: { value: number };
        internalTransfer: { value: number };
        transfers: { buyer: string; supplier: string }[];
        pollutants: Record<string, { value: number; unit: string }>;
      };
      enterprises: {
        code: string;
        pollutants: { pollutant: string; amount: { value: number }; sources: string[] }[];
        synergy: { pollutant: string; class: string }[];
      }[];
      yearOnYear: { synergy: { pollutant: string; class: string }[] };
    }>();
    // the power plant's sales to members survive the response, and count once in net
    const r = body.rollup;
    expect(r.transfers.map((t) => t.supplier)).toContain('DEMO-PWR-01');
    expect(r.net.value).toBeCloseTo(r.gross.value - r.internalTransfer.value, 6);
    expect(r.internalTransfer.value).toBeGreaterThan(0);
    // pollutants per enterprise and their synergy class, summed in the roll-up
    const nox = body.enterprises.reduce(
      (x, e) => x + (e.pollutants.find((p) => p.pollutant === 'NOx')?.amount.value ?? 0),
      0,
    );
    expect(r.pollutants.NOx!.unit).toBe('t');
    expect(r.pollutants.NOx!.value).toBeCloseTo(nox, 6);
    const cement = body.enterprises.find((e) => e.code === 'DEMO-CEM-A')!;
    expect(cement.synergy.find((x) => x.pollutant === 'NOx')!.class).toBe('co-control');
    expect(body.yearOnYear.synergy.map((x) => x.pollutant)).toEqual(['SO2', 'NOx', 'PM']);
    expect(body.parks.map((p) => p.code)).toEqual(['DEMO-PARK-BM', 'DEMO-PARK-HT']);
    expect(body.outsideParks).toEqual(['DEMO-PWR-01']);
    expect(body.byTotal.groups[0]!.ranked).toHaveLength(12);
    const noYear = await call(app, tokens.get('bureau'), {
      method: 'GET',
      url: `/api/v1/regions/${district}/overview`,
    });
    expect(noYear.statusCode).toBe(400);
  });
});
