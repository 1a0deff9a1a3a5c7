import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { account, InventoryError, METHOD_SETS } from '@carbonbase/engine';
import { FactorBase } from '@carbonbase/factors';
import { valueIn } from '@carbonbase/quantity';
import {
  BatchError,
  accountBatch,
  accountBatchParallel,
  enterpriseDocument,
  enterpriseSummary,
  planWarnings,
  prepareBatch,
  recalculate,
  sourceTotals,
  type BatchResult,
} from '../src/index.js';
import {
  bundled,
  columnsOf,
  expectSameAsEngine,
  sets,
  type Row,
  type TestEnterprise,
} from './helpers.js';

/** True when the engine refuses at least one enterprise-year of the rows. */
function engineRefusesSome(r: { batch: BatchResult['batch']; method: { id: string } }): boolean {
  return r.batch.columns.enterpriseIds.some((_, e) =>
    r.batch.years.some((year) => {
      let doc: Record<string, unknown>;
      try {
        doc = enterpriseDocument(r, e, year);
      } catch {
        return false;
      }
      try {
        account(doc, bundled, { method: r.method.id });
        return false;
      } catch (err) {
        if (err instanceof InventoryError) return true;
        throw err;
      }
    }),
  );
}

type Line = Omit<Row, 'enterprise' | 'year' | 'month' | 'amount'>;
const pct = (v: number) => [v, '%'] as const;

/**
 * Line templates over every kind: default fuels, fuels with measured values (some implausible,
 * so that refusals are compared too), cement process lines, CCUS, non-CO2, spend, on-site
 * generation, and kinds that go to the engine (alternative fuel, kiln dust, steam, contracts).
 */
