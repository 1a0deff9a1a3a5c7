import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { readOlcaJsonLdZip, type OlcaImport } from '../src/lca/olca-jsonld.js';
// @carbonbase/footprint is not linked into node_modules yet (needs `npm install` by the lead);
// until then the engine is imported by path. Passing the import result to it type-checks the
// product-system format against the engine's input type.
import { ProductSystemModel, type GwpSet, type ProductSystemData } from '@carbonbase/footprint';

const ZIP = fileURLToPath(
  new URL('../../../../shared/data/uslci-jsonld-2017/uslci_olca1_5_0_json_ld.zip', import.meta.url),
);
const GWP = JSON.parse(
  readFileSync(new URL('../../footprint/test/gwp-ipcc-ar5-uslci.json', import.meta.url), 'utf8'),
) as GwpSet;

const CEMENT = '62993671-574c-3fc5-b66a-6be3bb21ad3d'; // "Portland cement, at plant" (PROVENANCE.md)
// Linking used for the documented footprints (docs/methods/footprint.md §USLCI):
const LINKING = {
  // "Diesel, at refinery" is the reference flow of two processes; the refinery is its real source,
  // "Crude oil, in refinery" only carries the diesel flow as its reference by a data error.
  preferredProviders: {} as Record<string, string>,
  regionPreference: ['US', 'RNA'],
};

let imported: OlcaImport;
let model: ProductSystemModel;

beforeAll(() => {
  imported = readOlcaJsonLdZip(readFileSync(ZIP));
  const system: ProductSystemData = imported.system;
  const diesel = imported.report.traps.severalProviders.find(
    (t) => t.flowName === 'Diesel, at refinery',
  );
  const refinery = system.processes.find((p) => p.name === 'Petroleum refining, at refinery');
  if (diesel && refinery) LINKING.preferredProviders[diesel.flowId] = refinery.id;
  model = new ProductSystemModel(system, LINKING);
});

describe('USLCI 2017 openLCA JSON-LD import', () => {
  it('reports the counts of PROVENANCE.md', () => {
    const { counts } = imported.report;
    expect(counts.processes).toBe(766);
    expect(counts.exchanges).toBe(32_526);
    expect(counts.flows).toEqual({ elementary: 2918, product: 1659, waste: 24 });
    expect(counts.files).toMatchObject({
      flow_properties: 33,
      unit_groups: 27,
      categories: 283,
      sources: 686,
      actors: 77,
      locations: 11,
    });
    expect(imported.system.processes).toHaveLength(766);
    expect(imported.report.issues).toEqual([]);
  });

  it('converts exchange units to each flow reference unit through the unit groups', () => {
    const conv = imported.report.unitConversions;
    // Energy's reference unit in openLCA is MJ: 1 kWh = 3.6 MJ.
    expect(conv.find((c) => c.from === 'kWh' && c.to === 'MJ')?.factor).toBeCloseTo(3.6, 12);
    expect(conv.find((c) => c.from === 'l' && c.to === 'm3')?.factor).toBeCloseTo(0.001, 15);
    expect(conv.reduce((n, c) => n + c.exchanges, 0)).toBeGreaterThan(1000);
    const electricityUnits = new Set(
      imported.system.flows
        .filter((f) => f.name.startsWith('Electricity, at grid'))
        .map((f) => f.unit),
    );
    expect(electricityUnits).toEqual(new Set(['MJ']));
  });

  it('reports the traps PROVENANCE.md names', () => {
    const t = imported.report.traps;
    expect(t.exchangesWithDefaultProvider).toBe(0); // schema 1.5: link by product flow
    expect(t.severalProviders.map((s) => s.flowName).sort()).toEqual([
      'Diesel, at refinery',
      'Harvesting, fresh fruit bunch, at farm',
    ]);
    // PROVENANCE counts 740 by name; by flow id (how linking works) there are 754 product inputs,
    // plus the waste outputs that no process treats (24 waste flows, none with a treatment).
    expect(t.unprovidedFlows.names).toBeGreaterThanOrEqual(740);
    expect(t.unprovidedFlows.flows).toBe(754 + 24);
    expect(t.multiOutput.processes).toBe(139);
    expect(t.untrimmedNames).toBeGreaterThan(0);
    expect(t.duplicateElementaryNames).toBeGreaterThan(0);
    const co2 = imported.system.flows.filter((f) => f.name.trim() === 'Carbon dioxide, fossil');
    expect(new Set(co2.map((f) => f.id)).size).toBe(co2.length);
    expect(co2.length).toBeGreaterThan(1);
  });
});

