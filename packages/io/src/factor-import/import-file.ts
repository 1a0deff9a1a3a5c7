import { importFactorRows } from './import-rows.js';
import { readSourceTable, type ReadTableOptions } from './read-table.js';
import type { ImportOptions, ImportReport } from './types.js';

export interface ImportFileOptions extends Omit<ImportOptions, 'importDate'>, ReadTableOptions {
  /** ISO date of the import (manifest `released`, default version); default today (UTC). */
  readonly importDate?: string;
}

/**
 * Imports a .csv or .xlsx file into a named factor set: reads the table (first sheet or
 * `options.sheet`), then applies `importFactorRows`. Nothing is written; pass `report.set` to
 * `writeFactorSet` to store it.
 *
 * @example
 * const report = await importFactorFile('OpenEmissionFactorsDB.csv', { setId: 'oefdb', preset: 'oefdb', keepGoodRows: true });
 * if (report.set) await writeFactorSet(report.set, join(dataDir, 'factor-sets'));
 *
 * @throws ImportFileError when the file cannot be read as a table (type, encoding, missing sheet).
 * @throws ImportOptionsError when the options are invalid.
 */
export async function importFactorFile(
  path: string,
  options: ImportFileOptions,
): Promise<ImportReport> {
  const table = await readSourceTable(path, options);
  const importDate = options.importDate ?? new Date().toISOString().slice(0, 10);
  return importFactorRows(table, { ...options, importDate });
}
