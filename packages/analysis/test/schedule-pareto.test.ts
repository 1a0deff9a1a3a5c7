import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { quantity, parseQuantity as q, valueIn } from '@carbonbase/quantity';
import {
  annualCost,
  dominates,
  instantiate,
  loadHighsSolver,
  optimizeSchedule,
  paretoPortfolios,
  parseMeasureLibrary,
  shareLimit,
  type Candidate,
  type MipSolver,
  type ScheduleInfeasible,
  type SchedulePlan,
  type ScheduleProblem,
  type Site,
} from '../src/index.js';
import { candidate } from './candidates.js';
import { readJson } from './data.js';

let solve: MipSolver;
beforeAll(async () => {
  solve = await loadHighsSolver();
});

/**
 * Hand-worked multi-period case. Horizon 2025–2027, discount rate 10 %, df(t) = 1.1^−(t−2025):
 * df = 1, 0.909091, 0.826446. Baseline 10 000 tCO2/a every year.
 *   A: capex 1 000 000, no O&M, 10 a, 1000 t/a.  cost(y) = 1e6·df(y):
 *      2025: 1 000 000   2026: 909 090.91   2027: 826 446.28
 *   B: capex 500 000, O&M 100 000/a, 10 a, 1000 t/a.
 *      cost(y) = 5e5·df(y) + 1e5·Σ_{t=y..2027} df(t):
 *      2025: 500 000 + 100 000 × 2.735537 = 773 553.72
 *      2026: 454 545.45 + 100 000 × 1.735537 = 628 099.17
 *      2027: 413 223.14 + 100 000 × 0.826446 = 495 867.77
 */
const A = candidate('A', { capex: 1_000_000, opex: 0, years: 10, abatement: 1000 });
const B = candidate('B', { capex: 500_000, opex: 100_000, years: 10, abatement: 1000 });
const flat = [2025, 2026, 2027].map((year) => ({ year, value: q('10000 tCO2/a') }));
const base: ScheduleProblem = {
  candidates: [A, B],
  firstYear: 2025,
  lastYear: 2027,
  baseline: flat,
  targets: [],
  discountRate: q('10 %'),
};
const cut = (year: number, pct: number) => ({
  kind: 'cut' as const,
  year,
  reference: q('10000 tCO2/a'),
  cut: quantity(pct, '%'),
});
const plan = (p: ScheduleProblem) => {
  const r = optimizeSchedule(p, solve);
  expect(r.status).toBe('optimal');
  return r as SchedulePlan;
};
const infeasible = (p: ScheduleProblem) => {
  const r = optimizeSchedule(p, solve);
  expect(r.status).toBe('infeasible');
  return r as ScheduleInfeasible;
};

