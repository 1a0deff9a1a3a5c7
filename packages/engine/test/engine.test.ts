import { describe, expect, it } from 'vitest';
import { valueIn } from '@carbonbase/quantity';
import { InventoryError, account, renderExplanation, type InventoryResult } from '../src/index.js';
import { allRows, doc, factorBase, testFactors } from './fixtures.js';

const factors = testFactors();

function errorsOf(run: () => unknown): InventoryError['issues'] {
  try {
    run();
  } catch (e) {
    if (e instanceof InventoryError) return e.issues;
    throw e;
  }
  throw new Error('expected an InventoryError');
}

const line = (r: InventoryResult, id: string) => r.lines.find((l) => l.id === id)!;
const t = (r: InventoryResult, id: string) => valueIn(line(r, id).emissions, 'tCO2e');
const codes = (r: InventoryResult) => r.warnings.map((w) => w.code);

describe('errors name the document, the line and the field', () => {
  it('an unknown fuel', () => {
    const issues = errorsOf(() =>
      account(
        doc('cn-gbt32150-2015', [
          { id: 'x', kind: 'fuel-combustion', fuel: 'unobtainium', amount: '5 t' },
        ]),
        factors,
        { document: 'a.yaml' },
      ),
    );
    expect(issues).toEqual([
      expect.objectContaining({ document: 'a.yaml', line: 'x', field: 'fuel' }),
    ]);
    expect(issues[0]!.message).toContain('unobtainium');
  });

  it('an unknown line kind, an unknown method, a missing CaO, an undeclared facility, a duplicate id', () => {
    expect(
      errorsOf(() =>
        account(doc('cn-gbt32150-2015', [{ id: 'k', kind: 'teleport', amount: '1 t' }]), factors),
      ),
    ).toContainEqual(expect.objectContaining({ line: 'k', field: 'kind' }));
    expect(
      errorsOf(() =>
        account(
          doc('iso-99999', [{ id: 'p', kind: 'electricity-purchased', amount: '1 MWh' }]),
          factors,
        ),
      ),
    ).toContainEqual(expect.objectContaining({ field: 'method' }));
    expect(
      errorsOf(() =>
        account(
          doc('cn-cement-2015', [{ id: 'c', kind: 'clinker', amount: '1 t', mgo: '2 %' }]),
          factors,
        ),
      ),
    ).toContainEqual(expect.objectContaining({ line: 'c', field: 'cao' }));
    expect(
      errorsOf(() =>
        account(
          doc('cn-gbt32150-2015', [
            { id: 'p', kind: 'electricity-purchased', amount: '1 MWh', facility: 'nowhere' },
            { id: 'p', kind: 'electricity-purchased', amount: '1 MWh' },
          ]),
          factors,
        ),
      ),
    ).toEqual([
      expect.objectContaining({ line: 'p', field: 'facility' }),
      expect.objectContaining({ line: 'p', field: 'id' }),
    ]);
  });

  it('collects every bad line, not just the first', () => {
    const issues = errorsOf(() =>
      account(
        doc('cn-gbt32150-2015', [
          { id: 'a', kind: 'fuel-combustion', fuel: 'diesel', amount: '5 GJ/t' },
          { id: 'b', kind: 'electricity-purchased', amount: '5 t' },
          { id: 'c', kind: 'fuel-combustion', fuel: 'nope', amount: '5 t' },
        ]),
        factors,
      ),
    );
    // a and b fail the format; c is only reached once the format is right, so it is not listed here.
    expect(issues.map((i) => [i.line, i.field])).toEqual([
      ['a', 'amount'],
      ['b', 'amount'],
    ]);
    expect(issues[1]!.message).toMatch(/energy/);
  });

  it('a bare number says how to write a quantity', () => {
    const issues = errorsOf(() =>
      account(
        doc('cn-cement-2015', [{ id: 'c', kind: 'clinker', amount: '1 t', cao: 65, mgo: '2 %' }]),
        factors,
      ),
    );
    expect(issues).toEqual([expect.objectContaining({ line: 'c', field: 'cao' })]);
    expect(issues[0]!.message).toContain('<number> <unit>');
  });

  it('a measured NCV per volume for a fuel given by mass is a dimension error on ncv', () => {
    expect(
      errorsOf(() =>
        account(
          doc('cn-gbt32150-2015', [
            {
              id: 'd',
              kind: 'fuel-combustion',
              fuel: 'diesel',
              amount: '5 t',
              ncv: '389 GJ/万Nm3',
            },
          ]),
          factors,
        ),
      ),
    ).toContainEqual(expect.objectContaining({ line: 'd', field: 'ncv' }));
  });

  it('contracts covering more than the purchase', () => {
    expect(
      errorsOf(() =>
        account(
          doc('ghg-protocol', [
            {
              id: 'p',
              kind: 'electricity-purchased',
              amount: '10 MWh',
              contracts: [{ instrument: 'green-certificate', amount: '11 MWh' }],
            },
          ]),
          factors,
        ),
      ),
    ).toContainEqual(expect.objectContaining({ line: 'p', field: 'contracts' }));
  });
});

