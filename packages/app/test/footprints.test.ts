import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseInventory } from '@carbonbase/engine';
import {
  loadPactSchemas,
  validatePact,
  type PactSchemas,
  type PactV2ProductFootprint,
  type PactV3ProductFootprint,
} from '@carbonbase/pact';
import { valueIn } from '@carbonbase/quantity';
import type { Store } from '@carbonbase/store';
import { DEMO_PASSWORD, seedDemo } from '../src/demo/index.js';
import {
  AppError,
  getRun,
  listRuns,
  loadBundledFactorSets,
  login,
  pactFootprintOf,
  productFootprint,
  resultOf,
  type Actor,
  type RunInputs,
} from '../src/index.js';
import { engines, unique, useStore } from './harness.js';

const shared = (p: string) =>
  new URL(`../../../../shared/data/pact-tech-spec/${p}`, import.meta.url);
const background = JSON.parse(
  readFileSync(
    new URL('../../../data/footprint-background/uslci-2017-cement-inputs.json', import.meta.url),
    'utf8',
  ),
) as { processes: { id: string; footprint: string }[] };
/** tCO2e per t of fuel, read from the shipped background set. */
const upstream = (id: string) =>
  Number.parseFloat(background.processes.find((p) => p.id === id)!.footprint);

const notFound = (p: Promise<unknown>) =>
  expect(p).rejects.toSatisfy((e) => e instanceof AppError && e.code === 'not-found');

