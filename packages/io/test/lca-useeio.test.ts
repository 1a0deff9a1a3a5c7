import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadUseeioDirectory, parseUseeioTables, IoTablesError } from '../src/lca/useeio-csv.js';
import {
  buildLeontief,
  identityDefect,
  totalRequirements,
  type LeontiefModel,
} from '@carbonbase/footprint';

const DIR = fileURLToPath(new URL('../../../../shared/data/useeio-v2.2-io-2017/', import.meta.url));

describe('USEEIO v2.2 supply–use tables → Leontief total requirements', () => {
  let model: LeontiefModel;
  let report: Awaited<ReturnType<typeof loadUseeioDirectory>>['report'];
  let columns: Float64Array[];
  let worst: number;

  beforeAll(async () => {
    const loaded = await loadUseeioDirectory(DIR, 'domestic');
    report = loaded.report;
    model = buildLeontief(loaded.tables);
    const l = totalRequirements(model);
    columns = l.columns;
    worst = l.worstResidual.relative;
  });

  it('reads the row counts of PROVENANCE.md', () => {
    expect(report).toMatchObject({
      commodities: 402,
      industries: 402,
      makeCells: 5083,
      useCells: 48_198,
      negativeUseCells: 18,
    });
    // "q and x differ from the column sums of V by BEA rounding (≤ 0.54 %)".
    expect(report.maxMakeColumnDeviation).toBeLessThanOrEqual(0.0055);
  });

  it('satisfies (I − A)·L = I to 1e-12', () => {
    expect(worst).toBeLessThan(1e-12);
    expect(identityDefect(model, columns)).toBeLessThan(1e-12);
  });

  it('gives economically sensible multipliers', () => {
    // Every column of L has its diagonal ≥ 1 (the dollar delivered, unless the sector's own use of
    // itself is negative); the domestic output
    // multiplier Σ_i L_ij of US sectors lies between 1 and about 4. L = I + A + A² + … is
    // non-negative where A is, but the domestic use table has 18 negative cells (BEA books CCC
    // payments, S00600, and some biologicals, 325414, as negative use): a negative entry of L may
    // therefore appear only in a row where A itself has a negative entry.
    const a = model.directRequirements;
    const negativeRows = new Set<number>();
    for (let j = 0; j < a.cols; j++) {
      for (let p = a.colPtr[j]!; p < a.colPtr[j + 1]!; p++)
        if (a.values[p]! < 0) negativeRows.add(a.rowIndex[p]!);
    }
    expect(negativeRows.size).toBeGreaterThan(0);
    for (const [j, col] of columns.entries()) {
      if (!negativeRows.has(j)) expect(col[j]).toBeGreaterThanOrEqual(1);
      let sum = 0;
      col.forEach((v, i) => {
        if (v < -1e-12) expect(negativeRows.has(i)).toBe(true);
        sum += v;
      });
      expect(sum).toBeGreaterThanOrEqual(1);
      expect(sum).toBeLessThan(4);
    }
  });
});

describe('USEEIO CSV parsing errors', () => {
  const ok = {
    commodities: '"Code","Code_Loc"\n"a","a/US"\n',
    industries: '"Code","Code_Loc"\n"a","a/US"\n',
    make: '"row","col","value"\n"a/US","a/US",10\n',
    use: '"row","col","value"\n"a/US","a/US",2\n',
    commodityOutput: '"code","value"\n"a/US",10\n',
    industryOutput: '"code","value"\n"a/US",10\n',
  };

  it('builds a one-sector model by hand: A = 2/10 = 0.2, L = 1/(1 − 0.2) = 1.25', () => {
    const { tables } = parseUseeioTables(ok);
    const m = buildLeontief(tables);
    expect(totalRequirements(m).columns[0]?.[0]).toBeCloseTo(1.25, 15);
  });

  it('names file and line of a bad cell', () => {
    expect(() =>
      parseUseeioTables({ ...ok, use: '"row","col","value"\n"a/US","b/US",2\n' }),
    ).toThrow(new IoTablesError('unknown sector "b/US"', 'use', 2));
    expect(() =>
      parseUseeioTables({ ...ok, make: '"row","col","value"\n"a/US","a/US",x\n' }),
    ).toThrow(/make:2/);
  });
});