describe('USLCI cradle-to-gate footprints (AR5 GWP-100, linking rules above)', () => {
  it('1 kg Portland cement, at plant', () => {
    const r = model.calculate({ processId: CEMENT, amount: { value: 1, unit: 'kg' } }, GWP);
    expect(r.explanation.solver.residual.relative).toBeLessThan(1e-12);
    const impact = r.impact!;
    expect(impact.total.unit).toBe('kgCO2e');
    const parts = impact.direct.value + impact.byInput.reduce((s, i) => s + i.amount.value, 0);
    expect(parts).toBeCloseTo(impact.total.value, 10);
    // Trap found in the data (docs/methods/footprint.md §USLCI): the plant reports its kiln CO2
    // directly ("Carbon dioxide, fossil" 0.553 kg, calcination-sized, and "Carbon dioxide" 0.374 kg,
    // combustion-sized) and ALSO buys 0.107 kg "Bituminous coal, combusted in industrial boiler",
    // a process that emits the coal's combustion CO2 a second time.
    const coal = impact.byInput.find(
      (i) => i.flowName === 'Bituminous coal, combusted in industrial boiler',
    )!;
    expect(coal.input.value).toBeCloseTo(0.107, 12);
    // Bituminous coal: ~25 MJ/kg × ~94 gCO2/MJ ≈ 2.35 kgCO2/kg burnt, plus mining methane and
    // transport upstream: 2.2–3.5 kgCO2e per kg is the plausible range.
    expect(coal.amount.value / coal.input.value).toBeGreaterThan(2.2);
    expect(coal.amount.value / coal.input.value).toBeLessThan(3.5);
    // Without that double count the footprint must fall in the range every published
    // cradle-to-gate value for ordinary Portland cement falls in: ~0.9 kg clinker/kg, calcination
    // ~0.51 kgCO2/kg clinker (44/56 × ~0.65 CaO), kiln fuel ~0.3, electricity ~0.1: 0.5–1.2.
    expect(impact.total.value - coal.amount.value).toBeGreaterThan(0.5);
    expect(impact.total.value - coal.amount.value).toBeLessThan(1.2);
    // Direct plant emissions: calcination (~0.5) + kiln fuel (~0.3–0.4): 0.7–1.0 kgCO2e/kg.
    expect(impact.direct.value).toBeGreaterThan(0.7);
    expect(impact.direct.value).toBeLessThan(1.0);
    // 0.144 kWh of US grid electricity at 0.5–1.0 kgCO2e/kWh.
    const elec = impact.byInput.find((i) => i.flowName === 'Electricity, at grid, US, 2000')!;
    expect(elec.input).toEqual({ value: expect.closeTo(0.144 * 3.6, 12), unit: 'MJ' });
    expect(elec.amount.value).toBeGreaterThan(0.144 * 0.5);
    expect(elec.amount.value).toBeLessThan(0.144 * 1.0);
    // Cut-offs are listed with amounts, e.g. the cement bags (0.00068 kg per kg, PROVENANCE file).
    const bags = r.explanation.cutOffs.find((c) => c.flowName === 'CUTOFF Cement bags, at plant');
    expect(bags?.total).toEqual({ value: expect.closeTo(0.00068, 15), unit: 'kg' });
  });

  it('1 kWh of US grid electricity (2000)', () => {
    const grid = imported.system.processes.find((p) => p.name === 'Electricity, at grid, US, 2000');
    const r = model.calculate({ processId: grid!.id, amount: { value: 1, unit: 'kWh' } }, GWP);
    expect(r.demand.amount).toEqual({ value: expect.closeTo(3.6, 14), unit: 'MJ' });
    expect(r.explanation.solver.residual.relative).toBeLessThan(1e-12);
    // The US grid in 2000 was ~52 % coal (~1.0 kgCO2/kWh), ~16 % gas (~0.5), ~3 % oil, the rest
    // nuclear and hydro; eGRID 2000 put the US average at ~0.62 kgCO2/kWh at the plant. With
    // upstream fuel chains and grid losses the cradle-to-gate value lies between 0.5 and 1.0.
    expect(r.impact!.total.value).toBeGreaterThan(0.5);
    expect(r.impact!.total.value).toBeLessThan(1.0);
  });

  it('one transposed solve gives every product its intensity, consistent with the direct solve', () => {
    const all = model.intensities(GWP);
    expect(all.residual.relative).toBeLessThan(1e-12);
    const j = model.linked.processIndex.get(CEMENT)!;
    const direct = model.calculate({ processId: CEMENT, amount: { value: 1, unit: 'kg' } }, GWP);
    expect(all.values.values[j]).toBeCloseTo(direct.impact!.total.value, 12);
  });
});
