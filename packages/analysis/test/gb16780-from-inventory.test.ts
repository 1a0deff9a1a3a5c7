import { describe, expect, it } from 'vitest';
import { parseQuantity as q, valueIn } from '@carbonbase/quantity';
import {
  clinkerEnergyFigures,
  gradeClinkerEnergy,
  GradeInputError,
  parseIndicatorSystem,
  type ClinkerEnergyInput,
  type GradedLimitSystem,
} from '../src/index.js';
import { readJson } from './data.js';

const system = parseIndicatorSystem(
  readJson('data/indicator-systems/cn-gb16780-2021-cement.json'),
) as GradedLimitSystem;

/**
 * A plant's year, worked by hand:
 *   clinker       100 000 + 50 000 = 150 000 t
 *   fossil fuel   14 000 t × 22.5 GJ/t + 4 000 t × 21 GJ/t = 315 000 + 84 000 = 399 000 GJ
 *   RDF           4 000 t × 13.5 GJ/t = 54 000 GJ (alternative fuel, counted)
 *   diesel        200 t of quarry trucks, outside the clinker boundary (left out)
 *   fuel heat     453 000 GJ ÷ 29.3076 GJ/tce = 15 456.74 tce = 15 456 742 kgce
 *   unit coal     15 456 742 kgce ÷ 150 000 t = 103.045 kgce/t       → grade 3 (100 < x ≤ 109)
 *                 (without RDF: 399 000 ÷ 29.3076 × 1000 ÷ 150 000 = 90.761 → grade 1)
 *   electricity   4 200 MWh purchased + 4 800 MWh waste heat − 0 exported = 9 000 MWh
 *                 (6 000 MWh of cement grinding outside the boundary, left out)
 *                 9 000 000 kWh ÷ 150 000 t = 60.000 kWh/t              → grade 3 (57 < x ≤ 61)
 *   comprehensive 103.045 + 60 × 0.1229 = 103.045 + 7.374 = 110.419 kgce/t → grade 3 (107 < x ≤ 117)
 *                 (waste heat deducted: 103.045 + (60 − 32) × 0.1229 = 106.486, would be grade 2)
 */
const year: ClinkerEnergyInput = {
  clinker: q('150000 t'),
  fuels: [
    {
      line: 'coal-1',
      fuel: 'bituminous-coal',
      alternative: false,
      amount: q('14000 t'),
      ncv: q('22.5 GJ/t'),
      inClinkerBoundary: true,
    },
    {
      line: 'coal-2',
      fuel: 'bituminous-coal',
      alternative: false,
      amount: q('4000 t'),
      ncv: q('21 GJ/t'),
      inClinkerBoundary: true,
    },
    {
      line: 'rdf-1',
      fuel: 'RDF',
      alternative: true,
      amount: q('4000 t'),
      ncv: q('13.5 GJ/t'),
      inClinkerBoundary: true,
    },
    {
      line: 'diesel',
      fuel: 'diesel',
      alternative: false,
      amount: q('200 t'),
      ncv: q('43 GJ/t'),
      inClinkerBoundary: false,
    },
  ],
  electricity: [
    { line: 'power', kind: 'purchased', amount: q('4200 MWh'), inClinkerBoundary: true },
    {
      line: 'whr-1',
      kind: 'generated',
      source: 'waste-heat',
      amount: q('4800 MWh'),
      inClinkerBoundary: true,
    },
    { line: 'power-grinding', kind: 'purchased', amount: q('6000 MWh'), inClinkerBoundary: false },
  ],
  coefficient: q('0.1229 kgce/kWh'),
  coefficientRef: 'cn-gbt2589-standard-coal/electricity.calorific@test',
};

