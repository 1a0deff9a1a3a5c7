import { beforeAll, describe, expect, it } from 'vitest';
import { parseQuantity as q, valueIn } from '@carbonbase/quantity';
import type { Store } from '@carbonbase/store';
import { DEMO_PASSWORD, seedDemo } from '../src/demo/index.js';
import type { AppError } from '../src/index.js';
import {
  enterpriseMacc,
  getRun,
  listRuns,
  loadBundledFactorSets,
  login,
  optimizePlan,
  parkMacc,
  regionMacc,
  resultOf,
  type Actor,
  type PlanInfeasible,
  type PlanOptimal,
} from '../src/index.js';
import { engines, unique, useStore } from './harness.js';

/** MACC and optimizer over the demo district, on each engine. */
for (const engine of engines)
  describe(`planning over the store (${engine})`, () => {
    const getStore = useStore(engine);
    let store: Store;
    const tenant = unique('plan');
    const as = new Map<string, Actor>();
    const ids = new Map<string, string>();

    beforeAll(async () => {
      store = getStore();
      await loadBundledFactorSets(store);
      await store.organisations.createTenant(tenant, '规划 planning');
      await seedDemo(store, tenant);
      for (const l of ['admin', 'bureau', 'park-bm', 'cement-manager'])
        as.set(l, (await login(store, tenant, l, DEMO_PASSWORD)).actor);
      for (const p of await store.organisations.listParks(tenant)) ids.set(p.code, p.id);
      for (const r of await store.organisations.listRegions(tenant)) ids.set(r.code, r.id);
      for (const e of await store.organisations.listEnterprises(tenant, {}, { limit: 100 }))
        ids.set(e.code, e.id);
    }, 300_000);

    const notFound = async (p: Promise<unknown>) =>
      expect(p).rejects.toMatchObject({ code: 'not-found' } satisfies Partial<AppError>);

    it('keeps each actor to its scope', async () => {
      const park = as.get('park-bm')!;
      await notFound(parkMacc(store, park, ids.get('DEMO-PARK-HT')!));
      await notFound(regionMacc(store, park, ids.get('451300-DEMO')!));
      const manager = as.get('cement-manager')!;
      await notFound(enterpriseMacc(store, manager, ids.get('DEMO-CEM-B')!));
      await notFound(parkMacc(store, manager, ids.get('DEMO-PARK-BM')!));
      await notFound(
        optimizePlan(store, manager, {
          scope: { parkId: ids.get('DEMO-PARK-BM')! },
          target: { kind: 'cut', cut: q('5 %'), by: 2030 },
        }),
      );
      const own = await enterpriseMacc(store, manager, ids.get('DEMO-CEM-A')!);
      expect(own.sites.map((s) => s.enterprise)).toEqual(['DEMO-CEM-A']);
      const bm = await parkMacc(store, park, ids.get('DEMO-PARK-BM')!, { year: 2025 });
      expect(bm.sites).toHaveLength(4);
    });

    it('draws the district MACC over 12 enterprises and ≥ 40 candidates', async () => {
      const m = await regionMacc(store, as.get('bureau')!, ids.get('451300-DEMO')!);
      expect(m.year).toBe(2025);
      expect(m.sites).toHaveLength(12);
      expect(m.bars.length + m.left.length).toBeGreaterThanOrEqual(40);
      const costs = m.bars.map((b) => valueIn(b.cost, 'CNY/tCO2'));
      expect(costs).toEqual([...costs].sort((a, b) => a - b));
      let x = 0;
      for (const b of m.bars) {
        expect(valueIn(b.from, 'tCO2/a')).toBeCloseTo(x, 6);
        x += valueIn(b.abatement, 'tCO2/a');
      }
      expect(valueIn(m.total, 'tCO2/a')).toBeCloseTo(x, 6);
      // the coal power plant buys no electricity and fires no process boiler: nothing applies
      expect(m.sites.find((s) => s.enterprise === 'DEMO-PWR-01')!.candidates).toBe(0);

      // CEM-A's motor bar from its run, by hand: electricity used (bought + waste-heat power)
      // × 80 % motors (cement profile) × 15 % saved × the run's grid factor 0.5306 tCO2/MWh
      const admin = as.get('admin')!;
      const runs = await listRuns(store, admin, { year: 2025, limit: 100 });
      const runId = runs.find((r) => r.enterpriseId === ids.get('DEMO-CEM-A'))!.id;
      const r = resultOf(await getRun(store, admin, runId));
      const mwh = (kind: string) =>
        r.lines
          .filter((l) => l.kind === kind)
          .reduce(
            (s, l) =>
              s + valueIn(l.explanation.inputs.find((i) => i.field === 'amount')!.value, 'MWh'),
            0,
          );
      const use = mwh('electricity-purchased') + mwh('electricity-generated');
      const bar = m.bars.find((b) => b.candidate === 'DEMO-CEM-A:motor-systems')!;
      expect(valueIn(bar.abatement, 'tCO2/a')).toBeCloseTo(use * 0.8 * 0.15 * 0.5306, 6);
      expect(bar.sources).toEqual(['carbonbase-estimate', 'ie-motor-classes']);
      expect(bar.mark).toBe('recalled');
    });

    it('plans a 15 % cut of the district by 2030, and explains a 60 % cut', async () => {
      const bureau = as.get('bureau')!;
      const scope = { regionId: ids.get('451300-DEMO')! };
      const plan = (await optimizePlan(store, bureau, {
        scope,
        target: { kind: 'cut', cut: q('15 %'), by: 2030 },
      })) as PlanOptimal;
      expect(plan.status).toBe('optimal');
      expect(plan.candidates.length).toBeGreaterThanOrEqual(40);
      const base = valueIn(plan.baseline, 'tCO2e/a');
      expect(valueIn(plan.target.cap, 'tCO2e/a')).toBeCloseTo(base * 0.85, 6);
      const last = plan.years.find((y) => y.year === 2030)!;
      expect(valueIn(last.emissions, 'tCO2e/a')).toBeLessThanOrEqual(base * 0.85 + 1e-6);
      // the years' abatement is the sum over the measures working then
      const abate = new Map(
        plan.candidates.map((c) => [c.candidate, valueIn(c.abatement, 'tCO2/a')]),
      );
      const working = plan.adoptions.reduce((s, a) => s + abate.get(a.candidate)!, 0);
      expect(valueIn(last.abatement, 'tCO2e/a')).toBeCloseTo(working, 6);
      expect(plan.years.map((y) => y.year)).toEqual([2026, 2027, 2028, 2029, 2030]);

      const none = (await optimizePlan(store, bureau, {
        scope,
        target: { kind: 'cut', cut: q('60 %'), by: 2030 },
      })) as PlanInfeasible;
      expect(none.status).toBe('infeasible');
      expect(none.binding).toBe('potential');
      expect(none.explanation.zh).toContain('无可行方案');
      expect(none.explanation.en).toContain('cannot be met');

      // Green electricity needs no investment; without it 5 % takes kiln and grinding projects
      // far beyond 1 million CNY a year.
      const poor = (await optimizePlan(store, bureau, {
        scope,
        target: { kind: 'cut', cut: q('5 %'), by: 2030 },
        budgetPerYear: q('1000000 CNY/a'),
        exclusions: ['green-electricity'],
      })) as PlanInfeasible;
      expect(poor.binding).toBe('budgets');
      expect(poor.explanation.zh).toContain('年度投资预算');

      await expect(
        optimizePlan(store, bureau, { scope, target: { kind: 'cut', cut: q('15 %'), by: 2025 } }),
      ).rejects.toMatchObject({ code: 'validation-failed' });
    });
  });
