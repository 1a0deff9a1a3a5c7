import { describe, expect, it } from 'vitest';
import { valueIn } from '@carbonbase/quantity';
import { cbamFactor, estimateObligation } from '../src/obligation.js';
import { q, testBase } from './fixtures.js';

describe('CBAM factor schedule (methods-verification.md §5)', () => {
  it.each([
    [2026, 97.5],
    [2027, 95],
    [2028, 90],
    [2029, 77.5],
    [2030, 51.5],
    [2031, 39],
    [2032, 26.5],
    [2033, 14],
    [2034, 0],
    // after the phase-out the last value (0 %) stays
    [2040, 0],
  ])('%i → %f %', (year, pct) => {
    const f = cbamFactor(testBase, year);
    expect(valueIn(f.value, '%')).toBeCloseTo(pct, 12);
    expect(f.ref).toBe(`test-cbam/cbam-factor.${Math.min(year, 2034)}@1`);
  });

  it('has no value before 2026', () => {
    expect(() => cbamFactor(testBase, 2025)).toThrow(/schedule starts in 2026/);
  });
});

describe('certificate obligation estimate (price and benchmark are inputs)', () => {
  // A8 cement total SEE 0.627 + 0.03958276 = 0.66658276 tCO2e/t; 1 000 t imported in 2026.
  // Price 75 EUR/tCO2e and benchmark 0.6 tCO2e/t are invented for the test.
  const base = {
    mass: q('1000 t'),
    see: q('0.66658276 tCO2e/t'),
    year: 2026,
    price: q('75 EUR/tCO2e'),
  };

  it('without a benchmark: all embedded emissions, labelled as an upper bound', () => {
    const r = estimateObligation(testBase, base);
    // 1 000 × 0.66658276 = 666.58276 certificates; × 75 = 49 993.707 EUR
    expect(valueIn(r.certificates, 'tCO2e')).toBeCloseTo(666.58276, 9);
    expect(valueIn(r.cost, 'EUR')).toBeCloseTo(49993.707, 6);
    expect(r.explanation.notes.join()).toMatch(/upper bound/);
  });

  it('with a benchmark and a carbon price paid at origin', () => {
    const r = estimateObligation(testBase, {
      ...base,
      benchmark: q('0.6 tCO2e/t'),
      carbonPricePaid: q('1000 EUR'),
    });
    // FA = 1 000 × 0.6 × 97.5 % = 585; paid 1 000 / 75 = 13.3333; N = 666.58276 − 585 − 13.3333 = 68.24943
    expect(valueIn(r.freeAllocationAdjustment, 'tCO2e')).toBeCloseTo(585, 9);
    expect(valueIn(r.certificates, 'tCO2e')).toBeCloseTo(68.2494267, 6);
    expect(valueIn(r.cost, 'EUR')).toBeCloseTo(68.2494267 * 75, 4);
    expect(r.cbamFactor.ref).toBe('test-cbam/cbam-factor.2026@1');
  });

  it('never goes below zero', () => {
    // a carbon price paid at origin worth more than the embedded emissions
    const r = estimateObligation(testBase, { ...base, carbonPricePaid: q('1000000 EUR') });
    expect(valueIn(r.certificates, 'tCO2e')).toBe(0);
  });

  it('refuses a price in the wrong unit', () => {
    expect(() => estimateObligation(testBase, { ...base, price: q('75 EUR/t') })).toThrow(/price/);
  });
});
