import { parseQuantity, type Quantity } from '@carbonbase/quantity';
import type {
  ActivityParameters,
  ActivityVersion,
  EmissionSource,
  Enterprise,
  Facility,
  ImportBatch,
  Park,
  Region,
  Store,
} from '@carbonbase/store';
import { readScope, requireEnterprise } from './access.js';
import { actorRef, type Actor } from './actor.js';
import { AppError, notFound } from './errors.js';
import { assertPeriodOpen } from './periods.js';

export interface EnterpriseListFilter {
  readonly parkId?: string;
  readonly regionId?: string;
  readonly industry?: string;
  readonly search?: string;
  readonly limit?: number;
  readonly offset?: number;
}

/** The enterprises the actor may see, filtered, one page at a time, with the total count. */
export async function listEnterprises(
  store: Store,
  actor: Actor,
  f: EnterpriseListFilter = {},
): Promise<{ items: Enterprise[]; total: number }> {
  const scope = await readScope(store, actor);
  const filter = {
    ...(scope && { scope }),
    ...(f.parkId !== undefined && { parkId: f.parkId }),
    ...(f.regionId !== undefined && { regionId: f.regionId }),
    ...(f.industry !== undefined && { industry: f.industry }),
    ...(f.search !== undefined && { search: f.search }),
  };
  const [items, total] = await Promise.all([
    store.organisations.listEnterprises(actor.tenantId, filter, {
      limit: f.limit ?? 50,
      offset: f.offset ?? 0,
    }),
    store.organisations.countEnterprises(actor.tenantId, filter),
  ]);
  return { items, total };
}

export interface EnterpriseDetail {
  readonly enterprise: Enterprise;
  readonly region?: Region;
  readonly park?: Park;
  readonly facilities: readonly Facility[];
  readonly sources: readonly EmissionSource[];
}

export async function getEnterprise(
  store: Store,
  actor: Actor,
  enterpriseId: string,
): Promise<EnterpriseDetail> {
  const { enterprise } = await requireEnterprise(store, actor, enterpriseId, 'read');
  const t = actor.tenantId;
  const [regions, park, facilities, sources] = await Promise.all([
    store.organisations.listRegions(t),
    enterprise.parkId ? store.organisations.getPark(t, enterprise.parkId) : undefined,
    store.organisations.listFacilities(t, enterprise.id),
    store.organisations.listSources(t, enterprise.id),
  ]);
  const region = regions.find((r) => r.id === enterprise.regionId);
  return { enterprise, ...(region && { region }), ...(park && { park }), facilities, sources };
}

/** Parks and regions the actor can see something in: for navigation and filters. */
export async function visibleOrganisation(store: Store, actor: Actor) {
  const scope = await readScope(store, actor);
  const t = actor.tenantId;
  const [regions, parks] = await Promise.all([
    store.organisations.listRegions(t),
    store.organisations.listParks(t),
  ]);
  if (!scope) return { regions, parks };
  const enterprises = await store.organisations.listEnterprises(t, { scope }, { limit: 100_000 });
  const parkIds = new Set([
    ...scope.parkIds,
    ...enterprises.flatMap((e) => (e.parkId ? [e.parkId] : [])),
  ]);
  const regionIds = new Set([...scope.regionIds, ...enterprises.map((e) => e.regionId)]);
  return {
    regions: regions.filter((r) => regionIds.has(r.id)),
    parks: parks.filter((p) => parkIds.has(p.id)),
  };
}

/** A region as the region list gives it: with its parent and its depth in the tree. */
export interface RegionEntry {
  readonly id: string;
  readonly code: string;
  readonly name: string;
  readonly nameEn?: string;
  readonly parentId?: string;
  /** Depth in the tenant's region tree: 1 for a region without a parent, 2 beneath it, … */
  readonly level: number;
}

/**
 * The regions whose overview the actor may open, parents before children (then by code): every
 * region for a platform admin, a regulator's regions with everything beneath them. A park
 * administrator and the enterprise roles get none: they see part of a region only, and a region
 * overview is shown only to those who see all of it (analysis.ts, `coversGroup`). The regions
 * their parks and enterprises lie in are in `visibleOrganisation`, for naming.
 */
