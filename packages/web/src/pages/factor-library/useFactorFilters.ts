import { useCallback, useMemo, useRef } from 'react';
import { useSearchParams } from 'react-router-dom';
import type { FactorKind } from '@carbonbase/factors';
import { isFactorKind } from '../../factors/vocabulary.js';

export interface FactorFilters {
  readonly q: string;
  readonly kind: FactorKind | undefined;
  readonly region: string | undefined;
  readonly year: number | undefined;
  readonly set: string | undefined;
  readonly page: number;
  readonly pageSize: number;
  /** Id of the factor whose details are open. */
  readonly factor: string | undefined;
}

export const PAGE_SIZES = [10, 20, 50, 100] as const;
const DEFAULT_PAGE_SIZE = 20;

function positiveInt(text: string | null): number | undefined {
  if (text === null || !/^\d+$/.test(text)) return undefined;
  const n = Number(text);
  return n > 0 ? n : undefined;
}

/** Reads the filters from the URL; anything malformed (a hand-edited link) is ignored. */
export function parseFactorFilters(params: URLSearchParams): FactorFilters {
  const kind = params.get('kind');
  const pageSize = positiveInt(params.get('pageSize'));
  return {
    q: params.get('q') ?? '',
    kind: kind !== null && isFactorKind(kind) ? kind : undefined,
    region: params.get('region') || undefined,
    year: positiveInt(params.get('year')),
    set: params.get('set') || undefined,
    page: positiveInt(params.get('page')) ?? 1,
    pageSize: PAGE_SIZES.find((s) => s === pageSize) ?? DEFAULT_PAGE_SIZE,
    factor: params.get('factor') || undefined,
  };
}

export function factorFiltersToParams(filters: FactorFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.q) params.set('q', filters.q);
  if (filters.kind) params.set('kind', filters.kind);
  if (filters.region) params.set('region', filters.region);
  if (filters.year !== undefined) params.set('year', String(filters.year));
  if (filters.set) params.set('set', filters.set);
  if (filters.page !== 1) params.set('page', String(filters.page));
  if (filters.pageSize !== DEFAULT_PAGE_SIZE) params.set('pageSize', String(filters.pageSize));
  if (filters.factor) params.set('factor', filters.factor);
  return params;
}

type FilterChange = Partial<Omit<FactorFilters, 'page' | 'pageSize' | 'factor'>>;

/**
 * The page's filters live in the URL, so a search can be bookmarked or sent to a colleague
 * ("this is the factor we used") and the browser's back button undoes a filter.
 */
export function useFactorFilters() {
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => parseFactorFilters(params), [params]);
  // Changes build on the latest filters, not on those of the render that made the handler:
  // two quick changes (kind, then year) must both stay.
  const latest = useRef(filters);
  latest.current = filters;

  const update = useCallback(
    (change: (current: FactorFilters) => FactorFilters) => {
      const next = change(latest.current);
      latest.current = next;
      setParams(factorFiltersToParams(next));
    },
    [setParams],
  );

  return {
    filters,
    /** A changed filter starts again at page 1: page 7 of the old result means nothing. */
    setFilters: (change: FilterChange) => update((f) => ({ ...f, ...change, page: 1 })),
    resetFilters: () =>
      update((f) => ({
        ...f,
        q: '',
        kind: undefined,
        region: undefined,
        year: undefined,
        set: undefined,
        page: 1,
      })),
    setPage: (page: number, pageSize: number) =>
      update((f) => ({ ...f, page: pageSize === f.pageSize ? page : 1, pageSize })),
    openFactor: (id: string | undefined) => update((f) => ({ ...f, factor: id })),
  };
}