const lineArb: fc.Arbitrary<Line> = fc.oneof(
  fc.constantFrom<Line>(
    { kind: 'fuel-combustion', code: 'bituminous-coal', unit: 't' },
    { kind: 'fuel-combustion', code: 'natural-gas', unit: 'Nm3' },
    { kind: 'fuel-combustion', code: 'diesel', unit: 'kg' },
    { kind: 'fuel-combustion', code: 'coke', unit: 'GJ' },
    { kind: 'electricity-purchased', code: '', unit: 'MWh' },
    { kind: 'electricity-exported', code: '', unit: 'kWh' },
    { kind: 'heat-purchased', code: '', unit: 'GJ' },
    { kind: 'heat-exported', code: '', unit: 'GJ' },
    { kind: 'electricity-generated', code: 'solar', unit: 'MWh' },
  ),
  fc
    .record({
      fuel: fc.constantFrom(['bituminous-coal', 't'], ['natural-gas', '万Nm3'], ['coke', 'GJ']),
      ncv: fc.option(fc.double({ min: 14, max: 32, noNaN: true }), { nil: undefined }),
      ncvInMJ: fc.boolean(),
      cc: fc.option(
        fc.oneof(
          { weight: 19, arbitrary: fc.double({ min: 15, max: 30, noNaN: true }) },
          // The A4 unit trap: 10^-2 read as 10^-3 tC/GJ, refused by the engine.
          { weight: 1, arbitrary: fc.constant(261) },
        ),
        { nil: undefined },
      ),
      of: fc.option(
        fc.oneof(
          { weight: 19, arbitrary: fc.double({ min: 80, max: 100, noNaN: true }) },
          { weight: 1, arbitrary: fc.constant(0) },
        ),
        { nil: undefined },
      ),
    })
    .map(({ fuel, ncv, ncvInMJ, cc, of }): Line => {
      const [code, unit]: readonly [string, string] = fuel;
      const gas = unit === '万Nm3';
      const params: Row['params'] = {
        ...(ncv !== undefined
          ? {
              ncv: gas
                ? ([ncv * 18, 'GJ/万Nm3'] as const)
                : ([ncv, ncvInMJ ? 'MJ/kg' : 'GJ/t'] as const),
            }
          : {}),
        ...(cc !== undefined ? { carbonContent: [cc, 'tC/TJ'] as const } : {}),
        ...(of !== undefined ? { oxidation: pct(of) } : {}),
      };
      return { kind: 'fuel-combustion', code, unit, params };
    }),
  fc
    .record({
      type: fc.constantFrom('', 'portland', 'white-portland'),
      measured: fc.oneof(
        { weight: 9, arbitrary: fc.constant(true) },
        { weight: 1, arbitrary: fc.constant(false) },
      ),
      cao: fc.double({ min: 58, max: 72, noNaN: true }),
      mgo: fc.double({ min: 0.5, max: 4, noNaN: true }),
      nc: fc.option(fc.double({ min: 0, max: 1.5, noNaN: true }), { nil: undefined }),
      unit: fc.constantFrom('t', '万t'),
    })
    .map(({ type, measured, cao, mgo, nc, unit }): Line => ({
      kind: 'clinker',
      code: type,
      unit,
      params: measured
        ? {
            cao: pct(cao),
            mgo: pct(mgo),
            ...(nc !== undefined
              ? { caoNonCarbonate: pct(nc), mgoNonCarbonate: [nc * 10, '‰'] as const }
              : {}),
          }
        : {},
    })),
  fc
    .record({
      toc: fc.option(fc.double({ min: 0.05, max: 0.4, noNaN: true }), { nil: undefined }),
      material: fc.constantFrom('carbide-slag', 'steel-slag'),
      deduction: fc.option(fc.double({ min: 0.1, max: 0.6, noNaN: true }), { nil: undefined }),
      pick: fc.nat({ max: 1 }),
    })
    .map(({ toc, material, deduction, pick }): Line =>
      pick === 0
        ? {
            kind: 'raw-meal-organic-carbon',
            code: '',
            unit: 't',
            params: toc !== undefined ? { toc: pct(toc) } : {},
          }
        : {
            kind: 'non-carbonate-raw-material',
            code: material,
            unit: 't',
            params: deduction !== undefined ? { deduction: [deduction, 'tCO2/t'] } : {},
          },
    ),
  fc
    .record({
      pick: fc.nat({ max: 4 }),
      destination: fc.constantFrom('geological-storage', 'used-outside', 'used-inside'),
      purity: fc.oneof(
        { weight: 19, arbitrary: fc.double({ min: 90, max: 100, noNaN: true }) },
        { weight: 1, arbitrary: fc.constant(120) },
      ),
      gas: fc.constantFrom('CH4', 'N2O'),
      factor: fc.double({ min: 0.0001, max: 0.01, noNaN: true }),
    })
    .map(({ pick, destination, purity, gas, factor }): Line => {
      switch (pick) {
        case 0:
          return { kind: 'ccus', code: destination, unit: 'tCO2' };
        case 1:
          return {
            kind: 'ccus',
            code: destination,
            unit: '万Nm3',
            params: { purity: pct(purity) },
          };
        case 2:
          return { kind: 'non-co2', code: gas, unit: gas === 'CH4' ? 't' : 'kg' };
        case 3:
          return {
            kind: 'spend',
            code: 'cement-raw-materials',
            unit: 'CNY',
            params: { factor: [factor, 'tCO2e/万CNY'] },
          };
        default:
          return {
            kind: 'process-emission',
            code: 'glass',
            unit: 't',
            params: { factor: [factor * 50, 'tCO2/t'] },
          };
      }
    }),
  // Kinds and fields that go to the engine inside the batch.
  fc.constantFrom<Line>(
    {
      kind: 'alternative-fuel',
      code: 'waste-tyres',
      unit: 'GJ',
      params: { ef: [0.085, 'tCO2/GJ'], biomassFraction: pct(27) },
    },
    {
      kind: 'kiln-dust',
      code: 'ckd',
      unit: 't',
      params: { clinkerEf: [0.52, 'tCO2/t'], calcination: pct(60) },
    },
    { kind: 'heat-purchased', code: '', unit: 't', params: { enthalpy: [2780, 'kJ/kg'] } },
    {
      kind: 'electricity-purchased',
      code: '',
      unit: 'MWh',
      extra: {
        contracts: [{ instrument: 'green-certificate', amount: { value: 1, unit: 'MWh' } }],
      },
    },
  ),
);

