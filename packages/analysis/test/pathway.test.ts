import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { quantity, parseQuantity as q, valueIn } from '@carbonbase/quantity';
import {
  adoptionsFromSchedule,
  compareScenarios,
  DataFileError,
  loadHighsSolver,
  optimizeSchedule,
  parseScenarios,
  projectPathway,
  type PathwayScenario,
  type SchedulePlan,
} from '../src/index.js';
import { candidate } from './candidates.js';

const scenarios = parseScenarios(
  {
    formatVersion: 1,
    scenarios: [
      {
        id: 'reference',
        name: '基准情景',
        nameEn: 'reference',
        baseYear: 2020,
        production: '1000000 t/a',
        intensity: '0.8 tCO2/t',
        growth: [
          { from: 2021, to: 2025, ratePerYear: '3 %' },
          { from: 2026, to: 2030, ratePerYear: '1 %' },
          { from: 2031, to: 2060, ratePerYear: '-2 %' },
        ],
      },
      {
        id: 'measures',
        name: '措施情景',
        nameEn: 'with measures',
        baseYear: 2020,
        production: '1000000 t/a',
        intensity: '0.8 tCO2/t',
        growth: [
          { from: 2021, to: 2025, ratePerYear: '3 %' },
          { from: 2026, to: 2030, ratePerYear: '1 %' },
          { from: 2031, to: 2060, ratePerYear: '-2 %' },
        ],
        measures: [{ id: 'ccus', from: 2028, abatement: '300000 tCO2/a' }],
      },
      {
        id: 'growth',
        name: '高增长情景',
        nameEn: 'high growth',
        baseYear: 2020,
        production: '1000000 t/a',
        intensity: '0.8 tCO2/t',
        growth: [{ from: 2021, to: 2060, ratePerYear: '3 %' }],
        intensityChange: [{ from: 2021, to: 2060, ratePerYear: '-1 %' }],
      },
    ],
  },
  'inline',
);
const byId = (id: string) => scenarios.find((s) => s.id === id)!;
const geo = (r: number, n: number) => (r ** n - 1) / (r - 1); // 1 + r + … + r^(n−1)

