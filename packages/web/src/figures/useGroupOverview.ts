import { useMemo } from 'react';
import { useApi } from '../api/ApiContext.js';
import { call, type GetOk } from '../api/client.js';
import { useRequest } from '../api/useRequest.js';
import { runYear } from '../enterprise/useEnterpriseSelection.js';

/** A park's year as the API rolls it up (GET /parks/{id}/overview). */
export type ParkOverview = GetOk<'/api/v1/parks/{id}/overview'>;
/** A region's year, with its parks (GET /regions/{id}/overview). */
export type RegionOverview = GetOk<'/api/v1/regions/{id}/overview'>;
export type GroupOverview = ParkOverview | RegionOverview;
export type OverviewEnterprise = GroupOverview['enterprises'][number];
export type RegionEntry = GetOk<'/api/v1/regions'>['items'][number];

/** The trend covers at most this many years, newest first: one overview request each. */
const TREND_YEARS = 6;

/**
 * Years with a calculation run in the user's scope, newest first (one light listing). A year
 * with no run of the group's enterprises gives an overview without roll-up and is left out.
 */
export function useRunYears() {
  const api = useApi();
  return useRequest('run-years', async (signal) => {
    const runs = await call(api.GET('/api/v1/runs', { params: { query: { limit: 500 } }, signal }));
    const years = new Set(runs.items.map(runYear).filter((y): y is number => y !== undefined));
    return [...years].sort((a, b) => b - a);
  });
}

/**
 * The overviews of a park or region for the years with runs, requested together (no request
 * waits for another). Every figure on the page comes from these answers: roll-up, rankings,
 * year-on-year change, sector shares and intensities are the API's.
 */
export function useGroupOverviews(
  kind: 'park' | 'region',
  id: string | undefined,
  years: readonly number[] | undefined,
) {
  const api = useApi();
  const wanted = (years ?? []).slice(0, TREND_YEARS);
  return useRequest(
    `${kind}-overview:${id ?? ''}:${wanted.join(',')}`,
    async (signal): Promise<ReadonlyMap<number, GroupOverview> | undefined> => {
      if (id === undefined || years === undefined) return undefined;
      const answers = await Promise.all(
        wanted.map((year) =>
          kind === 'park'
            ? call(
                api.GET('/api/v1/parks/{id}/overview', {
                  params: { path: { id }, query: { year } },
                  signal,
                }),
              )
            : call(
                api.GET('/api/v1/regions/{id}/overview', {
                  params: { path: { id }, query: { year } },
                  signal,
                }),
              ),
        ),
      );
      return new Map(answers.filter((o) => o.rollup !== null).map((o) => [o.year, o]));
    },
  );
}

/** The API's relative change (a % quantity) as a fraction for formatChange; none without it. */
export function relativeChange(change: OverviewEnterprise['yearOnYear']): number | undefined {
  const r = change.ok ? change.relative : undefined;
  return r && r.unit === '%' ? r.value / 100 : undefined;
}

/**
 * Enterprise code → id for the enterprises in scope (a park's, or all the user sees), so that
 * the ranking links each row to its enterprise overview. Asked for beside the overviews.
 */
export function useEnterpriseIds(parkId: string | undefined): ReadonlyMap<string, string> {
  const api = useApi();
  const page = useRequest(`enterprise-ids:${parkId ?? '*'}`, (signal) =>
    call(
      api.GET('/api/v1/enterprises', {
        params: { query: { ...(parkId !== undefined && { parkId }), limit: 500 } },
        signal,
      }),
    ),
  );
  return useMemo(() => new Map((page.data?.items ?? []).map((e) => [e.code, e.id])), [page.data]);
}
