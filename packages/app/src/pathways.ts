import {
  compareScenarios,
  DataFileError,
  parseScenarios,
  projectPathway,
  type Pathway,
  type PathwayScenario,
  type ScenarioComparison,
} from '@carbonbase/analysis';
import { multiply, quantity, valueIn, type Quantity } from '@carbonbase/quantity';
import type {
  JsonValue,
  PathwayScenarioRecord,
  ScenarioScope,
  ScenarioScopeKind,
  Store,
} from '@carbonbase/store';
import { readScope, requireEnterprise } from './access.js';
import { actorRef, type Actor } from './actor.js';
import { coversGroup, parkOverview, productionOf, regionOverview } from './analysis.js';
import { AppError, notFound } from './errors.js';
import { annualRunOf, resultOf } from './runs.js';

/**
 * Carbon-peak pathway scenarios saved for an enterprise, a park or a region, their baseline from
 * the store and their projections to 2060 (docs/methods/analysis.md, "Pathways over the store").
 * A scenario is stored as the scenario data of @carbonbase/analysis (quantities as text), the
 * same shape as one entry of a `carbonbase pathway` scenarios file.
 */

const SCENARIO = { zh: '情景', en: 'scenario' };
const SCOPE_NAMES: Readonly<Record<ScenarioScopeKind, { zh: string; en: string }>> = {
  enterprise: { zh: '企业', en: 'enterprise' },
  park: { zh: '园区', en: 'park' },
  region: { zh: '地区', en: 'region' },
};
const T = 'tCO2e';

/** A scenario as written: one entry of a scenarios file (`parseScenarios`), quantities as text. */
export interface ScenarioDocument {
  readonly id: string;
  readonly name: string;
  readonly nameEn: string;
  readonly baseYear: number;
  readonly production: string;
  readonly intensity: string;
  readonly growth: readonly { from: number; to: number; ratePerYear: string }[];
  readonly intensityChange: readonly { from: number; to: number; ratePerYear: string }[];
  readonly measures: readonly { id: string; from: number; until?: number; abatement: string }[];
  readonly notes?: string;
}

/** The scope a scenario is drawn up for, named. */
export interface ScopeRef {
  readonly kind: ScenarioScopeKind;
  readonly id: string;
  readonly code: string;
  readonly name: string;
}