export async function listRegions(store: Store, actor: Actor): Promise<RegionEntry[]> {
  const [scope, regions] = await Promise.all([
    readScope(store, actor),
    store.organisations.listRegions(actor.tenantId),
  ]);
  const allowed = scope ? new Set(scope.regionIds) : undefined;
  const children = new Map<string | undefined, Region[]>();
  const ids = new Set(regions.map((r) => r.id));
  for (const r of regions) {
    // a parent outside the tenant's list cannot happen in one store; treat it as a root anyway
    const parent = r.parentId !== undefined && ids.has(r.parentId) ? r.parentId : undefined;
    children.set(parent, [...(children.get(parent) ?? []), r]);
  }
  const out: RegionEntry[] = [];
  const visit = (parent: string | undefined, level: number) => {
    for (const r of [...(children.get(parent) ?? [])].sort((a, b) =>
      a.code.localeCompare(b.code),
    )) {
      if (!allowed || allowed.has(r.id))
        out.push({
          id: r.id,
          code: r.code,
          name: r.name,
          ...(r.nameEn !== undefined && { nameEn: r.nameEn }),
          ...(r.parentId !== undefined && { parentId: r.parentId }),
          level,
        });
      visit(r.id, level + 1);
    }
  };
  visit(undefined, 1);
  return out;
}

export async function listActivity(
  store: Store,
  actor: Actor,
  enterpriseId: string,
  year: number,
): Promise<ActivityVersion[]> {
  const { enterprise } = await requireEnterprise(store, actor, enterpriseId, 'read');
  return store.activityData.current({
    tenantId: actor.tenantId,
    enterpriseId: enterprise.id,
    fromMonth: `${year}-01`,
    toMonth: `${year}-12`,
  });
}

export async function activityHistory(
  store: Store,
  actor: Actor,
  enterpriseId: string,
  sourceId: string,
  month: string,
): Promise<ActivityVersion[]> {
  const { enterprise } = await requireEnterprise(store, actor, enterpriseId, 'read');
  return store.activityData.history({
    tenantId: actor.tenantId,
    enterpriseId: enterprise.id,
    sourceId,
    month,
  });
}

export interface ActivityEntry {
  readonly sourceId: string;
  /** `YYYY-MM`. */
  readonly month: string;
  /** `"228000 t"` or a quantity. */
  readonly amount: string | Quantity;
  readonly parameters?: ActivityParameters;
  /** Why the figure is entered or corrected; kept with the version. */
  readonly reason: string;
}

/** One figure entered in the form (数据填报): a new version of the cell when it differs. */
export async function enterActivity(
  store: Store,
  actor: Actor,
  enterpriseId: string,
  entry: ActivityEntry,
): Promise<{ appended: boolean; version: ActivityVersion }> {
  const { enterprise } = await requireEnterprise(store, actor, enterpriseId, 'enter-data');
  const sources = await store.organisations.listSources(actor.tenantId, enterprise.id);
  if (!sources.some((s) => s.id === entry.sourceId))
    throw notFound({ zh: '排放源', en: 'emission source' }, entry.sourceId);
  const year = Number(entry.month.slice(0, 4));
  await assertPeriodOpen(store, actor.tenantId, enterprise.id, year);
  let quantity: Quantity;
  try {
    quantity = typeof entry.amount === 'string' ? parseQuantity(entry.amount) : entry.amount;
  } catch (e) {
    throw new AppError('validation-failed', '数量无效', 'the amount is not a quantity', [
      { field: 'amount', reason: (e as Error).message },
    ]);
  }
  return store.transaction(async (repos) => {
    // A corrected figure keeps the cell's fuel, NCV… unless the entry gives new ones.
    const parameters =
      entry.parameters ??
      (
        await repos.activityData.history({
          tenantId: actor.tenantId,
          enterpriseId: enterprise.id,
          sourceId: entry.sourceId,
          month: entry.month,
        })
      ).at(-1)?.parameters;
    const written = await repos.activityData.appendIfChanged({
      tenantId: actor.tenantId,
      enterpriseId: enterprise.id,
      sourceId: entry.sourceId,
      month: entry.month,
      quantity,
      ...(parameters && { parameters }),
      recordedBy: actorRef(actor),
      reason: entry.reason,
    });
    if (written.appended)
      await repos.auditLog.append({
        tenantId: actor.tenantId,
        actor: actorRef(actor),
        action: 'activity.enter',
        entity: 'enterprise',
        entityId: enterprise.id,
        details: { source: entry.sourceId, month: entry.month, version: written.version.version },
      });
    return written;
  });
}

export async function listImports(
  store: Store,
  actor: Actor,
  enterpriseId: string,
): Promise<ImportBatch[]> {
  const { enterprise } = await requireEnterprise(store, actor, enterpriseId, 'read');
  return store.importBatches.list(actor.tenantId, enterprise.id);
}
