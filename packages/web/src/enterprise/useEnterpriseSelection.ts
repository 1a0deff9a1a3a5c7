import { useCallback } from 'react';
import { useSearchParams } from 'react-router-dom';
import { useApi } from '../api/ApiContext.js';
import { call } from '../api/client.js';
import type { Enterprise, RunSummary } from '../api/types.js';
import { useRequest, type RequestState } from '../api/useRequest.js';

/** The year a run covers, from its period start (`2025-01-01`). */
export function runYear(run: Pick<RunSummary, 'periodStart'>): number | undefined {
  const year = Number(run.periodStart?.slice(0, 4));
  return Number.isInteger(year) && year > 0 ? year : undefined;
}

export interface EnterpriseSelection {
  /** The enterprises in the user's scope (the API decides). */
  readonly enterprises: RequestState<readonly Enterprise[]> & { readonly reload: () => void };
  readonly enterprise: Enterprise | undefined;
  /** Years with a calculation run for the chosen enterprise, newest first. */
  readonly years: readonly number[];
  readonly year: number | undefined;
  /** The enterprise's runs, newest first. */
  readonly runs: RequestState<readonly RunSummary[]> & { readonly reload: () => void };
  select(change: { enterprise?: string; year?: number }): void;
}

/**
 * The enterprise and year an enterprise page shows, kept in the URL (`?enterprise=…&year=…`) so
 * that a page can be bookmarked and the choice follows the user from page to page. Without a
 * choice: the first enterprise in scope and its latest calculated year.
 */
export function useEnterpriseSelection(): EnterpriseSelection {
  const api = useApi();
  const [params, setParams] = useSearchParams();
  const enterprises = useRequest('enterprises', async (signal) => {
    const page = await call(
      api.GET('/api/v1/enterprises', { params: { query: { limit: 500 } }, signal }),
    );
    return page.items;
  });
  const chosen = params.get('enterprise');
  const list = enterprises.data ?? [];
  const enterprise = list.find((e) => e.id === chosen) ?? list[0];

  const runs = useRequest(`runs:${enterprise?.id ?? ''}`, async (signal) => {
    if (!enterprise) return [];
    const page = await call(
      api.GET('/api/v1/runs', {
        params: { query: { enterpriseId: enterprise.id, limit: 100 } },
        signal,
      }),
    );
    return page.items;
  });
  const years = [
    ...new Set((runs.data ?? []).map(runYear).filter((y): y is number => y !== undefined)),
  ].sort((a, b) => b - a);
  const askedYear = Number(params.get('year'));
  const year = Number.isInteger(askedYear) && askedYear > 1900 ? askedYear : years[0];

  const select = useCallback(
    (change: { enterprise?: string; year?: number }) =>
      setParams(
        (current) => {
          const next = new URLSearchParams(current);
          if (change.enterprise !== undefined) {
            next.set('enterprise', change.enterprise);
            next.delete('year');
          }
          if (change.year !== undefined) next.set('year', String(change.year));
          return next;
        },
        { replace: false },
      ),
    [setParams],
  );

  return {
    enterprises,
    enterprise,
    years,
    year,
    runs,
    select,
  };
}

/** The newest run of a year among an enterprise's runs (newest first). */
export function latestRun(
  runs: readonly RunSummary[] | undefined,
  year: number | undefined,
): RunSummary | undefined {
  return year === undefined ? undefined : runs?.find((r) => runYear(r) === year);
}
