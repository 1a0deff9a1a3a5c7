import { describe, expect, it } from 'vitest';
import {
  AppError,
  calculateYear,
  compareSavedScenarios,
  createScenario,
  deleteScenario,
  getScenario,
  importActivityFile,
  listScenarios,
  scenarioBaseline,
  scenarioPathway,
  updateScenario,
  type ScenarioDocument,
} from '../src/index.js';
import { E1_ROWS, E1_TOTAL_TCO2, seedWorld, workbook, type World } from './fixtures.js';
import { engines, useStore } from './harness.js';

/**
 * A scenario worked by hand (tCO2e/a): 100 t/a × 1 tCO2e/t in 2025, output +10 %/a in
 * 2026–2028 then flat, intensity −2 %/a from 2031, a measure avoiding 20 tCO2e/a from 2029:
 *   2025 100, 2026 110, 2027 121, 2028 133.1, 2029 133.1 − 20 = 113.1, 2030 113.1,
 *   2031 133.1 × 0.98 − 20 = 110.438, … 2060 133.1 × 0.98^30 − 20.
 * The peak is 2028 at 133.1, before 2030.
 */
const PEAKING: ScenarioDocument = {
  id: 'peak-2028',
  name: '2028 年达峰',
  nameEn: 'Peak in 2028',
  baseYear: 2025,
  production: '100 t/a',
  intensity: '1 tCO2e/t',
  growth: [
    { from: 2026, to: 2028, ratePerYear: '10 %' },
    { from: 2029, to: 2060, ratePerYear: '0 %' },
  ],
  intensityChange: [{ from: 2031, to: 2060, ratePerYear: '-2 %' }],
  measures: [{ id: 'whr', from: 2029, abatement: '20 tCO2e/a' }],
};

/** 100 tCO2e/a growing 1 %/a to 2060: still rising, peak in 2060 at 100 × 1.01^35. */
const RISING: ScenarioDocument = {
  ...PEAKING,
  id: 'rising',
  name: '持续增长',
  nameEn: 'Still rising',
  growth: [{ from: 2026, to: 2060, ratePerYear: '1 %' }],
  intensityChange: [],
  measures: [],
};

const code = (p: Promise<unknown>) =>
  p.then(
    () => 'ok',
    (e: unknown) => (e instanceof AppError ? e.code : String(e)),
  );