describe('data-quality warnings', () => {
  it('CaO outside 60–70 %', () => {
    const r = account(
      doc('cn-cement-2015', [
        { id: 'c', kind: 'clinker', amount: '100 t', cao: '58 %', mgo: '2 %' },
      ]),
      factors,
    );
    expect(r.warnings).toContainEqual(
      expect.objectContaining({ code: 'cao-out-of-range', line: 'c', field: 'cao' }),
    );
  });

  it('a measured NCV far from the default (19.570 GJ/t, methods.md §1.3)', () => {
    const far = account(
      doc('cn-gbt32150-2015', [
        {
          id: 'coal',
          kind: 'fuel-combustion',
          fuel: 'bituminous-coal',
          amount: '100 t',
          ncv: '29 GJ/t',
        },
      ]),
      factors,
    );
    expect(far.warnings).toContainEqual(
      expect.objectContaining({ code: 'ncv-far-from-default', line: 'coal', field: 'ncv' }),
    );
    const near = account(
      doc('cn-gbt32150-2015', [
        {
          id: 'coal',
          kind: 'fuel-combustion',
          fuel: 'bituminous-coal',
          amount: '100 t',
          ncv: '21 GJ/t',
        },
      ]),
      factors,
    );
    expect(codes(near)).not.toContain('ncv-far-from-default');
  });

  it('a negative quantity', () => {
    const r = account(
      doc('cn-gbt32150-2015', [{ id: 'p', kind: 'electricity-purchased', amount: '-10 MWh' }]),
      factors,
    );
    expect(r.warnings).toContainEqual(
      expect.objectContaining({ code: 'negative-quantity', line: 'p', field: 'amount' }),
    );
  });

  it('a factor marked recalled', () => {
    const base = factorBase([
      ...allRows.filter((r) => r.code !== 'heat'),
      {
        set: 'x',
        id: 'heat',
        kind: 'heat',
        code: 'heat',
        parameter: 'ef',
        value: '0.11 tCO2/GJ',
        verification: 'recalled',
        document: 'recalled',
      },
    ]);
    const r = account(
      doc('cn-gbt32150-2015', [{ id: 'h', kind: 'heat-purchased', amount: '10 GJ' }]),
      base,
    );
    expect(r.warnings).toContainEqual(
      expect.objectContaining({ code: 'recalled-factor', line: 'h' }),
    );
  });

  it('an unknown region', () => {
    const r = account(
      doc(
        'cn-gbt32150-2015',
        [
          {
            id: 'w',
            kind: 'process-emission',
            process: 'welding',
            amount: '2 t',
            factor: '1 tCO2/t',
          },
        ],
        {
          reporter: { name: 'x', region: 'CN-ATLANTIS' },
        },
      ),
      factors,
    );
    expect(r.warnings).toContainEqual(
      expect.objectContaining({ code: 'unknown-region', field: 'reporter.region' }),
    );
  });

  it('CETS deductions larger than the clinker CO2', () => {
    const r = account(
      doc('cn-cement-cets-2024', [
        // 10 t × 0.535 = 5.35 t clinker CO2 (methods.md §2.2); 100 t carbide slag × 0.480 = 48 t deduction
        { id: 'cli', kind: 'clinker', amount: '10 t', clinkerType: 'portland' },
        {
          id: 'slag',
          kind: 'non-carbonate-raw-material',
          material: 'carbide-slag',
          amount: '100 t',
        },
      ]),
      factors,
    );
    expect(r.warnings).toContainEqual(
      expect.objectContaining({ code: 'process-below-zero', line: 'cli' }),
    );
    expect(valueIn(r.total, 'tCO2e')).toBeCloseTo(5.35 - 48, 9);
  });

  it('missing months of a monthly stream, named', () => {
    const months = [1, 2, 3, 5, 6, 7, 8, 9, 10, 11, 12].map((m) => ({
      id: `p${m}`,
      kind: 'electricity-purchased',
      month: m,
      amount: '10 MWh',
    }));
    const r = account(doc('cn-gbt32150-2015', months), factors);
    const w = r.warnings.find((x) => x.code === 'missing-months');
    expect(w?.message).toMatch(/month\(s\) 4 of 2023/);
    expect(Object.keys(r.byMonth)).toHaveLength(11);
  });
});

