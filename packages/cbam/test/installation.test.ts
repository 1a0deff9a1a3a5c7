import { describe, expect, it } from 'vitest';
import { valueIn } from '@carbonbase/quantity';
import { specificEmbeddedEmissions } from '../src/see.js';
import { explanationLines } from '../src/explain.js';
import type { CbamInstallation, DirectData, ProductionProcess } from '../src/model.js';
import { q, testBase } from './fixtures.js';

const plant = (processes: ProductionProcess[], year = 2026): CbamInstallation => ({
  format: 'carbonbase.cbam-installation/v1',
  installation: { name: 'test plant', country: 'CN', region: 'CN-GX' },
  period: { year },
  processes,
});
const kiln = (direct: DirectData, production = '1200000 t'): ProductionProcess => ({
  id: 'kiln',
  name: 'kiln',
  good: '2523 10 00',
  route: 'A',
  production: q(production),
  direct,
});
const run = (p: ProductionProcess[]) => specificEmbeddedEmissions(plant(p), testBase);
const attributed = (p: ProductionProcess) =>
  valueIn(run([p]).goods[0]!.direct.attributed!, 'tCO2e');

const MGO = { value: q('1.092 tCO2/t'), source: 'IPCC stoichiometry 44.01/40.30 (methods.md §8)' };

describe('attributed direct emissions of clinker', () => {
  it('output method with CaO/MgO factors 0.785 (factor base) and 1.092 (given)', () => {
    // A2 clinker: CaO 65.5 % − 0.8 %, MgO 2.0 % − 0.1 %, with the CBAM/IPCC factors:
    // EF = 0.647 × 0.785 + 0.019 × 1.092 = 0.507895 + 0.020748 = 0.528643 tCO2/t
    // E = 1 200 000 × 0.528643 = 634 371.6 t
    const r = run([
      kiln({
        calcination: {
          method: 'output',
          cao: q('65.5 %'),
          mgo: q('2.0 %'),
          caoNonCarbonate: q('0.8 %'),
          mgoNonCarbonate: q('0.1 %'),
          mgoFactor: MGO,
        },
      }),
    ]).goods[0]!;
    expect(valueIn(r.clinkerFactor!, 'tCO2/t')).toBeCloseTo(0.528643, 12);
    expect(valueIn(r.direct.attributed!, 'tCO2e')).toBeCloseTo(634371.6, 6);
    expect(valueIn(r.direct.value, 'tCO2e/t')).toBeCloseTo(0.528643, 12);
    const lines = explanationLines(r.direct.explanation);
    expect(lines.some((l) => l.includes('test-cbam/cao.ef@1'))).toBe(true);
    expect(lines.some((l) => l.includes('IPCC stoichiometry'))).toBe(true);
  });

  it('says when non-carbonate CaO/MgO are taken as zero', () => {
    // 0.65 × 0.785 + 0.02 × 1.092 = 0.51025 + 0.02184 = 0.53209
    const r = run([
      kiln({ calcination: { method: 'output', cao: q('65 %'), mgo: q('2 %'), mgoFactor: MGO } }),
    ]).goods[0]!;
    expect(valueIn(r.direct.value, 'tCO2e/t')).toBeCloseTo(0.53209, 12);
    expect(r.direct.explanation.notes.join()).toMatch(/taken as 0/);
  });

  it('needs a MgO factor: none is bundled, and none is invented', () => {
    expect(() =>
      run([kiln({ calcination: { method: 'output', cao: q('65 %'), mgo: q('2 %') } })]),
    ).toThrow(/mgoFactor.*no factor for mgo ef/);
  });

  it('kiln dust by the CSI form (acceptance case A7)', () => {
    const factor = {
      method: 'factor' as const,
      factor: { value: q('0.525 tCO2/t'), source: 'A7' },
    };
    // Q_cli = 1 t keeps the calcination term at 0.525 t: A7 fully calcined, 10 000 t × 0.525 = 5 250 t
    expect(
      attributed(kiln({ calcination: factor, kilnDust: [{ amount: q('10000 t') }] }, '1 t')),
    ).toBeCloseTo(0.525 + 5250, 8);
    // d = 50 %: x = 0.525/1.525 × 0.5 = 0.172131; EF_CKD = x/(1 − x) = 0.207921; × 10 000 = 2 079.2 t
    const half = attributed(
      kiln(
        {
          calcination: factor,
          kilnDust: [{ amount: q('10000 t'), calcination: { value: q('50 %'), source: 'A7' } }],
        },
        '1 t',
      ),
    );
    expect(half - 0.525).toBeCloseTo(2079.2, 1);
  });

  it('fuels: AD × NCV × EF × (1 − biomass share)', () => {
    // A4 coal: 150 000 t × 19.570 GJ/t × (0.0261 × 0.93 × 44/12) tCO2/GJ = 261 290.3 t (2.613 × 10^5)
    const ef = 0.0261 * 0.93 * (44 / 12);
    const coal = {
      id: 'coal',
      name: 'bituminous coal',
      amount: q('150000 t'),
      ncv: q('19.570 GJ/t'),
      emissionFactor: { value: q(`${ef} tCO2/GJ`), source: 'A4' },
    };
    const zero = { method: 'factor' as const, factor: { value: q('0 tCO2/t'), source: 'test' } };
    expect(attributed(kiln({ calcination: zero, fuels: [coal] }))).toBeCloseTo(
      150000 * 19.57 * ef,
      6,
    );
    expect(attributed(kiln({ calcination: zero, fuels: [coal] }))).toBeCloseTo(2.613e5, -2);
    // 55 % biomass counts as zero: 45 % of it remains
    expect(
      attributed(kiln({ calcination: zero, fuels: [{ ...coal, biomassFraction: q('55 %') }] })),
    ).toBeCloseTo(0.45 * 150000 * 19.57 * ef, 6);
  });

  it('clinker direct data without calcination is an error', () => {
    expect(() => run([kiln({ fuels: [] })])).toThrow(
      /processes\[0\]\.direct: clinker needs calcination/,
    );
  });

  it('calcination on a cement mill is an error', () => {
    const mill: ProductionProcess = {
      id: 'mill',
      name: 'mill',
      good: '2523 29 00',
      production: q('1 t'),
      direct: {
        calcination: { method: 'factor', factor: { value: q('0.5 tCO2/t'), source: 'x' } },
      },
    };
    expect(() => run([mill])).toThrow(/belong to clinker/);
  });
});

