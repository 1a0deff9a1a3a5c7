import { quantity, valueIn, type Quantity } from '@carbonbase/quantity';
import { fmt, Trace, type Explanation } from './explain.js';
import { CbamError, inUnit, type FactorLookup } from './factor-input.js';

export interface CbamFactor {
  /** Share of free allocation retained in `year`, e.g. 97.5 %. */
  readonly value: Quantity;
  readonly year: number;
  readonly ref: string;
}

/**
 * The CBAM factor (Directive 2003/87/EC Art. 10a(1a)): the share of EU ETS free allocation still
 * given in `year`, which the CBAM obligation is adjusted by. Read from the factor base; the last
 * year of the schedule (0 % in 2034) serves every later year.
 */
export function cbamFactor(base: FactorLookup, year: number): CbamFactor {
  let r;
  try {
    r = base.resolve({
      code: 'free-allocation',
      parameter: 'cbam-factor',
      kind: 'cbam',
      region: 'EU',
      year,
    });
  } catch (e) {
    throw new CbamError(
      'year',
      `no CBAM factor for ${year} (the schedule starts in 2026): ${(e as Error).message}`,
    );
  }
  return { value: inUnit(r.record.value, '%', r.ref), year: r.record.year ?? year, ref: r.ref };
}

export interface ObligationInput {
  /** Mass of the good imported. */
  readonly mass: Quantity;
  /** Specific embedded emissions counted for the good (direct + indirect for cement), tCO2e/t. */
  readonly see: Quantity;
  /** Year of import: selects the CBAM factor. */
  readonly year: number;
  /** CBAM certificate price (EUR/tCO2e). An input: carbonbase holds no price data. */
  readonly price: Quantity;
  /**
   * Free-allocation benchmark for the good, tCO2e/t (IR (EU) 2025/2620). An input: no benchmark is
   * bundled; without it no adjustment is made and the estimate is an upper bound.
   */
  readonly benchmark?: Quantity;
  /** Carbon price effectively paid in the country of origin for these goods (EUR). */
  readonly carbonPricePaid?: Quantity;
}

export interface ObligationEstimate {
  readonly embedded: Quantity;
  readonly freeAllocationAdjustment: Quantity;
  /** Certificates to surrender (1 certificate = 1 tCO2e), never below zero. */
  readonly certificates: Quantity;
  readonly cost: Quantity;
  readonly cbamFactor: CbamFactor;
  readonly explanation: Explanation;
}

/**
 * An estimate of the importer's certificate obligation:
 *
 *     N = max(0, M × SEE − M × BM × CF − P_paid / price),   cost = N × price
 *
 * The structure follows CBAM Regulation Art. 9 and 31 (R: the exact adjustment rules of the
 * implementing acts are not transcribed); it is an estimate for planning, not a declaration.
 */
export function estimateObligation(base: FactorLookup, input: ObligationInput): ObligationEstimate {
  const t = new Trace();
  const m = t.input({
    symbol: 'M',
    name: 'mass imported',
    value: inUnit(input.mass, 't', 'mass'),
    origin: 'activity',
  });
  const see = t.input({
    symbol: 'SEE',
    name: 'specific embedded emissions',
    value: inUnit(input.see, 'tCO2e/t', 'see'),
    origin: 'derived',
  });
  const price = t.input({
    symbol: 'price',
    name: 'CBAM certificate price (given)',
    value: inUnit(input.price, 'EUR/tCO2e', 'price'),
    origin: 'actual',
  });
  if (price.value <= 0) throw new CbamError('price', 'the certificate price must be positive');
  const cf = cbamFactor(base, input.year);
  t.input({
    symbol: 'CF',
    name: `CBAM factor ${input.year}`,
    value: cf.value,
    origin: 'factor',
    ref: cf.ref,
  });
  const embedded = t.step(
    'EE',
    'embedded emissions',
    `${fmt(m)} × ${fmt(see)}`,
    quantity(valueIn(m, 't') * valueIn(see, 'tCO2e/t'), 'tCO2e'),
  );
  let adjustment = quantity(0, 'tCO2e');
  if (input.benchmark) {
    const bm = t.input({
      symbol: 'BM',
      name: 'free-allocation benchmark (given)',
      value: inUnit(input.benchmark, 'tCO2e/t', 'benchmark'),
      origin: 'actual',
    });
    adjustment = t.step(
      'FA',
      'free-allocation adjustment',
      `${fmt(m)} × ${fmt(bm)} × ${fmt(cf.value)}`,
      quantity(valueIn(m, 't') * valueIn(bm, 'tCO2e/t') * valueIn(cf.value, '1'), 'tCO2e'),
    );
  } else {
    t.note('no benchmark given: no free-allocation adjustment, the estimate is an upper bound');
  }
  let paid = quantity(0, 'tCO2e');
  if (input.carbonPricePaid) {
    const eur = t.input({
      symbol: 'P_paid',
      name: 'carbon price paid in the country of origin',
      value: inUnit(input.carbonPricePaid, 'EUR', 'carbonPricePaid'),
      origin: 'actual',
    });
    paid = t.step(
      'N_paid',
      'certificates covered by the price paid',
      `${fmt(eur)} / ${fmt(price)}`,
      quantity(valueIn(eur, 'EUR') / valueIn(price, 'EUR/tCO2e'), 'tCO2e'),
    );
  }
  const n = Math.max(0, embedded.value - adjustment.value - paid.value);
  const certificates = t.step(
    'N',
    'certificates',
    `max(0, ${fmt(embedded)} − ${fmt(adjustment)} − ${fmt(paid)})`,
    quantity(n, 'tCO2e'),
  );
  const cost = t.step(
    'cost',
    'cost at the given price',
    `${fmt(certificates)} × ${fmt(price)}`,
    quantity(n * valueIn(price, 'EUR/tCO2e'), 'EUR'),
  );
  return {
    embedded,
    freeAllocationAdjustment: adjustment,
    certificates,
    cost,
    cbamFactor: cf,
    explanation: t.finish(
      'certificate obligation (estimate)',
      'N = max(0, M × SEE − M × BM × CF − P_paid / price); cost = N × price',
      cost,
    ),
  };
}
