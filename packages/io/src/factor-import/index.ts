export { autoMapping, HEADER_ALIASES, IMPORT_FIELDS, normalizeHeader } from './fields.js';
export type { ColumnMapping, ImportField } from './fields.js';
export {
  DEFAULT_MISSING_TOKENS,
  detectPreset,
  IMPORT_PRESETS,
  importFactorRows,
} from './import-rows.js';
export { IMPORTED_DATA_FILE, serializeFactorSet } from './serialize.js';
export { importFactorFile } from './import-file.js';
export type { ImportFileOptions } from './import-file.js';
export { OEFDB_UNITS } from './oefdb-units.js';
export type { ImportPreset } from './preset.js';
export { formatImportReport, REASON_LABELS } from './report.js';
export {
  decodeCsvBytes,
  ImportFileError,
  readCsvTable,
  readSourceTable,
  readXlsxTable,
} from './read-table.js';
export type { ReadTableOptions } from './read-table.js';
export { ImportOptionsError } from './types.js';
export type {
  ImportDefaults,
  ImportIssue,
  ImportOptions,
  ImportReasonCode,
  ImportReport,
  ImportSource,
  SourceRow,
  SourceTable,
} from './types.js';
export { FactorSetExistsError, writeFactorSet } from './write-set.js';
export type { WriteFactorSetOptions } from './write-set.js';