describe('default-value fallback', () => {
  it('a component without data takes the default with the mark-up, labelled', () => {
    const r = run([
      kiln({ calcination: { method: 'factor', factor: { value: q('0.85 tCO2/t'), source: 'x' } } }),
    ]).goods[0]!;
    expect(r.direct.basis).toBe('actual');
    // indirect: China clinker route (A) 0.04 × 1.1 = 0.044
    expect(r.indirect.basis).toBe('default');
    expect(r.indirect.label).toBe('default (+10 % mark-up 2026)');
    expect(valueIn(r.indirect.value, 'tCO2e/t')).toBeCloseTo(0.044, 12);
    expect(r.indirect.refs).toEqual(['test-cbam/cn.clinker-a.i@1', 'test-cbam/markup.2026@1']);
    expect(r.indirect.explanation.notes.join()).toContain(
      'route chosen by the operator: (A) 灰色熟料/水泥 grey clinker / cement — IR (EU) 2025/2620 Annex point 5.3 legend (secondary transcriptions, V-sec)',
    );
    expect(r.routeMeaning).toMatch(/^\(A\) 灰色熟料\/水泥 grey clinker \/ cement/);
  });

  it('never picks a clinker route (A)/(B) by itself', () => {
    const p: ProductionProcess = { id: 'k', name: 'k', good: '2523 10 00', production: q('1 t') };
    expect(() => run([p])).toThrow(/choose one \(route \/ --route A\|B\) or give actual data/);
  });

  it('the calculation route fills processes that name none, and only for goods with routes', () => {
    const p: ProductionProcess = { id: 'k', name: 'k', good: '2523 10 00', production: q('1 t') };
    // China clinker route (B) defaults 1.24 / 0.06, × 1.1 in 2026 → 1.364 / 0.066
    const r = specificEmbeddedEmissions(plant([p]), testBase, { route: 'B' }).goods[0]!;
    expect(r.route).toBe('B');
    expect(valueIn(r.direct.value, 'tCO2e/t')).toBeCloseTo(1.364, 12);
    expect(valueIn(r.indirect.value, 'tCO2e/t')).toBeCloseTo(0.066, 12);
    expect(r.direct.refs).toEqual(['test-cbam/cn.clinker-b.d@1', 'test-cbam/markup.2026@1']);
  });

  it('refuses a calculation route that contradicts the document or that the good lacks', () => {
    const p: ProductionProcess = {
      id: 'k',
      name: 'k',
      good: '2523 10 00',
      route: 'A',
      production: q('1 t'),
    };
    expect(() => specificEmbeddedEmissions(plant([p]), testBase, { route: 'B' })).toThrow(
      /processes\[0\]\.route: .*process k names route \(A\), the calculation was asked for route \(B\)/,
    );
    const bare: ProductionProcess = { ...p, route: undefined };
    expect(() => specificEmbeddedEmissions(plant([bare]), testBase, { route: 'C' })).toThrow(
      /2523 10 00 没有路线 \(C\) has no default rows for route \(C\); routes: \(A\) .*; \(B\)/,
    );
  });

  it('a whole complex good on defaults ignores its precursors, and says so', () => {
    // China 2523 29 00: direct 1.35 × 1.2 = 1.62 in 2027; indirect 0.07 × 1.2 = 0.084
    const r = specificEmbeddedEmissions(
      plant(
        [
          {
            id: 'mill',
            name: 'mill',
            good: '2523 29 00',
            production: q('10 t'),
            precursors: [
              {
                good: '2523 10 00',
                amount: q('7 t'),
                from: {
                  supplier: 's',
                  direct: { basis: 'actual', value: q('0.8 tCO2e/t'), source: 's' },
                  indirect: { basis: 'actual', value: q('0.03 tCO2e/t'), source: 's' },
                },
              },
            ],
          },
        ],
        2027,
      ),
      testBase,
    ).goods[0]!;
    expect(valueIn(r.direct.value, 'tCO2e/t')).toBeCloseTo(1.62, 12);
    expect(valueIn(r.indirect.value, 'tCO2e/t')).toBeCloseTo(0.084, 12);
    expect(r.direct.label).toBe('default (+20 % mark-up 2027)');
    expect(r.direct.explanation.notes.join()).toMatch(/precursors are not added/);
  });
});

