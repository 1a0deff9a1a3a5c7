import { multiply, quantity, valueIn, type Quantity } from '@carbonbase/quantity';
import type { InventoryLine } from '../document/schema.js';
import { clinker, kilnDust, nonCarbonateRawMaterial, rawMealOrganicCarbon } from './cement.js';
import type { LineTrace } from './context.js';
import { electricity, electricityGenerated, heat } from './energy.js';
import { alternativeFuel, fuelCombustion } from './fuel.js';
import type { LineCalc } from './line-calc.js';
import { ccus, nonCo2, processEmission, spend } from './other.js';

/** The clinker factor a facility's dust carries, and the clinker lines it was derived from. */
export interface FacilityClinkerFactor {
  readonly ef: Quantity;
  readonly from: readonly string[];
}

/** Calculates one line with the calculator of its kind. */
export function computeLine(
  trace: LineTrace,
  line: InventoryLine,
  facilityClinkerEf: FacilityClinkerFactor | undefined,
): LineCalc {
  switch (line.kind) {
    case 'fuel-combustion':
      return fuelCombustion(trace, line);
    case 'alternative-fuel':
      return alternativeFuel(trace, line);
    case 'clinker':
      return clinker(trace, line);
    case 'non-carbonate-raw-material':
      return nonCarbonateRawMaterial(trace, line);
    case 'kiln-dust':
      return kilnDust(trace, line, facilityClinkerEf);
    case 'raw-meal-organic-carbon':
      return rawMealOrganicCarbon(trace, line);
    case 'process-emission':
      return processEmission(trace, line);
    case 'electricity-purchased':
    case 'electricity-exported':
      return electricity(trace, line);
    case 'electricity-generated':
      return electricityGenerated(trace, line);
    case 'heat-purchased':
    case 'heat-exported':
      return heat(trace, line);
    case 'ccus':
      return ccus(trace, line);
    case 'non-co2':
      return nonCo2(trace, line);
    case 'spend':
      return spend(trace, line);
  }
}

export const cement = {
  /**
   * The clinker factor of a facility: output-weighted mean of its clinker lines' factors
   * (Σ Q × EF / Σ Q), the factor the dust leaving that kiln system carries.
   */
  facilityClinkerFactor(
    facility: string | undefined,
    lines: readonly InventoryLine[],
    calcs: ReadonlyMap<string, { calc: LineCalc }>,
  ): FacilityClinkerFactor | undefined {
    let co2 = 0;
    let mass = 0;
    const from: string[] = [];
    for (const l of lines) {
      if (l.kind !== 'clinker' || l.facility !== facility) continue;
      const ef = calcs.get(l.id)?.calc.clinkerEf;
      if (!ef) continue;
      co2 += valueIn(multiply(l.amount, ef), 'tCO2');
      mass += valueIn(l.amount, 't');
      from.push(l.id);
    }
    return mass > 0 ? { ef: quantity(co2 / mass, 'tCO2/t'), from } : undefined;
  },
};
