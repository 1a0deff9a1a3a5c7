import { add, multiply, type Quantity } from '@carbonbase/quantity';

/**
 * Clinker comprehensive energy = coal + electricity × standard-coal coefficient. GB 16780-2021's
 * own table is consistent with the 当量值 0.1229 kgce/kWh (methods.md §4.1, A6); the coefficient is
 * a parameter so that it comes from the factor base, with its provenance, not from this code.
 */
export function comprehensiveEnergy(
  coal: Quantity,
  electricity: Quantity,
  coefficient: Quantity,
): Quantity {
  return add(coal, multiply(electricity, coefficient));
}
