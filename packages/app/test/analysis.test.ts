import { beforeAll, describe, expect, it } from 'vitest';
import { openStore, type Park, type Region, type Store } from '@carbonbase/store';
import { DEMO_PASSWORD, seedDemo } from '../src/demo/index.js';
import {
  AppError,
  getRun,
  listRuns,
  loadBundledFactorSets,
  login,
  parkOverview,
  regionOverview,
  resultOf,
  type Actor,
} from '../src/index.js';
import { unique } from './harness.js';

/**
 * Overviews on the demo district. Expected figures are computed here from the stored runs as
 * listRuns and getRun give them (sums of run totals, their differences), not from the overview.
 */
describe('park and region overviews over the demo district (PGlite)', () => {
  let store: Store;
  const tenant = unique('analysis');
  const actors = new Map<string, Actor>();
  let bm: Park;
  let ht: Park;
  let district: Region;
  /** Run total (tCO2e) of each enterprise code and year, from the newest annual run. */
  const totals = new Map<string, number>();
  const scope2 = new Map<string, number>();
  const parkOf = new Map<string, string | undefined>();

  beforeAll(async () => {
    store = await openStore({ inMemory: true });
    await loadBundledFactorSets(store);
    await store.organisations.createTenant(tenant, '分析 analysis');
    await seedDemo(store, tenant);
    for (const l of ['admin', 'bureau', 'park-bm', 'park-ht', 'cement-manager'])
      actors.set(l, (await login(store, tenant, l, DEMO_PASSWORD)).actor);
    const parks = await store.organisations.listParks(tenant);
    bm = parks.find((p) => p.code === 'DEMO-PARK-BM')!;
    ht = parks.find((p) => p.code === 'DEMO-PARK-HT')!;
    district = (await store.organisations.listRegions(tenant)).find(
      (r) => r.code === '451300-DEMO',
    )!;
    const admin = actors.get('admin')!;
    const enterprises = await store.organisations.listEnterprises(tenant, {}, { limit: 100 });
    const code = new Map(enterprises.map((e) => [e.id, e.code]));
    for (const e of enterprises) parkOf.set(e.code, parks.find((p) => p.id === e.parkId)?.code);
    // newest first: the first run seen per enterprise and year is the latest
    for (const s of await listRuns(store, admin, { limit: 500 })) {
      const key = `${code.get(s.enterpriseId!)} ${s.periodStart!.slice(0, 4)}`;
      if (totals.has(key)) continue;
      const r = resultOf(await getRun(store, admin, s.id));
      totals.set(key, r.total.value);
      scope2.set(key, r.byScope.scope2?.value ?? 0);
    }
    return () => store.close();
  }, 300_000);

  const sumOf = (year: number, inPark: (park: string | undefined) => boolean) =>
    [...parkOf.entries()]
      .filter(([, p]) => inPark(p))
      .reduce((s, [c]) => s + totals.get(`${c} ${year}`)!, 0);

  it('rolls a park up to the sum of its enterprises’ run totals, with no transfer to remove', async () => {
    const o = await parkOverview(store, actors.get('park-bm')!, bm.id, 2025);
    const expected = sumOf(2025, (p) => p === 'DEMO-PARK-BM');
    expect(o.rollup!.members.map((m) => m.enterprise).sort()).toEqual(
      ['DEMO-CEM-A', 'DEMO-CEM-B', 'DEMO-CEM-C', 'DEMO-RMC-01'].sort(),
    );
    expect(o.rollup!.gross.value).toBeCloseTo(expected, 3);
    // no supplier data: nothing is internal, so net = gross, and the result says why
    expect(o.rollup!.internalTransfer.value).toBe(0);
    expect(o.rollup!.net.value).toBeCloseTo(expected, 3);
    expect(o.supply.known).toBe(false);
    const indirect = ['DEMO-CEM-A', 'DEMO-CEM-B', 'DEMO-CEM-C', 'DEMO-RMC-01'].reduce(
      (s, c) => s + scope2.get(`${c} 2025`)!,
      0,
    );
    expect(o.rollup!.indirect.value).toBeCloseTo(indirect, 3);
    expect(o.rollup!.complete).toBe(true);
  });

  it('gives the year-on-year change of the net total from both years’ runs', async () => {
    const o = await parkOverview(store, actors.get('admin')!, bm.id, 2025);
    const a = sumOf(2024, (p) => p === 'DEMO-PARK-BM');
    const b = sumOf(2025, (p) => p === 'DEMO-PARK-BM');
    const c = o.yearOnYear.net;
    if (!c.ok) throw new Error(c.reason);
    expect(c.previous.value).toBeCloseTo(a, 3);
    expect(c.delta.value).toBeCloseTo(b - a, 3);
    expect(c.relative!.value).toBeCloseTo((100 * (b - a)) / a, 9);
    expect(o.yearOnYear.leftOut).toEqual([]);
    // 2024 has no year before it in the demo
    const first = await parkOverview(store, actors.get('admin')!, bm.id, 2024);
    expect(first.yearOnYear.net.ok).toBe(false);
  });

  it('ranks by total (largest first) and by intensity among the clinker producers only', async () => {
    const o = await parkOverview(store, actors.get('admin')!, bm.id, 2025);
    const byHand = ['DEMO-CEM-A', 'DEMO-CEM-B', 'DEMO-CEM-C', 'DEMO-RMC-01'].sort(
      (x, y) => totals.get(`${y} 2025`)! - totals.get(`${x} 2025`)!,
    );
    expect(o.byTotal.groups[0]!.ranked.map((r) => r.enterprise)).toEqual(byHand);
    expect(o.byIntensity.map((i) => i.basis)).toEqual(['per-t-clinker']);
    const ranked = o.byIntensity[0]!.ranking.groups[0]!.ranked;
    // the ready-mixed concrete plant reports no clinker: not compared on intensity
    expect(ranked.map((r) => r.enterprise).sort()).toEqual([
      'DEMO-CEM-A',
      'DEMO-CEM-B',
      'DEMO-CEM-C',
    ]);
    expect(ranked.map((r) => r.value.value)).toEqual(
      [...ranked.map((r) => r.value.value)].sort((x, y) => x - y),
    );
    // the engine's own per-tonne-clinker intensity of each run is the one ranked
    const admin = actors.get('admin')!;
    for (const row of o.enterprises.filter((e) => e.intensity)) {
      const engine = resultOf(await getRun(store, admin, row.runId)).intensities.find(
        (i) => i.id === 'per-t-clinker',
      )!;
      expect(row.intensity!.value).toBeCloseTo(engine.value.value, 12);
      expect(row.intensity!.unit).toBe('tCO2e/t');
    }
    const shares = o.sectors.reduce((s, x) => s + x.share.value, 0);
    expect(shares).toBeCloseTo(100, 9);
  });

  it('rolls the region up over all its enterprises, park by park, and names the power plant', async () => {
    const o = await regionOverview(store, actors.get('bureau')!, district.id, 2025);
    expect(o.rollup!.net.value).toBeCloseTo(
      sumOf(2025, () => true),
      3,
    );
    expect(o.outsideParks).toEqual(['DEMO-PWR-01']);
    const parks = new Map(o.parks.map((p) => [p.code, p]));
    expect(parks.get('DEMO-PARK-HT')!.rollup!.net.value).toBeCloseTo(
      sumOf(2025, (p) => p === 'DEMO-PARK-HT'),
      3,
    );
    expect(o.notes.some((n) => n.includes('DEMO-PWR-01'))).toBe(true);
  });

  it('shows an overview only to those who see the whole park or region', async () => {
    const notFound = (p: Promise<unknown>) =>
      expect(p).rejects.toSatisfy((e) => e instanceof AppError && e.code === 'not-found');
    await notFound(parkOverview(store, actors.get('park-bm')!, ht.id, 2025));
    await notFound(regionOverview(store, actors.get('park-bm')!, district.id, 2025));
    await notFound(parkOverview(store, actors.get('cement-manager')!, bm.id, 2025));
    await notFound(parkOverview(store, actors.get('admin')!, 'no-such-park', 2025));
    const o = await parkOverview(store, actors.get('bureau')!, ht.id, 2025);
    expect(o.enterprises).toHaveLength(7);
  });
});
