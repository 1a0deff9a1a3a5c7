import {
  ROLES,
  type Enterprise,
  type EnterpriseFilter,
  type Repositories,
  type Role,
} from '@carbonbase/store';
import type { Actor } from './actor.js';
import { AppError, notFound } from './errors.js';

/**
 * What an actor may do to an enterprise. Reading is decided by scope (region, park,
 * enterprise); each action below names the roles that may take it on an enterprise in scope.
 */
export type Action =
  'read' | 'enter-data' | 'calculate' | 'submit' | 'comment' | 'review' | 'export';

const ACTION_ROLES: Readonly<Record<Action, readonly Role[]>> = {
  // everyone in scope reads
  read: ROLES,
  // the platform admin too: the operator of a local store loads data with the CLI
  'enter-data': ['platform-admin', 'enterprise-manager', 'data-clerk'],
  calculate: ['platform-admin', 'enterprise-manager', 'data-clerk'],
  submit: ['enterprise-manager'],
  comment: ['verifier', 'regulator'],
  // the bureau (regional regulator) accepts or returns a submitted period
  review: ['platform-admin', 'regulator'],
  export: ROLES,
};

export const ENTERPRISE = { zh: '企业', en: 'enterprise' };

/** The regions a regulator's grant covers: the region and everything beneath it. */
async function regionClosure(repos: Repositories, tenantId: string, roots: string[]) {
  if (roots.length === 0) return [];
  const regions = await repos.organisations.listRegions(tenantId);
  const children = new Map<string, string[]>();
  for (const r of regions)
    if (r.parentId) children.set(r.parentId, [...(children.get(r.parentId) ?? []), r.id]);
  const seen = new Set<string>();
  const stack = [...roots];
  while (stack.length) {
    const id = stack.pop()!;
    if (seen.has(id)) continue;
    seen.add(id);
    stack.push(...(children.get(id) ?? []));
  }
  return [...seen];
}

/**
 * The enterprises an actor may see, as a store filter; undefined means every enterprise of the
 * tenant (platform admin).
 */
export async function readScope(
  repos: Repositories,
  actor: Actor,
): Promise<EnterpriseFilter['scope']> {
  if (actor.grants.some((g) => g.role === 'platform-admin')) return undefined;
  const regionRoots: string[] = [];
  const parkIds: string[] = [];
  const enterpriseIds: string[] = [];
  for (const g of actor.grants) {
    if (g.role === 'regulator') regionRoots.push(g.regionId);
    else if (g.role === 'park-admin') parkIds.push(g.parkId);
    else if (g.role !== 'platform-admin') enterpriseIds.push(g.enterpriseId);
  }
  return {
    regionIds: await regionClosure(repos, actor.tenantId, regionRoots),
    parkIds,
    enterpriseIds,
  };
}

/** The roles through which the actor reaches this enterprise. */
async function rolesOn(repos: Repositories, actor: Actor, e: Enterprise): Promise<Set<Role>> {
  const roles = new Set<Role>();
  const regulated = actor.grants.some((g) => g.role === 'regulator')
    ? new Set(
        await regionClosure(
          repos,
          actor.tenantId,
          actor.grants.flatMap((g) => (g.role === 'regulator' ? [g.regionId] : [])),
        ),
      )
    : new Set<string>();
  for (const g of actor.grants) {
    switch (g.role) {
      case 'platform-admin':
        roles.add(g.role);
        break;
      case 'regulator':
        if (regulated.has(e.regionId)) roles.add(g.role);
        break;
      case 'park-admin':
        if (e.parkId === g.parkId) roles.add(g.role);
        break;
      case 'enterprise-manager':
      case 'data-clerk':
      case 'verifier':
        if (e.id === g.enterpriseId) roles.add(g.role);
        break;
    }
  }
  return roles;
}

/**
 * The enterprise, if the actor may take `action` on it. An enterprise outside the actor's scope
 * is reported as not found, so ids cannot be probed; one in scope but beyond the actor's roles
 * is forbidden.
 */
export async function requireEnterprise(
  repos: Repositories,
  actor: Actor,
  enterpriseId: string,
  action: Action,
): Promise<{ enterprise: Enterprise; roles: Set<Role> }> {
  const enterprise = await repos.organisations.getEnterprise(actor.tenantId, enterpriseId);
  const roles = enterprise ? await rolesOn(repos, actor, enterprise) : new Set<Role>();
  if (!enterprise || roles.size === 0) throw notFound(ENTERPRISE, enterpriseId);
  if (!ACTION_ROLES[action].some((r) => roles.has(r)))
    throw new AppError(
      'forbidden',
      `您的角色（${[...roles].join('、')}）不能对该企业执行此操作：${action}`,
      `your roles (${[...roles].join(', ')}) may not ${action} for this enterprise`,
    );
  return { enterprise, roles };
}

export function requirePlatformAdmin(actor: Actor): void {
  if (!actor.grants.some((g) => g.role === 'platform-admin'))
    throw new AppError(
      'forbidden',
      '仅平台管理员可执行此操作',
      'only a platform administrator may do this',
    );
}
