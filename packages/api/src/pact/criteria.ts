import { toPactV2, toPactV3, type ProductFootprintInput } from '@carbonbase/pact';
import { evaluateODataFilter } from './odata-filter.js';
import type { FootprintCriteria } from './repository.js';
import { validityPeriod } from './validity.js';

/** True when the footprint passes every given criterion (the PACT v3 filtering rules). */
export function matchesCriteria(fp: ProductFootprintInput, c: FootprintCriteria): boolean {
  if (!expressibleIn(fp, c.version)) return false;
  if (!anyOf(c.productId, fp.product.ids)) return false;
  if (!anyOf(c.companyId, fp.company.ids)) return false;
  if (!anyOf(c.classification, fp.product.classifications ?? [])) return false;
  if (!anyOf(c.geography, geographyValues(fp))) return false;
  if (!anyOf(c.status, [fp.status])) return false;
  const validity = validityPeriod(fp);
  if (c.validOn && !(validity.start <= c.validOn && c.validOn <= validity.end)) return false;
  if (c.validAfter && !(validity.start > c.validAfter)) return false;
  if (c.validBefore && !(validity.end < c.validBefore)) return false;
  if (c.odata && !evaluateODataFilter(c.odata, toPactV2(fp))) return false;
  return true;
}

/** A criterion with values matches when one of them equals one of the footprint's, ignoring case. */
function anyOf(wanted: readonly string[] | undefined, actual: readonly string[]): boolean {
  if (wanted === undefined || wanted.length === 0) return true;
  const have = new Set(actual.map((a) => a.toLowerCase()));
  return wanted.some((w) => have.has(w.toLowerCase()));
}

function geographyValues(fp: ProductFootprintInput): string[] {
  const g = fp.geography;
  switch (g.scope) {
    case 'global':
      return [];
    case 'region':
      return [g.region];
    case 'country':
      return [g.country];
    case 'subdivision':
      // Exact values only: the spec matches the one geography property a footprint has, so a
      // filter "CN" does not return footprints declared for the subdivision "CN-AH".
      return [g.subdivision];
  }
}

/** Footprints that the requested PACT version cannot express are left out of its lists. */
export function expressibleIn(fp: ProductFootprintInput, version: '2' | '3'): boolean {
  try {
    if (version === '2') toPactV2(fp);
    else toPactV3(fp);
    return true;
  } catch {
    return false;
  }
}