describe('precursor structure', () => {
  const clinker = kiln(
    { calcination: { method: 'factor', factor: { value: q('0.8 tCO2/t'), source: 'x' } } },
    '100 t',
  );
  const mill = (
    from: string,
    amount = '70 t',
    good: '2523 10 00' | '2523 30 00' = '2523 10 00',
  ): ProductionProcess => ({
    id: 'mill',
    name: 'mill',
    good: '2523 29 00',
    production: q('100 t'),
    direct: {},
    precursors: [{ good, amount: q(amount), from: { process: from } }],
  });

  it('unknown own process', () => {
    expect(() => run([clinker, mill('nope')])).toThrow(/unknown process nope/);
  });
  it('more own clinker consumed than made', () => {
    expect(() => run([clinker, mill('kiln', '101 t')])).toThrow(/exceeds production/);
  });
  it('a simple good with precursors', () => {
    const bought = {
      good: '2523 10 00' as const,
      amount: q('1 t'),
      from: {
        supplier: 's',
        direct: { basis: 'default' as const, country: 'CN', route: 'A' },
        indirect: { basis: 'default' as const, country: 'CN', route: 'A' },
      },
    };
    expect(() => run([{ ...clinker, precursors: [bought] }])).toThrow(/simple good: no precursors/);
  });
  it('a precursor that is not a relevant precursor of the good', () => {
    expect(() => run([clinker, mill('kiln', '70 t', '2523 30 00')])).toThrow(
      /not a relevant precursor/,
    );
  });
  it('a precursor cycle', () => {
    const a: ProductionProcess = { ...mill('b'), id: 'a' };
    const b: ProductionProcess = { ...mill('a'), id: 'b' };
    expect(() => run([a, b])).toThrow(/precursor cycle: a → b → a/);
  });
  it('a precursor from a process that makes another good', () => {
    const other: ProductionProcess = { ...mill('kiln'), id: 'mill2' };
    expect(() => run([clinker, other, { ...mill('mill2'), id: 'mill3' }])).toThrow(
      /makes 2523 29 00, not 2523 10 00/,
    );
  });
  it('an own precursor on a default passes its label on to the cement', () => {
    // kiln has no indirect data: China clinker route (A) 0.04 × 1.1 = 0.044; mill has none either,
    // but the mill's direct is actual and rests on the kiln's actual direct value only
    const r = run([clinker, { ...mill('kiln'), indirect: { electricity: [] } }]);
    expect(r.goods[1]!.indirect.label).toBe(
      'actual (precursor 2523 10 00 kiln: default (+10 % mark-up 2026))',
    );
    // (0 + 70 × 0.044) / 100 = 0.0308
    expect(valueIn(r.goods[1]!.indirect.value, 'tCO2e/t')).toBeCloseTo(0.0308, 12);
    expect(r.goods[1]!.direct.label).toBe('actual');
  });

  it('own clinker with no direct-emitting step in the mill: SEE = 70 × 0.8 / 100 = 0.56', () => {
    const r = run([clinker, mill('kiln')]);
    expect(valueIn(r.goods[1]!.direct.value, 'tCO2e/t')).toBeCloseTo(0.56, 12);
  });
});
