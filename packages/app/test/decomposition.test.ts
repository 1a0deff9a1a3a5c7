import { beforeAll, describe, expect, it } from 'vitest';
import { LMDI_FACTORS, type EnterpriseRecord } from '@carbonbase/analysis';
import { quantity, valueIn, type Quantity } from '@carbonbase/quantity';
import type { Park, Region } from '@carbonbase/store';
import { DEMO_PASSWORD, seedDemo } from '../src/demo/index.js';
import { decomposeRecords } from '../src/decomposition.js';
import {
  AppError,
  decomposeChange,
  getRun,
  listRuns,
  loadBundledFactorSets,
  login,
  parkOverview,
  regionOverview,
  resultOf,
  type Actor,
  type Decomposition,
} from '../src/index.js';
import { engines, unique, useStore } from './harness.js';

const t = (v: number): Quantity => quantity(v, 'tCO2e');
const sumOfEffects = (d: Pick<Decomposition, 'effects'>): number =>
  LMDI_FACTORS.reduce((x, f) => x + valueIn(d.effects[f], 'tCO2e'), 0);
const L = (a: number, b: number): number => (a === b ? a : (a - b) / (Math.log(a) - Math.log(b)));

/**
 * Two sectors of a region R, energy as the activity (no common product). The power plant P sells
 * 100 MWh to the steel works S; S also buys 50 MWh from the grid. Net = Σ direct + Σ indirect
 * bought from outside R, so S's purchase from P (60 → 55 tCO2e) is in no figure.
 *
 *              energy (tce)   direct   from P   from grid   part of net
 *   2024  P        100          300       –         –           300
 *         S         50           40      60        30            70      net 370, Q = 150
 *   2025  P        120          330       –         –           330
 *         S         40           30      55        20            50      net 380, Q = 160
 *
 * L_P = L(330, 300) = 314.7618, L_S = L(50, 70) = 59.4403
 * activity  = (L_P + L_S)·ln(160/150)                                   =  24.1504
 * structure = L_P·ln((120/160)/(100/150)) + L_S·ln((40/160)/(50/150))  =  19.9737
 * intensity = 0 (activity is energy: E/Q = 1 in both years)
 * emission factor = L_P·ln((330/120)/(300/100)) + L_S·ln((50/40)/(70/50)) = −34.1241
 * sum = 10.0000 = 380 − 370
 */
describe('decomposeRecords: a hand-worked case', () => {
  const record = (
    enterprise: string,
    year: number,
    energy: number,
    direct: number,
    purchases: { supplier?: string; mwh: number; t: number }[],
  ): { record: EnterpriseRecord } => ({
    record: {
      enterprise,
      region: 'R',
      sector: enterprise === 'P' ? 'power' : 'steel',
      period: { year },
      energy: quantity(energy, 'tce'),
      direct: t(direct),
      purchases: purchases.map((p) => ({
        ...(p.supplier !== undefined && { supplier: p.supplier }),
        electricity: quantity(p.mwh, 'MWh'),
        emissions: t(p.t),
      })),
    },
  });
  const d = decomposeRecords(
    [
      record('P', 2024, 100, 300, []),
      record('S', 2024, 50, 40, [
        { supplier: 'P', mwh: 100, t: 60 },
        { mwh: 50, t: 30 },
      ]),
    ],
    [
      record('P', 2025, 120, 330, []),
      record('S', 2025, 40, 30, [
        { supplier: 'P', mwh: 100, t: 55 },
        { mwh: 50, t: 20 },
      ]),
    ],
    { from: 2024, to: 2025 },
    { rollupScope: 'region', key: 'R', sectorOf: (r) => r.sector! },
  );

  it('uses energy as the activity and gives the effects worked by hand', () => {
    expect(d.activity.measure).toBe('energy');
    expect(d.activity.unit).toBe('tce');
    const [LP, LS] = [L(330, 300), L(50, 70)];
    const expected = {
      activity: (LP + LS) * Math.log(160 / 150),
      structure: LP * Math.log(120 / 160 / (100 / 150)) + LS * Math.log(40 / 160 / (50 / 150)),
      intensity: 0,
      emissionFactor: LP * Math.log(330 / 120 / (300 / 100)) + LS * Math.log(50 / 40 / (70 / 50)),
    };
    for (const f of LMDI_FACTORS) expect(d.effects[f].value).toBeCloseTo(expected[f], 9);
    expect(d.effects.activity.value).toBeCloseTo(24.1504, 4);
    expect(d.effects.structure.value).toBeCloseTo(19.9737, 4);
    expect(d.effects.emissionFactor.value).toBeCloseTo(-34.1241, 4);
  });

  it('counts the purchase from the member once and adds up to the change of net', () => {
    expect(d.base.value).toBeCloseTo(370, 9);
    expect(d.target.value).toBeCloseTo(380, 9);
    expect(sumOfEffects(d)).toBeCloseTo(10, 9);
    const steel = d.sectors.find((s) => s.sector === 'steel')!;
    expect(steel.base.emissions.value).toBeCloseTo(70, 9);
    expect(steel.target.emissions.value).toBeCloseTo(50, 9);
    expect(steel.enterprises).toEqual(['S']);
    expect(d.sectors.map((s) => s.sector)).toEqual(['power', 'steel']);
  });
});

