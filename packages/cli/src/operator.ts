import { AppError, loadBundledFactorSets, type Actor } from '@carbonbase/app';
import { seedDemo, type DemoSeedReport } from '@carbonbase/app/demo';
import type { Enterprise, Store } from '@carbonbase/store';

/** The local user the CLI acts as: a platform administrator without a password. */
export const OPERATOR = 'operator';
export const DEFAULT_TENANT = 'default';

export interface InitReport {
  readonly migrationsApplied: readonly string[];
  readonly factorSets: { readonly loaded: number; readonly kept: number };
  readonly tenantCreated: boolean;
  readonly operatorCreated: boolean;
  /** The demo's seed report when it was seeded now; 'present' or 'skipped' otherwise. */
  readonly demo?: DemoSeedReport | 'present' | 'skipped';
}

export const changedAnything = (r: InitReport): boolean =>
  r.migrationsApplied.length > 0 ||
  r.factorSets.loaded > 0 ||
  r.tenantCreated ||
  r.operatorCreated ||
  typeof r.demo === 'object';

/** The demo is there when its first enterprise is. */
export const hasDemo = async (store: Store, tenantId: string) =>
  (await store.organisations.listEnterprises(tenantId, { search: 'DEMO-CEM-A' })).length > 0;

/**
 * Brings a store to a usable state, changing only what is missing: the bundled factor sets, the
 * tenant, the operator and, when asked, the demo district (only into a tenant with no
 * enterprises, so it never mixes with real data).
 */
export async function initStore(
  store: Store,
  options: { tenantId: string; name?: string; demo: boolean },
): Promise<InitReport> {
  const { tenantId } = options;
  const factorSets = await loadBundledFactorSets(store);
  const tenants = await store.organisations.listTenants();
  const tenantCreated = !tenants.some((t) => t.tenantId === tenantId);
  if (tenantCreated) await store.organisations.createTenant(tenantId, options.name ?? tenantId);
  const operatorCreated = !(await store.access.findUserByLogin(tenantId, OPERATOR));
  if (operatorCreated)
    await store.transaction(async (repos) => {
      const user = await repos.access.createUser(tenantId, {
        login: OPERATOR,
        displayName: '本地操作员 local operator',
      });
      await repos.access.grantRole(tenantId, user.id, { role: 'platform-admin' }, 'system:init');
      await repos.auditLog.append({
        tenantId,
        actor: 'system:init',
        action: 'user.create',
        entity: 'user',
        entityId: user.id,
        details: { login: OPERATOR, roles: ['platform-admin'] },
      });
    });
  let demo: InitReport['demo'];
  if (options.demo)
    demo = (await hasDemo(store, tenantId))
      ? 'present'
      : (await store.organisations.countEnterprises(tenantId)) > 0
        ? 'skipped'
        : await seedDemo(store, tenantId);
  return {
    migrationsApplied: store.migrations.applied,
    factorSets,
    tenantCreated,
    operatorCreated,
    ...(demo !== undefined && { demo }),
  };
}

export function renderInit(r: InitReport, tenantId: string): string[] {
  const lines: string[] = [];
  if (r.migrationsApplied.length)
    lines.push(`数据库迁移 migrations applied: ${r.migrationsApplied.join(', ')}`);
  if (r.factorSets.loaded)
    lines.push(
      `已载入因子集 factor sets loaded: ${r.factorSets.loaded} (kept ${r.factorSets.kept})`,
    );
  if (r.tenantCreated) lines.push(`已创建租户 tenant created: ${tenantId}`);
  if (r.operatorCreated)
    lines.push(
      `已创建本地操作员 operator created: ${OPERATOR} (平台管理员 platform admin, 无密码 no password)`,
    );
  if (typeof r.demo === 'object')
    lines.push(
      `已写入演示区 demo district seeded: ${r.demo.enterprises} 家企业 enterprises, ${r.demo.activityVersions} 条月度数据 monthly figures, ${r.demo.runs} 次核算 runs, ${r.demo.users} 个用户 users`,
    );
  else if (r.demo === 'present') lines.push('演示区已存在 the demo district is already there');
  else if (r.demo === 'skipped')
    lines.push('租户已有企业，未写入演示区 the tenant has enterprises; the demo was not seeded');
  if (!changedAnything(r))
    lines.unshift(`已是最新，无变化 already initialised; nothing changed (tenant ${tenantId})`);
  return lines;
}

/** The operator of a tenant as an actor, with the grants the store holds for it. */
export async function operatorActor(store: Store, tenantId: string): Promise<Actor> {
  const user = await store.access.findUserByLogin(tenantId, OPERATOR);
  if (!user)
    throw new AppError(
      'not-found',
      `租户 ${tenantId} 尚未初始化：请先运行 carbonbase init`,
      `tenant ${tenantId} is not initialised: run carbonbase init first`,
    );
  const grants = await store.access.listGrants(tenantId, user.id);
  return {
    tenantId,
    userId: user.id,
    login: user.login,
    displayName: user.displayName,
    grants: grants.map(
      ({ tenantId: _t, id: _i, userId: _u, grantedBy: _b, grantedAt: _a, ...scope }) => scope,
    ),
  };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** An enterprise named by its id or its code (e.g. a credit code or DEMO-CEM-A). */
export async function findEnterprise(
  store: Store,
  tenantId: string,
  idOrCode: string,
): Promise<Enterprise> {
  const found = UUID.test(idOrCode)
    ? await store.organisations.getEnterprise(tenantId, idOrCode)
    : (await store.organisations.listEnterprises(tenantId, { search: idOrCode })).find(
        (e) => e.code === idOrCode,
      );
  if (!found)
    throw new AppError(
      'not-found',
      `未找到企业 ${idOrCode}`,
      `no enterprise ${idOrCode} in tenant ${tenantId}`,
    );
  return found;
}
