import { multiply, quantity, valueIn, type Quantity } from '@carbonbase/quantity';
import { weakestMark, type Mark } from '../provenance.js';
import { POLLUTANTS, type Measure, type Pollutant, type Site } from './schema.js';

/** A measure sized for one site: absolute amounts per year, ready for a MACC or the optimizer. */
export interface Candidate {
  /** `site:measure`, unique across a park. */
  readonly id: string;
  readonly site: string;
  readonly measure: string;
  readonly name: string;
  readonly nameEn: string;
  readonly capex: Quantity;
  /** O&M cost change, CNY/a (energy excluded). */
  readonly opex: Quantity;
  /** Energy cost change from the electricity and fuel effects at the site's prices, CNY/a. */
  readonly energyCost: Quantity;
  readonly lifetime: Quantity;
  /** CO2 avoided per year (positive = less CO2). */
  readonly abatement: Quantity;
  readonly electricity: Quantity;
  readonly fuel: Quantity;
  /** Pollutant change per year (negative = less). */
  readonly pollutants: Readonly<Record<Pollutant, Quantity>>;
  /** Candidate ids that may not be chosen together with this one. */
  readonly excludes: readonly string[];
  /** Weakest mark of the values used. */
  readonly mark: Mark;
}

export type Applicability =
  | { readonly applicable: true; readonly candidate: Candidate }
  | {
      readonly applicable: false;
      readonly measure: string;
      readonly site: string;
      readonly reason: string;
    };

export function candidateId(site: string, measure: string): string {
  return `${site}:${measure}`;
}

/** Sizes a measure for a site, or says why it does not apply. */
export function instantiate(measure: Measure, site: Site): Applicability {
  const no = (reason: string): Applicability => ({
    applicable: false,
    measure: measure.id,
    site: site.id,
    reason,
  });
  const missing = measure.applicability.requires.filter((f) => !site.features.includes(f));
  if (missing.length > 0) return no(`site lacks ${missing.join(', ')}`);
  const blocking = measure.applicability.notIf.filter((f) => site.features.includes(f));
  if (blocking.length > 0) return no(`site already has ${blocking.join(', ')}`);
  const driver = site.drivers[measure.driver.id];
  if (!driver) return no(`site gives no driver "${measure.driver.id}"`);

  const per = (q: Quantity, unit: string) => valueIn(multiply(q, driver), unit);
  let electricity = 0; // kWh/a
  let fuel = 0; // kgce/a
  let pricedElectricity = 0;
  let pricedFuel = 0;
  let direct = 0; // tCO2/a
  const pollutants: Record<Pollutant, number> = { SO2: 0, NOx: 0, PM: 0 };
  const mark = weakestMark(
    [measure.capex, measure.opex, measure.lifetime, ...measure.effects].map((v) => v.mark),
  );
  for (const e of measure.effects) {
    switch (e.target) {
      case 'electricity': {
        const v = per(e.value, 'kWh/a');
        electricity += v;
        if (e.priced) pricedElectricity += v;
        break;
      }
      case 'fuel': {
        const v = per(e.value, 'kgce/a');
        fuel += v;
        if (e.priced) pricedFuel += v;
        break;
      }
      case 'direct-co2':
        direct += per(e.value, 'tCO2/a');
        break;
      case 'SO2':
      case 'NOx':
      case 'PM':
        pollutants[e.target] += per(e.value, 'kg/a');
        break;
    }
  }
  const co2 =
    electricity * valueIn(site.factors.electricity, 'tCO2/kWh') +
    fuel * valueIn(site.factors.fuel, 'tCO2/kgce') +
    direct;
  const energyCost =
    pricedElectricity * valueIn(site.prices.electricity, 'CNY/kWh') +
    pricedFuel * valueIn(site.prices.fuel, 'CNY/kgce');
  const pollutantQ = Object.fromEntries(
    POLLUTANTS.map((p) => [p, quantity(pollutants[p] / 1000, 't/a')]),
  ) as Record<Pollutant, Quantity>;
  return {
    applicable: true,
    candidate: {
      id: candidateId(site.id, measure.id),
      site: site.id,
      measure: measure.id,
      name: measure.name,
      nameEn: measure.nameEn,
      capex: quantity(per(measure.capex.value, 'CNY'), 'CNY'),
      opex: quantity(per(measure.opex.value, 'CNY/a'), 'CNY/a'),
      energyCost: quantity(energyCost, 'CNY/a'),
      lifetime: measure.lifetime.value,
      abatement: quantity(-co2, 'tCO2/a'),
      electricity: quantity(electricity, 'kWh/a'),
      fuel: quantity(fuel / 1000, 'tce/a'),
      pollutants: pollutantQ,
      excludes: measure.excludes.map((x) => candidateId(site.id, x.measure)),
      mark,
    },
  };
}
