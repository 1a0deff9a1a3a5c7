export { BACKGROUND_CATEGORIES, BACKGROUND_FORMAT, parseBackgroundSet } from './background.js';
export type { BackgroundCategory, BackgroundProcess, BackgroundSet } from './background.js';
export { CementFootprintError, plantForeground } from './foreground.js';
export type { DirectCategory, FuelUse, PlantForeground, ProcessForeground } from './foreground.js';
export { ALLOCATION_RULES, CEMENT_INPUTS_FORMAT, parseCementInputs } from './inputs.js';
export type {
  AllocationRule,
  CementFootprintInputs,
  Constituent,
  ConstituentKind,
  EconomicAllocationData,
  TransportLeg,
} from './inputs.js';
export { BREAKDOWN_LABELS, CEMENT_PRODUCTS, cementFootprint, economicBurden } from './footprint.js';
export type {
  AllocationReport,
  BreakdownCategory,
  BreakdownLine,
  CementFootprint,
  CementFootprintOptions,
  CementProduct,
  ConstituentReport,
  Contribution,
  FuelUpstreamLine,
  FuelUpstreamReport,
} from './footprint.js';
export { FootprintDocumentError } from './read.js';
export type { FootprintIssue } from './read.js';