const REGIONS = ['CN', 'CN-GX', 'CN-BJ', 'CN-XJ'];

const rowArb = (enterprises: number): fc.Arbitrary<Row> =>
  fc
    .record({
      line: lineArb,
      enterprise: fc.nat({ max: enterprises - 1 }),
      year: fc.constantFrom(2022, 2023),
      month: fc.nat({ max: 12 }),
      amount: fc.oneof(
        fc.double({ min: 0, max: 1e6, noNaN: true }),
        fc.integer({ min: 0, max: 1e6 }).map((v) => v / 1000),
      ),
    })
    .map(({ line, enterprise, year, month, amount }) => ({
      ...line,
      enterprise,
      year,
      month,
      amount,
    }));

const inventoryArb = fc.integer({ min: 1, max: 4 }).chain((n) =>
  fc.record({
    enterprises: fc.array(
      fc.record({
        region: fc.constantFrom(...REGIONS),
        // Inventory options send an enterprise to the engine.
        options: fc.option(
          fc.constantFrom({ gwp: 'AR6' }, { scope2Total: 'market' }, { gridBasis: 'fossil' }),
          { nil: undefined, freq: 8 },
        ),
      }),
      { minLength: n, maxLength: n },
    ),
    rows: fc.array(rowArb(n), { minLength: 1, maxLength: 25 }),
    method: fc.constantFrom(...METHOD_SETS.map((m) => m.id)),
  }),
);

const enterprisesOf = (list: readonly { region: string; options?: object | undefined }[]) =>
  list.map((e, i): TestEnterprise => ({
    id: `E${i}`,
    region: e.region,
    ...(e.options ? { extras: { options: e.options as Record<string, unknown> } } : {}),
  }));

describe('batch path over every kind = per-document engine', () => {
  it('agrees exactly, or refuses exactly when the engine refuses, under every method set', () => {
    let compared = 0;
    let refused = 0;
    fc.assert(
      fc.property(inventoryArb, ({ enterprises, rows, method }) => {
        const columns = columnsOf(enterprisesOf(enterprises), rows);
        let r: BatchResult;
        try {
          r = accountBatch(columns, bundled, { method, partitionRows: 5 });
        } catch (e) {
          if (!(e instanceof BatchError)) throw e;
          // The batch refuses only what the engine refuses.
          expect(engineRefusesSome({ batch: prepareBatch(columns), method: { id: method } })).toBe(
            true,
          );
          refused++;
          return;
        }
        expect(expectSameAsEngine(r)).toBeGreaterThan(0);
        const { report } = r;
        expect(report.chainRows + report.rowRows + report.engineRows).toBe(report.rows);
        compared++;
      }),
      { numRuns: 150 },
    );
    // Both outcomes must actually have been exercised.
    expect(compared).toBeGreaterThan(50);
    expect(refused).toBeGreaterThan(0);
  });
});

