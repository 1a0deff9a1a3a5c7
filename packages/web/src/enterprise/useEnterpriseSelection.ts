import { useCallback, useRef } from 'react';
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
  const chosen = params.get('enterprise');
  const listRuns = (enterpriseId: string, signal: AbortSignal) =>
    call(api.GET('/api/v1/runs', { params: { query: { enterpriseId, limit: 100 } }, signal })).then(
      (page) => page.items,
    );
  // The runs of the enterprise shown are asked for as soon as the list names it, not after the
  // page has rendered the list: on a busy machine that render is the longest step to the figures.
  const ahead = useRef<{ readonly id: string; readonly runs: Promise<RunSummary[]> }>(undefined);
  const enterprises = useRequest('enterprises', async (signal) => {
    const page = await call(
      api.GET('/api/v1/enterprises', { params: { query: { limit: 500 } }, signal }),
    );
    const first = page.items.find((e) => e.id === chosen) ?? page.items[0];
    if (first) {
      const runs = listRuns(first.id, signal);
      // handled where it is taken; this keeps an unused one (the page left) from being reported
      runs.catch(() => undefined);
      ahead.current = { id: first.id, runs };
    }
    return page.items;
  });
  const list = enterprises.data ?? [];
  const enterprise = list.find((e) => e.id === chosen) ?? list[0];

  const runs = useRequest(`runs:${enterprise?.id ?? ''}`, (signal) => {
    if (!enterprise) return Promise.resolve([]);
    const early = ahead.current;
    ahead.current = undefined;
    return early?.id === enterprise.id ? early.runs : listRuns(enterprise.id, signal);
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
