import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { quantity, valueIn } from '@carbonbase/quantity';
import { LMDI_FACTORS, LmdiInputError, lmdi, type LmdiSector } from '../src/index.js';
import { logMean } from '../src/lmdi.js';

const sector = (id: string, q: number, e: number, c: number): LmdiSector => ({
  id,
  output: quantity(q, 't'),
  energy: quantity(e, 'tce'),
  emissions: quantity(c, 'tCO2'),
});
const v = (x: { value: number; unit: string }) => valueIn(x, 'tCO2');
const sumEffects = (r: ReturnType<typeof lmdi>) =>
  LMDI_FACTORS.reduce((s, f) => s + v(r.effects[f]), 0);

describe('additive LMDI-I', () => {
  it('decomposes a two-sector case worked by hand', () => {
    // Year 0: A (Q 100, E 200, C 400), B (Q 100, E 100, C 100); total Q 200, C 500.
    // Year T: A (Q 100, E 180, C 360), B (Q 200, E 200, C 150); total Q 300, C 510.
    // A: Q_A is unchanged, so activity (+L·ln 1.5) and structure (−L·ln 1.5) cancel; intensity
    //    2 → 1.8 gives L(360, 400)·ln 0.9 = −40 exactly; emission factor 2 → 2 gives 0.
    // B: C ×1.5 as Q total ×1.5: activity L(150, 100)·ln 1.5 = 50; share 0.5 → 2/3 and factor
    //    1 → 0.75 give ±L(150, 100)·ln(4/3) = ±50·ln(4/3)/ln 1.5 = ±35.4756.
    // L(360, 400) = −40/ln 0.9 = 379.6489, × ln 1.5 = 153.9344.
    const r = lmdi(
      [sector('A', 100, 200, 400), sector('B', 100, 100, 100)],
      [sector('A', 100, 180, 360), sector('B', 200, 200, 150)],
    );
    expect(v(r.effects.activity)).toBeCloseTo(153.9344 + 50, 3);
    expect(v(r.effects.structure)).toBeCloseTo(-153.9344 + 35.4756, 3);
    expect(v(r.effects.intensity)).toBeCloseTo(-40, 9);
    expect(v(r.effects.emissionFactor)).toBeCloseTo(-35.4756, 3);
    expect(v(r.total)).toBe(10);
    expect(sumEffects(r)).toBeCloseTo(10, 9);
    expect(r.effects.activity.unit).toBe('tCO2');
  });

  it('handles zeros by the limits of Ang & Liu (2007)', () => {
    const r = lmdi(
      [sector('A', 100, 100, 100), sector('old', 10, 10, 10)],
      [sector('A', 100, 100, 100), sector('new', 50, 50, 50), sector('green', 10, 10, 0)],
    );
    const by = (id: string) => r.sectors.find((s) => s.id === id)!;
    // A new sector: its share was zero, so the structure effect takes all of C^T = 50.
    expect(v(by('new').effects.structure)).toBe(50);
    expect(v(by('new').effects.activity)).toBe(0);
    // A vanished sector: structure effect −C^0 = −10.
    expect(v(by('old').effects.structure)).toBe(-10);
    // Energy without emissions in both years contributes nothing.
    expect(by('green').zeroRule).toMatch(/both years/);
    // Sector A: total Q 110 → 160 while Q_A is flat; activity and structure cancel.
    expect(v(by('A').effects.activity) + v(by('A').effects.structure)).toBeCloseTo(0, 9);
    expect(sumEffects(r)).toBeCloseTo(v(r.total), 9);
    expect(v(r.total)).toBe(40);
  });

  it('rejects data the identity C = Q·S·I·F cannot hold', () => {
    expect(() => lmdi([sector('A', 1, 0, 5)], [sector('A', 1, 1, 1)])).toThrow(LmdiInputError);
    expect(() => lmdi([sector('A', 0, 0, 0)], [sector('A', 1, 1, 1)])).toThrow(/activity/);
  });

  it('logMean is the logarithmic mean and L(a, a) = a', () => {
    expect(logMean(5, 5)).toBe(5);
    expect(logMean(Math.E, 1)).toBeCloseTo(Math.E - 1, 12);
    // Found by the property below: ln a − ln b rounds to 0 for these, L must still be ≈ a.
    expect(logMean(0.0010000000000000028, 0.0010000000000000026)).toBeCloseTo(0.001, 15);
    // Also found by it: far-apart values; L = (a − b)/ln(a/b) to full precision.
    const [a, b] = [0.001, 273284.25596857053];
    expect(logMean(a, b) / ((a - b) / Math.log(a / b))).toBeCloseTo(1, 14);
  });

  it('effects add up to the total change for random data, zeros included', () => {
    const amount = fc.oneof(
      { weight: 1, arbitrary: fc.constant(0) },
      { weight: 5, arbitrary: fc.double({ min: 1e-3, max: 1e6, noNaN: true }) },
    );
    // Consistent rows: no energy without output, no emissions without energy.
    const row = fc.tuple(amount, amount, amount).map(([q, e, c]) => {
      const energy = q === 0 ? 0 : e;
      return { q, e: energy, c: energy === 0 ? 0 : c };
    });
    const year = fc.array(row, { minLength: 1, maxLength: 6 });
    fc.assert(
      fc.property(year, year, fc.double({ min: 1, max: 1e6, noNaN: true }), (a, b, anchor) => {
        // Sector "anchor" keeps total activity positive in both years.
        const base = [
          sector('anchor', anchor, anchor, anchor),
          ...a.map((r, i) => sector(`s${i}`, r.q, r.e, r.c)),
        ];
        const target = [
          sector('anchor', anchor * 1.1, anchor, anchor * 0.9),
          ...b.map((r, i) => sector(`s${i}`, r.q, r.e, r.c)),
        ];
        const r = lmdi(base, target);
        const scale = [...base, ...target].reduce((s, x) => s + v(x.emissions), 0);
        expect(Math.abs(sumEffects(r) - v(r.total))).toBeLessThanOrEqual(1e-9 * scale);
      }),
      { numRuns: 2000 },
    );
  });
});