describe('measures chosen with their years', () => {
  it('10 % cut by 2027: B started in 2027 is cheapest (495 867.77)', () => {
    const p = plan({ ...base, targets: [cut(2027, 10)] });
    expect(p.adoptions).toEqual([{ candidate: 'B', year: 2027 }]);
    expect(valueIn(p.presentCost, 'CNY')).toBeCloseTo(495_867.77, 2);
    expect(p.years.map((y) => y.emissions.value)).toEqual([10000, 10000, 9000]);
    expect(p.years.map((y) => y.capex.value)).toEqual([0, 0, 500_000]);
  });

  it('the same cut already in 2026: B in 2026 (628 099.17)', () => {
    const p = plan({ ...base, targets: [cut(2026, 10)] });
    expect(p.adoptions).toEqual([{ candidate: 'B', year: 2026 }]);
    expect(valueIn(p.presentCost, 'CNY')).toBeCloseTo(628_099.17, 2);
  });

  it('a 2026 budget of 400 000 moves B to 2025 (773 553.72)', () => {
    const p = plan({
      ...base,
      targets: [cut(2026, 10)],
      budgets: [{ year: 2026, capex: q('40 万CNY') }],
    });
    expect(p.adoptions).toEqual([{ candidate: 'B', year: 2025 }]);
    expect(valueIn(p.presentCost, 'CNY')).toBeCloseTo(773_553.72, 2);
  });

  it('20 % by 2027 with at most one start a year: A 2026 + B 2027 (1 404 958.68)', () => {
    // Without the limit both start in 2027: 826 446.28 + 495 867.77 = 1 322 314.05.
    expect(valueIn(plan({ ...base, targets: [cut(2027, 20)] }).presentCost, 'CNY')).toBeCloseTo(
      1_322_314.05,
      2,
    );
    // 25 % of 4 enterprises = 1 a year. A 2026 + B 2027 = 909 090.91 + 495 867.77 beats
    // A 2027 + B 2026 = 826 446.28 + 628 099.17 = 1 454 545.45.
    const limit = shareLimit('retrofits', ['A', 'B'], q('25 %'), 4);
    expect(limit.perYear).toBe(1);
    const p = plan({ ...base, targets: [cut(2027, 20)], limits: [limit] });
    expect(p.adoptions).toEqual([
      { candidate: 'A', year: 2026 },
      { candidate: 'B', year: 2027 },
    ]);
    expect(valueIn(p.presentCost, 'CNY')).toBeCloseTo(1_404_958.68, 2);
  });

  it('peak by 2025 with a rising baseline: one measure from 2026 (B, 628 099.17)', () => {
    // Baseline 10 000, 10 500, 11 000. E_2026 ≤ E_2025 needs A_2026 − A_2025 ≥ 500 and
    // E_2027 ≤ E_2025 needs A_2027 − A_2025 ≥ 1000: one 1000 t measure starting in 2026 does it
    // (starting in 2025 lifts E_2025's abatement too and gains nothing).
    const rising = [10000, 10500, 11000].map((v, k) => ({
      year: 2025 + k,
      value: quantity(v, 'tCO2/a'),
    }));
    const p = plan({ ...base, baseline: rising, targets: [{ kind: 'peak', year: 2025 }] });
    expect(p.adoptions).toEqual([{ candidate: 'B', year: 2026 }]);
    expect(p.years.map((y) => y.emissions.value)).toEqual([10000, 9500, 10000]);
  });

  it('intensity 0.9 tCO2/t by 2027 at 10 000 t/a of output: B in 2027', () => {
    const production = [2025, 2026, 2027].map((year) => ({ year, value: q('10000 t/a') }));
    const p = plan({
      ...base,
      production,
      targets: [{ kind: 'intensity', year: 2027, intensity: q('900 kgCO2/t') }],
    });
    expect(p.adoptions).toEqual([{ candidate: 'B', year: 2027 }]);
  });

  it('excluded candidates are left out with the reason', () => {
    const p = plan({
      ...base,
      targets: [cut(2027, 10)],
      excluded: [{ candidate: 'B', reason: 'no space on site' }],
    });
    expect(p.adoptions).toEqual([{ candidate: 'A', year: 2027 }]);
    expect(p.left).toEqual([{ candidate: 'B', reason: 'excluded: no space on site' }]);
  });
});

describe('infeasible schedules name the binding constraint', () => {
  it('potential: a 30 % cut needs 3000 t/a, the two measures give 2000', () => {
    const r = infeasible({ ...base, targets: [cut(2027, 30), cut(2026, 10)] });
    expect(r.binding).toBe('potential');
    expect(r.targets).toEqual(['cut@2027']);
    expect(r.explanationZh).toMatch(/全部在首年实施/);
  });

  it('exclusions: 20 % needs both A and B, which exclude each other', () => {
    const ax = { ...A, excludes: ['B'] };
    expect(infeasible({ ...base, candidates: [ax, B], targets: [cut(2027, 20)] }).binding).toBe(
      'exclusions',
    );
  });

  it('adoption limits: none of the measures may start', () => {
    const r = infeasible({
      ...base,
      targets: [cut(2027, 10)],
      limits: [{ id: 'freeze', measures: ['A', 'B'], perYear: 0 }],
    });
    expect(r.binding).toBe('adoption-limits');
    expect(r.explanation).toMatch(/freeze ≤ 0\/a/);
  });

  it('budgets: 400 000 a year cannot pay for either measure before 2026', () => {
    const r = infeasible({
      ...base,
      targets: [cut(2026, 10)],
      budgets: [2025, 2026].map((year) => ({ year, capex: q('400000 CNY') })),
    });
    expect(r.binding).toBe('budgets');
    expect(r.explanationZh).toMatch(/年度投资预算/);
  });
});

