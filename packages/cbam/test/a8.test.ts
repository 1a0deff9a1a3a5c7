import { describe, expect, it } from 'vitest';
import { valueIn } from '@carbonbase/quantity';
import { defaultSee, markUp } from '../src/defaults.js';
import { specificEmbeddedEmissions } from '../src/see.js';
import type { CbamInstallation, ProductionProcess } from '../src/model.js';
import { q, testBase } from './fixtures.js';

/** Acceptance case A8 of shared/methods.md §11: mark-ups (V) and the cement SEE formula (R). */

const see = (x: { value: { value: number; unit: string } }) => valueIn(x.value, 'tCO2e/t');

describe('A8 — default values with the yearly mark-up', () => {
  it.each([
    // 0.87 × 1.1 = 0.957; × 1.2 = 1.044; × 1.3 = 1.131 (the source's 2028 figure)
    [2026, 0.957, 'default (+10 % mark-up 2026)'],
    [2027, 1.044, 'default (+20 % mark-up 2027)'],
    [2028, 1.131, 'default (+30 % mark-up 2028)'],
    // 2028's 30 % applies from 2028 on: 0.87 × 1.3 = 1.131 in 2031 too
    [2031, 1.131, 'default (+30 % mark-up 2031)'],
  ])('Albanian grey clinker 0.87 in %i → %f', (year, expected, label) => {
    const d = defaultSee(testBase, {
      good: '2523 10 00',
      component: 'direct',
      country: 'AL',
      year,
    });
    expect(see(d)).toBeCloseTo(expected, 10);
    expect(d.label).toBe(label);
    expect(valueIn(d.base, 'tCO2e/t')).toBe(0.87);
  });

  it.each([
    // 1.30 × 1.1 = 1.430; × 1.2 = 1.560; × 1.3 = 1.690 (source: 1.69 in 2028)
    [2026, 1.43],
    [2027, 1.56],
    [2028, 1.69],
  ])('Algerian grey Portland cement 1.30 in %i → %f', (year, expected) => {
    const d = defaultSee(testBase, {
      good: '2523 29 00',
      component: 'direct',
      country: 'DZ',
      year,
    });
    expect(see(d)).toBeCloseTo(expected, 10);
  });

  it('cites the default row and the mark-up as id@version', () => {
    const d = defaultSee(testBase, {
      good: '2523 29 00',
      component: 'direct',
      country: 'DZ',
      year: 2027,
    });
    expect(d.explanation.inputs.map((i) => i.ref)).toEqual([
      'test-cbam/dz.cement@1',
      'test-cbam/markup.2027@1',
    ]);
    expect(d.explanation.formula).toBe('SEE_default = SEE_base × (1 + MU)');
  });

  it('has no mark-up before the definitive period', () => {
    expect(() => markUp(testBase, 2025)).toThrow(/definitive period starts in 2026/);
  });

  it('refuses another country’s default (defaults are per country of origin)', () => {
    expect(() =>
      defaultSee(testBase, {
        good: '2523 29 00',
        component: 'indirect',
        country: 'DZ',
        year: 2026,
      }),
    ).toThrow(/no default indirect value/);
  });
});

/**
 * A8 cement: 100 000 t cement, clinker ratio 0.72 (72 000 t clinker), SEE_clinker,direct 0.85,
 * own attributed direct 1 500 t; grinding 35 kWh/t cement, clinker 55 kWh/t clinker, grid 0.5306.
 */
const grid = { query: { code: 'electricity', parameter: 'ef', region: 'CN', year: 2023 } };
const clinker: ProductionProcess = {
  id: 'kiln',
  name: 'clinker',
  good: '2523 10 00',
  production: q('72000 t'),
  // SEE_clinker,direct = 0.85 given as the clinker factor: AttrEm = 72 000 × 0.85 = 61 200 t
  direct: { calcination: { method: 'factor', factor: { value: q('0.85 tCO2/t'), source: 'A8' } } },
  // 72 000 t × 55 kWh/t = 3 960 MWh
  indirect: {
    electricity: [{ id: 'kiln-power', name: 'kiln line', amount: q('3960 MWh'), factor: grid }],
  },
};
const cement = (
  from: NonNullable<ProductionProcess['precursors']>[number]['from'],
): ProductionProcess => ({
  id: 'mill',
  name: 'cement grinding',
  good: '2523 29 00',
  production: q('100000 t'),
  direct: {
    other: [{ id: 'dryer', name: 'drying and other', emissions: q('1500 tCO2'), source: 'A8' }],
  },
  // 100 000 t × 35 kWh/t = 3 500 MWh
  indirect: {
    electricity: [{ id: 'mill-power', name: 'cement mill', amount: q('3500 MWh'), factor: grid }],
  },
  precursors: [{ good: '2523 10 00', amount: q('72000 t'), from }],
});
const plant = (processes: ProductionProcess[]): CbamInstallation => ({
  format: 'carbonbase.cbam-installation/v1',
  installation: { name: 'A8 plant', country: 'CN' },
  period: { year: 2026 },
  processes,
});

