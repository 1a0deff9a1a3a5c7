import { compatible, convert, type Quantity } from '@carbonbase/quantity';
import type { Geography, ProductFootprintInput } from './input.js';
import { mass } from './quantities.js';

/** An input that cannot be expressed in the requested PACT version; the message names the field. */
export class PactExportError extends Error {
  override readonly name = 'PactExportError';
}

/** PACT's three mutually exclusive geography properties (none of them means global). */
export function geographyFields(g: Geography): {
  geographyRegionOrSubregion?: string;
  geographyCountry?: string;
  geographyCountrySubdivision?: string;
} {
  switch (g.scope) {
    case 'global':
      return {};
    case 'region':
      return { geographyRegionOrSubregion: g.region };
    case 'country':
      return { geographyCountry: g.country };
    case 'subdivision':
      return { geographyCountrySubdivision: g.subdivision };
  }
}

export function validityFields(input: ProductFootprintInput): {
  validityPeriodStart?: string;
  validityPeriodEnd?: string;
} {
  return input.validityPeriod
    ? {
        validityPeriodStart: input.validityPeriod.start,
        validityPeriodEnd: input.validityPeriod.end,
      }
    : {};
}

export function copy<T>(items: readonly T[] | undefined): T[] | undefined {
  return items === undefined ? undefined : [...items];
}

/** The mass per declared unit in kg: given, or the declared unit itself when that is a mass. */
export function productMass(input: ProductFootprintInput): string | undefined {
  if (input.productMassPerDeclaredUnit) return mass(input.productMassPerDeclaredUnit);
  if (compatible(input.declaredUnit.unit, 'kg')) return mass(convert(input.declaredUnit, 'kg'));
  return undefined;
}

export function map<T>(q: Quantity | undefined, f: (q: Quantity) => T): T | undefined {
  return q === undefined ? undefined : f(q);
}
