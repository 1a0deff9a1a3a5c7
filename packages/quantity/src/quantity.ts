import { QuantityParseError } from './errors.js';
import {
  combineUnits,
  conversionFactor,
  describeDimensions,
  parseUnit,
  sameDimensions,
} from './unit.js';

/** A number with its unit. The only way a measured or computed amount leaves a package. */
export interface Quantity {
  readonly value: number;
  /** Canonical unit expression, e.g. "t", "GJ/万Nm3", "tCO2/MWh". */
  readonly unit: string;
}

/** Builds a quantity, checking the unit and writing it in canonical form. */
export function quantity(value: number, unit: string): Quantity {
  if (!Number.isFinite(value))
    throw new QuantityParseError(`${value} ${unit}`, 'not a finite number');
  return { value, unit: parseUnit(unit).text };
}

const QUANTITY = /^\s*([-+]?(?:\d[\d,_]*\d|\d)?(?:\.\d+)?(?:[eE][-+]?\d+)?)\s*(.*?)\s*$/;

/**
 * Parses "150000 t", "389.31 GJ/万Nm3", "0.5306 tCO2/MWh", "20 %", "1,200,000 t" or "1.5e6 t".
 * A missing unit is an error: a bare number never means anything here.
 */
export function parseQuantity(text: string): Quantity {
  const m = QUANTITY.exec(text);
  const numberPart = m?.[1]?.replace(/[,_]/g, '') ?? '';
  if (!m || numberPart === '' || numberPart === '+' || numberPart === '-') {
    throw new QuantityParseError(text, 'expected "<number> <unit>"');
  }
  const unitPart = m[2] ?? '';
  if (unitPart === '') throw new QuantityParseError(text, 'the unit is missing');
  const value = Number(numberPart);
  if (!Number.isFinite(value))
    throw new QuantityParseError(text, `"${numberPart}" is not a number`);
  return quantity(value, unitPart);
}

/** The quantity expressed in another unit of the same dimension. */
export function convert(q: Quantity, unit: string): Quantity {
  return { value: q.value * conversionFactor(q.unit, unit), unit: parseUnit(unit).text };
}

/** The number of `unit`s in q: the one sanctioned way to get a bare number, at the point of use. */
export function valueIn(q: Quantity, unit: string): number {
  return q.value * conversionFactor(q.unit, unit);
}

export function multiply(a: Quantity, b: Quantity): Quantity {
  const { unit, multiplier } = combineUnits(a.unit, b.unit, 1);
  return { value: a.value * b.value * multiplier, unit };
}

export function divide(a: Quantity, b: Quantity): Quantity {
  const { unit, multiplier } = combineUnits(a.unit, b.unit, -1);
  return { value: (a.value / b.value) * multiplier, unit };
}

/** Multiplies by a pure number (a count, a stoichiometric ratio such as 44/12). */
export function scale(q: Quantity, k: number): Quantity {
  return { value: q.value * k, unit: q.unit };
}

/** a + b, in a's unit. */
export function add(a: Quantity, b: Quantity): Quantity {
  return { value: a.value + valueIn(b, a.unit), unit: a.unit };
}

/** a − b, in a's unit. */
export function subtract(a: Quantity, b: Quantity): Quantity {
  return { value: a.value - valueIn(b, a.unit), unit: a.unit };
}

/** Sum of quantities in the given unit (an empty list sums to zero). */
export function sum(items: readonly Quantity[], unit: string): Quantity {
  let total = 0;
  for (const q of items) total += valueIn(q, unit);
  return quantity(total, unit);
}

export function isDimensionless(unit: string): boolean {
  return Object.keys(parseUnit(unit).dimensions).length === 0;
}

/** True when the two units measure the same thing (t and kg yes; t and GJ no). */
export function compatible(a: string, b: string): boolean {
  return sameDimensions(parseUnit(a).dimensions, parseUnit(b).dimensions);
}

/** Throws a DimensionError unless `unit` measures the same thing as `expected`. */
export function assertCompatible(unit: string, expected: string): void {
  conversionFactor(unit, expected);
}

export function dimensionOf(unit: string): string {
  return describeDimensions(parseUnit(unit).dimensions);
}

export function formatQuantity(q: Quantity, maximumFractionDigits = 4): string {
  return `${q.value.toLocaleString('en-US', { maximumFractionDigits })} ${q.unit}`;
}
