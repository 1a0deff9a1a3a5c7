import type { RoleScope, Store } from '@carbonbase/store';
import type { Actor } from '../actor.js';
import { AppError } from '../errors.js';
import { commentOnPeriod, acceptPeriod, submitPeriod } from '../periods.js';
import { hashPassword } from '../passwords.js';
import { calculateYear } from '../runs.js';
import {
  DEMO_ENTERPRISES,
  DEMO_PARKS,
  DEMO_PASSWORD,
  DEMO_REGIONS,
  DEMO_USERS,
  DEMO_YEARS,
  type DemoCell,
  type DemoEnterprise,
  type ParkKey,
} from './district.js';
import { seededRandom, seedOf } from './random.js';
import { seedDemoScenarios } from './scenarios.js';

export const DEMO_RECORDED_BY = 'system:demo';
export const DEMO_REASON = '演示数据 demo data';

/** Every month of the demo years, `YYYY-MM`, in order. */
export const demoMonths = (): string[] =>
  DEMO_YEARS.flatMap((y) =>
    Array.from({ length: 12 }, (_, i) => `${y}-${String(i + 1).padStart(2, '0')}`),
  );

/**
 * The demo's activity data of one enterprise, month by month. Pure and deterministic: the
 * variation is drawn from a generator seeded by the enterprise code, in month order.
 */
export function demoActivity(e: DemoEnterprise): { month: string; cells: DemoCell[] }[] {
  const r = seededRandom(seedOf(e.code));
  return demoMonths().map((month) => ({
    month,
    cells: e.month(Number(month.slice(0, 4)), Number(month.slice(5, 7)), r),
  }));
}

export interface DemoSeedReport {
  readonly regions: number;
  readonly parks: number;
  readonly enterprises: number;
  readonly activityVersions: number;
  readonly runs: number;
  readonly users: number;
}

/** An actor for a demo user, built from the grants the seed gave it. */
const actorOf = (tenantId: string, userId: string, login: string, grants: RoleScope[]): Actor => ({
  tenantId,
  userId,
  login,
  displayName: login,
  grants,
});

/**
 * Seeds the demo district into a tenant that has no enterprises yet: regions, parks,
 * enterprises with facilities and sources, 24 months of activity recorded as `system:demo` and a
 * user per role (password DEMO_PASSWORD), all in one transaction; then a calculation run of both
 * years for every enterprise, and review states: Hongmian Cement's 2024 submitted, commented by its
 * verifier and accepted by the bureau; Precision Circuits' 2024 submitted.
 */