describe('carbon-peak pathways to 2060', () => {
  it('reference: peak in 2030, residual in 2060, cumulative by geometric sums', () => {
    const p = projectPathway(byId('reference'));
    // E_2025 = 800 000 × 1.03^5; E_2030 = E_2025 × 1.01^5; E_2060 = E_2030 × 0.98^30
    const e2025 = 800_000 * 1.03 ** 5;
    const e2030 = e2025 * 1.01 ** 5;
    const e2060 = e2030 * 0.98 ** 30;
    expect(p.peakYear).toBe(2030);
    expect(valueIn(p.peakValue, 'tCO2/a')).toBeCloseTo(e2030, 6);
    expect(e2030).toBeCloseTo(974_726.5, 0);
    expect(valueIn(p.value2060, 'tCO2/a')).toBeCloseTo(e2060, 6);
    expect(p.peaksBy2030).toBe(true);
    expect(p.neutralBy2060).toBe(false);
    expect(p.residual2060).toEqual(p.value2060);
    // Σ 2020–2025 = 800 000·(1.03^6 − 1)/0.03; Σ 2026–2030 = E_2025·1.01·(1.01^5 − 1)/0.01;
    // Σ 2031–2060 = E_2030·0.98·(1 − 0.98^30)/0.02
    const cumulative =
      800_000 * geo(1.03, 6) + e2025 * 1.01 * geo(1.01, 5) + e2030 * 0.98 * geo(0.98, 30);
    expect(valueIn(p.cumulative, 'tCO2')).toBeCloseTo(cumulative, 3);
    expect(p.years).toHaveLength(41);
  });

  it('a measure from 2028 moves the peak to 2027', () => {
    const p = projectPathway(byId('measures'));
    // E_2027 = E_2025 × 1.01^2 = 946 059.6; E_2028 = E_2025 × 1.01^3 − 300 000 = 655 520.2
    expect(p.peakYear).toBe(2027);
    expect(valueIn(p.peakValue, 'tCO2/a')).toBeCloseTo(800_000 * 1.03 ** 5 * 1.01 ** 2, 6);
    expect(valueIn(p.years[8]!.emissions, 'tCO2/a')).toBeCloseTo(
      800_000 * 1.03 ** 5 * 1.01 ** 3 - 300_000,
      6,
    );
  });

  it('growth outpacing intensity: still rising in 2060, no peak by 2030', () => {
    // factor per year 1.03 × 0.99 = 1.0197 > 1
    const p = projectPathway(byId('growth'));
    expect(p.peakYear).toBe(2060);
    expect(p.stillRising).toBe(true);
    expect(p.peaksBy2030).toBe(false);
    expect(valueIn(p.value2060, 'tCO2/a')).toBeCloseTo(800_000 * (1.03 * 0.99) ** 40, 4);
  });

  it('scenarios side by side', () => {
    const c = compareScenarios(scenarios);
    expect(c.rows.map((r) => [r.scenario, r.peakYear, r.peaksBy2030])).toEqual([
      ['reference', 2030, true],
      ['measures', 2027, true],
      ['growth', 2060, false],
    ]);
    expect(c.leastCumulative).toBe('measures');
    expect(c.peakGoalYear).toBe(2030);
    expect(c.neutralityGoalYear).toBe(2060);
  });

  it('abatement beyond gross emissions floors at zero and says which years', () => {
    const s: PathwayScenario = {
      ...byId('reference'),
      measures: [{ id: 'all', from: 2050, abatement: q('2000000 tCO2/a') }],
    };
    const p = projectPathway(s);
    expect(p.flooredYears[0]).toBe(2050);
    expect(p.value2060.value).toBe(0);
    expect(p.neutralBy2060).toBe(true);
  });

  it('data errors are listed: uncovered years, bad rates', () => {
    const s = { ...byId('reference'), growth: byId('reference').growth.slice(0, 2) };
    expect(() => projectPathway(s)).toThrow(/no growth rate for 2031/);
    expect(() =>
      parseScenarios({
        formatVersion: 1,
        scenarios: [{ id: 'x', growth: [{ from: 2030, to: 2021, ratePerYear: '3 t' }] }],
      }),
    ).toThrow(DataFileError);
  });

  it('property: the peak is the argmax of the yearly emissions (first one on ties)', () => {
    const rate = fc.double({ min: -0.1, max: 0.1, noNaN: true });
    fc.assert(
      fc.property(rate, rate, rate, fc.integer({ min: 0, max: 2_000_000 }), (g1, g2, h, a) => {
        const p = projectPathway({
          id: 'p',
          name: 'p',
          nameEn: 'p',
          baseYear: 2020,
          production: q('1000000 t/a'),
          intensity: q('0.8 tCO2/t'),
          growth: [
            { from: 2021, to: 2035, ratePerYear: quantity(g1, '1') },
            { from: 2036, to: 2060, ratePerYear: quantity(g2, '1') },
          ],
          intensityChange: [{ from: 2021, to: 2060, ratePerYear: quantity(h, '1') }],
          measures: [{ id: 'm', from: 2030, abatement: quantity(a, 'tCO2/a') }],
        });
        const values = p.years.map((y) => y.emissions.value);
        const max = Math.max(...values);
        expect(p.peakValue.value).toBe(max);
        expect(p.peakYear).toBe(2020 + values.indexOf(max));
        expect(p.peaksBy2030).toBe(p.peakYear <= 2030);
      }),
      { numRuns: 300 },
    );
  });
});

describe('pathway from an optimized schedule', () => {
  it('adoptions carry the start year and lifetime of each chosen measure', async () => {
    const solve = await loadHighsSolver();
    const B = candidate('B', { capex: 500_000, opex: 100_000, years: 10, abatement: 1000 });
    const plan = optimizeSchedule(
      {
        candidates: [B],
        firstYear: 2025,
        lastYear: 2027,
        baseline: [2025, 2026, 2027].map((year) => ({ year, value: q('10000 tCO2/a') })),
        targets: [{ kind: 'cut', year: 2027, reference: q('10000 tCO2/a'), cut: q('10 %') }],
        discountRate: q('10 %'),
      },
      solve,
    ) as SchedulePlan;
    const adoptions = adoptionsFromSchedule(plan, [B]);
    // started 2027, works 10 calendar years: 2027–2036
    expect(adoptions).toEqual([{ id: 'B', from: 2027, until: 2036, abatement: B.abatement }]);
    const p = projectPathway({
      id: 'flat',
      name: '平稳',
      nameEn: 'flat',
      baseYear: 2025,
      production: q('10000 t/a'),
      intensity: q('1 tCO2/t'),
      growth: [{ from: 2026, to: 2060, ratePerYear: q('0 %') }],
      intensityChange: [],
      measures: adoptions,
    });
    expect(p.years.filter((y) => y.abatement.value > 0).map((y) => y.year)).toEqual([
      2027, 2028, 2029, 2030, 2031, 2032, 2033, 2034, 2035, 2036,
    ]);
    // Flat at 10 000, then 9000 for ten years: the first year is the peak.
    expect(p.peakYear).toBe(2025);
  });
});
