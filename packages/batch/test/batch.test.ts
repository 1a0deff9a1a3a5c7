import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { METHOD_SETS } from '@carbonbase/engine';
import { FactorBase } from '@carbonbase/factors';
import { valueIn } from '@carbonbase/quantity';
import {
  BatchError,
  accountBatch,
  accountBatchParallel,
  enterpriseSummary,
  explainEnterprise,
  recalculate,
  sourceTotals,
} from '../src/index.js';
import { bundled, columnsOf, expectSameAsEngine, sets, type Row } from './helpers.js';

const FUELS: readonly [string, string][] = [
  ['bituminous-coal', 't'],
  ['bituminous-coal', 'kg'],
  ['diesel', 't'],
  ['natural-gas', '万Nm3'],
  ['natural-gas', 'Nm3'],
  ['coke', 'GJ'],
  ['lpg', 't'],
];
const REGIONS = ['CN', 'CN-GX', 'CN-BJ', 'CN-XJ', 'CN-GD'];

const rowArb = (enterprises: number): fc.Arbitrary<Row> =>
  fc
    .record({
      enterprise: fc.nat({ max: enterprises - 1 }),
      year: fc.constantFrom(2022, 2023),
      month: fc.nat({ max: 12 }),
      pick: fc.nat({ max: 11 }),
      amount: fc.oneof(
        fc.double({ min: 0, max: 1e7, noNaN: true }),
        fc.integer({ min: 0, max: 1e6 }).map((v) => v / 1000),
      ),
    })
    .map(({ enterprise, year, month, pick, amount }) => {
      const base = { enterprise, year, month, amount, code: 'bituminous-coal' };
      if (pick < FUELS.length) {
        const [code, unit] = FUELS[pick]!;
        return { ...base, kind: 'fuel-combustion', code, unit };
      }
      const rest: [Row['kind'], string][] = [
        ['electricity-purchased', 'MWh'],
        ['electricity-purchased', 'kWh'],
        ['electricity-exported', 'MWh'],
        ['heat-purchased', 'GJ'],
        ['heat-exported', 'GJ'],
      ];
      const [kind, unit] = rest[pick - FUELS.length]!;
      return { ...base, kind, unit };
    });

const inventoryArb = fc.integer({ min: 1, max: 4 }).chain((n) =>
  fc.record({
    regions: fc.array(fc.constantFrom(...REGIONS), { minLength: n, maxLength: n }),
    rows: fc.array(rowArb(n), { minLength: 1, maxLength: 30 }),
    method: fc.constantFrom(...METHOD_SETS.map((m) => m.id)),
  }),
);

describe('batch path = per-document engine', () => {
  it('agrees exactly on random inventories, under every method set', () => {
    fc.assert(
      fc.property(inventoryArb, ({ regions, rows, method }) => {
        const enterprises = regions.map((region, i) => ({ id: `E${i}`, region }));
        // Interleaved rows are regrouped by enterprise, keeping each enterprise's order.
        const r = accountBatch(columnsOf(enterprises, rows), bundled, { method, partitionRows: 7 });
        expect(expectSameAsEngine(r)).toBeGreaterThan(0);
      }),
      { numRuns: 60 },
    );
  });

  it('a worked case: A4 + A5 of methods.md §11 (GB/T 32150, national grid 2023)', () => {
    const rows: Row[] = [
      {
        enterprise: 0,
        year: 2023,
        month: 0,
        kind: 'fuel-combustion',
        code: 'bituminous-coal',
        unit: 't',
        amount: 150000,
      },
      {
        enterprise: 0,
        year: 2023,
        month: 0,
        kind: 'fuel-combustion',
        code: 'diesel',
        unit: 't',
        amount: 500,
      },
      {
        enterprise: 0,
        year: 2023,
        month: 0,
        kind: 'fuel-combustion',
        code: 'natural-gas',
        unit: '万Nm3',
        amount: 300,
      },
      {
        enterprise: 0,
        year: 2023,
        month: 0,
        kind: 'electricity-purchased',
        code: '',
        unit: 'MWh',
        amount: 120000,
      },
      {
        enterprise: 0,
        year: 2023,
        month: 0,
        kind: 'electricity-exported',
        code: '',
        unit: 'MWh',
        amount: 10000,
      },
      {
        enterprise: 0,
        year: 2023,
        month: 0,
        kind: 'heat-purchased',
        code: '',
        unit: 'GJ',
        amount: 200000,
      },
    ];
    const r = accountBatch(columnsOf([{ id: 'A', region: 'CN' }], rows), bundled, {
      method: 'cn-gbt32150-2015',
    });
    const s = enterpriseSummary(r, 0, 2023);
    // A4: 269 297.0 t from fuels; A5: 63 672 − 5 306 + 22 000 = 80 366 t (0.5306 tCO2/MWh, 0.11 tCO2/GJ).
    expect(valueIn(s.total, 'tCO2e')).toBeCloseTo(269297.0 + 80366, 0);
    expect(valueIn(s.byScope['exported']!, 'tCO2e')).toBeCloseTo(-5306, 6);
    expect(valueIn(sourceTotals(r)['heat-purchased']!, 'tCO2e')).toBeCloseTo(22000, 6);
  });

  it('explains an enterprise on demand with line ids pointing at rows', () => {
    const rows: Row[] = [
      {
        enterprise: 1,
        year: 2023,
        month: 3,
        kind: 'fuel-combustion',
        code: 'diesel',
        unit: 't',
        amount: 10,
      },
      {
        enterprise: 0,
        year: 2023,
        month: 1,
        kind: 'electricity-purchased',
        code: '',
        unit: 'MWh',
        amount: 100,
      },
      {
        enterprise: 1,
        year: 2023,
        month: 4,
        kind: 'fuel-combustion',
        code: 'diesel',
        unit: 't',
        amount: 20,
      },
    ];
    const r = accountBatch(
      columnsOf(
        [
          { id: 'A', region: 'CN-GX' },
          { id: 'B', region: 'CN-GX' },
        ],
        rows,
      ),
      bundled,
      { method: 'cn-gbt32150-2015' },
    );
    const x = explainEnterprise(r, bundled, 1, 2023);
    // B's rows are interleaved with A's: regrouped, they keep their input row numbers.
    expect(x.lines.map((l) => l.id)).toEqual(['r0', 'r2']);
    expect(x.lines[0]!.explanation.factors.map((f) => f.parameter)).toContain('carbon-content');
    expect(x.total.value).toBe(enterpriseSummary(r, 1, 2023).total.value);
  });

  it('rejects what the engine rejects, naming the combination and its rows', () => {
    const rows: Row[] = [
      {
        enterprise: 0,
        year: 2023,
        month: 1,
        kind: 'fuel-combustion',
        code: 'unobtainium',
        unit: 't',
        amount: 1,
      },
      {
        enterprise: 0,
        year: 2023,
        month: 2,
        kind: 'fuel-combustion',
        code: 'unobtainium',
        unit: 't',
        amount: 2,
      },
    ];
    const run = () =>
      accountBatch(columnsOf([{ id: 'A', region: 'CN' }], rows), bundled, {
        method: 'cn-gbt32150-2015',
      });
    expect(run).toThrow(BatchError);
    expect(run).toThrow(/unobtainium.*\(2 rows\).*未知燃料/s);
  });
});

