import type { LineKind } from '@carbonbase/engine';

/** Line kinds the columnar path calculates: the national-scale sources (fuel, electricity, heat). */
export const BATCH_KINDS = [
  'fuel-combustion',
  'electricity-purchased',
  'electricity-exported',
  'heat-purchased',
  'heat-exported',
] as const satisfies readonly LineKind[];
export type BatchKind = (typeof BATCH_KINDS)[number];

/**
 * Activity data as columns: one entry per row in each typed array, strings kept once in
 * dictionaries. A row is one inventory line of one enterprise: `amount[i]` in `units[unit[i]]`,
 * so the unit stays explicit without a string per row. Rows of one enterprise must be contiguous
 * and in document order (`prepareBatch` regroups them stably otherwise): the batch sums in that
 * order, which is what makes its totals equal the per-document engine's bit for bit.
 */
export interface ActivityColumns {
  readonly enterpriseIds: readonly string[];
  /** Region of each enterprise (index into `regions`): the reporter region of its inventory. */
  readonly enterpriseRegion: Uint16Array;
  readonly regions: readonly string[];
  readonly kinds: readonly BatchKind[];
  /** Fuel codes of the factor base; ignored for electricity and heat rows. */
  readonly codes: readonly string[];
  readonly units: readonly string[];
  readonly enterprise: Uint32Array;
  /** Reporting year of the row (the period year of its inventory). */
  readonly year: Uint16Array;
  /** 1–12, or 0 for a whole-period figure. */
  readonly month: Uint8Array;
  readonly kind: Uint8Array;
  readonly code: Uint16Array;
  readonly unit: Uint8Array;
  readonly amount: Float64Array;
}

/** Columns checked and indexed: rows grouped by enterprise, years as a dictionary. */
export interface PreparedBatch {
  readonly columns: ActivityColumns;
  readonly rows: number;
  /** Row range [start, end) of each enterprise; start = end when it has no rows. */
  readonly start: Uint32Array;
  readonly end: Uint32Array;
  /** Distinct years, ascending; `yearIndex[year - years[0]]` is the position of a year in it. */
  readonly years: readonly number[];
  readonly yearIndex: Int32Array;
  /** Row of the input each prepared row came from, when the input had to be regrouped. */
  readonly inputRow?: Uint32Array;
}

export class BatchError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(
      `批量数据有误 batch input rejected:\n  ${problems.slice(0, 20).join('\n  ')}${problems.length > 20 ? `\n  … and ${problems.length - 20} more` : ''}`,
    );
    this.name = 'BatchError';
  }
}

const COLUMN_NAMES = ['enterprise', 'year', 'month', 'kind', 'code', 'unit', 'amount'] as const;

function check(c: ActivityColumns): string[] {
  const problems: string[] = [];
  const rows = c.amount.length;
  for (const name of COLUMN_NAMES) {
    if (c[name].length !== rows)
      problems.push(`列长度不一 column ${name} has ${c[name].length} rows, amount has ${rows}`);
  }
  if (c.enterpriseRegion.length !== c.enterpriseIds.length)
    problems.push('enterpriseRegion and enterpriseIds differ in length');
  for (const k of c.kinds) {
    if (!(BATCH_KINDS as readonly string[]).includes(k))
      problems.push(
        `不支持的类型 kind "${k as string}" is not calculated by the batch path (${BATCH_KINDS.join(', ')})`,
      );
  }
  if (problems.length) return problems;
  for (let e = 0; e < c.enterpriseRegion.length; e++) {
    if (c.enterpriseRegion[e]! >= c.regions.length)
      problems.push(`enterprise ${e}: region index out of range`);
  }
  for (let i = 0; i < rows && problems.length < 50; i++) {
    if (c.enterprise[i]! >= c.enterpriseIds.length)
      problems.push(`row ${i}: enterprise index out of range`);
    if (c.kind[i]! >= c.kinds.length) problems.push(`row ${i}: kind index out of range`);
    if (c.code[i]! >= c.codes.length) problems.push(`row ${i}: code index out of range`);
    if (c.unit[i]! >= c.units.length) problems.push(`row ${i}: unit index out of range`);
    if (c.month[i]! > 12) problems.push(`row ${i}: month ${c.month[i]} (0 = whole period, 1–12)`);
    if (c.year[i]! < 1990 || c.year[i]! > 2100)
      problems.push(`row ${i}: year ${c.year[i]} outside 1990–2100`);
    if (!Number.isFinite(c.amount[i])) problems.push(`row ${i}: amount is not a finite number`);
  }
  return problems;
}

/** Stable regrouping by enterprise (counting sort), for input whose enterprises are interleaved. */
function regroup(c: ActivityColumns): { columns: ActivityColumns; order: Uint32Array } {
  const n = c.amount.length;
  const counts = new Uint32Array(c.enterpriseIds.length + 1);
  for (let i = 0; i < n; i++) counts[c.enterprise[i]! + 1]!++;
  for (let e = 1; e < counts.length; e++) counts[e]! += counts[e - 1]!;
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[counts[c.enterprise[i]!]!++] = i;
  const take = <T extends Uint8Array | Uint16Array | Uint32Array | Float64Array>(a: T): T => {
    const out = new (a.constructor as new (n: number) => T)(n);
    for (let i = 0; i < n; i++) out[i] = a[order[i]!]!;
    return out;
  };
  const columns = {
    ...c,
    enterprise: take(c.enterprise),
    year: take(c.year),
    month: take(c.month),
    kind: take(c.kind),
    code: take(c.code),
    unit: take(c.unit),
    amount: take(c.amount),
  };
  return { columns, order };
}

/**
 * Checks the columns and indexes them. Input whose enterprises are interleaved is regrouped
 * (stably, so each enterprise keeps its row order) into new arrays.
 */
export function prepareBatch(input: ActivityColumns): PreparedBatch {
  const problems = check(input);
  if (problems.length) throw new BatchError(problems);
  const nE = input.enterpriseIds.length;
  const scan = (c: ActivityColumns) => {
    const start = new Uint32Array(nE);
    const end = new Uint32Array(nE);
    const seen = new Uint8Array(nE);
    let grouped = true;
    let minYear = 65535;
    let maxYear = 0;
    const n = c.amount.length;
    for (let i = 0; i < n;) {
      const e = c.enterprise[i]!;
      if (seen[e]) grouped = false;
      seen[e] = 1;
      start[e] = i;
      while (i < n && c.enterprise[i] === e) {
        const y = c.year[i]!;
        if (y < minYear) minYear = y;
        if (y > maxYear) maxYear = y;
        i++;
      }
      end[e] = i;
    }
    return { start, end, grouped, minYear, maxYear };
  };
  let columns = input;
  let inputRow: Uint32Array | undefined;
  let s = scan(columns);
  if (!s.grouped) {
    ({ columns, order: inputRow } = regroup(input));
    s = scan(columns);
  }
  const years: number[] = [];
  const yearIndex = new Int32Array(Math.max(0, s.maxYear - s.minYear + 1)).fill(-1);
  if (columns.amount.length) {
    const present = new Uint8Array(yearIndex.length);
    for (let i = 0; i < columns.amount.length; i++) present[columns.year[i]! - s.minYear] = 1;
    for (let k = 0; k < present.length; k++) {
      if (present[k]) {
        yearIndex[k] = years.length;
        years.push(s.minYear + k);
      }
    }
  }
  return {
    columns,
    rows: columns.amount.length,
    start: s.start,
    end: s.end,
    years,
    yearIndex,
    ...(inputRow ? { inputRow } : {}),
  };
}
