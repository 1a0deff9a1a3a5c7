import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';

/**
 * USEEIO supply–use tables as long-format CSV (shared/data/useeio-v2.2-io-2017/PROVENANCE.md):
 * `make_V_industry_x_commodity.csv`, `use_U_commodity_x_industry.csv` (or the domestic
 * `domestic_use_Ud_commodity_x_industry.csv`), `commodity_output_q.csv`, `industry_output_x.csv`,
 * `commodities.csv`, `industries.csv`. Cells are `row,col,value`, sectors named by `Code_Loc`.
 *
 * The result has the shape of @carbonbase/footprint's `SupplyUseTables` (see product-system-format.ts
 * for why the type is restated rather than imported).
 */
export interface IoTriplet {
  readonly row: number;
  readonly col: number;
  readonly value: number;
}

export interface IoTables {
  readonly commodities: readonly string[];
  readonly industries: readonly string[];
  readonly make: readonly IoTriplet[];
  readonly use: readonly IoTriplet[];
  readonly commodityOutput: Float64Array;
  readonly industryOutput: Float64Array;
  readonly currency: string;
}

export interface IoTablesReport {
  readonly commodities: number;
  readonly industries: number;
  readonly makeCells: number;
  readonly useCells: number;
  /** Negative cells (BEA records e.g. CCC payments, S00600, and some biologicals as negative use). */
  readonly negativeUseCells: number;
  /** Largest |Σ_i V[i,c] − q[c]| / q[c] over commodities with q > 0 (BEA rounding, ≤ 0.54 %). */
  readonly maxMakeColumnDeviation: number;
  /** Commodities with no make entry (imports only) and zero-output sectors. */
  readonly commoditiesWithoutMake: readonly string[];
  readonly zeroCommodityOutput: readonly string[];
  readonly zeroIndustryOutput: readonly string[];
}

export interface UseeioTexts {
  readonly commodities: string;
  readonly industries: string;
  readonly make: string;
  readonly use: string;
  readonly commodityOutput: string;
  readonly industryOutput: string;
}

export class IoTablesError extends Error {
  constructor(
    message: string,
    readonly file: string,
    readonly line?: number,
  ) {
    super(`${file}${line !== undefined ? `:${line}` : ''}: ${message}`);
    this.name = 'IoTablesError';
  }
}

type Row = Record<string, string>;

function rows(text: string, file: string, columns: readonly string[]): Row[] {
  const out = parse<Row>(text, { columns: true, skip_empty_lines: true, bom: true });
  const first = out[0];
  for (const c of columns) {
    if (first && !(c in first)) throw new IoTablesError(`missing column "${c}"`, file);
  }
  return out;
}

function number(text: string | undefined, file: string, line: number): number {
  const v = Number(text);
  if (text === undefined || text.trim() === '' || !Number.isFinite(v)) {
    throw new IoTablesError(`"${text ?? ''}" is not a number`, file, line);
  }
  return v;
}

/** Parses the six CSV texts (text in, tables and report out; no I/O). */
export function parseUseeioTables(
  t: UseeioTexts,
  currency = 'USD2017',
): { tables: IoTables; report: IoTablesReport } {
  const commodities = rows(t.commodities, 'commodities.csv', ['Code_Loc']).map(
    (r) => r['Code_Loc'] ?? '',
  );
  const industries = rows(t.industries, 'industries.csv', ['Code_Loc']).map(
    (r) => r['Code_Loc'] ?? '',
  );
  const ci = new Map(commodities.map((c, i) => [c, i]));
  const ii = new Map(industries.map((c, i) => [c, i]));
  const vector = (text: string, file: string, index: Map<string, number>): Float64Array => {
    const v = new Float64Array(index.size);
    const seen = new Set<string>();
    rows(text, file, ['code', 'value']).forEach((r, k) => {
      const i = index.get(r['code'] ?? '');
      if (i === undefined)
        throw new IoTablesError(`unknown sector "${r['code'] ?? ''}"`, file, k + 2);
      v[i] = number(r['value'], file, k + 2);
      seen.add(r['code'] ?? '');
    });
    if (seen.size !== index.size)
      throw new IoTablesError(`${index.size - seen.size} sectors have no value`, file);
    return v;
  };
  const cells = (
    text: string,
    file: string,
    rowIndex: Map<string, number>,
    colIndex: Map<string, number>,
  ): IoTriplet[] =>
    rows(text, file, ['row', 'col', 'value']).map((r, k) => {
      const row = rowIndex.get(r['row'] ?? '');
      const col = colIndex.get(r['col'] ?? '');
      if (row === undefined || col === undefined) {
        throw new IoTablesError(
          `unknown sector "${row === undefined ? r['row'] : r['col']}"`,
          file,
          k + 2,
        );
      }
      return { row, col, value: number(r['value'], file, k + 2) };
    });
  const make = cells(t.make, 'make', ii, ci);
  const use = cells(t.use, 'use', ci, ii);
  const q = vector(t.commodityOutput, 'commodity_output_q.csv', ci);
  const x = vector(t.industryOutput, 'industry_output_x.csv', ii);

  const colSum = new Float64Array(commodities.length);
  for (const e of make) colSum[e.col] = (colSum[e.col] ?? 0) + e.value;
  let dev = 0;
  const withoutMake: string[] = [];
  commodities.forEach((c, j) => {
    const qj = q[j] ?? 0;
    if ((colSum[j] ?? 0) === 0) withoutMake.push(c);
    else if (qj > 0) dev = Math.max(dev, Math.abs((colSum[j] ?? 0) - qj) / qj);
  });
  return {
    tables: { commodities, industries, make, use, commodityOutput: q, industryOutput: x, currency },
    report: {
      commodities: commodities.length,
      industries: industries.length,
      makeCells: make.length,
      useCells: use.length,
      negativeUseCells: use.filter((e) => e.value < 0).length,
      maxMakeColumnDeviation: dev,
      commoditiesWithoutMake: withoutMake,
      zeroCommodityOutput: commodities.filter((_, j) => (q[j] ?? 0) === 0),
      zeroIndustryOutput: industries.filter((_, i) => (x[i] ?? 0) === 0),
    },
  };
}

/** Reads the tables from a folder laid out as shared/data/useeio-v2.2-io-2017/. */
export async function loadUseeioDirectory(
  dir: string,
  use: 'total' | 'domestic' = 'domestic',
): Promise<{ tables: IoTables; report: IoTablesReport }> {
  const read = (f: string): Promise<string> => readFile(join(dir, f), 'utf8');
  const [commodities, industries, make, useText, commodityOutput, industryOutput] =
    await Promise.all([
      read('commodities.csv'),
      read('industries.csv'),
      read('make_V_industry_x_commodity.csv'),
      read(
        use === 'domestic'
          ? 'domestic_use_Ud_commodity_x_industry.csv'
          : 'use_U_commodity_x_industry.csv',
      ),
      read('commodity_output_q.csv'),
      read('industry_output_x.csv'),
    ]);
  return parseUseeioTables({
    commodities,
    industries,
    make,
    use: useText,
    commodityOutput,
    industryOutput,
  });
}