describe.each(engines)('pathway scenarios over the store on %s', (engine) => {
  const store = useStore(engine);
  let w: World;

  it('projects a saved scenario with the peak year found by hand', async () => {
    w = await seedWorld(store());
    const saved = await createScenario(store(), w.as.manager1, {
      scope: { kind: 'enterprise', id: w.e1 },
      document: PEAKING,
    });
    expect(saved).toMatchObject({
      name: '2028 年达峰',
      editable: true,
      createdBy: 'user:manager1',
    });
    expect(saved.scope).toMatchObject({ kind: 'enterprise', code: 'E1' });
    const { pathway } = await scenarioPathway(store(), w.as.manager1, saved.id);
    expect(pathway.scenario).toBe(saved.id);
    expect(pathway.peakYear).toBe(2028);
    expect(pathway.peakValue.value).toBeCloseTo(133.1, 9);
    expect(pathway.peakValue.unit).toBe('tCO2e/a');
    expect(pathway.peaksBy2030).toBe(true);
    expect(pathway.value2030.value).toBeCloseTo(113.1, 9);
    const at = (y: number) => pathway.years.find((x) => x.year === y)!.emissions.value;
    expect(at(2031)).toBeCloseTo(110.438, 9);
    expect(pathway.value2060.value).toBeCloseTo(133.1 * 0.98 ** 30 - 20, 9);
    expect(pathway.neutralBy2060).toBe(false);
  });

  it('compares scenarios side by side: peak, 2030 and 2060 against the goals', async () => {
    const a = await createScenario(store(), w.as.parkA, {
      scope: { kind: 'park', id: w.parkA },
      document: PEAKING,
    });
    const b = await createScenario(store(), w.as.parkA, {
      scope: { kind: 'park', id: w.parkA },
      document: RISING,
    });
    const { comparison, pathways } = await compareSavedScenarios(store(), w.as.regulator, [
      b.id,
      a.id,
    ]);
    expect(comparison.rows.map((r) => r.scenario)).toEqual([b.id, a.id]);
    const [rising, peaking] = comparison.rows;
    expect(rising).toMatchObject({ peakYear: 2060, peaksBy2030: false });
    expect(rising!.peakValue.value).toBeCloseTo(100 * 1.01 ** 35, 9);
    expect(rising!.value2030.value).toBeCloseTo(100 * 1.01 ** 5, 9);
    expect(peaking).toMatchObject({ peakYear: 2028, peaksBy2030: true });
    expect(comparison.leastCumulative).toBe(a.id);
    expect(pathways.map((p) => p.pathway.years.length)).toEqual([36, 36]);
    expect(await code(compareSavedScenarios(store(), w.as.regulator, [a.id, a.id]))).toBe(
      'validation-failed',
    );
  });

  it('lets the owner of a scope edit its scenarios and others in scope only read them', async () => {
    const mine = await createScenario(store(), w.as.manager1, {
      scope: { kind: 'enterprise', id: w.e1 },
      document: RISING,
    });
    // a clerk and the park admin read the enterprise's scenario but may not change it
    expect((await getScenario(store(), w.as.clerk1, mine.id)).editable).toBe(false);
    expect((await getScenario(store(), w.as.parkA, mine.id)).editable).toBe(false);
    expect(await code(updateScenario(store(), w.as.clerk1, mine.id, { document: PEAKING }))).toBe(
      'forbidden',
    );
    expect(await code(deleteScenario(store(), w.as.parkA, mine.id))).toBe('forbidden');
    expect(
      await code(
        createScenario(store(), w.as.clerk1, {
          scope: { kind: 'enterprise', id: w.e1 },
          document: PEAKING,
        }),
      ),
    ).toBe('forbidden');
    // outside the scope: not found, the same as an id that does not exist
    expect(await code(getScenario(store(), w.as.clerk2, mine.id))).toBe('not-found');
    expect(await code(deleteScenario(store(), w.as.clerk2, mine.id))).toBe('not-found');
    expect(
      await code(
        createScenario(store(), w.as.clerk2, {
          scope: { kind: 'park', id: w.parkA },
          document: PEAKING,
        }),
      ),
    ).toBe('not-found');
    // a regulator keeps scenarios for its region, a park admin not for the region
    const region = await createScenario(store(), w.as.regulator, {
      scope: { kind: 'region', id: w.districtId },
      document: PEAKING,
    });
    expect(await code(getScenario(store(), w.as.parkA, region.id))).toBe('not-found');
    // lists follow the same scope
    const names = async (who: keyof World['as']) =>
      (await listScenarios(store(), w.as[who])).map((s) => `${s.scope.kind}:${s.name}`).sort();
    expect(await names('clerk1')).toEqual(['enterprise:2028 年达峰', 'enterprise:持续增长']);
    expect(await names('clerk2')).toEqual([]);
    expect((await names('regulator')).length).toBe(5);
    expect(
      (
        await listScenarios(store(), w.as.regulator, {
          scope: { kind: 'region', id: w.districtId },
        })
      ).map((s) => s.id),
    ).toEqual([region.id]);
    // the owner edits and deletes
    const changed = await updateScenario(store(), w.as.manager1, mine.id, {
      document: { ...RISING, name: '持续增长（修订）' },
    });
    expect(changed.name).toBe('持续增长（修订）');
    await deleteScenario(store(), w.as.manager1, mine.id);
    expect(await code(getScenario(store(), w.as.manager1, mine.id))).toBe('not-found');
  });

  it('refuses a scenario that does not parse or does not reach 2060, naming the field', async () => {
    const scope = { kind: 'enterprise' as const, id: w.e1 };
    const err = await createScenario(store(), w.as.manager1, {
      scope,
      document: {
        ...PEAKING,
        production: '100',
        growth: [{ from: 2026, to: 2025, ratePerYear: '1 %' }],
      },
    }).catch((e: unknown) => e as AppError);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).details.map((d) => d.field)).toEqual(
      expect.arrayContaining(['production', 'growth[0]']),
    );
    const gap = await createScenario(store(), w.as.manager1, {
      scope,
      document: { ...PEAKING, growth: [{ from: 2026, to: 2040, ratePerYear: '1 %' }] },
    }).catch((e: unknown) => e as AppError);
    expect((gap as AppError).code).toBe('validation-failed');
    expect((gap as AppError).en).toMatch(/no growth rate for 2041/);
  });

  it('takes the baseline from the latest annual run; without production as an activity index', async () => {
    const none = await scenarioBaseline(store(), w.as.manager1, { kind: 'enterprise', id: w.e1 });
    expect(none).toMatchObject({ year: null, document: null });
    await importActivityFile(
      store(),
      w.as.clerk1,
      w.e1,
      { name: 'e1.xlsx', bytes: await workbook(E1_ROWS) },
      { year: 2024 },
    );
    const run = await calculateYear(store(), w.as.clerk1, w.e1, 2024);
    const b = await scenarioBaseline(store(), w.as.manager1, { kind: 'enterprise', id: w.e1 });
    expect(b.year).toBe(2024);
    expect(b.runIds).toEqual([run.id]);
    expect(b.emissions!.unit).toBe('tCO2e/a');
    expect(b.emissions!.value).toBeCloseTo(E1_TOTAL_TCO2, 6);
    expect(b.production).toBeNull();
    expect(b.document).toMatchObject({ baseYear: 2024, production: '1 1/a' });
    // the suggested document is a valid scenario, flat at the baseline
    const saved = await createScenario(store(), w.as.manager1, {
      scope: { kind: 'enterprise', id: w.e1 },
      document: b.document!,
    });
    const { pathway } = await scenarioPathway(store(), w.as.manager1, saved.id);
    expect(pathway.value2060.value).toBeCloseTo(E1_TOTAL_TCO2, 6);
    expect(pathway.peakYear).toBe(2024);
    // the park of E1 has the same total (one member, no transfers)
    const park = await scenarioBaseline(store(), w.as.parkA, { kind: 'park', id: w.parkA });
    expect(park.year).toBe(2024);
    expect(park.emissions!.value).toBeCloseTo(E1_TOTAL_TCO2, 6);
  });
});