describe('rows with their own values', () => {
  const one = (lines: Omit<Row, 'enterprise' | 'year'>[], method = 'cn-gbt32150-2015') =>
    accountBatch(
      columnsOf(
        [{ id: 'A', region: 'CN-GX' }],
        lines.map((l) => ({ ...l, enterprise: 0, year: 2023 })),
      ),
      bundled,
      { method },
    );

  it('fuel with measured NCV, carbon content and oxidation: E = FC × NCV × CC × OF × 44/12', () => {
    const r = one([
      {
        month: 1,
        kind: 'fuel-combustion',
        code: 'bituminous-coal',
        unit: 't',
        amount: 1000,
        params: { ncv: [21.5, 'GJ/t'], carbonContent: [26.2, 'tC/TJ'], oxidation: [95, '%'] },
      },
    ]);
    // 1000 t × 21.5 GJ/t × 0.0262 tC/GJ × 0.95 × 44/12, computed by hand: 1 962.233… t.
    expect(valueIn(enterpriseSummary(r, 0, 2023).total, 'tCO2e')).toBeCloseTo(
      (1000 * 21.5 * 0.0262 * 0.95 * 44) / 12,
      9,
    );
    expect(r.report).toMatchObject({ rows: 1, rowRows: 1, chainRows: 0, engineRows: 0 });
    expect(r.plan.plans[0]).toMatchObject({
      mode: 'row',
      parameters: ['ncv GJ/t', 'carbonContent tC/TJ', 'oxidation %'],
    });
  });

  it('clinker by the output method: E = Q × [(CaO − CaO_nc) × 44/56 + (MgO − MgO_nc) × 44/40]', () => {
    const r = one(
      [
        {
          month: 0,
          kind: 'clinker',
          code: '',
          unit: '万t',
          amount: 100,
          params: { cao: [65, '%'], mgo: [2, '%'] },
        },
      ],
      'cn-cement-2015',
    );
    // 1 000 000 t × (0.65 × 44/56 + 0.02 × 44/40) = 532 714.29 t.
    expect(valueIn(enterpriseSummary(r, 0, 2023).total, 'tCO2e')).toBeCloseTo(
      1e6 * (0.65 * (44 / 56) + 0.02 * (44 / 40)),
      6,
    );
  });

  it('counts warnings on measured values per row and names the row the engine would refuse', () => {
    const coal = (amount: number, ncv: number, cc = 26): Omit<Row, 'enterprise' | 'year'> => ({
      month: 1,
      kind: 'fuel-combustion',
      code: 'bituminous-coal',
      unit: 't',
      amount,
      params: { ncv: [ncv, 'GJ/t'], carbonContent: [cc, 'tC/TJ'] },
    });
    const r = one([coal(1, 35), coal(2, 36), coal(3, 20)]);
    const far = planWarnings(r).find((w) => w.message.includes('measured NCV'));
    expect(far?.rows).toBe(2);
    expect(() => one([coal(1, 20), coal(2, 20, 2.6)])).toThrow(BatchError);
    expect(() => one([coal(1, 20), coal(2, 20, 2.6)])).toThrow(
      /row 1 .*carbonContent.*implausible/,
    );
  });
});

describe('the engine inside the batch', () => {
  it('accounts alternative fuels, kiln dust, steam, contracts and inventory options, and counts them', () => {
    const rows: Row[] = [
      {
        enterprise: 0,
        year: 2023,
        month: 1,
        kind: 'fuel-combustion',
        code: 'diesel',
        unit: 't',
        amount: 10,
      },
      {
        enterprise: 0,
        year: 2023,
        month: 1,
        kind: 'alternative-fuel',
        code: 'waste-tyres',
        unit: 'GJ',
        amount: 5000,
        params: { ef: [0.085, 'tCO2/GJ'], biomassFraction: [27, '%'] },
      },
      {
        enterprise: 1,
        year: 2023,
        month: 2,
        kind: 'electricity-purchased',
        code: '',
        unit: 'MWh',
        amount: 100,
      },
      {
        enterprise: 2,
        year: 2023,
        month: 2,
        kind: 'electricity-purchased',
        code: '',
        unit: 'MWh',
        amount: 100,
      },
    ];
    const r = accountBatch(
      columnsOf(
        [
          { id: 'A', region: 'CN-GX' },
          { id: 'B', region: 'CN-GX', extras: { options: { gridBasis: 'fossil' } } },
          { id: 'C', region: 'CN-GX' },
        ],
        rows,
      ),
      bundled,
      { method: 'cn-gbt32150-2015' },
    );
    expect(r.report).toMatchObject({
      rows: 4,
      chainRows: 1,
      engineRows: 3,
      engineEnterpriseYears: 2,
    });
    expect(Object.values(r.report.engineReasons)).toEqual([1, 1]);
    // The alternative fuel's fossil part: 5000 GJ × 0.085 × (1 − 27 %) = 310.25 t, with the diesel.
    const a = enterpriseSummary(r, 0, 2023);
    expect(valueIn(a.byKind['alternative-fuel']!, 'tCO2e')).toBeCloseTo(5000 * 0.085 * 0.73, 9);
    expect(enterpriseSummary(r, 1, 2023).total.value).not.toBe(
      enterpriseSummary(r, 2, 2023).total.value,
    );
    expect(expectSameAsEngine(r)).toBe(3);
  });
});