export async function seedDemo(store: Store, tenantId: string): Promise<DemoSeedReport> {
  if ((await store.organisations.countEnterprises(tenantId)) > 0)
    throw new AppError(
      'conflict',
      '该租户已有企业，演示数据只能写入空租户',
      'the tenant already has enterprises; the demo seeds an empty tenant only',
    );
  const org = await store.transaction(async (repos) => {
    const o = repos.organisations;
    const regionIds = new Map<string, string>();
    for (const r of DEMO_REGIONS) {
      const parentId = 'parent' in r ? regionIds.get(r.parent) : undefined;
      const created = await o.createRegion(tenantId, {
        code: r.code,
        name: r.name,
        nameEn: r.nameEn,
        ...(parentId && { parentId }),
      });
      regionIds.set(r.key, created.id);
    }
    const districtId = regionIds.get('district')!;
    const parkIds = new Map<ParkKey, string>();
    for (const p of DEMO_PARKS) {
      const created = await o.createPark(tenantId, {
        code: p.code,
        name: p.name,
        nameEn: p.nameEn,
        regionId: districtId,
      });
      parkIds.set(p.key, created.id);
    }
    const enterpriseIds = new Map<string, string>();
    let versions = 0;
    for (const e of DEMO_ENTERPRISES) {
      const parkId = e.park && parkIds.get(e.park);
      const enterprise = await o.createEnterprise(tenantId, {
        code: e.code,
        name: e.name,
        nameEn: e.nameEn,
        regionId: districtId,
        ...(parkId && { parkId }),
        industry: e.industry,
        methodSet: e.methodSet,
      });
      enterpriseIds.set(e.code, enterprise.id);
      const facilityIds = new Map<string, string>();
      for (const f of e.facilities)
        facilityIds.set(
          f.code,
          (await o.createFacility(tenantId, { enterpriseId: enterprise.id, ...f })).id,
        );
      const sourceIds = new Map<string, string>();
      for (const s of e.sources) {
        const facilityId = s.facility && facilityIds.get(s.facility);
        const created = await o.createSource(tenantId, {
          enterpriseId: enterprise.id,
          code: s.code,
          name: s.name,
          category: s.kind,
          ...(facilityId && { facilityId }),
          ...(s.material && { material: s.material }),
        });
        sourceIds.set(s.code, created.id);
      }
      for (const { month, cells } of demoActivity(e)) {
        for (const c of cells) {
          await repos.activityData.append({
            tenantId,
            enterpriseId: enterprise.id,
            sourceId: sourceIds.get(c.source)!,
            month,
            quantity: c.amount,
            parameters: c.parameters,
            recordedBy: DEMO_RECORDED_BY,
            reason: DEMO_REASON,
          });
          versions++;
        }
        const year = Number(month.slice(0, 4));
        for (const p of e.pollutants(year, cells))
          await repos.pollutantEmissions.append({
            tenantId,
            enterpriseId: enterprise.id,
            year,
            month: Number(month.slice(5, 7)),
            ...p,
            recordedBy: DEMO_RECORDED_BY,
            reason: DEMO_REASON,
          });
      }
    }
    // one hash for the shared demo password: scrypt is slow on purpose
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    const actors = new Map<string, Actor>();
    for (const u of DEMO_USERS) {
      const scope = u.scope;
      const grant = (
        !scope
          ? { role: 'platform-admin' }
          : 'region' in scope
            ? { role: 'regulator', regionId: districtId }
            : 'park' in scope
              ? { role: 'park-admin', parkId: parkIds.get(scope.park)! }
              : { role: u.role, enterpriseId: enterpriseIds.get(scope.enterprise)! }
      ) as RoleScope;
      const user = await repos.access.createUser(tenantId, {
        login: u.login,
        displayName: u.displayName,
        passwordHash,
      });
      await repos.access.grantRole(tenantId, user.id, grant, DEMO_RECORDED_BY);
      await repos.auditLog.append({
        tenantId,
        actor: DEMO_RECORDED_BY,
        action: 'user.create',
        entity: 'user',
        entityId: user.id,
        details: { login: u.login, roles: [grant.role] },
      });
      actors.set(u.login, actorOf(tenantId, user.id, u.login, [grant]));
    }
    await repos.auditLog.append({
      tenantId,
      actor: DEMO_RECORDED_BY,
      action: 'demo.seed',
      entity: 'tenant',
      entityId: tenantId,
      details: { enterprises: DEMO_ENTERPRISES.length, activityVersions: versions },
    });
    return { enterpriseIds, versions, actors };
  });

  const { actors } = org;
  const admin = actors.get('admin')!;
  let runs = 0;
  for (const id of org.enterpriseIds.values())
    for (const year of DEMO_YEARS) {
      await calculateYear(store, admin, id, year);
      runs++;
    }

  const cementA = org.enterpriseIds.get('DEMO-CEM-A')!;
  await submitPeriod(store, actors.get('cement-manager')!, cementA, 2024);
  await commentOnPeriod(
    store,
    actors.get('verifier')!,
    cementA,
    2024,
    '已核对 1 号线 2024 年各月入窑煤量与皮带秤记录，一致。 Line 1 kiln coal for 2024 checked against the belt-scale records: consistent.',
  );
  await acceptPeriod(store, actors.get('bureau')!, cementA, 2024);
  await submitPeriod(
    store,
    actors.get('electronics-manager')!,
    org.enterpriseIds.get('DEMO-ELE-A')!,
    2024,
  );
  const parkBm = (await store.organisations.listParks(tenantId)).find(
    (p) => p.code === 'DEMO-PARK-BM',
  )!;
  await seedDemoScenarios(store, actors.get('park-bm')!, parkBm.id);

  return {
    regions: DEMO_REGIONS.length,
    parks: DEMO_PARKS.length,
    enterprises: DEMO_ENTERPRISES.length,
    activityVersions: org.versions,
    runs,
    users: DEMO_USERS.length,
  };
}
