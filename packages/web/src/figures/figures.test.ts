import { describe, expect, it } from 'vitest';
import type { Explanation } from '../api/types.js';
import { change, emissionsBySource, sourceOfLine, sumQuantities, UnitMismatch } from './figures.js';

const t = (value: number) => ({ value, unit: 'tCO2e' });

function total(inputs: [string, number][]): Explanation {
  return {
    subject: 'total',
    title: 'total',
    formula: {
      id: 'total',
      text: 'E = Σ',
      citation: { standard: 's', clause: 'c', verification: 'verified' },
    },
    inputs: inputs.map(([symbol, v]) => ({ symbol, name: symbol, value: t(v), origin: 'derived' })),
    factors: [],
    conversions: [],
    steps: [],
    result: t(inputs.reduce((s, [, v]) => s + v, 0)),
    treatment: 'total',
    notes: [],
  };
}

describe('figures', () => {
  it('adds quantities of one unit and refuses to add different units', () => {
    expect(sumQuantities([t(1.5), t(2.25)], 'tCO2e')).toEqual(t(3.75));
    expect(sumQuantities([], 'tCO2e')).toEqual(t(0));
    expect(() => sumQuantities([t(1), { value: 1, unit: 'tCO2' }], 'tCO2e')).toThrow(UnitMismatch);
  });

  it('groups the monthly lines of the total by source, deductions included, largest first', () => {
    expect(sourceOfLine('coal-line-1.m07')).toBe('coal-line-1');
    expect(sourceOfLine('clinker')).toBe('clinker');
    expect(sourceOfLine('x.m13')).toBe('x.m13');
    const bySource = emissionsBySource(
      total([
        ['coal.m01', 100],
        ['coal.m02', 120],
        ['power.m01', 40],
        ['rdf-credit.m01', -10],
        ['clinker.m01', 300],
      ]),
    );
    expect(bySource).toEqual([
      { source: 'clinker', emissions: t(300) },
      { source: 'coal', emissions: t(220) },
      { source: 'power', emissions: t(40) },
      { source: 'rdf-credit', emissions: t(-10) },
    ]);
  });

  it('gives the change between years, and none from zero or across units', () => {
    expect(change(t(200), t(150))).toBe(-0.25);
    expect(change(t(0), t(150))).toBeUndefined();
    expect(change(undefined, t(150))).toBeUndefined();
    expect(change({ value: 1, unit: 'tCO2' }, t(1))).toBeUndefined();
  });
});
