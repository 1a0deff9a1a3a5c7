import { beforeAll, describe, expect, it } from 'vitest';
import { valueIn } from '@carbonbase/quantity';
import { openStore, type Store } from '@carbonbase/store';
import { DEMO_PASSWORD, seedDemo } from '../src/demo/index.js';
import type { AppError } from '../src/index.js';
import {
  calculateYear,
  evaluate,
  getRun,
  gradeRun,
  importActivityFile,
  listIndicatorSystems,
  listRuns,
  loadBundledFactorSets,
  login,
  resultOf,
  type Actor,
  type EvaluationRequest,
  type NeutralityEvaluation,
  type WeightedEvaluation,
} from '../src/index.js';
import { E1_ROWS, seedWorld, workbook, type World } from './fixtures.js';
import { engines, unique, useStore } from './harness.js';

const CP = 'template-cleaner-production-tongze';

/**
 * Cleaner-production template, worked by hand. Group weights 0.15 equipment, 0.3 energy
 * (0.6 energy, 0.4 electricity), 0.15 reuse, 0.2 pollutants (0.5 NOx, 0.5 dust), 0.05 product,
 * 0.15 management. Reuse does not apply, so the other groups share 0.85.
 *   level I met by electricity 48 ≤ 50 (0.12), dust 0.04 ≤ 0.05 (0.1), product I (0.05):
 *     Y_I = 100 × 0.27 / 0.85 = 31.76…
 *   level II met by every applicable indicator (energy 105 ≤ 110, NOx 0.7 ≤ 0.8, equipment and
 *   management assessed II): Y_II = 100, mandatory indicators at II → level II reached.
 */
const CP_INPUTS: NonNullable<EvaluationRequest['indicators']> = {
  'example.equipment-level': { level: 'II' },
  'example.energy-intensity': { value: '105 kgce/t' },
  'example.electricity-intensity': { value: '48 kWh/t' },
  'example.waste-use': { notApplicable: '无固体废物 no solid waste' },
  'example.nox': { value: '0.7 kg/t' },
  'example.dust': { value: '0.04 kg/t' },
  'example.product': { level: 'I' },
  'example.management': { level: 'II' },
};

const fail = (p: Promise<unknown>) =>
  p.then(
    () => {
      throw new Error('expected an error');
    },
    (e: unknown) => e as AppError,
  );

describe('indicator systems', () => {
  it('lists the bundled systems with their marks; GB 16780 points to the overview', async () => {
    const systems = await listIndicatorSystems();
    const byId = new Map(systems.map((s) => [s.id, s]));
    expect([...byId.keys()].sort()).toEqual([
      'carbon-neutrality-check-generic',
      'cn-gb16780-2021-cement',
      CP,
      'template-green-factory-gbt36132-2025',
      'template-green-park-miit-2016',
    ]);
    expect(byId.get('cn-gb16780-2021-cement')).toMatchObject({ fromRunOnly: true });
    expect(byId.get('template-green-park-miit-2016')!.subject).toBe('park');
    const gf = byId.get('template-green-factory-gbt36132-2025')!;
    expect(gf.template).toBe(true);
    expect(gf.indicators.find((i) => i.id === 'gf.carbon-intensity')).toMatchObject({
      fromStore: true,
      thresholds: [
        { level: 'leading', value: { value: 780, unit: 'kgCO2/t' }, mark: 'example' },
        { level: 'baseline', value: { value: 850, unit: 'kgCO2/t' }, mark: 'example' },
      ],
    });
  });
});