describe.each(engines)('product footprints over the demo district (%s)', (engine) => {
  const getStore = useStore(engine);
  let store: Store;
  const tenant = unique('footprint');
  const actors = new Map<string, Actor>();
  let cemA: string;
  let electronics: string;
  let schemas: PactSchemas;

  beforeAll(async () => {
    store = getStore();
    await loadBundledFactorSets(store);
    await store.organisations.createTenant(tenant, '足迹 footprints');
    await seedDemo(store, tenant);
    for (const l of ['admin', 'park-ht', 'cement-manager', 'verifier'])
      actors.set(l, (await login(store, tenant, l, DEMO_PASSWORD)).actor);
    const list = await store.organisations.listEnterprises(tenant, {}, { limit: 100 });
    cemA = list.find((e) => e.code === 'DEMO-CEM-A')!.id;
    electronics = list.find((e) => e.code === 'DEMO-ELE-A')!.id;
    schemas = loadPactSchemas({
      v2: readFileSync(shared('openapi_v2_3.yaml'), 'utf8'),
      v3: readFileSync(shared('openapi_v3_0.yaml'), 'utf8'),
    });
  }, 300_000);

  it('gives the clinker footprint of the latest 2025 run, summed here from the engine lines', async () => {
    const manager = actors.get('cement-manager')!;
    const p = await productFootprint(store, manager, {
      enterpriseId: cemA,
      year: 2025,
      product: 'clinker',
    });
    const [latest] = await listRuns(store, manager, { enterpriseId: cemA, year: 2025, limit: 1 });
    expect(p.run.id).toBe(latest!.id);
    expect(p.run.method).toMatch(/^cn-cement-cets-2024@/);
    expect(p.accounting.method).toBe('cn-cement-cets-2024');
    expect(p.accounting.note).toMatch(/kiln dust and raw-meal organic carbon/);

    // By hand from the stored run: every included line except the grinding electricity (outside
    // the clinker boundary) is the kiln's; each fuel adds its upstream from the background set;
    // all per tonne of clinker.
    const run = await getRun(store, manager, p.run.id);
    const inputs = run.inputs as unknown as RunInputs;
    const result = resultOf(run);
    const doc = parseInventory(inputs.inventory, 'stored');
    const byId = new Map(doc.lines.map((l) => [l.id, l]));
    let emissions = 0;
    let fuel = 0;
    let clinker = 0;
    for (const line of result.lines) {
      const l = byId.get(line.id)!;
      if (line.treatment === 'memo' || line.treatment === 'excluded') continue;
      if (l.kind === 'clinker') clinker += valueIn(l.amount, 't');
      if (l.kind === 'electricity-purchased' && l.inClinkerBoundary === false) continue;
      emissions += valueIn(line.emissions, 'tCO2e');
      if (l.kind === 'fuel-combustion') fuel += valueIn(l.amount, 't') * upstream(l.fuel);
    }
    expect(fuel).toBeGreaterThan(0);
    const expected = (emissions + fuel) / clinker;
    expect(valueIn(p.footprint.total, 'tCO2e/t')).toBeCloseTo(expected, 9);
    expect(p.footprint.fuelUpstream.status).toBe('included');
    const line = p.footprint.breakdown.find((b) => b.category === 'fuel-upstream')!;
    expect(valueIn(line.value, 'tCO2e/t')).toBeCloseTo(fuel / clinker, 12);
    // contributions add up, and background ones name their source
    const sum = p.footprint.contributions.byInput.reduce((s, c) => s + c.value.value, 0);
    expect(sum).toBeCloseTo(valueIn(p.footprint.total, 'tCO2e/t'), 12);
    for (const c of p.footprint.contributions.byInput.filter((x) => x.background))
      expect(c.source).toMatch(/^uslci-2017-cement-inputs@2017\.2: USLCI 2017/);
    expect(p.footprint.allocation.rule).toBe('cut-off');
    // the same footprint by run id
    const again = await productFootprint(store, manager, { runId: p.run.id, product: 'clinker' });
    expect(again.footprint.total).toEqual(p.footprint.total);
  });

  it('refuses what it cannot compute, with the reason', async () => {
    const admin = actors.get('admin')!;
    // the store holds no cement output for the demo plants
    await expect(
      productFootprint(store, admin, { enterpriseId: cemA, year: 2025, product: 'cement' }),
    ).rejects.toSatisfy(
      (e) =>
        e instanceof AppError &&
        e.code === 'validation-failed' &&
        e.details[0]?.field === 'production.cement',
    );
    await expect(
      productFootprint(store, admin, { enterpriseId: electronics, year: 2025, product: 'clinker' }),
    ).rejects.toSatisfy((e) => e instanceof AppError && /not a clinker plant/.test(e.en));
    await notFound(
      productFootprint(store, admin, { enterpriseId: cemA, year: 2019, product: 'clinker' }),
    );
  });

  it('answers "not found" outside the actor’s scope, by enterprise and by run', async () => {
    const other = actors.get('park-ht')!;
    await notFound(
      productFootprint(store, other, { enterpriseId: cemA, year: 2025, product: 'clinker' }),
    );
    const [run] = await listRuns(store, actors.get('admin')!, {
      enterpriseId: cemA,
      year: 2025,
      limit: 1,
    });
    await notFound(productFootprint(store, other, { runId: run!.id, product: 'clinker' }));
    await notFound(pactFootprintOf(store, other, { runId: run!.id, product: 'clinker' }, '3'));
  });

  it('exports PACT v2.3 and v3.0 documents that validate against the official schemas', async () => {
    const verifier = actors.get('verifier')!;
    const q = { enterpriseId: cemA, year: 2025, product: 'clinker' } as const;
    const p = await productFootprint(store, verifier, q);
    const v2 = await pactFootprintOf(store, verifier, q, '2');
    const v3 = await pactFootprintOf(store, verifier, q, '3');
    expect(validatePact(v2, '2', schemas)).toEqual({ valid: true, errors: [] });
    expect(validatePact(v3, '3', schemas)).toEqual({ valid: true, errors: [] });
    // tCO2e/t → kgCO2e per declared unit, as a decimal string
    const kg = valueIn(p.footprint.total, 'tCO2e/t') * 1000;
    expect(Number((v3 as PactV3ProductFootprint).pcf.pcfExcludingBiogenicUptake)).toBeCloseTo(
      kg,
      6,
    );
    expect(Number((v2 as PactV2ProductFootprint).pcf.pCfExcludingBiogenic)).toBeCloseTo(kg, 6);
    expect(v3.productIds).toEqual(['urn:pact:carbonbase:product-id:DEMO-CEM-A:clinker']);
    // the id is derived from the run, product and allocation: asking again gives the same document
    expect((await pactFootprintOf(store, verifier, q, '3')).id).toBe(v3.id);
    expect(v2.id).toBe(v3.id);
  });
});
