import { describe, expect, it } from 'vitest';
import { ProductSystemModel } from './product-system.js';
import { AR5_TEST_SET, CLINKER_SYSTEM, ex } from '../../test/fixtures.js';
import type { ProductSystemData } from '../system/model.js';

describe('product system: clinker, coal, power (worked by hand)', () => {
  // Balances for 1 kg clinker (s = activity of kiln, mine, power):
  //   s_kiln = 1
  //   coal:        s_mine = 0.12 s_kiln + 0.4 s_power
  //   electricity: (1 − 0.05) s_power = 0.1 s_kiln + 0.05 s_mine          (0.36 MJ = 0.1 kWh)
  //   → 0.95 s_power = 0.1 + 0.05 (0.12 + 0.4 s_power) = 0.106 + 0.02 s_power
  //   → s_power = 0.106 / 0.93 = 0.11397849462365…,  s_mine = 0.12 + 0.4 s_power = 0.16559139784946…
  // Inventory: CO2 = 0.8 + 0.9 s_power = 0.90258064516129…;  CH4 = 0.005 s_mine = 0.00082795698924…
  // GWP (AR5): 0.90258064516129 + 28 × 0.00082795698924 = 0.92576344086021… kgCO2e
  const sPower = 0.106 / 0.93;
  const sMine = 0.12 + 0.4 * sPower;
  const total = 0.8 + 0.9 * sPower + 28 * 0.005 * sMine;
  const model = new ProductSystemModel(CLINKER_SYSTEM);
  const result = model.calculate(
    { processId: 'kiln', amount: { value: 1, unit: 'kg' } },
    AR5_TEST_SET,
  );

  it('solves the scaling vector', () => {
    expect(result.scaling.labels).toEqual(['kiln', 'mine', 'power']);
    expect(result.scaling.values[0]).toBeCloseTo(1, 14);
    expect(result.scaling.values[1]).toBeCloseTo(sMine, 14);
    expect(result.scaling.values[2]).toBeCloseTo(sPower, 14);
    expect(result.explanation.solver.residual.relative).toBeLessThan(1e-12);
  });

  it('reports inventory and GWP', () => {
    const co2 = result.inventory.find((e) => e.flowId === 'co2');
    expect(co2?.amount.unit).toBe('kg');
    expect(co2?.amount.value).toBeCloseTo(0.8 + 0.9 * sPower, 14);
    expect(result.impact?.total.unit).toBe('kgCO2e');
    expect(result.impact?.total.value).toBeCloseTo(total, 13);
    // "Methane " (trailing space) still matches the name "methane" in an air compartment.
    expect(result.impact?.characterized.map((c) => c.gas).sort()).toEqual(['CH4', 'CO2']);
  });

  it('splits the total by process and by direct input, both summing to the total', () => {
    const impact = result.impact!;
    const byProcess = Object.fromEntries(
      impact.byProcess.map((p) => [p.processId, p.amount.value]),
    );
    expect(byProcess['kiln']).toBeCloseTo(0.8, 14);
    expect(byProcess['power']).toBeCloseTo(0.9 * sPower, 14);
    expect(byProcess['mine']).toBeCloseTo(0.14 * sMine, 14);
    // Total intensities: λ_power = (0.9 + 0.4 λ_coal)/0.95, λ_coal = 0.14 + 0.05 λ_power
    //   → 0.93 λ_power = 0.956, λ_power = 1.0279569892…, λ_coal = 0.1913978494…
    const lPower = 0.956 / 0.93;
    const lCoal = 0.14 + 0.05 * lPower;
    expect(impact.direct.value).toBeCloseTo(0.8, 14);
    const byInput = Object.fromEntries(impact.byInput.map((i) => [i.flowId, i.amount.value]));
    expect(byInput['coal']).toBeCloseTo(0.12 * lCoal, 14);
    expect(byInput['elec']).toBeCloseTo(0.1 * lPower, 14);
    expect(impact.direct.value + (byInput['coal'] ?? 0) + (byInput['elec'] ?? 0)).toBeCloseTo(
      total,
      13,
    );
    const intensities = model.intensities(AR5_TEST_SET);
    expect(intensities.values.values[0]).toBeCloseTo(total, 13);
    expect(intensities.values.values[2]).toBeCloseTo(lPower, 13);
  });

  it('lists the cut-off, the co-product and every link with its rule', () => {
    expect(result.explanation.cutOffs).toEqual([
      expect.objectContaining({
        consumerId: 'kiln',
        flowId: 'refractory',
        total: { value: 0.001, unit: 'kg' },
      }),
    ]);
    const heat = result.explanation.sideFlows[0];
    expect(heat?.flowId).toBe('heat');
    expect(heat?.total.value).toBeCloseTo(0.5 * sPower, 14);
    const kilnElec = result.explanation.links.find(
      (l) => l.consumerId === 'kiln' && l.flowId === 'elec',
    );
    expect(kilnElec).toMatchObject({ providerId: 'power', rule: 'only-provider' });
    expect(kilnElec?.supplied.value).toBeCloseTo(0.1, 14); // 0.36 MJ converted to the flow's kWh
  });

  it('reuses the factorization: 2 kg costs twice 1 kg', () => {
    const two = model.calculate(
      { flowId: 'clinker', amount: { value: 0.002, unit: 't' } },
      AR5_TEST_SET,
    );
    expect(two.impact?.total.value).toBeCloseTo(2 * total, 13);
  });
});