describe('park schedule from the bundled libraries', () => {
  it('12 enterprises, 2026–2030: a 15 % cut by 2030 under yearly budgets and an adoption limit', async () => {
    const cement = parseMeasureLibrary(readJson('data/measures/cement.json'));
    const candidates: Candidate[] = [];
    let baseline = 0;
    for (let k = 0; k < 12; k++) {
      const clinker = 600_000 + 100_000 * k;
      const s: Site = {
        id: `e${k + 1}`,
        drivers: {
          clinker: q(`${clinker} t/a`),
          cement: q(`${clinker * 1.3} t/a`),
          'purchased-electricity': q(`${clinker * 80} kWh/a`),
          'pv-generation': q('5000000 kWh/a'),
        },
        features: [
          'clinker-kiln',
          'cement-grinding',
          'cement-ball-mill',
          'grid-connection',
          'pv-area',
          ...(k % 2 === 0 ? ['raw-ball-mill', 'scm-supply'] : ['af-supply']),
        ],
        prices: { electricity: q('0.6 CNY/kWh'), fuel: q('1.2 CNY/kgce') },
        factors: { electricity: q('0.5306 tCO2/MWh'), fuel: q('2.6 tCO2/tce') },
      };
      baseline += clinker * (0.85 + 0.08 * 0.5306);
      for (const m of cement.measures) {
        const a = instantiate(m, s);
        if (a.applicable) candidates.push(a.candidate);
      }
    }
    expect(candidates.length).toBeGreaterThanOrEqual(40);
    const years = [2026, 2027, 2028, 2029, 2030];
    const limit = shareLimit('whr', ['whr-power'], q('25 %'), 12);
    const problem: ScheduleProblem = {
      candidates,
      firstYear: 2026,
      lastYear: 2030,
      baseline: years.map((year) => ({ year, value: quantity(baseline, 'tCO2/a') })),
      targets: [
        { kind: 'cut', year: 2030, reference: quantity(baseline, 'tCO2/a'), cut: q('15 %') },
      ],
      discountRate: q('8 %'),
      budgets: years.map((year) => ({ year, capex: q('100000 万CNY') })),
      limits: [limit],
    };
    // A 1 % gap: the test checks that every constraint holds, not the last cent of optimality.
    const r = optimizeSchedule(problem, await loadHighsSolver({ mipRelativeGap: 0.01 }));
    expect(r.status === 'infeasible' ? r.explanation : r.status).toBe('optimal');
    const p = r as SchedulePlan;
    // Every constraint holds in the answer, checked from the answer itself.
    expect(p.years.at(-1)!.emissions.value).toBeLessThanOrEqual(0.85 * baseline + 1e-6);
    for (const y of p.years) expect(valueIn(y.capex, 'CNY')).toBeLessThanOrEqual(1e9 + 1e-3);
    for (const year of years) {
      const whr = p.adoptions.filter((a) => a.year === year && a.candidate.endsWith(':whr-power'));
      expect(whr.length).toBeLessThanOrEqual(3);
    }
    const chosen = new Set(p.adoptions.map((a) => a.candidate));
    expect(chosen.size).toBe(p.adoptions.length);
    for (const c of candidates.filter((x) => chosen.has(x.id)))
      for (const x of c.excludes) expect(chosen.has(x)).toBe(false);
  });
});

// ------------------------------------------------------------------------------- Pareto mode

const withNox = (c: Candidate, nox: number): Candidate => ({
  ...c,
  pollutants: { SO2: q('0 t/a'), NOx: quantity(nox, 't/a'), PM: q('0 t/a') },
});

