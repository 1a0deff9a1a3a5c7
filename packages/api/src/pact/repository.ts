import type { PactVersion, ProductFootprintInput } from '@carbonbase/pact';
import type { ODataFilter } from './odata-filter.js';

/**
 * Where the PACT API reads footprints from. The in-memory implementation serves tests and the
 * demo; a store-backed one implements the same two methods.
 */
export interface PactFootprintRepository {
  /** Footprints matching the criteria, in a stable order, from `offset`, at most `limit`. */
  list(query: FootprintListQuery): Promise<FootprintPage>;
  get(id: string): Promise<ProductFootprintInput | undefined>;
}

export interface FootprintListQuery {
  readonly criteria: FootprintCriteria;
  readonly offset: number;
  readonly limit: number;
}

export interface FootprintPage {
  readonly items: readonly ProductFootprintInput[];
  /** Number of matching footprints in all pages, for the pagination links. */
  readonly total: number;
}

/**
 * The PACT v3 filters (OR within one criterion, AND between criteria; case-insensitive matches)
 * and, for v2, a compiled OData `$filter`. `version` restricts the list to footprints that can be
 * written in that PACT version.
 */
export interface FootprintCriteria {
  readonly version: PactVersion;
  readonly productId?: readonly string[];
  readonly companyId?: readonly string[];
  readonly geography?: readonly string[];
  readonly classification?: readonly string[];
  readonly status?: readonly string[];
  readonly validOn?: Date;
  readonly validAfter?: Date;
  readonly validBefore?: Date;
  readonly odata?: ODataFilter;
}
