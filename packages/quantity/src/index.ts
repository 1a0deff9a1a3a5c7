export { DimensionError, QuantityParseError, UnknownUnitError } from './errors.js';
export { listUnits, lookupSymbol, dimensionInfo } from './registry.js';
export type { DimensionInfo, UnitInfo } from './registry.js';
export {
  combineUnits,
  conversionFactor,
  describeDimensions,
  parseUnit,
  sameDimensions,
} from './unit.js';
export type { Dimensions, Unit, UnitTerm } from './unit.js';
export {
  add,
  assertCompatible,
  compatible,
  convert,
  dimensionOf,
  divide,
  formatQuantity,
  isDimensionless,
  multiply,
  parseQuantity,
  quantity,
  scale,
  subtract,
  sum,
  valueIn,
} from './quantity.js';
export type { Quantity } from './quantity.js';
