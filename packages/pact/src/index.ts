export { DECIMAL_PATTERN, parseDecimal, toDecimalString } from './decimal.js';
export {
  fromPactDeclaredUnit,
  PACT_DECLARED_UNITS,
  PactUnitError,
  toPactDeclaredUnit,
} from './declared-unit.js';
export type { PactDeclaredUnit, PactMajorVersion } from './declared-unit.js';
export { PactExportError } from './export-common.js';
export { PACT_V2_SPEC_VERSION, toPactV2 } from './export-v2.js';
export { PACT_V3_SPEC_VERSION, toPactV3 } from './export-v3.js';
export { detectPactVersion, importPact } from './import.js';
export type { PactImportResult } from './import.js';
export type {
  Assurance,
  AssuranceCoverage,
  DataQuality,
  FootprintStatus,
  Geography,
  IpccReport,
  Period,
  ProductFootprintInput,
  ProductIdentity,
  SectorRule,
} from './input.js';
export type {
  PactProductFootprint,
  PactSectorRule,
  PactV2CarbonFootprint,
  PactV2ProductFootprint,
  PactV3CarbonFootprint,
  PactV3ProductFootprint,
  PactVersion,
} from './pact-types.js';
export { loadPactSchemas } from './schemas.js';
export type { PactOpenApiSources, PactSchemaName, PactSchemas } from './schemas.js';
export { formatPactErrors, validatePact } from './validate.js';
export type { PactValidationError, PactValidationResult } from './validate.js';
