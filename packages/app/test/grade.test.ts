import { beforeAll, describe, expect, it } from 'vitest';
import { valueIn } from '@carbonbase/quantity';
import type { Store } from '@carbonbase/store';
import {
  DEMO_ENTERPRISES,
  DEMO_PASSWORD,
  DEMO_PROBLEM,
  demoActivity,
  seedDemo,
} from '../src/demo/index.js';
import {
  AppError,
  gradeRun,
  listRuns,
  loadBundledFactorSets,
  login,
  runFigures,
  type Actor,
} from '../src/index.js';
import { engines, unique, useStore } from './harness.js';

/**
 * The GB 16780-2021 clinker figures of a demo plant, from the demo's own monthly cells (not from
 * the run): coal = Σ(t × NCV) of coal and RDF ÷ 29.3076 GJ/tce ÷ clinker, electricity =
 * (kiln-line purchases + waste-heat power) ÷ clinker; cement grinding and quarry diesel are
 * outside the clinker boundary.
 */
function byHand(code: string, year: number) {
  const plant = DEMO_ENTERPRISES.find((e) => e.code === code)!;
  let clinker = 0;
  let heatGJ = 0;
  let rdfGJ = 0;
  let mwh = 0;
  for (const { month, cells } of demoActivity(plant)) {
    if (!month.startsWith(String(year))) continue;
    for (const c of cells) {
      const ncv = parseFloat(c.parameters.ncv as string);
      if (c.source.startsWith('clinker-')) clinker += c.amount.value;
      else if (c.source.startsWith('coal-')) heatGJ += c.amount.value * ncv;
      else if (c.source.startsWith('rdf-')) rdfGJ += c.amount.value * ncv;
      else if (c.source === 'power' || c.source.startsWith('whr-')) mwh += c.amount.value;
    }
  }
  const coal = ((heatGJ + rdfGJ) / 29.3076) * (1000 / clinker);
  const electricity = (mwh * 1000) / clinker;
  return { clinker, coal, electricity, comprehensive: coal + electricity * 0.1229 };
}

for (const engine of engines)
  describe(`GB 16780 grade of a stored run (${engine})`, () => {
    const store = useStore(engine);
    const tenant = unique('grade');
    const actors = new Map<string, Actor>();
    const runIds = new Map<string, string>();

    beforeAll(async () => {
      const s: Store = store();
      await loadBundledFactorSets(s);
      await s.organisations.createTenant(tenant, '能效等级 grade');
      await seedDemo(s, tenant);
      for (const l of ['admin', 'cement-manager'])
        actors.set(l, (await login(s, tenant, l, DEMO_PASSWORD)).actor);
      const enterprises = await s.organisations.listEnterprises(tenant, {}, { limit: 100 });
      for (const e of enterprises)
        for (const y of [2024, 2025]) {
          const [run] = await listRuns(s, actors.get('admin')!, { enterpriseId: e.id, year: y });
          runIds.set(`${e.code} ${y}`, run!.id);
        }
    }, 600_000);

    it('grades Hongmian Cement 2024 with the figures worked from the demo cells', async () => {
      const hand = byHand('DEMO-CEM-A', 2024);
      // realistic magnitudes for a modern NSP plant co-processing RDF
      expect(hand.coal).toBeGreaterThan(95);
      expect(hand.coal).toBeLessThan(100);
      expect(hand.electricity).toBeGreaterThan(57);
      expect(hand.electricity).toBeLessThan(61);
      const g = await gradeRun(
        store(),
        actors.get('cement-manager')!,
        runIds.get('DEMO-CEM-A 2024')!,
      );
      const by = new Map(g.indicators.map((i) => [i.id, i]));
      const coal = by.get('clinker.comprehensive-coal')!;
      const elec = by.get('clinker.comprehensive-electricity')!;
      const energy = by.get('clinker.comprehensive-energy')!;
      expect(valueIn(g.clinker, 't')).toBeCloseTo(hand.clinker, 6);
      expect(valueIn(coal.value, 'kgce/t')).toBeCloseTo(hand.coal, 6);
      expect(valueIn(elec.value, 'kWh/t')).toBeCloseTo(hand.electricity, 6);
      expect(valueIn(energy.value, 'kgce/t')).toBeCloseTo(hand.comprehensive, 6);
      // 94 < coal ≤ 100 → 2; 57 < electricity ≤ 61 → 3; 100 < comprehensive ≤ 107 → 2
      expect([coal.grade, elec.grade, energy.grade]).toEqual(['2', '3', '2']);
      expect(energy.limits.map((l) => valueIn(l.limit, 'kgce/t'))).toEqual([100, 107, 117]);
      expect(g.factorSet).toBe('cn-gb16780-2021@2021.1');
      expect(g.coefficient.ref).toMatch(/^cn-gbt2589-standard-coal\/.+@/);
      expect(g.notes.map((n) => n.id)).toEqual(
        expect.arrayContaining(['alternative-fuel', 'waste-heat-power', 'boundary', 'altitude']),
      );
      expect(g.notGraded.map((n) => n.id)).toContain('cement.comprehensive-energy');
    });

    it('gives every demo clinker plant a grade in realistic ranges; the typo year says so', async () => {
      for (const code of ['DEMO-CEM-B', 'DEMO-CEM-C'])
        for (const y of [2024, 2025]) {
          const f = await runFigures(store(), actors.get('admin')!, runIds.get(`${code} ${y}`)!);
          if (!f.gb16780.applicable) throw new Error(`${code} ${y} not graded`);
          const g = f.gb16780.grade;
          const coal = valueIn(
            g.indicators.find((i) => i.id === 'clinker.comprehensive-coal')!.value,
            'kgce/t',
          );
          expect(coal, `${code} ${y}`).toBeGreaterThan(95);
          expect(coal, `${code} ${y}`).toBeLessThan(115);
          const warned = g.notes.some((n) => n.id === 'run-warnings');
          expect(warned, `${code} ${y}`).toBe(
            code === DEMO_PROBLEM.enterprise && y === DEMO_PROBLEM.year,
          );
        }
      // the older 2500 t/d line needs 3.2 GJ/t: 3.2 / 29.3076 × 1000 ≈ 109.2 kgce/t coal, about the limit
      const c = byHand('DEMO-CEM-C', 2024);
      expect(c.coal).toBeGreaterThan(107);
    });

    it('gives key figures without a grade for a plant outside GB 16780, and refuses to grade it', async () => {
      // the ready-mix concrete plant is in the building-materials park but makes no clinker
      const id = runIds.get('DEMO-RMC-01 2024')!;
      const f = await runFigures(store(), actors.get('admin')!, id);
      expect(f.intensities).toEqual([]);
      expect(f.gb16780.applicable).toBe(false);
      expect(valueIn(f.energy.calorific, 'tce')).toBeGreaterThan(0);
      const e = await gradeRun(store(), actors.get('admin')!, id).catch((x: unknown) => x);
      expect(e).toBeInstanceOf(AppError);
      expect((e as AppError).code).toBe('validation-failed');
    });

    it('answers not found for a run outside the caller scope', async () => {
      const other = runIds.get('DEMO-CEM-B 2024')!;
      for (const call of [gradeRun, runFigures]) {
        const e = await call(store(), actors.get('cement-manager')!, other).catch(
          (x: unknown) => x,
        );
        expect(e).toBeInstanceOf(AppError);
        expect((e as AppError).code).toBe('not-found');
      }
    });
  });