export interface SavedScenario {
  readonly id: string;
  readonly scope: ScopeRef;
  readonly name: string;
  readonly document: ScenarioDocument;
  /** Whether the caller may change or delete it. */
  readonly editable: boolean;
  readonly createdBy: string;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

interface ResolvedScope extends ScopeRef {
  readonly writable: boolean;
}

const isAdmin = (actor: Actor) => actor.grants.some((g) => g.role === 'platform-admin');

/**
 * The scope if the actor sees it, and whether they may keep scenarios for it: the enterprise
 * manager for their enterprise, the park admin for their park, the regulator for the regions of
 * their grant, the platform admin everywhere. A scope the actor does not see is not found.
 */
async function resolveScope(
  store: Store,
  actor: Actor,
  scope: ScenarioScope,
): Promise<ResolvedScope> {
  const t = actor.tenantId;
  switch (scope.kind) {
    case 'enterprise': {
      const { enterprise, roles } = await requireEnterprise(store, actor, scope.id, 'read');
      return {
        kind: 'enterprise',
        id: enterprise.id,
        code: enterprise.code,
        name: enterprise.name,
        writable: roles.has('enterprise-manager') || roles.has('platform-admin'),
      };
    }
    case 'park': {
      const park = await store.organisations.getPark(t, scope.id);
      if (!park || !(await coversGroup(store, actor, { parkId: park.id, regionId: park.regionId })))
        throw notFound(SCOPE_NAMES.park, scope.id);
      const writable =
        isAdmin(actor) || actor.grants.some((g) => g.role === 'park-admin' && g.parkId === park.id);
      return { kind: 'park', id: park.id, code: park.code, name: park.name, writable };
    }
    case 'region': {
      const region = (await store.organisations.listRegions(t)).find((r) => r.id === scope.id);
      if (!region || !(await coversGroup(store, actor, { regionId: region.id })))
        throw notFound(SCOPE_NAMES.region, scope.id);
      // Only regulators' grants put regions in a read scope, so seeing a region is regulating it.
      return {
        kind: 'region',
        id: region.id,
        code: region.code,
        name: region.name,
        writable: true,
      };
    }
  }
}

function requireWritable(scope: ResolvedScope): void {
  if (!scope.writable)
    throw new AppError(
      'forbidden',
      `您只能查看该${SCOPE_NAMES[scope.kind].zh}的情景，不能新建、修改或删除`,
      `you may read the scenarios of this ${SCOPE_NAMES[scope.kind].en} but not create, change or delete them`,
    );
}

/**
 * Checks a scenario document: it must parse as scenario data and project to 2060 (every year
 * after the base year has a growth rate), so a stored scenario always projects.
 */
export function checkScenarioDocument(document: unknown, file = 'scenario'): PathwayScenario {
  let scenario: PathwayScenario;
  try {
    [scenario] = parseScenarios({ formatVersion: 1, scenarios: [document] }, file) as [
      PathwayScenario,
    ];
  } catch (e) {
    if (!(e instanceof DataFileError)) throw e;
    throw new AppError(
      'validation-failed',
      `情景数据有 ${e.issues.length} 处问题`,
      `the scenario has ${e.issues.length} problem(s)`,
      e.issues.map((issue) => {
        // "$.scenarios[0].growth[1].from: reason" → field "growth[1].from"
        const m = /^\$\.scenarios\[0\]\.?([^:]*): (.*)$/s.exec(issue);
        return m ? { field: m[1] || '$', reason: m[2]! } : { reason: issue };
      }),
    );
  }
  const unit = emissionUnitOf(scenario);
  try {
    projectPathway(scenario, unit);
  } catch (e) {
    if (!(e instanceof Error)) throw e;
    throw new AppError(
      'validation-failed',
      `情景无法推算到 2060 年：${e.message}`,
      `the scenario cannot be projected to 2060: ${e.message}`,
      [{ reason: e.message }],
    );
  }
  return scenario;
}

/**
 * The unit of a scenario's emissions: production × intensity as tCO2e/a, else tCO2/a (the
 * quantity algebra keeps CO2 and CO2e apart, so a scenario is projected in its own kind).
 */
export function emissionUnitOf(s: PathwayScenario): string {
  const product = multiply(quantity(1, s.production.unit), quantity(1, s.intensity.unit));
  for (const unit of [`${T}/a`, 'tCO2/a'])
    try {
      valueIn(product, unit);
      return unit;
    } catch {
      // not this kind of emission; try the next
    }
  throw new AppError(
    'validation-failed',
    `产量 × 强度（${s.production.unit} × ${s.intensity.unit}）不是每年的排放量`,
    `production × intensity (${s.production.unit} × ${s.intensity.unit}) is not emissions per year`,
    [{ field: 'intensity', reason: 'must give tCO2e/a or tCO2/a with the production' }],
  );
}

function toSaved(r: PathwayScenarioRecord, scope: ResolvedScope): SavedScenario {
  return {
    id: r.id,
    scope: { kind: scope.kind, id: scope.id, code: scope.code, name: scope.name },
    name: r.name,
    document: r.document as unknown as ScenarioDocument,
    editable: scope.writable,
    createdBy: r.createdBy,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  };
}

/** The scopes whose scenarios the actor sees; undefined: all of the tenant (platform admin). */
async function visibleScopes(store: Store, actor: Actor): Promise<ScenarioScope[] | undefined> {
  const scope = await readScope(store, actor);
  if (!scope) return undefined;
  const t = actor.tenantId;
  const [enterprises, parks] = await Promise.all([
    store.organisations.listEnterprises(t, { scope }, { limit: 100_000 }),
    store.organisations.listParks(t),
  ]);
  return [
    ...enterprises.map((e) => ({ kind: 'enterprise' as const, id: e.id })),
    ...parks
      .filter((p) => scope.parkIds.includes(p.id) || scope.regionIds.includes(p.regionId))
      .map((p) => ({ kind: 'park' as const, id: p.id })),
    ...scope.regionIds.map((id) => ({ kind: 'region' as const, id })),
  ];
}

/** Saved scenarios the actor sees, of one scope when it is given, oldest first. */
export async function listScenarios(
  store: Store,
  actor: Actor,
  filter: { scope?: ScenarioScope } = {},
): Promise<SavedScenario[]> {
  const scopes = filter.scope
    ? [await resolveScope(store, actor, filter.scope)]
    : await visibleScopes(store, actor);
  const records = await store.pathwayScenarios.list(actor.tenantId, scopes, { limit: 1000 });
  const resolved = new Map<string, ResolvedScope>();
  const out: SavedScenario[] = [];
  for (const r of records) {
    const key = `${r.scope.kind}:${r.scope.id}`;
    let scope = resolved.get(key);
    if (!scope) {
      scope = await resolveScope(store, actor, r.scope);
      resolved.set(key, scope);
    }
    out.push(toSaved(r, scope));
  }
  return out;
}

/** A stored scenario and its scope, if the actor sees it (else not found, so ids cannot be probed). */
async function load(
  store: Store,
  actor: Actor,
  id: string,
): Promise<{ record: PathwayScenarioRecord; scope: ResolvedScope }> {
  const record = await store.pathwayScenarios.get(actor.tenantId, id);
  if (!record) throw notFound(SCENARIO, id);
  const scope = await resolveScope(store, actor, record.scope).catch((e: unknown) => {
    if (e instanceof AppError && e.code === 'not-found') throw notFound(SCENARIO, id);
    throw e;
  });
  return { record, scope };
}

export async function getScenario(store: Store, actor: Actor, id: string): Promise<SavedScenario> {
  const { record, scope } = await load(store, actor, id);
  return toSaved(record, scope);
}

export async function createScenario(
  store: Store,
  actor: Actor,
  input: { scope: ScenarioScope; document: ScenarioDocument },
): Promise<SavedScenario> {
  const scope = await resolveScope(store, actor, input.scope);
  requireWritable(scope);
  const scenario = checkScenarioDocument(input.document);
  return store.transaction(async (repos) => {
    const record = await repos.pathwayScenarios.create({
      tenantId: actor.tenantId,
      scope: { kind: scope.kind, id: scope.id },
      name: scenario.name,
      document: input.document as unknown as JsonValue,
      createdBy: actorRef(actor),
    });
    await repos.auditLog.append({
      tenantId: actor.tenantId,
      actor: actorRef(actor),
      action: 'scenario.create',
      entity: 'pathway_scenario',
      entityId: record.id,
      details: { scope: `${scope.kind}:${scope.code}`, name: scenario.name },
    });
    return toSaved(record, scope);
  });
}

export async function updateScenario(
  store: Store,
  actor: Actor,
  id: string,
  input: { document: ScenarioDocument },
): Promise<SavedScenario> {
  const { scope } = await load(store, actor, id);
  requireWritable(scope);
  const scenario = checkScenarioDocument(input.document);
  return store.transaction(async (repos) => {
    const record = await repos.pathwayScenarios.update(actor.tenantId, id, {
      name: scenario.name,
      document: input.document as unknown as JsonValue,
    });
    if (!record) throw notFound(SCENARIO, id);
    await repos.auditLog.append({
      tenantId: actor.tenantId,
      actor: actorRef(actor),
      action: 'scenario.update',
      entity: 'pathway_scenario',
      entityId: id,
      details: { scope: `${scope.kind}:${scope.code}`, name: scenario.name },
    });
    return toSaved(record, scope);
  });
}

export async function deleteScenario(store: Store, actor: Actor, id: string): Promise<void> {
  const { scope, record } = await load(store, actor, id);
  requireWritable(scope);
  await store.transaction(async (repos) => {
    if (!(await repos.pathwayScenarios.delete(actor.tenantId, id))) throw notFound(SCENARIO, id);
    await repos.auditLog.append({
      tenantId: actor.tenantId,
      actor: actorRef(actor),
      action: 'scenario.delete',
      entity: 'pathway_scenario',
      entityId: id,
      details: { scope: `${scope.kind}:${scope.code}`, name: record.name },
    });
  });
}

/** A stored scenario as the analysis takes it, under its record id (so results name the row). */
function scenarioOf(record: PathwayScenarioRecord): PathwayScenario {
  return { ...checkScenarioDocument(record.document, record.name), id: record.id };
}

export interface ScenarioPathway {
  readonly scenario: SavedScenario;
  readonly pathway: Pathway;
}

/** A saved scenario projected to 2060: peak year and value, 2030 and 2060 against the goals. */
export async function scenarioPathway(
  store: Store,
  actor: Actor,
  id: string,
): Promise<ScenarioPathway> {
  const { record, scope } = await load(store, actor, id);
  const scenario = scenarioOf(record);
  return {
    scenario: toSaved(record, scope),
    pathway: projectPathway(scenario, emissionUnitOf(scenario)),
  };
}

export interface PathwayComparison {
  readonly comparison: ScenarioComparison;
  /** Each scenario's projection, in the order asked, for charts. */
  readonly pathways: readonly ScenarioPathway[];
}

/**
 * Several saved scenarios side by side. They must share one emission unit (tCO2e/a or tCO2/a),
 * as their figures are compared.
 */
export async function compareSavedScenarios(
  store: Store,
  actor: Actor,
  ids: readonly string[],
): Promise<PathwayComparison> {
  if (new Set(ids).size !== ids.length)
    throw new AppError('validation-failed', '情景重复', 'a scenario is named twice', [
      { field: 'scenarioIds', reason: 'named twice' },
    ]);
  const loaded = [];
  for (const id of ids) loaded.push(await load(store, actor, id));
  const scenarios = loaded.map((l) => scenarioOf(l.record));
  const units = new Set(scenarios.map(emissionUnitOf));
  if (units.size > 1)
    throw new AppError(
      'validation-failed',
      `情景的排放单位不同（${[...units].join('、')}），不能并列比较`,
      `the scenarios are in different emission units (${[...units].join(', ')}) and cannot be compared`,
      [{ field: 'scenarioIds', reason: 'mixed tCO2e/a and tCO2/a' }],
    );
  const unit = [...units][0] ?? `${T}/a`;
  return {
    comparison: compareScenarios(scenarios, unit),
    pathways: loaded.map((l, k) => ({
      scenario: toSaved(l.record, l.scope),
      pathway: projectPathway(scenarios[k]!, unit),
    })),
  };
}

export type { Pathway, PathwayScenario, ScenarioComparison } from '@carbonbase/analysis';

export interface ScenarioFileProjection {
  /** The emission unit every scenario of the file is projected in. */
  readonly unit: string;
  readonly scenarios: readonly PathwayScenario[];
  readonly pathways: readonly Pathway[];
  readonly comparison: ScenarioComparison;
}

/**
 * The scenarios of a file (`{"formatVersion": 1, "scenarios": […]}`) projected and compared, for
 * `carbonbase pathway`; every problem of the file is listed with its path.
 */
export function projectScenarioFile(json: unknown, file: string): ScenarioFileProjection {
  let scenarios: PathwayScenario[];
  try {
    scenarios = parseScenarios(json, file);
  } catch (e) {
    if (!(e instanceof DataFileError)) throw e;
    throw new AppError(
      'validation-failed',
      `${file} 有 ${e.issues.length} 处问题`,
      `${file} has ${e.issues.length} problem(s)`,
      e.issues.map((issue) => {
        const m = /^(\$[^:]*): (.*)$/s.exec(issue);
        return m ? { file, field: m[1]!, reason: m[2]! } : { file, reason: issue };
      }),
    );
  }
  const units = new Set(scenarios.map(emissionUnitOf));
  if (units.size > 1)
    throw new AppError(
      'validation-failed',
      `情景的排放单位不同（${[...units].join('、')}）`,
      `the scenarios are in different emission units (${[...units].join(', ')})`,
      [{ file, reason: 'mixed tCO2e/a and tCO2/a' }],
    );
  const unit = [...units][0] ?? `${T}/a`;
  const pathways = scenarios.map((s) => {
    try {
      return projectPathway(s, unit);
    } catch (e) {
      if (!(e instanceof RangeError)) throw e;
      throw new AppError('validation-failed', `${file}：${e.message}`, `${file}: ${e.message}`, [
        { file, field: s.id, reason: e.message },
      ]);
    }
  });
  return { unit, scenarios, pathways, comparison: compareScenarios(scenarios, unit) };
}

// ------------------------------------------------------------------------------------ baseline

export interface ScenarioBaseline {
  readonly scope: ScopeRef;
  /** Whether the caller may save scenarios for the scope. */
  readonly editable: boolean;
  /** Year of the latest annual runs; null when there is none. */
  readonly year: number | null;
  /** Scope 1 + 2 of that year (a park or region without double counting). */
  readonly emissions: Quantity | null;
  /** Output of the year as a rate; null when the members have no common production basis. */
  readonly production: Quantity | null;
  readonly productionBasis: string | null;
  readonly intensity: Quantity | null;
  /** The runs the figures come from. */
  readonly runIds: readonly string[];
  /** A flat scenario from the baseline (no growth), to start editing from; null without runs. */
  readonly document: ScenarioDocument | null;
  readonly notes: readonly string[];
}

/** Numbers in a suggested document: ten significant digits, far below the data's precision. */
const text = (q: Quantity) => `${Number(q.value.toPrecision(10))} ${q.unit}`;

/** The latest year with an annual run (1 Jan – 31 Dec) among the enterprises. */
async function latestAnnualYear(
  store: Store,
  tenantId: string,
  enterpriseIds: readonly string[],
): Promise<number | null> {
  if (enterpriseIds.length === 0) return null;
  const runs = await store.calculationRuns.list(tenantId, { enterpriseIds, limit: 100_000 });
  let year: number | null = null;
  for (const r of runs) {
    const y = Number(r.periodStart?.slice(0, 4));
    if (
      r.periodStart === `${y}-01-01` &&
      r.periodEnd === `${y}-12-31` &&
      (year === null || y > year)
    )
      year = y;
  }
  return year;
}

function flatDocument(
  scope: ScopeRef,
  year: number,
  production: Quantity,
  intensity: Quantity,
): ScenarioDocument {
  return {
    id: 'baseline',
    name: `${scope.name} ${year} 年水平不变`,
    nameEn: `${scope.code} held at ${year}`,
    baseYear: year,
    production: text(production),
    intensity: text(intensity),
    growth: [{ from: year + 1, to: 2060, ratePerYear: '0 %' }],
    intensityChange: [],
    measures: [],
  };
}

/**
 * The scope's latest annual emissions and production from the store, the starting point of a
 * scenario. An enterprise: its latest annual run, scope 1 + 2, production = the denominator of
 * the run's first whole-enterprise intensity. A park or region: the overview's total without
 * double counting; production only when every member reports the same production basis, else
 * the scenario grows an activity index (1 /a) times the total.
 */
export async function scenarioBaseline(
  store: Store,
  actor: Actor,
  scope: ScenarioScope,
): Promise<ScenarioBaseline> {
  const s = await resolveScope(store, actor, scope);
  const ref: ScopeRef = { kind: s.kind, id: s.id, code: s.code, name: s.name };
  const t = actor.tenantId;
  const none = (note: string): ScenarioBaseline => ({
    scope: ref,
    editable: s.writable,
    year: null,
    emissions: null,
    production: null,
    productionBasis: null,
    intensity: null,
    runIds: [],
    document: null,
    notes: [note],
  });
  const enterpriseIds =
    s.kind === 'enterprise'
      ? [s.id]
      : s.kind === 'park'
        ? (await store.organisations.listEnterprises(t, { parkId: s.id }, { limit: 100_000 })).map(
            (e) => e.id,
          )
        : (await regionEnterprises(store, t, s.id)).map((e) => e.id);
  const year = await latestAnnualYear(store, t, enterpriseIds);
  if (year === null) return none('库中没有全年核算 the store holds no annual run for this scope');
  const notes = [
    `取 ${year} 年（最新的全年核算年份）范围一 + 范围二 the latest year with annual runs (${year}), scope 1 + 2`,
  ];

  if (s.kind === 'enterprise') {
    const run = await annualRunOf(store, t, s.id, year);
    if (!run) return none('库中没有全年核算 the store holds no annual run for this scope');
    const r = resultOf(run);
    const emissions = quantity(
      valueIn(r.total, T) - (r.byScope.scope3 ? valueIn(r.byScope.scope3, T) : 0),
      `${T}/a`,
    );
    const p = productionOf(r);
    const production = p && quantity(p.production.value, `${p.production.unit}/a`);
    return withIntensity(
      ref,
      s.writable,
      year,
      emissions,
      production ?? null,
      p?.basis ?? null,
      [run.id],
      [...notes, ...(r.byScope.scope3 ? ['范围三不计入 scope 3 left out'] : [])],
    );
  }

  const overview =
    s.kind === 'park'
      ? await parkOverview(store, actor, s.id, year)
      : await regionOverview(store, actor, s.id, year);
  if (!overview.rollup) return none('该年没有企业核算 no enterprise has a run for the year');
  const emissions = quantity(valueIn(overview.rollup.net, T), `${T}/a`);
  const rows = overview.enterprises;
  const bases = new Set(rows.map((e) => `${e.productionBasis}|${e.production?.unit}`));
  const first = rows[0];
  const common =
    bases.size === 1 && first?.production && first.productionBasis !== null
      ? {
          basis: first.productionBasis,
          production: quantity(
            rows.reduce((sum, e) => sum + valueIn(e.production!, first.production!.unit), 0),
            `${first.production.unit}/a`,
          ),
        }
      : null;
  notes.push('园区/地区合计不重复计算 the park or region total is without double counting');
  if (!common)
    notes.push(
      '成员企业产量口径不同，以活动指数（1 /a）× 年排放量表示 members report different production bases: the scenario grows an activity index (1 /a) times the year’s emissions',
    );
  return withIntensity(
    ref,
    s.writable,
    year,
    emissions,
    common?.production ?? null,
    common?.basis ?? null,
    rows.map((e) => e.runId),
    [...notes, ...overview.notes.filter((n) => n.includes('发电'))],
  );
}

function withIntensity(
  scope: ScopeRef,
  editable: boolean,
  year: number,
  emissions: Quantity,
  production: Quantity | null,
  basis: string | null,
  runIds: string[],
  notes: string[],
): ScenarioBaseline {
  // Without a production figure the scenario's "production" is an activity index of 1 a year.
  const p = production && production.value > 0 ? production : quantity(1, '1/a');
  // (tCO2e/a) / (X/a) = tCO2e/X; over the index: tCO2e
  const stock = p.unit.replace(/\/a$/, '');
  const intensity = quantity(
    valueIn(emissions, `${T}/a`) / p.value,
    stock === '1' ? T : `${T}/${stock}`,
  );
  return {
    scope,
    editable,
    year,
    emissions,
    production,
    productionBasis: basis,
    intensity: production ? intensity : null,
    runIds,
    document: flatDocument(scope, year, p, intensity),
    notes,
  };
}

async function regionEnterprises(store: Store, tenantId: string, regionId: string) {
  const regions = await store.organisations.listRegions(tenantId);
  const ids = [regionId];
  for (let i = 0; i < ids.length; i++)
    for (const r of regions) if (r.parentId === ids[i] && !ids.includes(r.id)) ids.push(r.id);
  return store.organisations.listEnterprises(
    tenantId,
    { scope: { regionIds: ids, parkIds: [], enterpriseIds: [] } },
    { limit: 100_000 },
  );
}