for (const engine of engines)
  describe(`decomposeChange over the demo district (${engine})`, () => {
    const store = useStore(engine);
    const tenant = unique('lmdi');
    const actors = new Map<string, Actor>();
    let bm: Park;
    let ht: Park;
    let district: Region;
    const enterpriseId = new Map<string, string>();

    beforeAll(async () => {
      const s = store();
      await loadBundledFactorSets(s);
      await s.organisations.createTenant(tenant, '分解 decomposition');
      await seedDemo(s, tenant);
      for (const l of ['admin', 'bureau', 'park-bm', 'park-ht', 'cement-manager'])
        actors.set(l, (await login(s, tenant, l, DEMO_PASSWORD)).actor);
      const parks = await s.organisations.listParks(tenant);
      bm = parks.find((p) => p.code === 'DEMO-PARK-BM')!;
      ht = parks.find((p) => p.code === 'DEMO-PARK-HT')!;
      district = (await s.organisations.listRegions(tenant)).find((r) => r.code === '451300-DEMO')!;
      // a member without any run: listed apart, in no figure
      const added = await s.organisations.createEnterprise(tenant, {
        code: 'DEMO-NEW-01',
        name: '新建企业 new enterprise',
        regionId: bm.regionId,
        parkId: bm.id,
        industry: '商品混凝土 ready-mixed concrete (C3021)',
        methodSet: 'cn-gbt32150-2015',
      });
      for (const e of await s.organisations.listEnterprises(tenant, {}, { limit: 100 }))
        enterpriseId.set(e.code, e.id);
      expect(added.id).toBeDefined();
    }, 600_000);

    it('decomposes the building-materials park 2024→2025 into the overview’s change', async () => {
      const admin = actors.get('admin')!;
      const d = await decomposeChange(store(), admin, {
        scope: { parkId: bm.id },
        from: 2024,
        to: 2025,
      });
      const overview = await parkOverview(store(), admin, bm.id, 2025);
      const net = overview.yearOnYear.net;
      if (!net.ok) throw new Error(net.reason);
      const delta = valueIn(net.delta, 'tCO2e');
      expect(Math.abs(sumOfEffects(d) - delta)).toBeLessThanOrEqual(1e-9 * Math.abs(delta));
      expect(Math.abs(d.total.value - delta)).toBeLessThanOrEqual(1e-9 * Math.abs(delta));
      expect(d.base.value).toBeCloseTo(net.previous.value, 6);
      expect(d.target.value).toBeCloseTo(overview.rollup!.net.value, 6);
      // cement kilns and a concrete plant make no common product
      expect(d.activity.measure).toBe('energy');
      expect(d.effects.intensity.value).toBe(0);
      expect(d.sectors.map((s) => s.sector).sort()).toEqual(
        [...new Set(overview.enterprises.map((e) => e.sector!))].sort(),
      );
      expect(d.compared).toEqual(['DEMO-CEM-A', 'DEMO-CEM-B', 'DEMO-CEM-C', 'DEMO-RMC-01']);
      expect(d.leftOut).toEqual([
        { code: 'DEMO-NEW-01', name: '新建企业 new enterprise', yearsWithRun: [] },
      ]);
      expect(d.notes.some((n) => n.includes('DEMO-NEW-01'))).toBe(true);
      // sector energies are the members' run energies, summed here from the stored runs
      const energy = new Map<string, number>();
      for (const s of await listRuns(store(), admin, { limit: 500 })) {
        const key = `${s.enterpriseId} ${s.periodStart!.slice(0, 4)}`;
        if (energy.has(key)) continue;
        energy.set(
          key,
          valueIn(resultOf(await getRun(store(), admin, s.id)).energy.calorific, 'tce'),
        );
      }
      const cement = d.sectors.find((s) => s.enterprises.includes('DEMO-CEM-A'))!;
      const expected = ['DEMO-CEM-A', 'DEMO-CEM-B', 'DEMO-CEM-C'].reduce(
        (x, c) => x + energy.get(`${enterpriseId.get(c)} 2025`)!,
        0,
      );
      expect(cement.target.energy.value).toBeCloseTo(expected, 6);
      expect(cement.target.activity.value).toBeCloseTo(expected, 6);
    });

    it('decomposes the district with its power plant: the region overview’s change', async () => {
      const bureau = actors.get('bureau')!;
      const d = await decomposeChange(store(), bureau, {
        scope: { regionId: district.id },
        from: 2024,
        to: 2025,
      });
      const net = (await regionOverview(store(), bureau, district.id, 2025)).yearOnYear.net;
      if (!net.ok) throw new Error(net.reason);
      const delta = valueIn(net.delta, 'tCO2e');
      expect(Math.abs(sumOfEffects(d) - delta)).toBeLessThanOrEqual(1e-9 * Math.abs(delta));
      expect(d.activity.measure).toBe('energy');
      expect(d.sectors.length).toBeGreaterThan(5);
    });

    it('decomposes one cement plant with clinker as its activity', async () => {
      const manager = actors.get('cement-manager')!;
      const id = enterpriseId.get('DEMO-CEM-A')!;
      const d = await decomposeChange(store(), manager, {
        scope: { enterpriseId: id },
        from: 2024,
        to: 2025,
      });
      expect(d.activity).toMatchObject({
        measure: 'production',
        basis: 'per-t-clinker',
        unit: 't',
      });
      expect(d.sectors).toHaveLength(1);
      expect(d.effects.structure.value).toBe(0);
      // the plant's change is that of its run totals (it has no scope 3)
      const totals = new Map<string, number>();
      for (const s of await listRuns(store(), manager, { enterpriseId: id, limit: 50 })) {
        const y = s.periodStart!.slice(0, 4);
        if (!totals.has(y))
          totals.set(y, resultOf(await getRun(store(), manager, s.id)).total.value);
      }
      const delta = totals.get('2025')! - totals.get('2024')!;
      expect(Math.abs(sumOfEffects(d) - delta)).toBeLessThanOrEqual(1e-9 * Math.abs(delta));
    });

    it('finds no park, region or enterprise outside the caller’s scope', async () => {
      const other = actors.get('park-ht')!;
      const scopes = [
        { parkId: bm.id },
        { regionId: district.id },
        { enterpriseId: enterpriseId.get('DEMO-CEM-A')! },
      ];
      for (const scope of scopes)
        await expect(
          decomposeChange(store(), other, { scope, from: 2024, to: 2025 }),
        ).rejects.toMatchObject({ code: 'not-found' });
      await expect(
        decomposeChange(store(), other, { scope: { parkId: ht.id }, from: 2024, to: 2025 }),
      ).resolves.toMatchObject({ code: 'DEMO-PARK-HT' });
    });

    it('refuses years in the wrong order and years without runs', async () => {
      const admin = actors.get('admin')!;
      const scope = { parkId: bm.id };
      for (const [from, to] of [
        [2025, 2024],
        [2025, 2025],
        [2022, 2023],
      ] as const) {
        const e = await decomposeChange(store(), admin, { scope, from, to }).catch(
          (x: unknown) => x,
        );
        expect(e).toBeInstanceOf(AppError);
        expect(e).toMatchObject({ code: 'validation-failed' });
      }
    });
  });
