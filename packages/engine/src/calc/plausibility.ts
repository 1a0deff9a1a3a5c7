import { quantity, type Quantity } from '@carbonbase/quantity';

/**
 * The bounds within which a measured value is believed. Shared with the batch path
 * (@carbonbase/batch), which applies the same checks row by row and must refuse and warn exactly
 * where this engine does.
 */
export interface Plausibility {
  /**
   * Carbon content per unit heat. The highest value in any Chinese fuel table is blast-furnace
   * gas at 0.0708 tC/GJ (methods.md §1.3); pure carbon is about 0.03 tC/GJ. Above 0.1 tC/GJ the
   * figure was almost surely read as 10^-2 instead of 10^-3 tC/GJ (the A4 unit trap).
   */
  readonly carbonContent: { readonly min: Quantity; readonly max: Quantity };
  /** A measured NCV further than this share from the table default deserves a second look. */
  readonly ncvTolerance: Quantity;
  /** Clinker CaO as Portland clinker has it; outside, the analysis or its unit is suspect. */
  readonly clinkerCaO: { readonly min: Quantity; readonly max: Quantity };
}

export const PLAUSIBILITY: Plausibility = {
  carbonContent: { min: quantity(0.005, 'tC/GJ'), max: quantity(0.1, 'tC/GJ') },
  ncvTolerance: quantity(25, '%'),
  clinkerCaO: { min: quantity(60, '%'), max: quantity(70, '%') },
};
