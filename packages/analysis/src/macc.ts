import { multiply, quantity, valueIn, type Quantity } from '@carbonbase/quantity';
import type { Candidate } from './measures/instantiate.js';

/**
 * Capital recovery factor: the share of an investment to pay each year over the lifetime n at
 * discount rate r so that the payments' present value equals the investment:
 * r(1+r)^n / ((1+r)^n − 1) per year; 1/n at r = 0.
 */
export function capitalRecoveryFactor(rate: Quantity, lifetime: Quantity): Quantity {
  const r = valueIn(rate, '1');
  const n = valueIn(lifetime, 'a');
  if (!(n > 0)) throw new RangeError('lifetime must be positive');
  if (r < 0 || !Number.isFinite(r)) throw new RangeError('discount rate must be ≥ 0');
  if (r === 0) return quantity(1 / n, '1/a');
  const g = (1 + r) ** n;
  return quantity((r * g) / (g - 1), '1/a');
}

/** Equivalent annual cost: capex × CRF + O&M change + energy cost change (CNY/a). */
export function annualCost(c: Candidate, discountRate: Quantity): Quantity {
  const capital = multiply(c.capex, capitalRecoveryFactor(discountRate, c.lifetime));
  return quantity(
    valueIn(capital, 'CNY/a') + valueIn(c.opex, 'CNY/a') + valueIn(c.energyCost, 'CNY/a'),
    'CNY/a',
  );
}

/** Levelized abatement cost: equivalent annual cost per tonne avoided per year (CNY/tCO2). */
export function levelizedCost(c: Candidate, discountRate: Quantity): Quantity {
  const a = valueIn(c.abatement, 'tCO2/a');
  if (!(a > 0)) throw new RangeError(`${c.id} avoids no CO2; it has no cost per tonne`);
  return quantity(valueIn(annualCost(c, discountRate), 'CNY/a') / a, 'CNY/tCO2');
}

export interface MaccSegment {
  readonly candidate: string;
  readonly name: string;
  readonly nameEn: string;
  readonly cost: Quantity;
  readonly annualCost: Quantity;
  readonly abatement: Quantity;
  /** Cumulative abatement at the left and right edge of the bar. */
  readonly from: Quantity;
  readonly to: Quantity;
  /** Pollutant change that comes with the bar (t/a; negative = less), for synergy charts. */
  readonly pollutants: Candidate['pollutants'];
}

export interface MaccCurve {
  readonly discountRate: Quantity;
  readonly segments: readonly MaccSegment[];
  readonly left: readonly { readonly candidate: string; readonly reason: string }[];
  readonly total: Quantity;
}

/**
 * Marginal abatement cost curve: candidates sorted by cost per tonne (cheapest first, ties by id).
 * A candidate excluded by a cheaper one already on the curve is left off, with the reason, so the
 * cumulative axis never adds two measures that cannot be built together.
 */
export function macc(candidates: readonly Candidate[], discountRate: Quantity): MaccCurve {
  const left: { candidate: string; reason: string }[] = [];
  const priced: { c: Candidate; cost: number; annual: number }[] = [];
  for (const c of candidates) {
    if (!(valueIn(c.abatement, 'tCO2/a') > 0)) {
      left.push({ candidate: c.id, reason: 'avoids no CO2' });
      continue;
    }
    priced.push({
      c,
      cost: valueIn(levelizedCost(c, discountRate), 'CNY/tCO2'),
      annual: valueIn(annualCost(c, discountRate), 'CNY/a'),
    });
  }
  priced.sort((a, b) => a.cost - b.cost || a.c.id.localeCompare(b.c.id));
  const chosen = new Map<string, Candidate>();
  const segments: MaccSegment[] = [];
  let x = 0;
  for (const p of priced) {
    // Either side may declare the exclusion.
    const clash = [...chosen.values()].find(
      (c) => p.c.excludes.includes(c.id) || c.excludes.includes(p.c.id),
    )?.id;
    if (clash) {
      left.push({ candidate: p.c.id, reason: `excluded by ${clash}, which is cheaper per tonne` });
      continue;
    }
    chosen.set(p.c.id, p.c);
    const a = valueIn(p.c.abatement, 'tCO2/a');
    segments.push({
      candidate: p.c.id,
      name: p.c.name,
      nameEn: p.c.nameEn,
      cost: quantity(p.cost, 'CNY/tCO2'),
      annualCost: quantity(p.annual, 'CNY/a'),
      abatement: quantity(a, 'tCO2/a'),
      from: quantity(x, 'tCO2/a'),
      to: quantity(x + a, 'tCO2/a'),
      pollutants: p.c.pollutants,
    });
    x += a;
  }
  return { discountRate, segments, left, total: quantity(x, 'tCO2/a') };
}
