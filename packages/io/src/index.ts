export {
  bundledFactorSetsDir,
  loadFactorSetDirectory,
  loadFactorSetTree,
} from './factor-sets/directory.js';
export * from './factor-import/index.js';
export { InventoryTextError, parseInventoryText } from './inventory.js';
export { readOlcaJsonLdZip, OlcaImportError } from './lca/olca-jsonld.js';
export type { OlcaImport, OlcaImportReport, UnitConversionCount } from './lca/olca-jsonld.js';
export type {
  PsExchange,
  PsFlow,
  PsProcess,
  PsProductSystem,
} from './lca/product-system-format.js';
export { loadUseeioDirectory, parseUseeioTables, IoTablesError } from './lca/useeio-csv.js';
export type { IoTables, IoTablesReport, UseeioTexts } from './lca/useeio-csv.js';
export {
  INVENTORY_REPORT_SHEETS,
  inventoryReportBuffer,
  inventoryReportWorkbook,
} from './reports/inventory-xlsx.js';
export { cbamWorkbook, cbamWorkbookBuffer, writeCbamWorkbook } from './cbam/workbook-xlsx.js';
export type { PlainCell, PlainSheet, PlainWorkbook } from './cbam/workbook-xlsx.js';
export {
  ACTIVITY_COLUMNS,
  ACTIVITY_KINDS,
  ACTIVITY_TEMPLATE_SHEETS,
  ACTIVITY_UNITS,
  ACTIVITY_YAML_ONLY,
  activityTemplateBuffer,
  activityTemplateCsv,
  activityTemplateWorkbook,
} from './activity-template/template.js';
export type {
  ActivityColumn,
  ActivityColumnKey,
  ActivityColumnType,
  ActivityKind,
  ActivityTemplateOptions,
  KindColumn,
} from './activity-template/template.js';
export { readActivityWorkbook } from './activity-template/read.js';
export type { ActivityLine, ActivityWorkbookRead } from './activity-template/read.js';
export { readActivityCsv } from './activity-template/csv.js';
export { activityLinesToInventoryLines } from './activity-template/inventory-lines.js';
export {
  POLLUTANT_COLUMNS,
  POLLUTANT_SOURCE_CHOICES,
  TEMPLATE_POLLUTANTS,
} from './activity-template/pollutants.js';
export type { PollutantLine } from './activity-template/pollutants.js';
