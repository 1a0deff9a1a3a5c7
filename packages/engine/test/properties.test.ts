import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { sum, valueIn } from '@carbonbase/quantity';
import { InventoryError, METHOD_SETS, account } from '../src/index.js';
import { doc, testFactors } from './fixtures.js';

/**
 * Properties of the engine over generated inventories (fixture factors from methods.md):
 * the total is the sum of its lines; scaling every activity scales every figure; writing an
 * amount in an equivalent unit changes nothing; a broken line is reported by id and field.
 */
const factors = testFactors();
const methods = METHOD_SETS.map((m) => m.id);

type Amount = { value: number; unit: string };
type Line = Record<string, unknown> & { id: string; kind: string; amount: Amount };

const positive = fc.double({ min: 1, max: 1e6, noNaN: true, noDefaultInfinity: true });
const percent = (min: number, max: number) =>
  fc.double({ min, max, noNaN: true }).map((v) => `${v} %`);

const lineArb: fc.Arbitrary<Omit<Line, 'id'>> = fc.oneof(
  fc.record({
    kind: fc.constant('fuel-combustion'),
    fuel: fc.constantFrom('bituminous-coal', 'diesel'),
    amount: positive.map((v) => ({ value: v, unit: 't' })),
  }),
  fc.record({
    kind: fc.constant('fuel-combustion'),
    fuel: fc.constant('natural-gas'),
    amount: positive.map((v) => ({ value: v / 100, unit: '万Nm3' })),
  }),
  fc.record({
    kind: fc.constant('fuel-combustion'),
    fuel: fc.constant('bituminous-coal'),
    amount: positive.map((v) => ({ value: v, unit: 't' })),
    ncv: fc.double({ min: 18, max: 24, noNaN: true }).map((v) => `${v} GJ/t`),
    oxidation: percent(80, 100),
  }),
  fc.record({
    kind: fc.constant('alternative-fuel'),
    fuel: fc.constant('waste-tyres'),
    amount: positive.map((v) => ({ value: v / 10, unit: 't' })),
    ncv: fc.constant('31 GJ/t'),
    ef: fc.constant('0.085 tCO2/GJ'),
    biomassFraction: percent(0, 60),
  }),
  fc.record({
    kind: fc.constant('clinker'),
    amount: positive.map((v) => ({ value: v, unit: 't' })),
    clinkerType: fc.constant('portland'),
    cao: percent(62, 67),
    mgo: percent(0.5, 3),
    caoNonCarbonate: percent(0, 1),
    mgoNonCarbonate: percent(0, 0.2),
  }),
  fc.record({
    kind: fc.constant('non-carbonate-raw-material'),
    material: fc.constantFrom('carbide-slag', 'steel-slag'),
    amount: positive.map((v) => ({ value: v / 50, unit: 't' })),
  }),
  fc.record({
    kind: fc.constant('raw-meal-organic-carbon'),
    amount: positive.map((v) => ({ value: v, unit: 't' })),
    toc: percent(0.1, 0.3),
  }),
  fc.record({
    kind: fc.constant('electricity-purchased'),
    amount: positive.map((v) => ({ value: v, unit: 'MWh' })),
  }),
  fc.record({
    kind: fc.constant('electricity-exported'),
    amount: positive.map((v) => ({ value: v / 10, unit: 'MWh' })),
  }),
  fc.record({
    kind: fc.constant('heat-purchased'),
    amount: positive.map((v) => ({ value: v, unit: 'GJ' })),
  }),
  fc.record({
    kind: fc.constant('non-co2'),
    gas: fc.constantFrom('CH4', 'N2O'),
    amount: positive.map((v) => ({ value: v / 1000, unit: 't' })),
  }),
  fc.record({
    kind: fc.constant('spend'),
    category: fc.constant('purchased-goods'),
    factor: fc.constant('0.0005 tCO2e/CNY'),
    amount: positive.map((v) => ({ value: v * 100, unit: 'CNY' })),
  }),
);

const docArb = fc.record({
  method: fc.constantFrom(...methods),
  lines: fc
    .array(lineArb, { minLength: 1, maxLength: 8 })
    .map((ls) => ls.map((l, i) => ({ ...l, id: `l${i}` }) as Line)),
});

const build = (d: { method: string; lines: Line[] }) => doc(d.method, d.lines);
const close = (a: number, b: number) =>
  Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));