describe('A8 — cement SEE from own clinker', () => {
  const r = specificEmbeddedEmissions(plant([cement({ process: 'kiln' }), clinker]), testBase);
  const [mill, kiln] = r.goods;

  it('clinker (simple good): SEE = AttrEm / AL', () => {
    // direct 61 200 / 72 000 = 0.85; indirect 3 960 × 0.5306 / 72 000 = 2 101.176 / 72 000 = 0.029183
    expect(see(kiln!.direct)).toBeCloseTo(0.85, 12);
    expect(see(kiln!.indirect)).toBeCloseTo(0.029183, 12);
    expect(kiln!.direct.label).toBe('actual');
  });

  it('cement direct: (1 500 + 72 000 × 0.85) / 100 000 = 0.6270', () => {
    expect(see(mill!.direct)).toBeCloseTo(0.627, 12);
    expect(valueIn(mill!.direct.attributed!, 'tCO2e')).toBe(1500);
    expect(valueIn(mill!.direct.precursorEmbedded!, 'tCO2e')).toBeCloseTo(61200, 8);
  });

  it('cement indirect: (100 000 × 0.035 × 0.5306 + 72 000 × 0.055 × 0.5306) / 100 000 = 0.03958', () => {
    // (1 857.1 + 2 101.176) / 100 000 = 0.03958276
    expect(see(mill!.indirect)).toBeCloseTo(0.03958276, 10);
    expect(valueIn(mill!.total, 'tCO2e/t')).toBeCloseTo(0.627 + 0.03958276, 10);
  });

  it('explains with the formula, the grid factor ref and the arithmetic', () => {
    const e = mill!.indirect.explanation;
    expect(e.formula).toBe('SEE_g = (AttrEm_g + Σ M_p × SEE_p) / AL_g');
    expect(e.inputs.some((i) => i.ref === 'test-cbam/grid.cn.2023@1')).toBe(true);
    expect(e.steps.at(-1)!.expression).toMatch(
      /^\(1857\.1 tCO2e \+ 2101\.176 tCO2e\) \/ 100000 t$/,
    );
  });

  it('keeps the operator’s order in the report, whatever order it computes in', () => {
    expect(r.goods.map((g) => g.process)).toEqual(['mill', 'kiln']);
  });
});

describe('A8 — cement SEE from purchased clinker', () => {
  const supplied = (indirect: string) =>
    plant([
      cement({
        supplier: 'Clinker Co.',
        direct: { basis: 'actual', value: q('0.85 tCO2e/t'), source: 'supplier communication' },
        indirect: { basis: 'actual', value: q(indirect), source: 'supplier communication' },
      }),
    ]);

  it('with the supplier’s actual SEE gives the same 0.6270 and 0.03958', () => {
    // supplier's indirect SEE = the own kiln's above: 0.029183 tCO2e/t
    const [mill] = specificEmbeddedEmissions(supplied('0.029183 tCO2e/t'), testBase).goods;
    expect(see(mill!.direct)).toBeCloseTo(0.627, 12);
    expect(see(mill!.indirect)).toBeCloseTo(0.03958276, 10);
    expect(mill!.precursors[0]!.direct.label).toBe('actual (supplier communication)');
    expect(mill!.direct.label).toBe('actual');
  });

  it('refuses a precursor SEE in the wrong unit, naming the field', () => {
    expect(() => specificEmbeddedEmissions(supplied('0.055 MWh/t'), testBase)).toThrow(
      /processes\[0\]\.precursors\[0\]\.from\.indirect\.value/,
    );
  });

  it('with the supplier’s country default labels the cement value as resting on a default', () => {
    // Chinese clinker route (B) 1.24 × 1.1 = 1.364; cement direct = (1 500 + 72 000 × 1.364) / 100 000
    // = (1 500 + 98 208) / 100 000 = 0.99708
    const r = specificEmbeddedEmissions(
      plant([
        cement({
          supplier: 'Kiln Ltd.',
          direct: { basis: 'default', country: 'CN', route: 'B' },
          indirect: { basis: 'default', country: 'CN', route: 'B' },
        }),
      ]),
      testBase,
    );
    const mill = r.goods[0]!;
    expect(see(mill.direct)).toBeCloseTo(0.99708, 12);
    // indirect: 0.06 × 1.1 = 0.066; (1 857.1 + 72 000 × 0.066) / 100 000 = (1 857.1 + 4 752) / 100 000 = 0.066091
    expect(see(mill.indirect)).toBeCloseTo(0.066091, 12);
    expect(mill.direct.basis).toBe('actual');
    expect(mill.direct.label).toBe(
      'actual (precursor 2523 10 00 Kiln Ltd.: default (+10 % mark-up 2026))',
    );
  });
});