describe('GB 16780-2021 clinker indicators from an inventory', () => {
  it('computes unit coal, electricity and comprehensive energy by hand', () => {
    const f = clinkerEnergyFigures(year);
    expect(valueIn(f.coal, 'kgce/t')).toBeCloseTo(103.045, 3);
    expect(valueIn(f.electricity, 'kWh/t')).toBeCloseTo(60, 9);
    expect(valueIn(f.comprehensive, 'kgce/t')).toBeCloseTo(110.419, 3);
    expect(valueIn(f.parts.alternativeFuel, 'tce')).toBeCloseTo(54_000 / 29.3076, 6);
    expect(f.outside).toEqual(['diesel', 'power-grinding']);
    expect(f.steps[2]).toContain('0.1229 kgce/kWh');
  });

  it('grades each indicator and lists the cement ones as not graded', () => {
    const g = gradeClinkerEnergy(system, year);
    const byId = new Map(g.result.outcomes.map((o) => [o.indicator, o]));
    expect(byId.get('clinker.comprehensive-coal')!.grade).toBe('3');
    expect(byId.get('clinker.comprehensive-electricity')!.grade).toBe('3');
    expect(byId.get('clinker.comprehensive-energy')!.grade).toBe('3');
    expect(g.notGraded.map((n) => n.indicator).sort()).toEqual([
      'cement-preparation.electricity',
      'cement.comprehensive-energy',
    ]);
    const notes = new Map(g.notes.map((n) => [n.id, n]));
    // our readings are marked, and show the figure the other reading would give
    expect(notes.get('alternative-fuel')!.reading).toBe(true);
    expect(notes.get('alternative-fuel')!.en).toContain('90.76 kgce/t');
    expect(notes.get('waste-heat-power')!.reading).toBe(true);
    expect(notes.get('waste-heat-power')!.en).toContain('106.49 kgce/t');
    expect(notes.get('altitude')!.reading).toBe(false);
  });

  it('fails a figure above the limit and applies the altitude correction when the site is known', () => {
    // 100 000 t clinker, 16 500 t coal × 21 GJ/t = 346 500 GJ = 11 822.87 tce → 118.229 kgce/t
    // coal > 109: above the limit; comprehensive 118.23 + 50 × 0.1229 = 124.37 > 117
    const poor: ClinkerEnergyInput = {
      ...year,
      clinker: q('100000 t'),
      fuels: [
        {
          line: 'coal',
          fuel: 'bituminous-coal',
          alternative: false,
          amount: q('16500 t'),
          ncv: q('21 GJ/t'),
          inClinkerBoundary: true,
        },
      ],
      electricity: [
        { line: 'power', kind: 'purchased', amount: q('5000 MWh'), inClinkerBoundary: true },
      ],
    };
    const g = gradeClinkerEnergy(system, poor);
    const coal = g.result.outcomes.find((o) => o.indicator === 'clinker.comprehensive-coal')!;
    expect(valueIn(coal.value, 'kgce/t')).toBeCloseTo(118.229, 3);
    expect(coal.grade).toBeNull();
    expect(g.result.allWithinLimit).toBe(false);
    // at 2000 m and 80 kPa the grade-3 comprehensive limit becomes 117 × 1.0124 = 118.45 (A6)
    const high = gradeClinkerEnergy(system, poor, { altitude: q('2000 m'), pressure: q('80 kPa') });
    const energy = high.result.outcomes.find(
      (o) => o.indicator === 'clinker.comprehensive-energy',
    )!;
    expect(valueIn(energy.thresholds[2]!.adjusted, 'kgce/t')).toBeCloseTo(118.45, 2);
    expect(high.notes.some((n) => n.id === 'altitude')).toBe(false);
  });

  it('names the line when a fuel mass comes without its NCV, and refuses a year without clinker', () => {
    const coal = {
      line: 'coal-1',
      fuel: 'bituminous-coal',
      alternative: false,
      amount: q('14000 t'),
      inClinkerBoundary: true,
    };
    const noNcv = { ...year, fuels: [coal] };
    const e = (() => {
      try {
        clinkerEnergyFigures(noNcv);
      } catch (err) {
        return err;
      }
    })();
    expect(e).toBeInstanceOf(GradeInputError);
    expect((e as GradeInputError).line).toBe('coal-1');
    expect((e as GradeInputError).field).toBe('ncv');
    expect(() => clinkerEnergyFigures({ ...year, clinker: q('0 t') })).toThrow(GradeInputError);
  });
});