describe('linking rules', () => {
  const flows: ProductSystemData['flows'] = [
    { id: 'steel', name: 'Steel', kind: 'product', unit: 'kg' },
    { id: 'elec', name: 'Electricity', kind: 'product', unit: 'kWh' },
    { id: 'slag', name: 'Slag', kind: 'waste', unit: 'kg' },
    {
      id: 'co2',
      name: 'Carbon dioxide, fossil',
      kind: 'elementary',
      unit: 'kg',
      compartment: 'air',
    },
  ];
  const grid = (id: string, location: string, co2: number) => ({
    id,
    name: `Grid ${location}`,
    location,
    referenceFlowId: 'elec',
    exchanges: [ex('elec', 'output', 1, 'kWh'), ex('co2', 'output', co2, 'kg')],
  });
  const mill = (location: string, extra = {}) => ({
    id: 'mill',
    name: 'Steel mill',
    location,
    referenceFlowId: 'steel',
    exchanges: [
      ex('steel', 'output', 1, 'kg'),
      ex('elec', 'input', 2, 'kWh', extra),
      ex('slag', 'output', 0.3, 'kg'),
    ],
  });
  const landfill = {
    id: 'landfill',
    name: 'Slag landfill',
    referenceFlowId: 'slag',
    exchanges: [ex('slag', 'input', 1, 'kg'), ex('co2', 'output', 0.1, 'kg')],
  };
  const system = (m: ReturnType<typeof mill>): ProductSystemData => ({
    flows,
    processes: [m, grid('g-us', 'US', 0.5), grid('g-cn', 'CN', 0.6), landfill],
  });
  const co2 = (m: ProductSystemModel): number =>
    m.calculate({ processId: 'mill', amount: { value: 1, unit: 'kg' } }, AR5_TEST_SET).impact?.total
      .value ?? NaN;

  it('prefers the provider in the same location', () => {
    // 2 kWh × 0.5 (US grid) + 0.3 kg slag × 0.1 (landfill, a waste output linked to treatment) = 1.03
    const m = new ProductSystemModel(system(mill('US')));
    expect(co2(m)).toBeCloseTo(1.03, 14);
    const link = m.linked.links.find((l) => l.flowId === 'elec');
    expect(link?.rule).toBe('same-location');
    expect(link?.candidates).toEqual(['g-us', 'g-cn']);
    expect(m.linked.links.find((l) => l.flowId === 'slag')?.rule).toBe('only-provider');
  });

  it('then the region preference list, then the lowest id (flagged tie-break)', () => {
    expect(
      co2(new ProductSystemModel(system(mill('DE')), { regionPreference: ['CN'] })),
    ).toBeCloseTo(1.23, 14);
    const tie = new ProductSystemModel(system(mill('DE')));
    expect(tie.linked.links.find((l) => l.flowId === 'elec')).toMatchObject({
      rule: 'tie-break',
      provider: 2,
    });
  });

  it('lets a named default provider and a user preference override location', () => {
    const named = new ProductSystemModel(system(mill('US', { defaultProvider: 'g-cn' })));
    expect(named.linked.links.find((l) => l.flowId === 'elec')?.rule).toBe('default-provider');
    expect(co2(named)).toBeCloseTo(1.23, 14);
    const preferred = new ProductSystemModel(system(mill('US')), {
      preferredProviders: { elec: 'g-cn' },
    });
    expect(co2(preferred)).toBeCloseTo(1.23, 14);
  });
});