describe('worker threads', () => {
  it('give the same sums as the in-thread path, bit for bit', async () => {
    const rows = fc.sample(rowArb(40), { numRuns: 3000, seed: 7 });
    const enterprises = Array.from({ length: 40 }, (_, i) => ({
      id: `E${i}`,
      region: REGIONS[i % 5]!,
    }));
    const columns = columnsOf(enterprises, rows);
    const one = accountBatch(columns, bundled, { method: 'ghg-protocol', partitionRows: 50 });
    const two = await accountBatchParallel(columns, bundled, {
      method: 'ghg-protocol',
      partitionRows: 50,
      threads: 2,
    });
    expect(two.partitions.length).toBeGreaterThan(10);
    expect(Array.from(two.total)).toEqual(Array.from(one.total));
    expect(Array.from(two.byMonth)).toEqual(Array.from(one.byMonth));
    expect(Array.from(two.byKind)).toEqual(Array.from(one.byKind));
    expect(sourceTotals(two)).toEqual(sourceTotals(one));
    expect(expectSameAsEngine(two)).toBeGreaterThan(30);
  });
});

describe('recalculation after a factor revision', () => {
  it('recomputes only the enterprises using the revised factor and reports the differences', () => {
    const enterprises = [
      { id: 'GX-power', region: 'CN-GX' },
      { id: 'GX-coal', region: 'CN-GX' },
      { id: 'BJ-power', region: 'CN-BJ' },
    ];
    const rows: Row[] = [];
    for (let m = 1; m <= 12; m++) {
      rows.push({
        enterprise: 0,
        year: 2023,
        month: m,
        kind: 'electricity-purchased',
        code: '',
        unit: 'MWh',
        amount: 100 * m,
      });
      rows.push({
        enterprise: 1,
        year: 2023,
        month: m,
        kind: 'fuel-combustion',
        code: 'bituminous-coal',
        unit: 't',
        amount: 50 * m,
      });
      rows.push({
        enterprise: 2,
        year: 2023,
        month: m,
        kind: 'electricity-purchased',
        code: '',
        unit: 'MWh',
        amount: 70 * m,
      });
    }
    const columns = columnsOf(enterprises, rows);
    const before = accountBatch(columns, bundled, {
      method: 'cn-gbt32150-2015',
      partitionRows: 12,
    });
    const gx = before.plan.plans.find(
      (p) => p.kind === 'electricity-purchased' && p.region === 'CN-GX',
    )!;
    const ref = gx.factors.find((f) => f.includes('grid'))!;
    const revisedId = ref.slice(0, ref.indexOf('@'));
    const revised = new FactorBase(
      sets.map((s) => ({
        ...s,
        records: s.records.map((r) =>
          r.id === revisedId ? { ...r, value: { ...r.value, value: 0.5 } } : r,
        ),
      })),
    );
    const re = recalculate(before, revised);
    expect(re.changedPlans.map((p) => p.region)).toEqual(['CN-GX']);
    expect(re.affected).toBe(1);
    expect(re.rowsRecomputed).toBe(12);
    expect(re.differences.map((d) => d.enterprise)).toEqual(['GX-power']);
    // 1200 MWh in December at the revised 0.5 tCO2/MWh.
    expect(re.differences[0]!.months.find((m) => m.month === '2023-12')!.after.value).toBeCloseTo(
      600,
      9,
    );
    const fresh = accountBatch(columns, revised, { method: 'cn-gbt32150-2015', partitionRows: 12 });
    expect(Array.from(re.result.total)).toEqual(Array.from(fresh.total));
    expect(sourceTotals(re.result)).toEqual(sourceTotals(fresh));
    expect(Array.from(before.total)).not.toEqual(Array.from(re.result.total));
  });
});