describe('engine properties', () => {
  it('the total equals the sum of the lines, and each breakdown sums to the total', () => {
    fc.assert(
      fc.property(docArb, (d) => {
        const r = account(build(d), factors);
        const t = valueIn(r.total, 'tCO2e');
        expect(
          close(
            t,
            valueIn(
              sum(
                r.lines.map((l) => l.emissions),
                'tCO2e',
              ),
              'tCO2e',
            ),
          ),
        ).toBe(true);
        for (const by of [r.byScope, r.byGas, r.byKind, r.byFacility, r.byMonth]) {
          expect(close(t, valueIn(sum(Object.values(by), 'tCO2e'), 'tCO2e'))).toBe(true);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('scaling every activity by k scales the total, every line and biomass CO2 by k', () => {
    fc.assert(
      fc.property(docArb, fc.double({ min: 0.01, max: 1000, noNaN: true }), (d, k) => {
        const scaled = {
          ...d,
          lines: d.lines.map((l) => ({ ...l, amount: { ...l.amount, value: l.amount.value * k } })),
        };
        const a = account(build(d), factors);
        const b = account(build(scaled), factors);
        expect(close(valueIn(b.total, 'tCO2e'), k * valueIn(a.total, 'tCO2e'))).toBe(true);
        expect(close(valueIn(b.biomassCO2, 'tCO2'), k * valueIn(a.biomassCO2, 'tCO2'))).toBe(true);
        a.lines.forEach((l, i) =>
          expect(
            close(valueIn(b.lines[i]!.emissions, 'tCO2e'), k * valueIn(l.emissions, 'tCO2e')),
          ).toBe(true),
        );
      }),
      { numRuns: 100 },
    );
  });

  it('unit-equivalent amounts (t vs kg, MWh vs 万kWh, GJ vs TJ) give the same result', () => {
    const equivalent: Record<string, { unit: string; factor: number }> = {
      t: { unit: 'kg', factor: 1000 },
      MWh: { unit: '万kWh', factor: 0.1 },
      GJ: { unit: 'TJ', factor: 0.001 },
      CNY: { unit: '万元', factor: 1e-4 },
      万Nm3: { unit: 'Nm3', factor: 1e4 },
    };
    fc.assert(
      fc.property(docArb, (d) => {
        const rewritten = {
          ...d,
          lines: d.lines.map((l) => {
            const e = equivalent[l.amount.unit];
            return e ? { ...l, amount: { value: l.amount.value * e.factor, unit: e.unit } } : l;
          }),
        };
        const a = account(build(d), factors);
        const b = account(build(rewritten), factors);
        expect(close(valueIn(a.total, 'tCO2e'), valueIn(b.total, 'tCO2e'))).toBe(true);
        expect(close(valueIn(a.energy.calorific, 'tce'), valueIn(b.energy.calorific, 'tce'))).toBe(
          true,
        );
      }),
      { numRuns: 100 },
    );
  });

  it('the same input gives byte-identical JSON', () => {
    fc.assert(
      fc.property(docArb, (d) => {
        expect(JSON.stringify(account(build(d), factors))).toBe(
          JSON.stringify(account(structuredClone(build(d)), factors)),
        );
      }),
      { numRuns: 30 },
    );
  });

  const breakages: { name: string; field: string; apply: (l: Line) => Line }[] = [
    {
      name: 'a unit that does not exist',
      field: 'amount',
      apply: (l) => ({ ...l, amount: { value: 5, unit: 'tonnz' } }),
    },
    {
      name: 'an amount of the wrong dimension',
      field: 'amount',
      apply: (l) => ({ ...l, amount: { value: 5, unit: 'kgCO2' } }),
    },
    {
      name: 'a bare number',
      field: 'amount',
      apply: (l) => ({ ...l, amount: 5 as unknown as Amount }),
    },
    { name: 'a misspelt field', field: 'ammount', apply: (l) => ({ ...l, ammount: '5 t' }) },
  ];

  it('a broken line is reported with the document, its line id and the field', () => {
    fc.assert(
      fc.property(docArb, fc.nat(), fc.constantFrom(...breakages), (d, pick, breakage) => {
        const index = pick % d.lines.length;
        const lines = d.lines.map((l, i) => (i === index ? breakage.apply(l) : l));
        let error: unknown;
        try {
          account(doc(d.method, lines), factors, { document: 'plant.yaml' });
        } catch (e) {
          error = e;
        }
        expect(error, breakage.name).toBeInstanceOf(InventoryError);
        expect((error as InventoryError).issues).toContainEqual(
          expect.objectContaining({
            document: 'plant.yaml',
            line: `l${index}`,
            field: breakage.field,
          }),
        );
      }),
      { numRuns: 100 },
    );
  });
});
