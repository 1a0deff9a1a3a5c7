export type { Actor } from './actor.js';
export { actorRef, hasRole } from './actor.js';
export { AppError } from './errors.js';
export type { AppErrorCode, ErrorDetail } from './errors.js';
export type { Action } from './access.js';
export { readScope, requireEnterprise } from './access.js';
export { authenticate, issueApiToken, login, logout, SESSION_HOURS } from './auth.js';
export type { LoginResult } from './auth.js';
export { hashPassword, verifyPassword } from './passwords.js';
export { provisionUser } from './provision.js';
export { currentFactorSets, loadBundledFactorSets } from './factor-base.js';
export {
  factorRegionOf,
  inventoryFromStore,
  methodSetOf,
  monthLineId,
} from './inventory-from-store.js';
export type { LineOrigin, StoreInventory } from './inventory-from-store.js';
export { importActivityFile } from './activity-import.js';
export type { ImportFile, ImportOptions, ImportReport } from './activity-import.js';
export * from './organisations.js';
export {
  calculateYear,
  explainRun,
  exportRunXlsx,
  getRun,
  listRuns,
  reproduceRun,
  resultOf,
} from './runs.js';
export type { Reproduction, RunInputs } from './runs.js';
export { recalculateAfterFactorUpdate } from './recalculate.js';
export type { LineChange, RecalculationReport, RunChange } from './recalculate.js';
export {
  acceptPeriod,
  commentOnPeriod,
  periodStatus,
  returnPeriod,
  submitPeriod,
} from './periods.js';
export type { PeriodStatus } from './periods.js';
export * from './analysis.js';
export { decomposeChange } from './decomposition.js';
export type {
  Decomposition,
  DecompositionActivity,
  DecompositionQuery,
  DecompositionScope,
  DecompositionSector,
  LeftOutMember,
  SectorYear,
} from './decomposition.js';
export {
  FOOTPRINT_METHOD,
  pactFootprintOf,
  pactInputOf,
  productFootprint,
  urnPart,
  uuidV5,
} from './footprints.js';
export type { FootprintQuery, PactIdentity, PactMajor, ProductFootprint } from './footprints.js';
export { enterpriseCbam, enterpriseCbamWorkbook } from './cbam.js';
export type { EnterpriseCbam, EnterpriseCbamQuery } from './cbam.js';
export * from './pathways.js';
export * from './evaluations.js';
export { gradeRun, runFigures } from './grade.js';
export type { Bilingual, GradedIndicator, GradeLimit, RunFigures, RunGrade } from './grade.js';
export * from './planning.js';
export { siteFromRun } from './planning-sites.js';
export type {
  Derivation,
  PriceOverrides,
  RunLine,
  SiteInput,
  StoreSite,
} from './planning-sites.js';
export { MEASURE_LIBRARY_FILES, planningData } from './planning-data.js';
export type { PlanningData } from './planning-data.js';