describe('method rules', () => {
  it('biomass CO2 is reported separately and kept out of totals', () => {
    // 1000 t × 20 GJ/t × 0.08 tCO2/GJ × 100 % = 1600 tCO2; β = 50 % → 800 fossil + 800 biomass.
    const r = account(
      doc('cn-cement-2015', [
        {
          id: 'af',
          kind: 'alternative-fuel',
          fuel: 'RDF',
          amount: '1000 t',
          ncv: '20 GJ/t',
          ef: '0.08 tCO2/GJ',
          biomassFraction: '50 %',
        },
      ]),
      factors,
    );
    expect(valueIn(r.total, 'tCO2e')).toBeCloseTo(800, 9);
    expect(valueIn(r.biomassCO2, 'tCO2')).toBeCloseTo(800, 9);
    expect(r.memo).toContainEqual(expect.objectContaining({ line: 'af' }));
  });

  it('exported electricity is deducted by the Chinese methods and a memo item under the GHG Protocol', () => {
    const lines = [
      { id: 'in', kind: 'electricity-purchased', amount: '100 MWh' },
      { id: 'out', kind: 'electricity-exported', amount: '10 MWh' },
    ];
    // 2023 national 0.5306 (methods.md §3): 100 × 0.5306 = 53.06; 10 × 0.5306 = 5.306
    expect(valueIn(account(doc('cn-gbt32150-2015', lines), factors).total, 'tCO2e')).toBeCloseTo(
      53.06 - 5.306,
      9,
    );
    const g = account(doc('ghg-protocol', lines), factors);
    expect(valueIn(g.total, 'tCO2e')).toBeCloseTo(53.06, 9);
    expect(line(g, 'out').treatment).toBe('memo');
  });

  it('GHG Protocol Scope 2: location- and market-based, with the chosen one in the total', () => {
    const lines = [
      {
        id: 'p',
        kind: 'electricity-purchased',
        amount: '100 MWh',
        contracts: [{ instrument: 'green-certificate', amount: '40 MWh' }],
      },
    ];
    // location 100 × 0.5306 = 53.06; market 40 × 0 + 60 × 0.7 (residual mix) = 42
    const r = account(
      doc('ghg-protocol', lines, {
        options: { residualMix: '0.7 tCO2/MWh', scope2Total: 'market' },
      }),
      factors,
    );
    expect(valueIn(r.scope2!.locationBased, 'tCO2e')).toBeCloseTo(53.06, 9);
    expect(valueIn(r.scope2!.marketBased, 'tCO2e')).toBeCloseTo(42, 9);
    expect(valueIn(r.total, 'tCO2e')).toBeCloseTo(42, 9);
    expect(t(r, 'p')).toBeCloseTo(42, 9);
    expect(valueIn(line(r, 'p').explanation.result, 'tCO2e')).toBeCloseTo(42, 9);
    // Chinese methods ignore the certificates, with a warning.
    const cn = account(doc('cn-gbt32150-2015', lines), factors);
    expect(valueIn(cn.total, 'tCO2e')).toBeCloseTo(53.06, 9);
    expect(codes(cn)).toContain('contracts-ignored');
  });

  it('CCUS is deducted only where the method allows it', () => {
    // 100 × 10^4 Nm3 × 99 % × 19.77 tCO2/10^4 Nm3 = 1957.23 t
    const capture = (destination: string) => [
      { id: 'coal', kind: 'fuel-combustion', fuel: 'bituminous-coal', amount: '10000 t' },
      { id: 'cc', kind: 'ccus', amount: '100 万Nm3', purity: '99 %', destination },
    ];
    const outside = account(doc('cn-gbt32150-2015', capture('used-outside')), factors);
    expect(t(outside, 'cc')).toBeCloseTo(-1957.23, 6);
    expect(
      line(account(doc('cn-gbt32150-2015', capture('used-inside')), factors), 'cc').treatment,
    ).toBe('memo');
    expect(
      line(account(doc('cn-cement-2015', capture('geological-storage')), factors), 'cc').treatment,
    ).toBe('memo');
    expect(
      line(account(doc('ghg-protocol', capture('used-outside')), factors), 'cc').treatment,
    ).toBe('memo');
    expect(
      t(account(doc('ghg-protocol', capture('geological-storage')), factors), 'cc'),
    ).toBeCloseTo(-1957.23, 6);
  });

  it('CETS reports the clinker-production boundary beside the enterprise', () => {
    const r = account(
      doc('cn-cement-cets-2024', [
        { id: 'cli', kind: 'clinker', amount: '1000 t', clinkerType: 'white-portland' },
        {
          id: 'truck',
          kind: 'fuel-combustion',
          fuel: 'diesel',
          amount: '1 t',
          inClinkerBoundary: false,
        },
        { id: 'p', kind: 'electricity-purchased', amount: '100 MWh' },
      ]),
      factors,
    );
    // white Portland 0.550 (methods.md §2.2): 1000 × 0.550 = 550 t; diesel (A4 EF 3.096 t/t) and electricity stay outside.
    expect(valueIn(r.boundaries!.clinkerProduction, 'tCO2e')).toBeCloseTo(550, 9);
    expect(valueIn(r.boundaries!.clinkerProductionIndirect, 'tCO2e')).toBeCloseTo(53.06, 9);
    expect(valueIn(r.boundaries!.enterprise, 'tCO2e')).toBeCloseTo(550 + 53.06 + 3.0961, 3);
    expect(r.intensities.find((i) => i.id === 'per-t-clinker')?.value.unit).toBe('tCO2e/t');
  });

  it('non-CO2 gases use the GWP set and show up by gas', () => {
    // 10 t CH4 × 28 (AR5) = 280 tCO2e
    const r = account(
      doc('cn-gbt32150-2015', [{ id: 'm', kind: 'non-co2', gas: 'CH4', amount: '10 t' }]),
      factors,
    );
    expect(valueIn(r.byGas.CH4!, 'tCO2e')).toBeCloseTo(280, 9);
  });

  it('steam is converted with its enthalpy', () => {
    // 1000 t × (2800 − 83.74) kJ/kg = 2716.26 GJ; × 0.11 = 298.7886 t
    const r = account(
      doc('cn-gbt32150-2015', [
        { id: 's', kind: 'heat-purchased', amount: '1000 t', enthalpy: '2800 kJ/kg' },
      ]),
      factors,
    );
    expect(t(r, 's')).toBeCloseTo(298.7886, 6);
  });
});

