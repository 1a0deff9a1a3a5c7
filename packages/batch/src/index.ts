export {
  BATCH_UNIT,
  accountBatch,
  enterpriseIndex,
  enterpriseSummary,
  planWarnings,
  sourceTotals,
} from './account.js';
export type { BatchOptions, BatchResult, EnterpriseSummary } from './account.js';
export {
  BATCH_KINDS,
  BatchError,
  DOCUMENT_EXTRA_FIELDS,
  ROW_PARAMETERS,
  SUBJECT_FIELD,
  prepareBatch,
} from './columns.js';
export type {
  ActivityColumns,
  BatchKind,
  DocumentExtras,
  ParameterColumn,
  PreparedBatch,
  RowParameter,
} from './columns.js';
export { enterpriseDocument, explainEnterprise } from './explain.js';
export { PROVINCES, generateActivity, seededRandom } from './generate.js';
export type { GenerateOptions } from './generate.js';
export { SCOPES } from './plan.js';
export type { BatchPlan, Plan, PlanMode } from './plan.js';
export type { BatchReport } from './rows.js';
export { BatchWorkerPool, accountBatchParallel } from './pool.js';
export type { ParallelOptions } from './pool.js';
export { planIndex, recalculate } from './recalc.js';
export type { Difference, PlanChange, PlanIndex, Recalculation } from './recalc.js';
