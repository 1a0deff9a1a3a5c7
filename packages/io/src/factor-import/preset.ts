import type { ColumnMapping } from './fields.js';
import type { FieldCells, ImportSource, ReportIssue } from './types.js';

/**
 * A built-in reading of a known source format. Unlike a column mapping it may combine and choose
 * between columns (OEFDB: AR5 total, else AR4), so it turns a whole row into field cells.
 */
export interface ImportPreset {
  readonly id: string;
  readonly name: string;
  readonly nameEn: string;
  readonly description: string;
  readonly publisher: string;
  readonly licence: string;
  /** The database itself, listed among the manifest's sources for attribution. */
  readonly source: ImportSource;
  /** Headers the file must have. */
  readonly columns: readonly string[];
  /** Which source columns feed which field, for the report. */
  readonly mapping: ColumnMapping;
  /** Cell texts that mean "no value". */
  readonly missingTokens: readonly string[];
  /**
   * Turns one row into field cells. `get` returns a cell's trimmed text, '' when empty or a
   * missing token. Problems go to `issue`; the fields returned are then checked like any import.
   */
  toFields(get: (header: string) => string, issue: ReportIssue): FieldCells;
}