describe.each(engines)('evaluations over the store on %s', (engine) => {
  const store = useStore(engine);
  let w: World;

  it('scores the cleaner-production template by hand, marks unverified thresholds', async () => {
    w = await seedWorld(store());
    const r = (await evaluate(store(), w.as.manager1, {
      system: CP,
      enterpriseId: w.e1,
      year: 2024,
      indicators: CP_INPUTS,
    })) as WeightedEvaluation;
    expect(r.kind).toBe('weighted-levels');
    expect(r.level).toBe('II');
    const score = (l: string) => r.levels.find((x) => x.level === l)!.score;
    expect(score('I')).toBeCloseTo((100 * 0.27) / 0.85, 9);
    expect(score('II')).toBeCloseTo(100, 9);
    expect(r.runId).toBeNull();
    const energy = r.indicators.find((i) => i.id === 'example.energy-intensity')!;
    expect(energy).toMatchObject({ source: 'request', mandatory: true, levelsMet: ['II', 'III'] });
    expect(r.indicators.find((i) => i.id === 'example.waste-use')!.applicable).toBe(false);
    expect(r.unverifiedThresholds).toContain('example.nox@I (example)');
    expect(r.unverifiedRules.length).toBe(3);
  });

  it('names the missing, unknown and malformed inputs', async () => {
    const rest = Object.fromEntries(
      Object.entries(CP_INPUTS).filter(([id]) => id !== 'example.energy-intensity'),
    );
    const base = { system: CP, enterpriseId: w.e1, year: 2024 };
    const missing = await fail(evaluate(store(), w.as.manager1, { ...base, indicators: rest }));
    expect(missing.code).toBe('validation-failed');
    expect(missing.details.map((d) => d.field)).toEqual(['indicators.example.energy-intensity']);
    const unknown = await fail(
      evaluate(store(), w.as.manager1, {
        ...base,
        indicators: { ...CP_INPUTS, 'x.y': { level: 'I' } },
      }),
    );
    expect(unknown.details[0]!.field).toBe('indicators.x.y');
    const bad = await fail(
      evaluate(store(), w.as.manager1, {
        ...base,
        indicators: { ...CP_INPUTS, 'example.nox': { value: 'lots' } },
      }),
    );
    expect(bad.details[0]!.field).toBe('indicators.example.nox.value');
    const park = await fail(
      evaluate(store(), w.as.manager1, { ...base, enterpriseId: undefined, parkId: w.parkA }),
    );
    expect(park.code).toBe('validation-failed');
    // GB 16780 grades the year's run: E1 has none for 2024 yet
    const gb = await fail(
      evaluate(store(), w.as.manager1, { ...base, system: 'cn-gb16780-2021-cement' }),
    );
    expect(gb.code).toBe('not-found');
  });

  it('keeps scope: another enterprise’s user gets not found', async () => {
    const e = await fail(
      evaluate(store(), w.as.clerk2, {
        system: CP,
        enterpriseId: w.e1,
        year: 2024,
        indicators: CP_INPUTS,
      }),
    );
    expect(e.code).toBe('not-found');
  });

  it('checks carbon neutrality: inventory from the run, offsets and reductions from the request', async () => {
    await importActivityFile(
      store(),
      w.as.clerk1,
      w.e1,
      { name: 'e1.xlsx', bytes: await workbook(E1_ROWS) },
      { year: 2024 },
    );
    const run = await calculateYear(store(), w.as.clerk1, w.e1, 2024);
    const r = (await evaluate(store(), w.as.manager1, {
      system: 'carbon-neutrality-check-generic',
      enterpriseId: w.e1,
      year: 2024,
      neutrality: {
        inventoryVerified: false,
        reductions: [
          { id: 'r1', amount: '100 tCO2e', verified: true },
          { id: 'r2', amount: '50 tCO2e', verified: false },
        ],
        offsets: [
          // 120 MWh × 0.5 = 60 t, capped at the 50 t of purchased electricity
          {
            id: 'gec',
            type: 'green-electricity-certificate',
            amount: '120 MWh',
            vintage: 2024,
            retired: true,
          },
          { id: 'ccer', type: 'ccer', amount: '2700 tCO2e', vintage: 2023, retired: true },
        ],
        gridFactor: '0.5 tCO2/MWh',
      },
    })) as NeutralityEvaluation;
    expect(r.runId).toBe(run.id);
    // E1 by hand: coal 1875.72 + 937.86 = 2813.58 tCO2 (scope 1), electricity 100 MWh × 0.5 = 50
    expect(r.inventory.scope1!.value).toBeCloseTo(2813.58, 6);
    expect(r.inventory['scope2-electricity']!.value).toBeCloseTo(50, 9);
    expect(r.result.reductions.value).toBeCloseTo(100, 9);
    expect(r.result.offsets.value).toBeCloseTo(50 + 2700, 9);
    expect(r.result.net.value).toBeCloseTo(2863.58 - 100 - 2750, 6);
    expect(r.result.claimable).toBe(false);
    expect(r.result.unverifiedRules.length).toBeGreaterThan(0);
    const none = await fail(
      evaluate(store(), w.as.manager1, {
        system: 'carbon-neutrality-check-generic',
        enterpriseId: w.e1,
        year: 2023,
        neutrality: { inventoryVerified: true },
      }),
    );
    expect(none.code).toBe('not-found');
  });
});

