import { beforeAll, describe, expect, it } from 'vitest';
import { openStore, type Park, type Region, type Store } from '@carbonbase/store';
import { valueIn } from '@carbonbase/quantity';
import { DEMO_ENTERPRISES, DEMO_PASSWORD, demoActivity, seedDemo } from '../src/demo/index.js';
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
  type RunInputs,
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
  /** Scope 2 of the lines whose run names a supplier (all are in the district in the demo). */
  const internal = new Map<string, number>();
  /** The electricity (MWh) of those lines: bought from a member of the district. */
  const internalMWh = new Map<string, number>();
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
      const run = await getRun(store, admin, s.id);
      const r = resultOf(run);
      totals.set(key, r.total.value);
      scope2.set(key, r.byScope.scope2?.value ?? 0);
      const suppliers = (run.inputs as unknown as RunInputs).suppliers ?? {};
      internal.set(
        key,
        r.lines
          .filter((l) => l.scope === 'scope2' && suppliers[l.id] !== undefined)
          .reduce((x, l) => x + l.emissions.value, 0),
      );
      internalMWh.set(
        key,
        r.lines
          .filter((l) => l.scope === 'scope2' && suppliers[l.id] !== undefined)
          .reduce(
            (x, l) =>
              x + valueIn(l.explanation.inputs.find((i) => i.field === 'amount')!.value, 'MWh'),
            0,
          ),
      );
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
    // no member names a supplier of the park: nothing is internal, so net = gross
    expect(o.rollup!.internalTransfer.value).toBe(0);
    expect(o.rollup!.net.value).toBeCloseTo(expected, 3);
    expect(o.supply.known).toBe(true);
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

  it('rolls the region up counting the power plant’s sales to its members once, and names them', async () => {
    const o = await regionOverview(store, actors.get('bureau')!, district.id, 2025);
    // independently: run totals (direct + all scope 2), less the scope 2 bought from a member
    const all = sumOf(2025, () => true);
    const bought = [...parkOf.keys()].reduce((x, c) => x + internal.get(`${c} 2025`)!, 0);
    expect(bought).toBeGreaterThan(0);
    expect(o.rollup!.gross.value).toBeCloseTo(all, 3);
    expect(o.rollup!.internalTransfer.value).toBeCloseTo(bought, 3);
    expect(o.rollup!.net.value).toBeCloseTo(all - bought, 3);
    // the same as Σ direct + only external purchases
    const direct = [...parkOf.keys()].reduce(
      (x, c) => x + totals.get(`${c} 2025`)! - scope2.get(`${c} 2025`)!,
      0,
    );
    const external = [...parkOf.keys()].reduce(
      (x, c) => x + scope2.get(`${c} 2025`)! - internal.get(`${c} 2025`)!,
      0,
    );
    expect(o.rollup!.net.value).toBeCloseTo(direct + external, 3);
    expect(new Set(o.rollup!.transfers.map((t) => `${t.buyer} ← ${t.supplier}`))).toEqual(
      new Set([
        'DEMO-STL-01 ← DEMO-PWR-01',
        'DEMO-CHM-01 ← DEMO-PWR-01',
        'DEMO-AUT-01 ← DEMO-PWR-01',
      ]),
    );
    expect(o.outsideParks).toEqual(['DEMO-PWR-01']);
    const parks = new Map(o.parks.map((p) => [p.code, p]));
    // the plant is outside the parks: for a park its sales are bought from outside
    expect(parks.get('DEMO-PARK-HT')!.rollup!.net.value).toBeCloseTo(
      sumOf(2025, (p) => p === 'DEMO-PARK-HT'),
      3,
    );
    expect(parks.get('DEMO-PARK-HT')!.rollup!.internalTransfer.value).toBe(0);
    expect(o.notes.some((n) => n.startsWith('DEMO-PWR-01 ') && n.includes('DEMO-STL-01'))).toBe(
      true,
    );
  });

  it('writes the amounts in its notes for reading: rounded, with the unit, 万 in Chinese', async () => {
    const o = await regionOverview(store, actors.get('bureau')!, district.id, 2025);
    const year = (m: Map<string, number>) =>
      [...parkOf.keys()].reduce((x, c) => x + m.get(`${c} 2025`)!, 0);
    // by hand: 10 000 MWh is 1万 MWh, to two decimals; English keeps whole MWh
    const mwh = year(internalMWh);
    expect(mwh).toBeGreaterThan(1e4);
    const energy = o.rollup!.notes.find((n) => n.startsWith('综合能耗'))!;
    expect(energy).toContain(`内部购电 ${Number((mwh / 1e4).toFixed(2))}万 MWh 既计入`);
    expect(energy).toContain(`the ${Math.round(mwh).toLocaleString('en-US')} MWh bought inside`);
    const tonnes = year(internal);
    const transfer = o.notes.find((n) => n.startsWith('DEMO-PWR-01 '))!;
    expect(transfer).toContain(`间接排放 ${Number((tonnes / 1e4).toFixed(2))}万 tCO2e。`);
    expect(transfer).toContain(`${Math.round(tonnes).toLocaleString('en-US')} tCO2e of indirect`);
    // no raw floating-point figure is left in any note
    for (const n of [...o.notes, ...o.rollup!.notes]) expect(n).not.toMatch(/\d\.\d{3,}/);
  });

  it('shows each enterprise’s pollutants and the synergy class of its change', async () => {
    const o = await parkOverview(store, actors.get('park-bm')!, bm.id, 2025);
    // by hand from the demo's clinker: Hongmian's SCR brings NOx to 0.38 kg/t clinker in 2025,
    // from 0.62 in 2024 (district.ts), rounded per month to the kilogram
    const plant = DEMO_ENTERPRISES.find((e) => e.code === 'DEMO-CEM-A')!;
    const nox = { 2024: 0, 2025: 0 };
    for (const { month, cells } of demoActivity(plant)) {
      const year = Number(month.slice(0, 4)) as 2024 | 2025;
      const clinker = cells
        .filter((c) => c.source.startsWith('clinker-'))
        .reduce((x, c) => x + c.amount.value, 0);
      nox[year] += (clinker * (year === 2025 ? 0.38 : 0.62)) / 1000;
    }
    const row = o.enterprises.find((e) => e.code === 'DEMO-CEM-A')!;
    const figure = row.pollutants.find((p) => p.pollutant === 'NOx')!;
    expect(figure.amount.value).toBeCloseTo(nox[2025], 2);
    expect(figure.months).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(figure.sources).toEqual(['cems']);
    const synergy = row.synergy.find((x) => x.pollutant === 'NOx')!;
    expect(synergy.pollutantChange.value).toBeCloseTo(nox[2025] - nox[2024], 2);
    expect(synergy.carbonChange.value).toBeCloseTo(
      totals.get('DEMO-CEM-A 2025')! - totals.get('DEMO-CEM-A 2024')!,
      3,
    );
    // less carbon (output −3 %) and less NOx: co-control (协同)
    expect(synergy.class).toBe('co-control');
    // the park's pollutants are the sum of its enterprises', and its change has a class too
    const sumNox = o.enterprises.reduce(
      (x, e) => x + (e.pollutants.find((p) => p.pollutant === 'NOx')?.amount.value ?? 0),
      0,
    );
    expect(o.rollup!.pollutants.NOx.value).toBeCloseTo(sumNox, 6);
    expect(o.yearOnYear.synergy.map((x) => x.pollutant)).toEqual(['SO2', 'NOx', 'PM']);
    expect(o.yearOnYear.synergy.find((x) => x.pollutant === 'NOx')!.class).toBe('co-control');
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
