import { useState } from 'react';
import { useApi } from '../api/ApiContext.js';
import { call } from '../api/client.js';
import type { Enterprise, Run } from '../api/types.js';
import { useRequest } from '../api/useRequest.js';
import { runYear } from '../enterprise/useEnterpriseSelection.js';
import type { EnterpriseFigures } from './figures.js';

export interface ScopeFigures {
  readonly enterprises: readonly Enterprise[];
  /** Years with runs, newest first. */
  readonly years: readonly number[];
  /** Per year: each enterprise's newest run of that year. */
  readonly byYear: ReadonlyMap<number, readonly EnterpriseFigures[]>;
}

/**
 * The figures of every enterprise in a park (or in the user's whole scope): the newest run of
 * each enterprise and year, read one run at a time. Reports its progress, since a district of
 * many enterprises takes a while.
 */
export function useScopeFigures(parkId: string | undefined, enabled = true) {
  const api = useApi();
  const [progress, setProgress] = useState<{ done: number; total: number }>({ done: 0, total: 0 });
  const request = useRequest(
    `scope:${parkId ?? '*'}:${enabled}`,
    async (signal): Promise<ScopeFigures | undefined> => {
      if (!enabled) return undefined;
      const enterprises = (
        await call(
          api.GET('/api/v1/enterprises', {
            params: { query: { ...(parkId !== undefined && { parkId }), limit: 500 } },
            signal,
          }),
        )
      ).items;
      const ids = new Set(enterprises.map((e) => e.id));
      const summaries = (
        await call(api.GET('/api/v1/runs', { params: { query: { limit: 500 } }, signal }))
      ).items.filter((r) => r.enterpriseId !== undefined && ids.has(r.enterpriseId));
      // Newest first: the first run seen for an enterprise and year is its current one.
      const chosen = new Map<string, (typeof summaries)[number]>();
      for (const r of summaries) {
        const key = `${r.enterpriseId}:${runYear(r)}`;
        if (!chosen.has(key)) chosen.set(key, r);
      }
      const wanted = [...chosen.values()];
      let done = 0;
      setProgress({ done, total: wanted.length });
      const runs = await Promise.all(
        wanted.map(async (s) => {
          const run: Run = await call(
            api.GET('/api/v1/runs/{id}', { params: { path: { id: s.id } }, signal }),
          );
          setProgress({ done: ++done, total: wanted.length });
          return run;
        }),
      );
      const byEnterprise = new Map(enterprises.map((e) => [e.id, e]));
      const byYear = new Map<number, EnterpriseFigures[]>();
      for (const run of runs) {
        const year = runYear(run);
        const enterprise = run.enterpriseId ? byEnterprise.get(run.enterpriseId) : undefined;
        if (year === undefined || !enterprise) continue;
        byYear.set(year, [...(byYear.get(year) ?? []), { enterprise, run }]);
      }
      const years = [...byYear.keys()].sort((a, b) => b - a);
      return { enterprises, years, byYear };
    },
  );
  return { ...request, progress };
}
