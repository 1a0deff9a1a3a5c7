export * from './record.js';
export * from './issues.js';
export {
  DECIMAL,
  FACTOR_COLUMNS,
  FACTOR_ID,
  ISO_DATE,
  REGION_CODE,
  REQUIRED_FACTOR_COLUMNS,
  formatFactorRows,
  parseFactorRows,
  parseFactorSet,
  sha256,
  validateManifest,
} from './factor-set.js';
export { FactorBase, FactorNotFoundError } from './factor-base.js';
export type {
  FactorQuery,
  NotFoundReason,
  Resolution,
  SearchOptions,
  SetSummary,
} from './factor-base.js';
export { describeRegion, getRegion, listRegions, regionChain } from './regions.js';
export type { Region } from './regions.js';
export { toFactorJson } from './factor-json.js';
export type { FactorJson } from './factor-json.js';
