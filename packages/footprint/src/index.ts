export type { CscMatrix, Triplet } from './sparse/csc.js';
export {
  cscFromTriplets,
  MatrixShapeError,
  multiply,
  multiplyTransposed,
  nnz,
  normInf,
  toDense,
  transpose,
} from './sparse/csc.js';
export { minimumDegreeOrder } from './sparse/ordering.js';
export {
  luFactor,
  luSolve,
  luSolveTransposed,
  residualOf,
  SingularMatrixError,
  SparseLu,
} from './sparse/lu.js';
export type { LuFactors, LuOptions, Residual } from './sparse/lu.js';
export { denseSolve } from './sparse/dense.js';
export { IterationFailedError, LinearSolver } from './sparse/solver.js';
export type { SolveOutcome, SolvePath, SolverMethod, SolverOptions } from './sparse/solver.js';
export type { IterativeOptions } from './sparse/iterative.js';
export type {
  Direction,
  Exchange,
  Flow,
  FlowKind,
  Process,
  ProductSystemData,
} from './system/model.js';
export { amountInFlowUnit, linkProductSystem, ProductSystemError } from './system/linking.js';
export type {
  CutOff,
  Link,
  LinkedSystem,
  LinkingOptions,
  LinkRule,
  SideFlow,
} from './system/linking.js';
export { buildMatrices } from './system/matrices.js';
export type { SystemMatrices } from './system/matrices.js';
export { characterize, CO2E_UNIT, normalizeFlowName } from './impact/gwp.js';
export type { Characterization, GwpFactor, GwpSet } from './impact/gwp.js';
export { ProductSystemModel } from './calc/product-system.js';
export type { Demand } from './calc/product-system.js';
export type * from './calc/result.js';
export {
  buildLeontief,
  identityDefect,
  leontiefOutput,
  sparseProduct,
  totalRequirements,
} from './io-model/leontief.js';
export type { LeontiefModel, SupplyUseTables } from './io-model/leontief.js';
export * from './cement/index.js';