/** Every subset, with [annual cost, CO2, NOx reduction]: the true frontier, by enumeration. */
function bruteForce(cands: readonly Candidate[], rate = q('0 %')): number[][] {
  const all: number[][] = [];
  for (let mask = 0; mask < 1 << cands.length; mask++) {
    const pick = cands.filter((_, i) => mask & (1 << i));
    if (pick.some((a) => pick.some((b) => a.excludes.includes(b.id)))) continue;
    all.push([
      pick.reduce((s, c) => s + valueIn(annualCost(c, rate), 'CNY/a'), 0),
      pick.reduce((s, c) => s + valueIn(c.abatement, 'tCO2/a'), 0),
      pick.reduce((s, c) => s - valueIn(c.pollutants.NOx, 't/a'), 0),
    ]);
  }
  return all.filter((p) => !all.some((o) => dominates(o, p)));
}

describe('Pareto set for carbon, NOx and cost (epsilon-constraint)', () => {
  it('hand case: three measures, the frontier found and nothing dominated', () => {
    // r = 0, CRF = 1/10. Annual cost, CO2 t/a, NOx t/a less:
    //   K (kiln):  100 000, 1000, 5     S (SNCR): 50 000, 0, 20     P (PV): −20 000, 500, 0
    // P saves money: every efficient plan includes it. Frontier: {P}, {P,K}, {P,S}, {P,K,S}.
    const K = withNox(candidate('K', { capex: 1e6, opex: 0, years: 10, abatement: 1000 }), -5);
    const S = withNox(candidate('S', { capex: 5e5, opex: 0, years: 10, abatement: 0 }), -20);
    const P = withNox(candidate('P', { capex: 1e5, opex: -30_000, years: 10, abatement: 500 }), 0);
    const set = paretoPortfolios(
      { candidates: [K, S, P], discountRate: q('0 %'), pollutants: ['NOx'], steps: 5 },
      solve,
    );
    const ids = set.points.map((p) => [...p.chosen].sort().join('+')).sort();
    expect(ids).toEqual(['K+P', 'K+P+S', 'P', 'P+S']);
    const kp = set.points.find((p) => p.chosen.length === 2 && p.chosen.includes('K'))!;
    expect(valueIn(kp.annualCost, 'CNY/a')).toBeCloseTo(80_000, 6);
    expect(valueIn(kp.abatement, 'tCO2/a')).toBe(1500);
    expect(valueIn(kp.reductions.NOx!, 't/a')).toBe(5);
  });

  it('property: points are mutually non-dominated and each is on the enumerated frontier', () => {
    const arb = fc.array(
      fc.record({
        capex: fc.integer({ min: 0, max: 1000 }),
        opex: fc.integer({ min: -50, max: 50 }),
        co2: fc.integer({ min: 0, max: 100 }),
        nox: fc.integer({ min: -10, max: 10 }),
      }),
      { minLength: 1, maxLength: 6 },
    );
    fc.assert(
      fc.property(arb, fc.boolean(), (xs, exclusive) => {
        const cands = xs.map((x, i) =>
          withNox(
            candidate(`m${i}`, {
              capex: x.capex,
              opex: x.opex,
              years: 10,
              abatement: x.co2,
              ...(exclusive && i === 1 && { excludes: ['m0'] }),
            }),
            x.nox,
          ),
        );
        const set = paretoPortfolios(
          { candidates: cands, discountRate: q('0 %'), pollutants: ['NOx'], steps: 4 },
          solve,
        );
        const vals = set.points.map((p) => [
          valueIn(p.annualCost, 'CNY/a'),
          valueIn(p.abatement, 'tCO2/a'),
          valueIn(p.reductions.NOx!, 't/a'),
        ]);
        for (const a of vals) for (const b of vals) expect(dominates(a, b)).toBe(false);
        const frontier = bruteForce(cands);
        for (const v of vals)
          expect(
            frontier.some((f) => f.every((x, k) => Math.abs(x - (v[k] as number)) < 1e-6)),
          ).toBe(true);
        expect(set.points.length).toBeGreaterThan(0);
      }),
      { numRuns: 40 },
    );
  });
});
