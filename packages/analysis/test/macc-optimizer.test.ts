import { beforeAll, describe, expect, it } from 'vitest';
import { parseQuantity as q, valueIn } from '@carbonbase/quantity';
import {
  capitalRecoveryFactor,
  levelizedCost,
  loadHighsSolver,
  macc,
  optimizePortfolio,
  type MipSolver,
  type PortfolioInfeasible,
  type PortfolioPlan,
} from '../src/index.js';
import { candidate } from './candidates.js';

let solve: MipSolver;
beforeAll(async () => {
  solve = await loadHighsSolver();
});

/**
 * Hand-worked case, discount rate 0 (CRF = 1/n):
 *   M1: capex 1 000 000 / 10 a = 100 000/a, opex −150 000/a → −50 000/a; 1 000 t/a → −50 CNY/t
 *   M2: capex 2 000 000 / 10 a = 200 000/a, opex 0           →  200 000/a; 2 000 t/a → 100 CNY/t
 *   M3: capex 3 000 000 / 20 a = 150 000/a, opex 150 000/a   →  300 000/a; 1 000 t/a → 300 CNY/t
 * MACC: M1 (0–1000), M2 (1000–3000), M3 (3000–4000).
 */
const zero = q('0 %');
const m1 = candidate('M1', { capex: 1_000_000, opex: -150_000, years: 10, abatement: 1000 });
const m2 = candidate('M2', { capex: 2_000_000, opex: 0, years: 10, abatement: 2000 });
const m3 = candidate('M3', { capex: 3_000_000, opex: 150_000, years: 20, abatement: 1000 });
const all = [m3, m1, m2];

describe('capital recovery factor and levelized cost', () => {
  it('CRF(8 %, 10 a) = 0.08 × 1.08^10 / (1.08^10 − 1) = 0.149029', () => {
    // 1.08^10 = 2.158925; 0.08 × 2.158925 / 1.158925 = 0.149029
    expect(valueIn(capitalRecoveryFactor(q('8 %'), q('10 a')), '1/a')).toBeCloseTo(0.149029, 6);
    expect(valueIn(capitalRecoveryFactor(q('0 %'), q('20 a')), '1/a')).toBe(0.05);
  });

  it('levelized cost with a discount rate', () => {
    // M2 at 8 %: 2 000 000 × 0.149029 = 298 059/a over 2000 t = 149.03 CNY/t
    expect(valueIn(levelizedCost(m2, q('8 %')), 'CNY/tCO2')).toBeCloseTo(149.03, 2);
  });
});

describe('MACC and optimizer agree on the hand-worked case', () => {
  it('MACC: sorted bars with cumulative abatement', () => {
    const curve = macc(all, zero);
    expect(curve.segments.map((s) => s.candidate)).toEqual(['M1', 'M2', 'M3']);
    expect(curve.segments.map((s) => valueIn(s.cost, 'CNY/tCO2'))).toEqual([-50, 100, 300]);
    expect(curve.segments.map((s) => valueIn(s.to, 'tCO2/a'))).toEqual([1000, 3000, 4000]);
  });

  it('target 3000 t/a: MACC picks the first two bars; the optimizer chooses the same at the same cost', () => {
    // MACC area up to 3000: −50 × 1000 + 100 × 2000 = 150 000 CNY/a
    const plan = optimizePortfolio(
      {
        candidates: all,
        target: { kind: 'absolute', abatement: q('3000 tCO2/a') },
        discountRate: zero,
      },
      solve,
    ) as PortfolioPlan;
    expect(plan.status).toBe('optimal');
    expect([...plan.chosen].sort()).toEqual(['M1', 'M2']);
    expect(valueIn(plan.annualCost, 'CNY/a')).toBeCloseTo(150_000, 6);
    expect(plan.mark).toBe('example');
    const curve = macc(all, zero);
    const area = curve.segments
      .filter((s) => valueIn(s.to, 'tCO2/a') <= 3000)
      .reduce((s, x) => s + valueIn(x.annualCost, 'CNY/a'), 0);
    expect(area).toBeCloseTo(valueIn(plan.annualCost, 'CNY/a'), 6);
  });

  it('a relative target: 20 % of 12 500 t/a = 2500 t/a still needs M1 + M2', () => {
    // M1 + M3 gives only 2000; M2 + M3 gives 3000 at 500 000/a; M1 + M2 at 150 000/a wins.
    const plan = optimizePortfolio(
      {
        candidates: all,
        target: { kind: 'relative', baseline: q('12500 tCO2/a'), cut: q('20 %') },
        discountRate: zero,
      },
      solve,
    ) as PortfolioPlan;
    expect(valueIn(plan.target, 'tCO2/a')).toBeCloseTo(2500, 9);
    expect([...plan.chosen].sort()).toEqual(['M1', 'M2']);
    expect(valueIn(plan.capex, 'CNY')).toBe(3_000_000);
  });
});

describe('infeasible targets are explained', () => {
  it('potential: 4500 t/a is more than all measures together (4000)', () => {
    const r = optimizePortfolio(
      {
        candidates: all,
        target: { kind: 'absolute', abatement: q('4500 tCO2/a') },
        discountRate: zero,
      },
      solve,
    ) as PortfolioInfeasible;
    expect(r.status).toBe('infeasible');
    expect(r.binding).toBe('potential');
    expect(valueIn(r.maxIgnoringExclusions, 'tCO2/a')).toBe(4000);
    expect(r.explanation).toContain('4,000');
  });

  it('budget: 2 500 000 CNY cannot buy 3000 t/a; at least 3 000 000 is needed', () => {
    // Within 2.5 M: M2 (2 M, 2000 t) is the best single choice; M1 + M2 costs 3 M.
    const r = optimizePortfolio(
      {
        candidates: all,
        target: { kind: 'absolute', abatement: q('3000 tCO2/a') },
        discountRate: zero,
        budget: q('250 万CNY'),
      },
      solve,
    ) as PortfolioInfeasible;
    expect(r.binding).toBe('budget');
    expect(valueIn(r.maxAchievable, 'tCO2/a')).toBeCloseTo(2000, 6);
    expect(valueIn(r.requiredBudget!, 'CNY')).toBeCloseTo(3_000_000, 6);
    expect(r.explanationZh).toContain('投资预算');
  });

  it('exclusions: with M2 and M3 exclusive, 4000 t/a is out of reach (most is 3000)', () => {
    const ex2 = candidate('M2', {
      capex: 2_000_000,
      opex: 0,
      years: 10,
      abatement: 2000,
      excludes: ['M3'],
    });
    const r = optimizePortfolio(
      {
        candidates: [m1, ex2, m3],
        target: { kind: 'absolute', abatement: q('4000 tCO2/a') },
        discountRate: zero,
      },
      solve,
    ) as PortfolioInfeasible;
    expect(r.binding).toBe('exclusions');
    expect(valueIn(r.maxWithoutBudget, 'tCO2/a')).toBeCloseTo(3000, 6);
    // The MACC leaves M3 off the curve for the same reason.
    const curve = macc([m1, ex2, m3], zero);
    expect(curve.left).toEqual([
      { candidate: 'M3', reason: 'excluded by M2, which is cheaper per tonne' },
    ]);
  });
});
