export { account, accountInventory } from './account.js';
export type { AccountOptions } from './account.js';
export type { FactorLookup, Warning } from './calc/context.js';
export { InventoryError, formatDocumentIssue } from './document/issues.js';
export type { DocumentIssue } from './document/issues.js';
export { parseInventory } from './document/parse.js';
export {
  CLINKER_TYPES,
  INVENTORY_FORMAT,
  LINE_KINDS,
  inventoryJsonSchema,
  inventorySchema,
} from './document/schema.js';
export type { ClinkerType, Inventory, InventoryLine, LineKind } from './document/schema.js';
export { formatNumber, formatQty, renderExplanation } from './explain/render.js';
export type * from './explain/types.js';
export * from './methods/constants.js';
export { PLAUSIBILITY } from './calc/plausibility.js';
export type { Plausibility } from './calc/plausibility.js';
export type {
  FormulaId,
  KindRule,
  MethodSet,
  ScopeKey,
  StandardReference,
} from './methods/method-set.js';
export { METHOD_SETS, UnknownMethodError, getMethodSet } from './methods/registry.js';
export { RESULT_FORMAT } from './results/types.js';
export type {
  EnergyResult,
  Intensity,
  InventoryResult,
  LineResult,
  MemoItem,
  Treatment,
} from './results/types.js';
