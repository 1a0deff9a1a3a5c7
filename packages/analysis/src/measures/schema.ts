import type { Quantity } from '@carbonbase/quantity';
import type { SourcedQuantity } from '../indicators/schema.js';
import type { SourceRef } from '../provenance.js';

/**
 * Abatement measures as data (data/measures/*.json). Every amount is specific to a driver of the
 * site (t clinker/a, t cement/a, MWh/a of motor electricity, …) so one library row fits plants of
 * any size; `instantiate` multiplies by the site's driver to get absolute numbers.
 */

/** What an effect changes. Energy carriers are priced and turned into CO2 with the site's factors. */
export type EffectTarget = 'electricity' | 'fuel' | 'direct-co2' | 'SO2' | 'NOx' | 'PM';
export const EFFECT_TARGETS: readonly EffectTarget[] = [
  'electricity',
  'fuel',
  'direct-co2',
  'SO2',
  'NOx',
  'PM',
];
export const POLLUTANTS = ['SO2', 'NOx', 'PM'] as const;
export type Pollutant = (typeof POLLUTANTS)[number];

export interface MeasureEffect extends SourcedQuantity {
  readonly target: EffectTarget;
  /**
   * Whether an energy change is valued at the site's price. False for green-power purchases: the
   * electricity is still bought (its price is in opex); only its grid emissions go away.
   */
  readonly priced: boolean;
}

export interface MeasureDriver {
  /** Name of the site driver, e.g. `clinker`, `cement`, `motor-electricity`. */
  readonly id: string;
  /** Unit the driver is given in, per year, e.g. `t/a`, `MWh/a`. */
  readonly unit: string;
  readonly description: string;
}

export interface Exclusion {
  readonly measure: string;
  readonly reason: string;
}

export interface Measure {
  readonly id: string;
  readonly name: string;
  readonly nameEn: string;
  readonly sector: 'cement' | 'general';
  readonly category: string;
  readonly driver: MeasureDriver;
  /** Investment per unit of driver (e.g. CNY·a/t: CNY per t/a of capacity). */
  readonly capex: SourcedQuantity;
  /** Operating and maintenance cost change per unit of driver (e.g. CNY/t), energy excluded. */
  readonly opex: SourcedQuantity;
  readonly lifetime: SourcedQuantity;
  /** Changes per unit of driver; negative = less. */
  readonly effects: readonly MeasureEffect[];
  readonly applicability: {
    /** Site features that must all be present. */
    readonly requires: readonly string[];
    /** Site features any of which rules the measure out (e.g. already installed). */
    readonly notIf: readonly string[];
    readonly note?: string;
  };
  readonly excludes: readonly Exclusion[];
  readonly notes?: string;
}

export interface MeasureLibrary {
  readonly formatVersion: 1;
  readonly id: string;
  readonly name: string;
  readonly nameEn: string;
  readonly notice?: string;
  readonly sources: readonly SourceRef[];
  readonly measures: readonly Measure[];
}

/** A plant (or park member) to which measures are applied. */
export interface Site {
  readonly id: string;
  readonly name?: string;
  /** Annual amounts of each driver, e.g. { clinker: 1 000 000 t/a }. */
  readonly drivers: Readonly<Record<string, Quantity>>;
  readonly features: readonly string[];
  readonly prices: { readonly electricity: Quantity; readonly fuel: Quantity };
  /** CO2 per unit of grid electricity and of fuel (e.g. tCO2/MWh, tCO2/tce). */
  readonly factors: { readonly electricity: Quantity; readonly fuel: Quantity };
}
