import type { Quantity } from '@carbonbase/quantity';
import type { FormulaId } from '../methods/method-set.js';

/** Comprehensive-energy contribution of a line (GB/T 2589), in tce. */
export interface EnergyUse {
  /** 当量值: calorific equivalent. */
  readonly calorific: Quantity;
  /** 等价值: equal value (primary energy behind secondary energy); undefined when no coefficient is known. */
  readonly equivalent: Quantity | undefined;
}

/** What a line calculator returns; signs and treatment are applied by the method afterwards. */
export interface LineCalc {
  readonly formula: FormulaId;
  readonly formulaText: string;
  /** Gas of the figure: CO2, CH4, …; CO2e for spend-based factors. */
  readonly gas: string;
  /** Emissions as calculated, in tCO2e, before the method's sign. */
  readonly co2e: Quantity;
  /** Mass of the gas itself (tCO2, t CH4 …) where that is meaningful. */
  readonly gasMass?: Quantity;
  /** Scope 2 market-based figure (GHG Protocol), tCO2e. */
  readonly marketCo2e?: Quantity;
  /** Biomass CO2, reported separately and outside totals. */
  readonly biomassCo2?: Quantity;
  readonly energy?: EnergyUse;
  /** Clinker process factor of a clinker line (for kiln dust). */
  readonly clinkerEf?: Quantity;
}
