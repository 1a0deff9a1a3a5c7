import { beforeAll, describe, expect, it } from 'vitest';
import { openStore, type Store } from '@carbonbase/store';
import {
  DEMO_ENTERPRISES,
  DEMO_PASSWORD,
  DEMO_PROBLEM,
  DEMO_USERS,
  demoActivity,
  seedDemo,
} from '../src/demo/index.js';
import {
  AppError,
  listEnterprises,
  listRuns,
  loadBundledFactorSets,
  login,
  periodStatus,
  resultOf,
  getRun,
  type Actor,
} from '../src/index.js';
import { unique } from './harness.js';

/** The current activity of a tenant, keyed so that two tenants can be compared. */
async function activityOf(store: Store, tenantId: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await store.organisations.listEnterprises(tenantId)) {
    const sources = new Map(
      (await store.organisations.listSources(tenantId, e.id)).map((s) => [s.id, s.code]),
    );
    for (const v of await store.activityData.current({ tenantId, enterpriseId: e.id }))
      out.push(
        `${e.code} ${sources.get(v.sourceId)} ${v.month} ${v.quantity.value} ${v.quantity.unit} ${JSON.stringify(v.parameters)}`,
      );
  }
  return out.sort();
}

describe('demo district (PGlite)', () => {
  let store: Store;
  const tenant = unique('demo');
  let admin: Actor;

  beforeAll(async () => {
    store = await openStore({ inMemory: true });
    await loadBundledFactorSets(store);
    await store.organisations.createTenant(tenant, '演示 demo');
    await seedDemo(store, tenant);
    admin = (await login(store, tenant, 'admin', DEMO_PASSWORD)).actor;
    return () => store.close();
  }, 180_000);

  it('seeds two parks, a dozen enterprises with 24 months each', async () => {
    expect(await store.organisations.listParks(tenant)).toHaveLength(2);
    const { items, total } = await listEnterprises(store, admin, { limit: 100 });
    expect(total).toBeGreaterThanOrEqual(12);
    for (const e of items) {
      const rows = await store.activityData.current({ tenantId: tenant, enterpriseId: e.id });
      expect(new Set(rows.map((r) => r.month)).size, e.code).toBe(24);
      expect(rows.every((r) => r.recordedBy === 'system:demo')).toBe(true);
    }
  });

  it('gives each demo user a login that sees its scope', async () => {
    const seen = async (login_: string) => {
      const { actor } = await login(store, tenant, login_, DEMO_PASSWORD);
      return (await listEnterprises(store, actor, { limit: 100 })).items.map((e) => e.code);
    };
    expect(DEMO_USERS.map((u) => u.role)).toEqual(
      expect.arrayContaining([
        'platform-admin',
        'regulator',
        'park-admin',
        'enterprise-manager',
        'data-clerk',
        'verifier',
      ]),
    );
    expect(await seen('bureau')).toHaveLength(12);
    expect(await seen('park-bm')).toHaveLength(4);
    expect(await seen('park-ht')).toHaveLength(7);
    expect(await seen('cement-clerk')).toEqual(['DEMO-CEM-A']);
    expect(await seen('electronics-manager')).toEqual(['DEMO-ELE-A']);
  });

  it('calculates both years of every enterprise and shows review states', async () => {
    const runs = await listRuns(store, admin, { limit: 1000 });
    expect(runs).toHaveLength(DEMO_ENTERPRISES.length * 2);
    for (const summary of runs) {
      const total = resultOf(await getRun(store, admin, summary.id)).total;
      expect(total.unit).toBe('tCO2e');
      expect(total.value).toBeGreaterThan(0);
    }
    const byCode = new Map(
      (await store.organisations.listEnterprises(tenant)).map((e) => [e.code, e.id]),
    );
    const status = async (code: string) =>
      (await periodStatus(store, admin, byCode.get(code)!, 2024)).status;
    expect(await status('DEMO-CEM-A')).toBe('accepted');
    expect(await status('DEMO-ELE-A')).toBe('submitted');
    expect(await status('DEMO-STL-01')).toBe('open');
  });

  it("catches the problem enterprise's wrong NCV, and only there", async () => {
    const runs = await listRuns(store, admin, { limit: 1000 });
    const codes = new Map(
      (await store.organisations.listEnterprises(tenant)).map((e) => [e.id, e.code]),
    );
    const flagged: string[] = [];
    for (const summary of runs) {
      const { warnings } = resultOf(await getRun(store, admin, summary.id));
      for (const w of warnings.filter((x) => x.code === DEMO_PROBLEM.warning))
        flagged.push(
          `${codes.get(summary.enterpriseId!)} ${summary.periodStart!.slice(0, 4)} ${w.line}`,
        );
    }
    expect(flagged).toEqual([
      `${DEMO_PROBLEM.enterprise} ${DEMO_PROBLEM.year} ${DEMO_PROBLEM.line}`,
    ]);
  });

  it('has the clinker CO2 of Hongmian Cement computed by hand', async () => {
    // CETS-AG-02.01-V01-2024 clinker-production boundary, 2024, from the demo's own figures:
    //   coal:    t × measured NCV × 0.0261 tC/GJ × 93 % × 44/12 (烟煤, GB/T 32151.22-2024 表C.1,
    //            methods.md §1.3)
    //   RDF:     t × NCV × 0.0245 tC/GJ × 98 % × 44/12 × (1 − 55 % biomass)
    //   process: t clinker × 0.535 tCO2/t (Portland, methods.md §2.2)
    const plant = DEMO_ENTERPRISES.find((e) => e.code === 'DEMO-CEM-A')!;
    let co2 = 0;
    let clinker = 0;
    for (const { month, cells } of demoActivity(plant)) {
      if (!month.startsWith('2024')) continue;
      for (const c of cells) {
        const ncv = parseFloat(c.parameters.ncv as string);
        if (c.source.startsWith('clinker-')) {
          clinker += c.amount.value;
          co2 += c.amount.value * 0.535;
        } else if (c.source.startsWith('coal-'))
          co2 += c.amount.value * ncv * 0.0261 * 0.93 * (44 / 12);
        else if (c.source.startsWith('rdf-'))
          co2 += c.amount.value * ncv * 0.0245 * 0.98 * (44 / 12) * (1 - 0.55);
      }
    }
    // a 5000 and a 4500 t/d line: about 3 Mt clinker a year
    expect(clinker).toBeGreaterThan(2.7e6);
    expect(clinker).toBeLessThan(3.3e6);
    // China's clinker lines emit about 0.75–0.85 tCO2 per t clinker (fuel plus calcination)
    expect(co2 / clinker).toBeGreaterThan(0.75);
    expect(co2 / clinker).toBeLessThan(0.85);

    const id = (await store.organisations.listEnterprises(tenant, { search: 'DEMO-CEM-A' }))[0]!.id;
    const [summary] = await listRuns(store, admin, { enterpriseId: id, year: 2024 });
    const result = resultOf(await getRun(store, admin, summary!.id));
    expect(result.boundaries!.clinkerProduction.value).toBeCloseTo(co2, 0);
  });

  it('writes the same figures on every seed and refuses a tenant that has enterprises', async () => {
    const other = unique('demo');
    await store.organisations.createTenant(other, '演示 demo 2');
    await seedDemo(store, other);
    expect(await activityOf(store, other)).toEqual(await activityOf(store, tenant));
    const again = await seedDemo(store, other).catch((e: unknown) => e);
    expect(again).toBeInstanceOf(AppError);
    expect((again as AppError).code).toBe('conflict');
  }, 120_000);
});
