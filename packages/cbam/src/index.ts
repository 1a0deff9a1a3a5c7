export {
  CEMENT_GOODS,
  CEMENT_SECTOR,
  defaultValueCode,
  goodOf,
  isCnCode,
  normalizeCn,
} from './goods.js';
export type { CementGood, CnCode } from './goods.js';
export type * from './model.js';
export { explanationLines, fmt } from './explain.js';
export type { CalculationStep, ExplainedInput, Explanation, InputOrigin } from './explain.js';
export { CbamError, resolveFactor } from './factor-input.js';
export type { FactorLookup } from './factor-input.js';
export { defaultLabel, defaultSee, markUp } from './defaults.js';
export type { Component, DefaultSee, MarkUp } from './defaults.js';
export {
  defaultRoutes,
  isRouteCode,
  ROUTE_LEGEND,
  ROUTE_LEGEND_SOURCE,
  ROUTE_LEGEND_VERIFICATION,
  routeMeaning,
} from './routes.js';
export type { RouteCode } from './routes.js';
export { attributeDirect, attributeIndirect } from './attribution.js';
export type { Attribution } from './attribution.js';
export { specificEmbeddedEmissions } from './see.js';
export type {
  CbamResult,
  GoodResult,
  PrecursorResult,
  PrecursorSee,
  SeeBasis,
  SeeComponent,
  SeeOptions,
} from './see.js';
export { cbamFactor, estimateObligation } from './obligation.js';
export type { CbamFactor, ObligationEstimate, ObligationInput } from './obligation.js';
export { COMMUNICATION_CAVEATS, communicationData } from './communication.js';
export type {
  CbamCommunication,
  CitedFactor,
  CommunicatedGood,
  CommunicatedPrecursor,
  CommunicatedSee,
} from './communication.js';
export { communicationWorkbook } from './workbook.js';
export type { Cell, Sheet, Workbook } from './workbook.js';
export { CbamDocumentError, parseInstallation } from './parse.js';
export type { DocumentIssue } from './parse.js';
export { installationFromInventory } from './from-inventory.js';
export type { FromInventoryOptions, InventoryLink } from './from-inventory.js';
