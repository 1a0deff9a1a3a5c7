import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { calculateYear, importActivityFile, loadBundledFactorSets, login } from '@carbonbase/app';
import { DEMO_PASSWORD, seedDemo } from '@carbonbase/app/demo';
import {
  call,
  E1_ROWS,
  engines,
  seedWorld,
  serve,
  unique,
  useStore,
  workbook,
  type World,
} from './app-fixtures.js';

interface Q {
  value: number;
  unit: string;
}
interface Bar {
  candidate: string;
  cost: Q;
  from: Q;
  to: Q;
  abatement: Q;
  annualCost: Q;
  capex: Q;
}
interface Macc {
  bars: Bar[];
  left: { candidate: string; reason: string }[];
  total: Q;
  sites: { enterprise: string; features: string[]; derivations: { item: string }[] }[];
}
interface Plan {
  status: string;
  adoptions?: { candidate: string; year: number }[];
  presentCost?: Q;
  candidates: unknown[];
  sites: unknown[];
  binding?: string;
  explanation?: { zh: string; en: string };
  years?: { year: number; emissions: Q }[];
  target: { cap: Q };
}

for (const engine of engines) {
  /**
   * A small case worked by hand. E1 (general manufacturing, no GB/T 4754 code → the default
   * profile) bought 100 MWh in 2024 at the test grid factor 0.5 tCO2/MWh; its coal fires
   * boiler-1, but the default profile puts no stationary fuel in boilers, so only electricity
   * measures apply. Electricity 0.62 CNY/kWh (prices.json); discount rate 0: CRF = 1/lifetime.
   *   motors   60 % × 100 000 kWh = 60 000 kWh; saves 15 % = 9 000 kWh → 4.5 tCO2/a
   *            capex 0.25 × 60 000 = 15 000 CNY / 15 a = 1 000/a; energy −9 000 × 0.62 = −5 580/a
   *            → −4 580 CNY/a ÷ 4.5 t = −1 017.78 CNY/tCO2
   *   lighting 5 % = 5 000 kWh; saves 50 % = 2 500 kWh → 1.25 tCO2/a
   *            capex 0.6 × 5 000 = 3 000 / 10 a = 300/a; energy −1 550/a → −1 250 ÷ 1.25 = −1 000
   *   PV       5 % = 5 000 kWh/a generated → 2.5 tCO2/a
   *            capex 3.2 × 5 000 = 16 000 / 25 a = 640/a; O&M 0.05 × 5 000 = 250/a;
   *            energy −3 100/a → −2 210 ÷ 2.5 = −884 CNY/tCO2
   *   green electricity: O&M 0.04 × 100 000 = 4 000/a for 50 t → 80 CNY/tCO2, but it excludes PV,
   *            which is cheaper per tonne: left off the curve
   * MACC: motors 0–4.5, lighting 4.5–5.75, PV 5.75–8.25 tCO2/a.
   * Optimizer, 5 tCO2e/a by 2025 (horizon 2025 only), green electricity excluded: each measure
   * started in 2025 costs its capex plus one year of O&M and energy at discount 0:
   *   motors 15 000 − 5 580 = 9 420; lighting 3 000 − 1 550 = 1 450; PV 16 000 + 250 − 3 100 = 13 150
   *   sets reaching 5 t: motors + lighting (5.75 t) 10 870; motors + PV (7 t) 22 570; all three
   *   24 020; lighting + PV gives only 3.75 t. Least: motors + lighting = the first two MACC bars.
   */
  describe(`planning API, hand-worked case (${engine})`, () => {
    const store = useStore(engine);
    let app: FastifyInstance;
    let w: World;

    beforeAll(async () => {
      const s = store();
      w = await seedWorld(s);
      await importActivityFile(
        s,
        w.as.clerk1,
        w.e1,
        { name: 'e1.xlsx', bytes: await workbook(E1_ROWS) },
        { year: 2024 },
      );
      await calculateYear(s, w.as.clerk1, w.e1, 2024);
      app = await serve(s);
    }, 180_000);
    afterAll(() => app?.close());

    it('draws the MACC worked out by hand', async () => {
      const res = await call(app, w.tokens.manager1, {
        method: 'GET',
        url: `/api/v1/enterprises/${w.e1}/macc?discountRate=${encodeURIComponent('0 %')}`,
      });
      expect(res.statusCode).toBe(200);
      const m = res.json<Macc>();
      expect(m.bars.map((b) => b.candidate)).toEqual([
        'E1:motor-systems',
        'E1:led-lighting',
        'E1:onsite-pv',
      ]);
      const cost = m.bars.map((b) => b.cost.value);
      expect(cost[0]).toBeCloseTo(-4580 / 4.5, 6);
      expect(cost[1]).toBeCloseTo(-1000, 6);
      expect(cost[2]).toBeCloseTo(-884, 6);
      const to = m.bars.map((b) => b.to.value);
      [4.5, 5.75, 8.25].forEach((v, k) => expect(to[k]).toBeCloseTo(v, 9));
      expect(m.left).toEqual([
        {
          candidate: 'E1:green-electricity',
          reason: 'excluded by E1:onsite-pv, which is cheaper per tonne',
        },
      ]);
      expect(m.sites[0]!.features).toEqual(['grid-connection', 'lighting', 'motors', 'pv-area']);
    });

    it('chooses the same measures as the MACC, at the cost worked out by hand', async () => {
      const res = await call(app, w.tokens.manager1, {
        method: 'POST',
        url: '/api/v1/optimizations',
        body: {
          scope: { enterpriseId: w.e1 },
          target: { kind: 'absolute', abatement: { value: 5, unit: 'tCO2e/a' }, by: 2025 },
          discountRate: { value: 0, unit: '%' },
          exclusions: ['green-electricity'],
        },
      });
      expect(res.statusCode).toBe(200);
      const p = res.json<Plan>();
      expect(p.status).toBe('optimal');
      expect(p.adoptions!.map((a) => `${a.candidate}@${a.year}`).sort()).toEqual([
        'E1:led-lighting@2025',
        'E1:motor-systems@2025',
      ]);
      expect(p.presentCost!.value).toBeCloseTo(10_870, 6);
      expect(p.presentCost!.unit).toBe('CNY');
    });

    it('keeps a park admin to its park and refuses a target without its figure', async () => {
      const other = await call(app, w.tokens.parkA, {
        method: 'GET',
        url: `/api/v1/parks/${w.parkB}/macc`,
      });
      expect(other.statusCode).toBe(404);
      const elsewhere = await call(app, w.tokens.manager1, {
        method: 'POST',
        url: '/api/v1/optimizations',
        body: {
          scope: { enterpriseId: w.e2 },
          target: { kind: 'cut', cut: { value: 5, unit: '%' }, by: 2026 },
        },
      });
      expect(elsewhere.statusCode).toBe(404);
      const missing = await call(app, w.tokens.manager1, {
        method: 'POST',
        url: '/api/v1/optimizations',
        body: { scope: { enterpriseId: w.e1 }, target: { kind: 'cut', by: 2026 } },
      });
      expect(missing.statusCode).toBe(422);
      expect(missing.json<{ details: { field: string }[] }>().details[0]!.field).toBe('target.cut');
      const badUnit = await call(app, w.tokens.manager1, {
        method: 'POST',
        url: '/api/v1/optimizations',
        body: {
          scope: { enterpriseId: w.e1 },
          target: { kind: 'cut', cut: { value: 5, unit: 't' }, by: 2026 },
        },
      });
      expect(badUnit.statusCode).toBe(422);
    });
  });

  describe(`planning API over the demo district (${engine})`, () => {
    const store = useStore(engine);
    let app: FastifyInstance;
    const tenant = unique('apiplan');
    const tokens = new Map<string, string>();
    const ids = new Map<string, string>();

    beforeAll(async () => {
      const s = store();
      await loadBundledFactorSets(s);
      await s.organisations.createTenant(tenant, '规划 planning');
      await seedDemo(s, tenant);
      for (const l of ['bureau', 'park-bm', 'park-ht'])
        tokens.set(l, (await login(s, tenant, l, DEMO_PASSWORD)).token);
      for (const p of await s.organisations.listParks(tenant)) ids.set(p.code, p.id);
      for (const r of await s.organisations.listRegions(tenant)) ids.set(r.code, r.id);
      app = await serve(s);
    }, 300_000);
    afterAll(() => app?.close());

    it('answers 404 for the other park', async () => {
      const res = await call(app, tokens.get('park-bm'), {
        method: 'GET',
        url: `/api/v1/parks/${ids.get('DEMO-PARK-HT')}/macc`,
      });
      expect(res.statusCode).toBe(404);
      const own = await call(app, tokens.get('park-ht'), {
        method: 'GET',
        url: `/api/v1/parks/${ids.get('DEMO-PARK-HT')}/macc?year=2025`,
      });
      expect(own.statusCode).toBe(200);
      expect(own.json<Macc>().sites).toHaveLength(7);
    });

    it('solves the district: 12 enterprises, ≥ 40 candidates', async () => {
      const res = await call(app, tokens.get('bureau'), {
        method: 'POST',
        url: '/api/v1/optimizations',
        body: {
          scope: { regionId: ids.get('451300-DEMO') },
          target: { kind: 'cut', cut: { value: 10, unit: '%' }, by: 2030 },
          adoptionLimit: 3,
        },
      });
      expect(res.statusCode).toBe(200);
      const p = res.json<Plan>();
      expect(p.status).toBe('optimal');
      expect(p.sites).toHaveLength(12);
      expect(p.candidates.length).toBeGreaterThanOrEqual(40);
      const y2030 = p.years!.find((y) => y.year === 2030)!;
      expect(y2030.emissions.value).toBeLessThanOrEqual(p.target.cap.value + 1e-6);
      // at most 3 enterprises start one measure in one year
      const starts = new Map<string, number>();
      for (const a of p.adoptions!) {
        const key = `${a.candidate.split(':')[1]}@${a.year}`;
        starts.set(key, (starts.get(key) ?? 0) + 1);
      }
      expect(Math.max(...starts.values())).toBeLessThanOrEqual(3);
    });

    it('explains an unreachable target in Chinese and English', async () => {
      const res = await call(app, tokens.get('park-bm'), {
        method: 'POST',
        url: '/api/v1/optimizations',
        body: {
          scope: { parkId: ids.get('DEMO-PARK-BM') },
          target: { kind: 'cut', cut: { value: 50, unit: '%' }, by: 2030 },
        },
      });
      expect(res.statusCode).toBe(200);
      const p = res.json<Plan>();
      expect(p.status).toBe('infeasible');
      expect(p.binding).toBe('potential');
      expect(p.explanation!.zh).toMatch(/无可行方案/);
      expect(p.explanation!.en).toMatch(/cannot be met/);
    });

    it('lists the measure library with sources and marks', async () => {
      const res = await call(app, tokens.get('park-bm'), {
        method: 'GET',
        url: '/api/v1/measures',
      });
      expect(res.statusCode).toBe(200);
      const body = res.json<{
        libraries: { measures: { id: string; capex: { mark: string; source: string } }[] }[];
        prices: { electricity: { value: Q; mark: string } };
      }>();
      expect(body.libraries.flatMap((l) => l.measures)).toHaveLength(15);
      expect(body.libraries[0]!.measures[0]!.capex.mark).toBe('secondary');
      expect(body.prices.electricity.value).toEqual({ value: 0.62, unit: 'CNY/kWh' });
    });
  });
}
