import { valueIn, type Quantity } from '@carbonbase/quantity';
import { toDecimalString } from './decimal.js';

/**
 * PACT fixes the unit of each field by name (kgCO2e per declared unit, kgC per declared unit,
 * percent); these helpers convert a Quantity into that unit at the point of writing.
 */
export const CO2E_UNIT = 'kgCO2e';
export const CARBON_UNIT = 'kgC';
export const MASS_UNIT = 'kg';
export const PERCENT_UNIT = '%';

export const co2e = (q: Quantity): string => toDecimalString(valueIn(q, CO2E_UNIT));
export const carbon = (q: Quantity): string => toDecimalString(valueIn(q, CARBON_UNIT));
export const mass = (q: Quantity): string => toDecimalString(valueIn(q, MASS_UNIT));
export const percentDecimal = (q: Quantity): string => toDecimalString(valueIn(q, PERCENT_UNIT));

/** v2 writes percentages as JSON numbers; rounding through the decimal string drops artefacts. */
export const percentNumber = (q: Quantity): number => Number(percentDecimal(q));

/** Leaves out a property whose value is absent, since PACT forbids nulls for optional fields. */
export function optional<K extends string, V>(key: K, value: V | undefined): Partial<Record<K, V>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, V>);
}