describe('mixed batches on worker threads and after a factor revision', () => {
  const enterprises = Array.from({ length: 30 }, (_, i) => ({
    id: `E${i}`,
    region: REGIONS[i % 4]!,
  }));
  const rows = fc
    .sample(rowArb(30), { numRuns: 1500, seed: 11 })
    // Valid values only: this test is about threads and revisions, not refusals.
    .filter((r) => !(r.params?.carbonContent?.[0] === 261 || r.params?.oxidation?.[0] === 0))
    .filter((r) => !(r.params?.purity?.[0] === 120))
    .filter((r) => !(r.kind === 'clinker' && !r.params?.cao))
    .filter(
      (r) => !(r.params?.mgoNonCarbonate && r.params.mgoNonCarbonate[0] / 10 > r.params.mgo![0]),
    )
    .filter((r) => !(r.extra && r.amount < 1))
    // Kinds for the engine in a third of the enterprises, so that the others stay columnar.
    .filter(
      (r) =>
        r.enterprise < 10 ||
        !(['alternative-fuel', 'kiln-dust'].includes(r.kind) || r.extra || r.params?.enthalpy),
    );
  const columns = columnsOf(enterprises, rows);

  it('give the same sums in worker threads as in this thread, bit for bit', async () => {
    const one = accountBatch(columns, bundled, { method: 'ghg-protocol', partitionRows: 40 });
    const two = await accountBatchParallel(columns, bundled, {
      method: 'ghg-protocol',
      partitionRows: 40,
      threads: 2,
    });
    expect(one.report.rowRows).toBeGreaterThan(200);
    expect(one.report.engineRows).toBeGreaterThan(200);
    expect(Array.from(two.total)).toEqual(Array.from(one.total));
    expect(Array.from(two.byMonth)).toEqual(Array.from(one.byMonth));
    expect(sourceTotals(two)).toEqual(sourceTotals(one));
    expect(expectSameAsEngine(two)).toBeGreaterThan(30);
  });

  it('recalculates rows with their own values and engine rows after a revision', () => {
    const before = accountBatch(columns, bundled, {
      method: 'cn-gbt32150-2015',
      partitionRows: 40,
    });
    // Revise the default carbon content of bituminous coal in the fuel set the method prefers.
    const revised = new FactorBase(
      sets.map((s) => ({
        ...s,
        records: s.records.map((r) =>
          r.code === 'bituminous-coal' && r.parameter === 'carbon-content'
            ? { ...r, value: { ...r.value, value: r.value.value * 1.01 } }
            : r,
        ),
      })),
    );
    const re = recalculate(before, revised);
    const fresh = accountBatch(columns, revised, { method: 'cn-gbt32150-2015', partitionRows: 40 });
    expect(re.affected).toBeGreaterThan(0);
    expect(Array.from(re.result.total)).toEqual(Array.from(fresh.total));
    expect(Array.from(re.result.byMonth)).toEqual(Array.from(fresh.byMonth));
    expect(sourceTotals(re.result)).toEqual(sourceTotals(fresh));
    expect(expectSameAsEngine(re.result, revised)).toBeGreaterThan(30);
  });
});