describe('explanations', () => {
  it('exist for every total, breakdown, intensity and energy figure, with the same value', () => {
    const r = account(
      doc(
        'cn-cement-2015',
        [
          {
            id: 'coal',
            kind: 'fuel-combustion',
            fuel: 'bituminous-coal',
            amount: '1000 t',
            month: 1,
          },
          { id: 'cli', kind: 'clinker', amount: '5000 t', cao: '65 %', mgo: '2 %' },
          { id: 'p', kind: 'electricity-purchased', amount: '300 MWh' },
        ],
        { production: { cement: '7000 t' } },
      ),
      factors,
    );
    const explained = (subject: string) => r.totals.find((x) => x.subject === subject)?.result;
    expect(explained('total')).toEqual(r.total);
    for (const [name, by] of [
      ['scope', r.byScope],
      ['kind', r.byKind],
      ['gas', r.byGas],
      ['facility', r.byFacility],
      ['month', r.byMonth],
    ] as const) {
      for (const [key, value] of Object.entries(by)) {
        expect(explained(name === 'scope' ? `total:${key}` : `total:${name}:${key}`)).toEqual(
          value,
        );
      }
    }
    for (const i of r.intensities) expect(explained(`intensity:${i.id}`)).toEqual(i.value);
    expect(explained('energy:calorific')).toEqual(r.energy.calorific);
    // every line has a derivation with a formula and at least one step
    for (const l of r.lines) expect(l.explanation.steps.length).toBeGreaterThan(0);
  });

  it('cite each factor as id@version with source and verification, and mark measured vs default', () => {
    const r = account(
      doc('cn-gbt32150-2015', [
        {
          id: 'coal',
          kind: 'fuel-combustion',
          fuel: 'bituminous-coal',
          amount: '100 t',
          oxidation: '90 %',
        },
      ]),
      factors,
    );
    const e = line(r, 'coal').explanation;
    expect(e.factors.map((f) => f.ref)).toEqual([
      'cn-gbt32151-2024-fuels/bituminous-coal.ncv@test.1',
      'cn-gbt32151-2024-fuels/bituminous-coal.cc@test.1',
    ]);
    expect(e.factors[0]!.source.document).toContain('32151');
    expect(e.factors[0]!.verification).toBe('secondary');
    expect(e.factors[0]!.reasons.length).toBeGreaterThan(0);
    expect(e.inputs.find((i) => i.symbol === 'OF')).toMatchObject({
      origin: 'measured',
      field: 'oxidation',
    });
    expect(e.inputs.find((i) => i.symbol === 'NCV')).toMatchObject({ origin: 'default' });
    expect(e.formula.citation.standard).toBe('GB/T 32150-2015');
    const text = renderExplanation(e);
    expect(text).toContain('bituminous-coal.ncv@test.1');
    expect(text).toContain('实测 measured');
    // and the total explains itself as the sum of its lines
    expect(r.totals.find((x) => x.subject === 'total')?.inputs.map((i) => i.symbol)).toEqual([
      'coal',
    ]);
  });
});