/** Store-derived indicators on the demo cement plant, checked against its stored run. */
describe('green factory on the demo district (PGlite)', () => {
  let store: Store;
  const tenant = unique('evaluations');
  let manager: Actor;
  let parkAdmin: Actor;
  let cementId: string;
  let bm: string;

  beforeAll(async () => {
    store = await openStore({ inMemory: true });
    await loadBundledFactorSets(store);
    await store.organisations.createTenant(tenant, '评价 evaluations');
    await seedDemo(store, tenant);
    manager = (await login(store, tenant, 'cement-manager', DEMO_PASSWORD)).actor;
    parkAdmin = (await login(store, tenant, 'park-bm', DEMO_PASSWORD)).actor;
    const e = await store.organisations.listEnterprises(tenant, {}, { limit: 100 });
    cementId = e.find((x) => x.code === 'DEMO-CEM-A')!.id;
    bm = (await store.organisations.listParks(tenant)).find((p) => p.code === 'DEMO-PARK-BM')!.id;
  }, 600_000);

  it('fills energy and CO2 per tonne of clinker from the run, the rest from the request', async () => {
    const r = (await evaluate(store, manager, {
      system: 'template-green-factory-gbt36132-2025',
      enterpriseId: cementId,
      year: 2025,
      indicators: {
        'basic.legal': { level: 'baseline' },
        'basic.management': { level: 'baseline' },
        'basic.metering': { level: 'baseline' },
        'gf.renewable-share': { value: '10 %' },
        'gf.solid-waste-use': { value: '96 %' },
        'gf.water-reuse': { value: '90 %' },
        'gf.nox-intensity': { value: '0.25 kg/t' },
        'gf.pm-intensity': { value: '0.04 kg/t' },
        'gf.product-footprint': { level: 'leading' },
        'gf.green-product-cert': { level: null },
        'gf.plot-ratio': { value: '1.0 1' },
        'gf.land-output': { level: 'baseline' },
      },
    })) as WeightedEvaluation;
    // the same figures from the stored run, through the run use-cases
    const [summary] = await listRuns(store, manager, { enterpriseId: cementId, year: 2025 });
    const result = resultOf(await getRun(store, manager, summary!.id));
    const clinker = result.intensities.find((i) => i.id === 'per-t-clinker')!.denominator;
    const tonnes = valueIn(clinker, 't');
    const energy = r.indicators.find((i) => i.id === 'gf.energy-intensity')!;
    const co2 = r.indicators.find((i) => i.id === 'gf.carbon-intensity')!;
    expect(r.runId).toBe(summary!.id);
    expect(energy.source).toBe('store');
    expect(energy.value!.value).toBeCloseTo(valueIn(result.energy.calorific, 'kgce') / tonnes, 6);
    expect(co2.value!.unit).toBe('kgCO2/t');
    expect(co2.value!.value).toBeCloseTo((valueIn(result.byGas.CO2!, 'tCO2e') * 1000) / tonnes, 6);
    expect(r.notes.join(' ')).toMatch(/不插值|no points between/);
    // GB 16780: the same grade as the run's figures give (grade.ts), under the same run
    const gb = await evaluate(store, manager, {
      system: 'cn-gb16780-2021-cement',
      enterpriseId: cementId,
      year: 2025,
    });
    expect(gb.kind).toBe('graded-limit');
    if (gb.kind !== 'graded-limit') return;
    expect(gb.runId).toBe(summary!.id);
    expect(gb.grade).toEqual(await gradeRun(store, manager, summary!.id));
    // a park is evaluated against the green-park system only
    const park = await fail(
      evaluate(store, parkAdmin, {
        system: 'template-green-factory-gbt36132-2025',
        parkId: bm,
        year: 2025,
      }),
    );
    expect(park.code).toBe('validation-failed');
  });
});
