import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadBundledFactorSets, login, parkOverview } from '@carbonbase/app';
import { DEMO_PASSWORD, seedDemo } from '@carbonbase/app/demo';
import { call, engines, serve, unique, useStore } from './app-fixtures.js';

interface Q {
  value: number;
  unit: string;
}
interface Body {
  code: string;
  activity: { measure: string; basis: string | null; unit: string; zh: string; en: string };
  base: Q;
  target: Q;
  total: Q;
  effects: Record<'activity' | 'structure' | 'intensity' | 'emissionFactor', Q>;
  sectors: { sector: string; base: { energy: Q }; effects: Record<string, Q> }[];
  compared: string[];
  leftOut: unknown[];
  notes: string[];
}

/** The decomposition routes on the demo district: scoped, and adding up to the overview's change. */
for (const engine of engines)
  describe(`LMDI decomposition over the API (${engine})`, () => {
    const store = useStore(engine);
    let app: FastifyInstance;
    const tenant = unique('apilmdi');
    const tokens = new Map<string, string>();
    let bm: string;
    let ht: string;
    let district: string;
    let cement: string;

    beforeAll(async () => {
      const s = store();
      await loadBundledFactorSets(s);
      await s.organisations.createTenant(tenant, '分解 decomposition');
      await seedDemo(s, tenant);
      for (const l of ['bureau', 'park-bm', 'park-ht'])
        tokens.set(l, (await login(s, tenant, l, DEMO_PASSWORD)).token);
      const parks = await s.organisations.listParks(tenant);
      bm = parks.find((p) => p.code === 'DEMO-PARK-BM')!.id;
      ht = parks.find((p) => p.code === 'DEMO-PARK-HT')!.id;
      district = (await s.organisations.listRegions(tenant)).find(
        (r) => r.code === '451300-DEMO',
      )!.id;
      cement = (await s.organisations.listEnterprises(tenant, {}, { limit: 100 })).find(
        (e) => e.code === 'DEMO-CEM-A',
      )!.id;
      app = await serve(s);
    }, 600_000);
    afterAll(async () => {
      await app?.close();
    });

    it('gives the park admin its park, the effects adding up to the overview’s change', async () => {
      const res = await call(app, tokens.get('park-bm'), {
        method: 'GET',
        url: `/api/v1/parks/${bm}/decomposition?from=2024&to=2025`,
      });
      expect(res.statusCode).toBe(200);
      const body = res.json<Body>();
      expect(body.code).toBe('DEMO-PARK-BM');
      expect(body.activity).toMatchObject({ measure: 'energy', basis: null, unit: 'tce' });
      const actor = (await login(store(), tenant, 'park-bm', DEMO_PASSWORD)).actor;
      const net = (await parkOverview(store(), actor, bm, 2025)).yearOnYear.net;
      if (!net.ok) throw new Error(net.reason);
      const sum = Object.values(body.effects).reduce((x, q) => x + q.value, 0);
      expect(Math.abs(sum - net.delta.value)).toBeLessThanOrEqual(1e-9 * Math.abs(net.delta.value));
      expect(body.total.unit).toBe('tCO2e');
      // nested parts survive the response schema
      expect(body.sectors.every((s) => s.base.energy.unit === 'tce' && s.effects.structure)).toBe(
        true,
      );
      expect(body.compared).toHaveLength(4);
      expect(body.leftOut).toEqual([]);
      expect(body.notes.length).toBeGreaterThan(3);
    });

    it('answers 404 to a park admin for the other park, the region and an enterprise', async () => {
      for (const url of [
        `/api/v1/parks/${bm}/decomposition?from=2024&to=2025`,
        `/api/v1/regions/${district}/decomposition?from=2024&to=2025`,
        `/api/v1/enterprises/${cement}/decomposition?from=2024&to=2025`,
      ]) {
        const res = await call(app, tokens.get('park-ht'), { method: 'GET', url });
        expect(res.statusCode).toBe(404);
        expect(res.json<{ code: string }>().code).toBe('not-found');
      }
      const own = await call(app, tokens.get('park-ht'), {
        method: 'GET',
        url: `/api/v1/parks/${ht}/decomposition?from=2024&to=2025`,
      });
      expect(own.statusCode).toBe(200);
    });

    it('gives the bureau the region and an enterprise by its production', async () => {
      const region = await call(app, tokens.get('bureau'), {
        method: 'GET',
        url: `/api/v1/regions/${district}/decomposition?from=2024&to=2025`,
      });
      expect(region.statusCode).toBe(200);
      expect(region.json<Body>().sectors.length).toBeGreaterThan(5);
      const plant = await call(app, tokens.get('bureau'), {
        method: 'GET',
        url: `/api/v1/enterprises/${cement}/decomposition?from=2024&to=2025`,
      });
      expect(plant.statusCode).toBe(200);
      expect(plant.json<Body>().activity).toMatchObject({
        measure: 'production',
        basis: 'per-t-clinker',
      });
    });

    it('refuses missing or reversed years', async () => {
      const bad = await call(app, tokens.get('bureau'), {
        method: 'GET',
        url: `/api/v1/regions/${district}/decomposition?from=2025`,
      });
      expect(bad.statusCode).toBe(400);
      const reversed = await call(app, tokens.get('bureau'), {
        method: 'GET',
        url: `/api/v1/regions/${district}/decomposition?from=2025&to=2024`,
      });
      expect(reversed.statusCode).toBe(422);
      expect(reversed.json<{ code: string }>().code).toBe('validation-failed');
    });
  });
