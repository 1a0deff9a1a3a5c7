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
