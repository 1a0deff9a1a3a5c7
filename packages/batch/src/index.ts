export {
  BATCH_UNIT,
  accountBatch,
  enterpriseIndex,
  enterpriseSummary,
  planWarnings,
  sourceTotals,
} from './account.js';
export type { BatchOptions, BatchResult, EnterpriseSummary } from './account.js';
export { BATCH_KINDS, BatchError, prepareBatch } from './columns.js';
export type { ActivityColumns, BatchKind, PreparedBatch } from './columns.js';
export { enterpriseDocument, explainEnterprise } from './explain.js';
export { PROVINCES, generateActivity, seededRandom } from './generate.js';
export type { GenerateOptions } from './generate.js';
export { SCOPES } from './plan.js';
export type { BatchPlan, Plan } from './plan.js';
export { BatchWorkerPool, accountBatchParallel } from './pool.js';
export type { ParallelOptions } from './pool.js';
export { planIndex, recalculate } from './recalc.js';
export type { Difference, PlanChange, PlanIndex, Recalculation } from './recalc.js';
