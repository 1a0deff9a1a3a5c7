import { LINE_KINDS, type LineKind } from '@carbonbase/engine';

/**
 * Line kinds the batch accepts: every kind of `carbonbase.inventory/v1`. Which of them the kernel
 * calculates in columns and which go through the per-document engine inside the batch is decided
 * per combination (`planBatch`, and the coverage table in docs/benchmarks.md).
 */
export const BATCH_KINDS: readonly LineKind[] = LINE_KINDS;
export type BatchKind = LineKind;

/**
 * Per-row values a line may give in place of a factor-base default (or must give, such as a
 * biomass share), by the line field the engine reads them from.
 */
export const ROW_PARAMETERS = [
  'ncv',
  'carbonContent',
  'oxidation',
  'ef',
  'biomassFraction',
  'cao',
  'mgo',
  'caoNonCarbonate',
  'mgoNonCarbonate',
  'deduction',
  'calcination',
  'clinkerEf',
  'toc',
  'factor',
  'purity',
  'enthalpy',
] as const;
export type RowParameter = (typeof ROW_PARAMETERS)[number];

/** One per-row parameter: `value[i]` in `units[unit[i]]`, NaN where row i does not give it. */
export interface ParameterColumn {
  readonly value: Float64Array;
  readonly unit: Uint8Array;
}

/**
 * The line field the `code` column fills, by kind (fuel, material, gas …); undefined for kinds
 * without one. An empty code leaves an optional field out (a clinker line without clinkerType).
 */
export const SUBJECT_FIELD: Readonly<Record<LineKind, string | undefined>> = {
  'fuel-combustion': 'fuel',
  'alternative-fuel': 'fuel',
  clinker: 'clinkerType',
  'non-carbonate-raw-material': 'material',
  'kiln-dust': 'dustType',
  'raw-meal-organic-carbon': undefined,
  'process-emission': 'process',
  'electricity-purchased': undefined,
  'electricity-exported': undefined,
  'electricity-generated': 'source',
  'heat-purchased': undefined,
  'heat-exported': undefined,
  ccus: 'destination',
  'non-co2': 'gas',
  spend: 'category',
};

/** Document fields an enterprise may carry beside its lines. */
export const DOCUMENT_EXTRA_FIELDS = ['options', 'facilities', 'production'] as const;
export type DocumentExtras = Partial<
  Record<(typeof DOCUMENT_EXTRA_FIELDS)[number], Readonly<Record<string, unknown>> | unknown[]>
