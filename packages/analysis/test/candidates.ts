import { quantity } from '@carbonbase/quantity';
import type { Candidate } from '../src/index.js';

/** A candidate with only the numbers the MACC and the optimizer read. */
export function candidate(
  id: string,
  o: { capex: number; opex: number; years: number; abatement: number; excludes?: string[] },
): Candidate {
  return {
    id,
    site: 'plant',
    measure: id,
    name: id,
    nameEn: id,
    capex: quantity(o.capex, 'CNY'),
    opex: quantity(o.opex, 'CNY/a'),
    energyCost: quantity(0, 'CNY/a'),
    lifetime: quantity(o.years, 'a'),
    abatement: quantity(o.abatement, 'tCO2/a'),
    electricity: quantity(0, 'kWh/a'),
    fuel: quantity(0, 'tce/a'),
    pollutants: { SO2: quantity(0, 't/a'), NOx: quantity(0, 't/a'), PM: quantity(0, 't/a') },
    excludes: o.excludes ?? [],
    mark: 'example',
  };
}
