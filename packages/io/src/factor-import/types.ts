import type { FactorKind, FactorSet, RowIssue, Verification } from '@carbonbase/factors';
import type { ColumnMapping, ImportField } from './fields.js';

/** One data row of a source table, numbered as the user sees it in the file. */
export interface SourceRow {
  /** CSV: line number where the record starts (header = 1). XLSX: sheet row number. */
  readonly row: number;
  /** Cell texts in header order; numbers written with `String(n)`, dates as ISO dates. */
  readonly cells: readonly string[];
}

/** A CSV file or worksheet reduced to text cells: what the pure import core works on. */
export interface SourceTable {
  /** The file name used in every issue (as the user gave it). */
  readonly file: string;
  /** Worksheet name for XLSX input. */
  readonly sheet?: string;
  readonly headers: readonly string[];
  /** Row number of the header line (1 for CSV). */
  readonly headerRow: number;
  /** Non-empty data rows. */
  readonly rows: readonly SourceRow[];
}

/** Why a row (or the whole file) was rejected; the key of `ImportReport.byReason`. */
export type ImportReasonCode =
  | 'missing-column'
  | 'missing-value'
  | 'bad-number'
  | 'unknown-unit'
  | 'bad-kind'
  | 'bad-region'
  | 'bad-year'
  | 'bad-date'
  | 'bad-verification'
  | 'bad-id'
  | 'duplicate-id'
  | 'no-co2e-total'
  /** Refused by the factor-set format's own parser (a rule the import checks did not cover). */
  | 'format-rule';

/** A RowIssue with a machine-readable reason code (the `reason` text is for people). */
export interface ImportIssue extends RowIssue {
  readonly code: ImportReasonCode;
}

/** The set-level source document: cited by rows that name no source of their own. */
export interface ImportSource {
  readonly title: string;
  readonly url?: string;
  readonly publisher?: string;
}

/** Field defaults applied when a row's cell is empty or the field is not mapped. */
export interface ImportDefaults {
  readonly kind?: FactorKind;
  readonly region?: string;
  readonly parameter?: string;
  readonly gas?: string;
  readonly basis?: string;
  readonly verification?: Verification;
}

export interface ImportOptions {
  /** Id of the set to create, `[a-z0-9][a-z0-9._-]*`. */
  readonly setId: string;
  /** ISO date (YYYY-MM-DD) of the import, given by the caller: the manifest's `released`. */
  readonly importDate: string;
  /** Set version; defaults to `importDate`. */
  readonly version?: string;
  /** Chinese and English set titles; default to the preset's or to "导入因子集 <id>". */
  readonly name?: string;
  readonly nameEn?: string;
  readonly description?: string;
  /** Who assembled the data; default: the preset's publisher, else the source title. */
  readonly publisher?: string;
  /** Licence of the data; default: the preset's (`CC-BY-SA-4.0` for OEFDB), else `unspecified`. */
  readonly licence?: string;
  /** Source for rows without a source cell (and, for a preset, the database itself). */
  readonly source?: ImportSource;
  /** A built-in preset for a known source format. Excludes `mapping`. */
  readonly preset?: 'oefdb';
  /** Field → source header. Without it (and without a preset) headers are mapped automatically. */
  readonly mapping?: ColumnMapping;
  /** Defaults for empty or unmapped cells. Generic imports default `parameter` to `ef`. */
  readonly defaults?: ImportDefaults;
  /** Source unit text → unit expression of our registry, e.g. `{ "tonne": "t" }`. */
  readonly unitMap?: Readonly<Record<string, string>>;
  /** Cell texts meaning "no value"; default `not-supplied`, `n/a`, `N/A`, `NA`, `-`, `—`, `无`. */
  readonly missingTokens?: readonly string[];
  /** Keep the good rows of a file that has bad ones (default false: all or nothing). */
  readonly keepGoodRows?: boolean;
}

export interface ImportReport {
  readonly file: string;
  readonly sheet?: string;
  readonly preset?: string;
  /** The mapping used (for a preset: the source columns it reads, keyed by field). */
  readonly mapping: ColumnMapping;
  /** Source headers that no field reads. */
  readonly ignoredColumns: readonly string[];
  /** Non-empty data rows in the file. */
  readonly rowsRead: number;
  /** Rows without any issue. */
  readonly rowsGood: number;
  /** Rows with at least one issue (all rows when a file-level issue stops the import). */
  readonly rowsRejected: number;
  /** Records in `set`: `rowsGood` when kept, else 0. */
  readonly rowsLoaded: number;
  /** Number of issues per reason code (a row can have more than one issue). */
  readonly byReason: Readonly<Partial<Record<ImportReasonCode, number>>>;
  /** For `unknown-unit`: how many issues name each source unit. */
  readonly unknownUnits: Readonly<Record<string, number>>;
  /** Every issue, in file order. */
  readonly issues: readonly ImportIssue[];
  /**
   * The imported set; undefined when nothing is kept: the file has issues and `keepGoodRows` is
   * false, or no row is good.
   */
  readonly set?: FactorSet;
}

/** A field's text and the source column it came from (none for defaults and derived values). */
export interface FieldCell {
  readonly text: string;
  readonly column?: string;
  /** The preset already reported this field's problem; the checks skip it. */
  readonly reported?: true;
}
export type FieldCells = Partial<Record<ImportField, FieldCell>>;

/** Collects the issues of one row. */
export type ReportIssue = (
  column: string | undefined,
  code: ImportReasonCode,
  reason: string,
  /** For `unknown-unit`: the unit as written in the source, counted in the report. */
  unit?: string,
) => void;

/** The options themselves are wrong (bad set id or date, preset and mapping together, …). */
export class ImportOptionsError extends Error {
  override readonly name = 'ImportOptionsError';
}