>;
/** Line fields the columns themselves fill: an extra field may not repeat them. */
const COLUMN_FIELDS = new Set(['id', 'kind', 'month', 'amount', ...ROW_PARAMETERS]);

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
  /** Subjects of the rows (fuel, material, gas, category …, see SUBJECT_FIELD); unused by kinds without one. */
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
  /** Measured or given per-row values (NCV, carbon content, CaO …), each with its unit per row. */
  readonly parameters?: Partial<Record<RowParameter, ParameterColumn>>;
  /**
   * Line fields that have no column (contracts, facility, inClinkerBoundary, enthalpy-free steam
   * notes …) for a few rows, by input row. The enterprise-years of these rows are accounted by the
   * per-document engine inside the batch.
   */
  readonly lineExtras?: ReadonlyMap<number, Readonly<Record<string, unknown>>>;
  /**
   * Inventory options, facilities and production figures by enterprise. Its enterprise-years are
   * accounted by the per-document engine inside the batch.
   */
  readonly documentExtras?: ReadonlyMap<number, DocumentExtras>;
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
  /**
   * Parameter signature of each row, an index into `variants`; absent when the input has no
   * parameter columns (every row then has variant 0, no parameter given).
   */
  readonly variant?: Uint16Array;
  /** Per variant: the parameters given and the index of their unit in `units`. */
  readonly variants: readonly (readonly Readonly<{ parameter: RowParameter; unit: number }>[])[];
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
  for (const [name, p] of Object.entries(c.parameters ?? {})) {
    if (!(ROW_PARAMETERS as readonly string[]).includes(name))
      problems.push(`未知参数列 parameter column "${name}" (${ROW_PARAMETERS.join(', ')})`);
    else if (p.value.length !== rows || p.unit.length !== rows)
      problems.push(`列长度不一 parameter column ${name} does not have ${rows} rows`);
  }
  if (c.enterpriseRegion.length !== c.enterpriseIds.length)
    problems.push('enterpriseRegion and enterpriseIds differ in length');
  for (const k of c.kinds) {
    if (!(BATCH_KINDS as readonly string[]).includes(k))
      problems.push(
        `未知类型 kind "${k as string}" is not a line kind (${BATCH_KINDS.join(', ')})`,
      );
  }
  for (const [row, extra] of c.lineExtras ?? []) {
    if (!(row >= 0 && row < rows)) problems.push(`lineExtras: row ${row} out of range`);
    for (const f of Object.keys(extra))
      if (COLUMN_FIELDS.has(f)) problems.push(`lineExtras row ${row}: "${f}" has its own column`);
  }
  for (const [e, extra] of c.documentExtras ?? []) {
    if (!(e >= 0 && e < c.enterpriseIds.length))
      problems.push(`documentExtras: enterprise ${e} out of range`);
    for (const f of Object.keys(extra))
      if (!(DOCUMENT_EXTRA_FIELDS as readonly string[]).includes(f))
        problems.push(
          `documentExtras enterprise ${e}: "${f}" is not one of ${DOCUMENT_EXTRA_FIELDS.join(', ')}`,
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
  for (const [name, p] of Object.entries(c.parameters ?? {})) {
    for (let i = 0; i < rows && problems.length < 50; i++) {
      const v = p.value[i]!;
      // NaN means "not given"; an infinite value is a data error.
      if (v === Infinity || v === -Infinity) problems.push(`row ${i}: ${name} is not finite`);
      else if (v === v && p.unit[i]! >= c.units.length)
        problems.push(`row ${i}: ${name} unit index out of range`);
    }
  }
  return problems;
}

/**
 * The parameter signature of every row: which parameters it gives and in which units. Rows with
 * one signature share their arithmetic (the unit multipliers depend on the units), so the
 * signature is part of a plan's key. Variant 0 gives none.
 */
function variantsOf(c: ActivityColumns): Pick<PreparedBatch, 'variant' | 'variants'> {
  const present = ROW_PARAMETERS.filter((p) => c.parameters?.[p]);
  const variants: { parameter: RowParameter; unit: number }[][] = [[]];
  if (!present.length) return { variants };
  const columns = present.map((p) => c.parameters![p]!);
  const n = c.amount.length;
  const variant = new Uint16Array(n);
  const width = c.units.length + 1;
  // A trie over (parameter, unit) steps: node × parameters × width + … → next node.
  const next = new Map<number, number>();
  for (let i = 0; i < n; i++) {
    let node = 0;
    for (let j = 0; j < columns.length; j++) {
      const col = columns[j]!;
      const v = col.value[i]!;
      if (v !== v) continue;
      const edge = (node * present.length + j) * width + col.unit[i]!;
      let to = next.get(edge);
      if (to === undefined) {
        to = variants.length;
        if (to > 0xffff) throw new BatchError(['more than 65 535 parameter signatures']);
        variants.push([...variants[node]!, { parameter: present[j]!, unit: col.unit[i]! }]);
        next.set(edge, to);
      }
      node = to;
    }
    variant[i] = node;
  }
  return { variant, variants };
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
    ...(c.parameters
      ? {
          parameters: Object.fromEntries(
            Object.entries(c.parameters).map(([name, p]) => [
              name,
              { value: take(p.value), unit: take(p.unit) },
            ]),
          ),
        }
      : {}),
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
    ...variantsOf(columns),
  };
}
