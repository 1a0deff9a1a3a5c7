import {
  annualCost,
  instantiate,
  loadHighsSolver,
  macc,
  paretoPortfolios,
  optimizeSchedule,
  weakestMark,
  type Candidate,
  type Mark,
  type Measure,
  type MeasureLibrary,
  type MipSolver,
  type Pollutant,
  type ScheduleBinding,
  type ScheduleTarget,
} from '@carbonbase/analysis';
import type { InventoryResult } from '@carbonbase/engine';
import { compatible, quantity, valueIn, type Quantity } from '@carbonbase/quantity';
import type { Enterprise, Region, Store } from '@carbonbase/store';
import { readScope, requireEnterprise } from './access.js';
import type { Actor } from './actor.js';
import { AppError, notFound } from './errors.js';
import { planningData, type PlanningData } from './planning-data.js';
import {
  siteFromRun,
  type Derivation,
  type PriceOverrides,
  type RunLine,
} from './planning-sites.js';
import { resultOf } from './runs.js';

/**
 * Abatement cost curves and optimized measure plans over the store: each enterprise in scope
 * becomes a measure site from its latest annual run (planning-sites.ts), the measure library is
 * sized for it, and @carbonbase/analysis draws the MACC or chooses the plan with HiGHS
 * (docs/methods/analysis.md, "MACC and optimizer over the store").
 */

export type PlanScope =
  { readonly enterpriseId: string } | { readonly parkId: string } | { readonly regionId: string };

export interface ScopeInfo {
  readonly kind: 'enterprise' | 'park' | 'region';
  readonly id: string;
  readonly code: string;
  readonly name: string;
  readonly nameEn?: string;
}

export interface SiteSummary {
  readonly enterprise: string;
  readonly name: string;
  readonly runId: string;
  readonly baseline: Quantity;
  readonly production: Quantity | null;
  readonly drivers: readonly { readonly id: string; readonly value: Quantity }[];
  readonly features: readonly string[];
  readonly prices: { readonly electricity: Quantity; readonly fuel: Quantity };
  readonly factors: { readonly electricity: Quantity; readonly fuel: Quantity };
  readonly derivations: readonly Derivation[];
  readonly mark: Mark;
  /** Measures of the library that apply to the site. */
  readonly candidates: number;
}

/** A measure sized for one enterprise, with what a table or tooltip shows. */
export interface CandidateInfo {
  readonly candidate: string;
  readonly enterprise: string;
  readonly measure: string;
  readonly name: string;
  readonly nameEn: string;
  readonly category: string;
  readonly capex: Quantity;
  readonly lifetime: Quantity;
  readonly abatement: Quantity;
  readonly annualCost: Quantity;
  readonly electricity: Quantity;
  readonly fuel: Quantity;
  readonly pollutants: Readonly<Record<Pollutant, Quantity>>;
  readonly mark: Mark;
  /** Ids of the library sources the measure's values cite (GET /measures lists them). */
  readonly sources: readonly string[];
}

export interface MaccBar extends CandidateInfo {
  /** Levelized cost, CNY/tCO2. */
  readonly cost: Quantity;
  readonly from: Quantity;
  readonly to: Quantity;
}

interface Sized {
  readonly scope: ScopeInfo;
  readonly year: number;
  readonly baseline: Quantity;
  readonly sites: readonly SiteSummary[];
  readonly withoutRun: readonly { readonly code: string; readonly name: string }[];
  readonly notApplicable: readonly {
    readonly enterprise: string;
    readonly measure: string;
    readonly reason: string;
  }[];
  readonly notes: readonly string[];
}

export interface PlanningMacc extends Sized {
  readonly discountRate: Quantity;
  readonly bars: readonly MaccBar[];
  readonly total: Quantity;
  /** Candidates not on the curve (excluded by a cheaper one, or avoiding no CO2). */
  readonly left: readonly { readonly candidate: string; readonly reason: string }[];
}

export interface PlanningOptions {
  /** The year of the runs the sites are built from; default the latest year with a run. */
  readonly year?: number;
  /** Default 8 %. */
  readonly discountRate?: Quantity;
  readonly prices?: PriceOverrides;
}

export type PlanTarget =
  | { readonly kind: 'cut'; readonly cut: Quantity; readonly by: number }
  | { readonly kind: 'absolute'; readonly abatement: Quantity; readonly by: number }
  | { readonly kind: 'intensity'; readonly intensity: Quantity; readonly by: number };

export interface PlanRequest extends PlanningOptions {
  readonly scope: PlanScope;
  readonly target: PlanTarget;
  /** Investment allowed in each year of the horizon (undiscounted), CNY/a. */
  readonly budgetPerYear?: Quantity;
  /** Measure ids (every site) or candidate ids (`ENTERPRISE-CODE:measure`) not to choose. */
  readonly exclusions?: readonly string[];
  /** At most this many sites may start one measure in one year (installer capacity). */
  readonly adoptionLimit?: number;
  /** `cost` (default): least discounted cost; `pareto`: cost, CO2 and pollutants as a set. */
  readonly objective?: 'cost' | 'pareto';
}

interface PlanHeader extends Sized {
  readonly discountRate: Quantity;
  readonly target: {
    readonly kind: PlanTarget['kind'];
    readonly by: number;
    /** Emissions allowed from the target year on, tCO2e/a. */
    readonly cap: Quantity;
    readonly description: { readonly zh: string; readonly en: string };
  };
  readonly candidates: readonly CandidateInfo[];
}

export interface PlanOptimal extends PlanHeader {
  readonly status: 'optimal';
  readonly adoptions: readonly {
    readonly candidate: string;
    readonly enterprise: string;
    readonly measure: string;
    readonly year: number;
  }[];
  readonly years: readonly {
    readonly year: number;
    readonly baseline: Quantity;
    readonly abatement: Quantity;
    readonly emissions: Quantity;
    readonly capex: Quantity;
    readonly pollutants: Readonly<Record<Pollutant, Quantity>>;
  }[];
  /** Present value, at the first year of the horizon, of capex, O&M and energy cost changes. */
  readonly presentCost: Quantity;
  readonly totalCapex: Quantity;
  readonly mark: Mark;
  readonly left: readonly { readonly candidate: string; readonly reason: string }[];
}

export interface PlanInfeasible extends PlanHeader {
  readonly status: 'infeasible';
  readonly binding: ScheduleBinding;
  readonly targets: readonly string[];
  readonly explanation: { readonly zh: string; readonly en: string };
}

export interface PlanPareto extends PlanHeader {
  readonly status: 'pareto';
  readonly method: string;
  readonly points: readonly {
    readonly chosen: readonly string[];
    readonly annualCost: Quantity;
    readonly abatement: Quantity;
    readonly reductions: Readonly<Partial<Record<Pollutant, Quantity>>>;
  }[];
}

export type PlanResult = PlanOptimal | PlanInfeasible | PlanPareto;

export const DEFAULT_DISCOUNT_RATE = quantity(8, '%');
/** The longest horizon the optimizer is asked for: binaries grow with candidates × years. */
export const MAX_HORIZON_YEARS = 15;
const PARETO_POLLUTANTS: readonly Pollutant[] = ['NOx', 'SO2'];

let solver: Promise<MipSolver> | undefined;
/** HiGHS is instantiated once per process, on the first optimization. */
function planningSolver(): Promise<MipSolver> {
  solver ??= loadHighsSolver();
  solver.catch(() => (solver = undefined));
  return solver;
}

const invalid = (field: string, zh: string, en: string) =>
  new AppError('validation-failed', zh, en, [{ field, reason: en }]);

/** A quantity of the request in a unit that measures what the field needs, else a 422. */
function checkUnit(q: Quantity | undefined, unit: string, field: string): void {
  if (q === undefined) return;
  let ok: boolean;
  try {
    ok = Number.isFinite(q.value) && compatible(q.unit, unit);
  } catch {
    // an unknown unit
    ok = false;
  }
  if (!ok)
    throw invalid(
      field,
      `${field} 的单位应与 ${unit} 同量纲，收到 ${q.value} ${q.unit}`,
      `${field} must be in a unit like ${unit}, got ${q.value} ${q.unit}`,
    );
}

function checkRequest(r: PlanningOptions & Partial<PlanRequest>): void {
  checkUnit(r.discountRate, '%', 'discountRate');
  checkUnit(r.prices?.electricity, 'CNY/kWh', 'prices.electricity');
  checkUnit(r.prices?.fuel, 'CNY/kgce', 'prices.fuel');
  checkUnit(r.budgetPerYear, 'CNY/a', 'budgetPerYear');
  const t = r.target;
  if (t?.kind === 'cut') checkUnit(t.cut, '%', 'target.cut');
  if (t?.kind === 'absolute') checkUnit(t.abatement, 'tCO2e/a', 'target.abatement');
  if (t?.kind === 'intensity') checkUnit(t.intensity, 'tCO2e/t', 'target.intensity');
}

// ---------------------------------------------------------------------------------- scope

async function scopeOf(
  store: Store,
  actor: Actor,
  scope: PlanScope,
): Promise<{ info: ScopeInfo; enterprises: Enterprise[] }> {
  const t = actor.tenantId;
  if ('enterpriseId' in scope) {
    const { enterprise: e } = await requireEnterprise(store, actor, scope.enterpriseId, 'read');
    return {
      info: {
        kind: 'enterprise',
        id: e.id,
        code: e.code,
        name: e.name,
        ...(e.nameEn !== undefined && { nameEn: e.nameEn }),
      },
      enterprises: [e],
    };
  }
  const visible = await readScope(store, actor);
  if ('parkId' in scope) {
    const park = await store.organisations.getPark(t, scope.parkId);
    // A park is planned only by whoever sees all of it (its admin, a regulator of its region:
    // readScope gives a regulator's whole region tree); otherwise it is not found.
    if (
      !park ||
      (visible && !visible.parkIds.includes(park.id) && !visible.regionIds.includes(park.regionId))
    )
      throw notFound({ zh: '园区', en: 'park' }, scope.parkId);
    return {
      info: {
        kind: 'park',
        id: park.id,
        code: park.code,
        name: park.name,
        ...(park.nameEn !== undefined && { nameEn: park.nameEn }),
      },
      enterprises: await store.organisations.listEnterprises(
        t,
        { parkId: park.id },
        { limit: 100_000 },
      ),
    };
  }
  const all = await store.organisations.listRegions(t);
  const region = all.find((r) => r.id === scope.regionId);
  if (!region || (visible && !visible.regionIds.includes(region.id)))
    throw notFound({ zh: '地区', en: 'region' }, scope.regionId);
  return {
    info: {
      kind: 'region',
      id: region.id,
      code: region.code,
      name: region.name,
      ...(region.nameEn !== undefined && { nameEn: region.nameEn }),
    },
    enterprises: await store.organisations.listEnterprises(
      t,
      { scope: { regionIds: closure(all, region.id), parkIds: [], enterpriseIds: [] } },
      { limit: 100_000 },
    ),
  };
}

function closure(regions: readonly Region[], root: string): string[] {
  const out = [root];
  for (let i = 0; i < out.length; i++)
    for (const r of regions) if (r.parentId === out[i] && !out.includes(r.id)) out.push(r.id);
  return out;
}

// ---------------------------------------------------------------------------------- sites

interface SizedSites extends Sized {
  readonly candidates: readonly Candidate[];
  readonly info: ReadonlyMap<string, Omit<CandidateInfo, 'annualCost'>>;
}

const libraryMeasures = (libraries: readonly MeasureLibrary[]): Measure[] =>
  libraries.flatMap((l) => l.measures);

/** Source ids a measure's values cite, in order of first use. */
const sourcesOf = (m: Measure): string[] => [
  ...new Set([m.capex, m.opex, m.lifetime, ...m.effects].map((v) => v.source)),
];

/** The latest annual run of each enterprise for the year (or the latest year any has). */
async function sizeScope(
  store: Store,
  actor: Actor,
  scopeInfo: { info: ScopeInfo; enterprises: Enterprise[] },
  options: PlanningOptions,
  data: PlanningData,
): Promise<SizedSites> {
  const { info, enterprises } = scopeInfo;
  const t = actor.tenantId;
  const summaries =
    enterprises.length === 0
      ? []
      : await store.calculationRuns.list(t, {
          enterpriseIds: enterprises.map((e) => e.id),
          limit: 100_000,
        });
  const annual = summaries.filter(
    (s) =>
      s.enterpriseId !== undefined &&
      s.periodStart?.endsWith('-01-01') &&
      s.periodEnd === `${s.periodStart.slice(0, 4)}-12-31`,
  );
  const year =
    options.year ??
    annual.reduce((y, s) => Math.max(y, Number(s.periodStart!.slice(0, 4))), -Infinity);
  if (!Number.isInteger(year))
    throw new AppError(
      'not-found',
      `${info.name} 没有全年核算，无法构建减排措施场址`,
      `${info.code} has no annual calculation run to build measure sites from`,
    );
  // Listed newest first: the first run per enterprise is its latest.
  const latest = new Map<string, string>();
  for (const s of annual)
    if (s.periodStart === `${year}-01-01` && !latest.has(s.enterpriseId!))
      latest.set(s.enterpriseId!, s.id);

  const measures = libraryMeasures(data.libraries);
  const sites: SiteSummary[] = [];
  const withoutRun: { code: string; name: string }[] = [];
  const notApplicable: { enterprise: string; measure: string; reason: string }[] = [];
  const candidates: Candidate[] = [];
  const info_ = new Map<string, Omit<CandidateInfo, 'annualCost'>>();
  for (const e of [...enterprises].sort((a, b) => a.code.localeCompare(b.code))) {
    const runId = latest.get(e.id);
    const run = runId === undefined ? undefined : await store.calculationRuns.get(t, runId);
    if (!run) {
      withoutRun.push({ code: e.code, name: e.name });
      continue;
    }
    const result: InventoryResult = resultOf(run);
    const lines =
      (run.inputs as { inventory?: { lines?: RunLine[] } } | null)?.inventory?.lines ?? [];
    const built = siteFromRun(
      {
        enterprise: {
          code: e.code,
          name: e.name,
          ...(e.industry !== undefined && { industry: e.industry }),
        },
        result,
        lines,
      },
      data,
      options.prices,
    );
    let count = 0;
    for (const m of measures) {
      const a = instantiate(m, built.site);
      if (!a.applicable) {
        notApplicable.push({ enterprise: e.code, measure: m.id, reason: a.reason });
        continue;
      }
      count++;
      // A candidate rests on the measure's values and on the site's assumptions.
      const mark = weakestMark([a.candidate.mark, built.mark]);
      const c: Candidate = { ...a.candidate, mark };
      candidates.push(c);
      info_.set(c.id, {
        candidate: c.id,
        enterprise: e.code,
        measure: m.id,
        name: m.name,
        nameEn: m.nameEn,
        category: m.category,
        capex: c.capex,
        lifetime: c.lifetime,
        abatement: c.abatement,
        electricity: c.electricity,
        fuel: c.fuel,
        pollutants: c.pollutants,
        mark,
        sources: sourcesOf(m),
      });
    }
    sites.push({
      enterprise: e.code,
      name: e.name,
      runId: run.id,
      baseline: built.baseline,
      production: built.production ?? null,
      drivers: Object.entries(built.site.drivers).map(([id, value]) => ({ id, value })),
      features: built.site.features,
      prices: built.site.prices,
      factors: built.site.factors,
      derivations: built.derivations,
      mark: built.mark,
      candidates: count,
    });
  }
  const baseline = quantity(
    sites.reduce((s, x) => s + valueIn(x.baseline, 'tCO2e/a'), 0),
    'tCO2e/a',
  );
  return {
    scope: info,
    year,
    baseline,
    sites,
    withoutRun,
    notApplicable,
    candidates,
    info: info_,
    notes: [
      `每家企业取 ${year} 年最新一次全年核算 each enterprise is taken from its latest annual run of ${year}`,
      '措施效果按措施库逐项相加，未计措施间除互斥外的相互影响 measure effects add up; interactions other than the stated exclusions are ignored',
      '库中没有的设备、分项用电与价格取自 data/measures 的假设与默认价格表，逐项标注 what the store lacks (equipment, electricity by end use, prices) comes from the assumptions and default prices in data/measures, each marked',
      '基准排放为核算总量（范围一 + 范围二），措施只减少 CO2 the baseline is the run total (scope 1 + 2); measures only cut CO2',
    ],
  };
}

const withCost = (
  i: Omit<CandidateInfo, 'annualCost'>,
  c: Candidate,
  rate: Quantity,
): CandidateInfo => ({ ...i, annualCost: annualCost(c, rate) });

function discountRateOf(options: PlanningOptions): Quantity {
  checkRequest(options);
  const r = options.discountRate ?? DEFAULT_DISCOUNT_RATE;
  const v = valueIn(r, '1');
  if (!(v >= 0 && v < 1))
    throw invalid(
      'discountRate',
      `折现率须在 0 与 100 % 之间，收到 ${r.value} ${r.unit}`,
      `the discount rate must be from 0 to 100 %, got ${r.value} ${r.unit}`,
    );
  return r;
}

// ---------------------------------------------------------------------------------- MACC

async function maccOf(
  store: Store,
  actor: Actor,
  scope: PlanScope,
  options: PlanningOptions,
): Promise<PlanningMacc> {
  const rate = discountRateOf(options);
  const data = await planningData();
  const sized = await sizeScope(store, actor, await scopeOf(store, actor, scope), options, data);
  const curve = macc(sized.candidates, rate);
  const { candidates, info, ...rest } = sized;
  const byId = new Map(candidates.map((c) => [c.id, c]));
  return {
    ...rest,
    discountRate: rate,
    bars: curve.segments.map((s) => ({
      ...withCost(info.get(s.candidate)!, byId.get(s.candidate)!, rate),
      cost: s.cost,
      from: s.from,
      to: s.to,
    })),
    total: curve.total,
    left: curve.left,
  };
}

/** The MACC of one enterprise, from its latest annual run. */
export function enterpriseMacc(
  store: Store,
  actor: Actor,
  enterpriseId: string,
  options: PlanningOptions = {},
): Promise<PlanningMacc> {
  return maccOf(store, actor, { enterpriseId }, options);
}

/** The MACC of a park: every member's measures on one curve. */
export function parkMacc(
  store: Store,
  actor: Actor,
  parkId: string,
  options: PlanningOptions = {},
): Promise<PlanningMacc> {
  return maccOf(store, actor, { parkId }, options);
}

/** The MACC of a region and the regions beneath it. */
export function regionMacc(
  store: Store,
  actor: Actor,
  regionId: string,
  options: PlanningOptions = {},
): Promise<PlanningMacc> {
  return maccOf(store, actor, { regionId }, options);
}

/** The measure libraries, default prices and site assumptions, with their sources and marks. */
export async function planningLibrary(): Promise<PlanningData> {
  return planningData();
}

// ---------------------------------------------------------------------------------- optimizer

/** A candidate's CO2 as CO2e (GWP of CO2 = 1), so it can be set against the run totals. */
const inCo2e = (c: Candidate): Candidate => ({
  ...c,
  abatement: quantity(valueIn(c.abatement, 'tCO2/a'), 'tCO2e/a'),
});

function targetOf(
  target: PlanTarget,
  year: number,
  baseline: Quantity,
  sites: readonly SiteSummary[],
): { schedule: ScheduleTarget; cap: Quantity; zh: string; en: string } {
  const base = valueIn(baseline, 'tCO2e/a');
  const fmt = (v: number, d = 0) => v.toLocaleString('en-US', { maximumFractionDigits: d });
  switch (target.kind) {
    case 'cut': {
      const cut = valueIn(target.cut, '1');
      if (!(cut > 0 && cut < 1))
        throw invalid(
          'target.cut',
          '削减比例须在 0 与 100 % 之间',
          'the cut must be between 0 and 100 %',
        );
      return {
        schedule: {
          kind: 'cut',
          id: `cut@${target.by}`,
          year: target.by,
          reference: baseline,
          cut: target.cut,
        },
        cap: quantity(base * (1 - cut), 'tCO2e/a'),
        zh: `${target.by} 年起比 ${year} 年（${fmt(base)} tCO2e）削减 ${fmt(cut * 100, 1)} %`,
        en: `${fmt(cut * 100, 1)} % below ${year} (${fmt(base)} tCO2e) from ${target.by}`,
      };
    }
    case 'absolute': {
      const a = valueIn(target.abatement, 'tCO2e/a');
      if (!(a > 0 && a < base))
        throw invalid(
          'target.abatement',
          `减排量须大于零且小于基准排放 ${fmt(base)} tCO2e/a`,
          `the abatement must be above zero and below the baseline ${fmt(base)} tCO2e/a`,
        );
      return {
        schedule: {
          kind: 'cut',
          id: `absolute@${target.by}`,
          year: target.by,
          reference: baseline,
          cut: quantity(a / base, '1'),
        },
        cap: quantity(base - a, 'tCO2e/a'),
        zh: `${target.by} 年起每年减排 ${fmt(a)} tCO2e`,
        en: `${fmt(a)} tCO2e/a avoided from ${target.by}`,
      };
    }
    case 'intensity': {
      if (sites.some((s) => s.production === null))
        throw invalid(
          'target.intensity',
          `强度目标需要每家企业的产量，${sites
            .filter((s) => s.production === null)
            .map((s) => s.enterprise)
            .join('、')} 的核算没有产量`,
          `an intensity target needs every enterprise's production; the runs of ${sites
            .filter((s) => s.production === null)
            .map((s) => s.enterprise)
            .join(', ')} have none`,
        );
      const production = sites.reduce((s, x) => s + valueIn(x.production!, 't/a'), 0);
      const i = valueIn(target.intensity, 'tCO2e/t');
      return {
        schedule: {
          kind: 'intensity',
          id: `intensity@${target.by}`,
          year: target.by,
          intensity: target.intensity,
        },
        cap: quantity(i * production, 'tCO2e/a'),
        zh: `${target.by} 年起排放强度不高于 ${fmt(i, 4)} tCO2e/t`,
        en: `intensity at most ${fmt(i, 4)} tCO2e/t from ${target.by}`,
      };
    }
  }
}

/**
 * Chooses measures and their start years for an enterprise, a park or a region to reach the
 * target at least discounted cost (or, with `objective: 'pareto'`, the efficient set of cost,
 * CO2 and pollutants), under the budget, exclusions and adoption limit; an unreachable target
 * comes back with the constraint that binds, in Chinese and English.
 */
export async function optimizePlan(
  store: Store,
  actor: Actor,
  request: PlanRequest,
): Promise<PlanResult> {
  const rate = discountRateOf(request);
  const data = await planningData();
  const sized = await sizeScope(
    store,
    actor,
    await scopeOf(store, actor, request.scope),
    request,
    data,
  );
  const by = request.target.by;
  if (!(Number.isInteger(by) && by > sized.year && by - sized.year <= MAX_HORIZON_YEARS))
    throw invalid(
      'target.by',
      `目标年须在基准年 ${sized.year} 之后 1 至 ${MAX_HORIZON_YEARS} 年内，收到 ${by}`,
      `the target year must be 1 to ${MAX_HORIZON_YEARS} years after the base year ${sized.year}, got ${by}`,
    );
  const known = new Set(libraryMeasures(data.libraries).map((m) => m.id));
  const candidateIds = new Set(sized.candidates.map((c) => c.id));
  for (const x of request.exclusions ?? [])
    if (!known.has(x) && !candidateIds.has(x))
      throw invalid(
        'exclusions',
        `排除项 ${x} 既不是措施也不是本范围的候选措施`,
        `exclusion ${x} is neither a measure nor a candidate of this scope`,
      );
  const limit = request.adoptionLimit;
  if (limit !== undefined && !(Number.isInteger(limit) && limit >= 1))
    throw invalid(
      'adoptionLimit',
      '实施数量限制须为正整数',
      'the adoption limit must be a whole number ≥ 1',
    );
  const budget = request.budgetPerYear;
  if (budget !== undefined && !(valueIn(budget, 'CNY/a') >= 0))
    throw invalid('budgetPerYear', '年度预算不能为负', 'the yearly budget cannot be negative');

  const target = targetOf(request.target, sized.year, sized.baseline, sized.sites);
  const excluded = new Set(request.exclusions ?? []);
  const { candidates: all, info, ...rest } = sized;
  const header = {
    ...rest,
    discountRate: rate,
    target: {
      kind: request.target.kind,
      by,
      cap: target.cap,
      description: { zh: target.zh, en: target.en },
    },
    candidates: all.map((c) => withCost(info.get(c.id)!, c, rate)),
  };
  const solve = await planningSolver();

  if (request.objective === 'pareto') {
    const set = paretoPortfolios(
      {
        candidates: all.filter((c) => !excluded.has(c.id) && !excluded.has(c.measure)),
        discountRate: rate,
        pollutants: PARETO_POLLUTANTS,
        ...(budget !== undefined && { budget: quantity(valueIn(budget, 'CNY/a'), 'CNY') }),
        steps: 4,
      },
      solve,
    );
    return { status: 'pareto', ...header, method: set.method, points: set.points };
  }

  const firstYear = sized.year + 1;
  const years = Array.from({ length: by - sized.year }, (_, k) => firstYear + k);
  const flat = (q: Quantity) => years.map((year) => ({ year, value: q }));
  const production = sized.sites.every((s) => s.production !== null)
    ? quantity(
        sized.sites.reduce((s, x) => s + valueIn(x.production!, 't/a'), 0),
        't/a',
      )
    : undefined;
  const result = optimizeSchedule(
    {
      candidates: all.map(inCo2e),
      firstYear,
      lastYear: by,
      // No production projection here: emissions without measures stay at the base year's.
      baseline: flat(sized.baseline),
      ...(production && { production: flat(production) }),
      targets: [target.schedule],
      discountRate: rate,
      ...(budget !== undefined && {
        budgets: years.map((year) => ({ year, capex: quantity(valueIn(budget, 'CNY/a'), 'CNY') })),
      }),
      excluded: all
        .filter((c) => excluded.has(c.id) || excluded.has(c.measure))
        .map((c) => ({ candidate: c.id, reason: '请求排除 excluded by the request' })),
      ...(limit !== undefined && {
        limits: [...new Set(all.map((c) => c.measure))].map((m) => ({
          id: m,
          measures: [m],
          perYear: limit,
        })),
      }),
    },
    solve,
  );
  if (result.status === 'infeasible')
    return {
      status: 'infeasible',
      ...header,
      binding: result.binding,
      targets: result.targets,
      explanation: { zh: result.explanationZh, en: result.explanation },
    };
  const byId = new Map(all.map((c) => [c.id, c]));
  const adoptions = result.adoptions.map((a) => {
    const c = byId.get(a.candidate)!;
    return { candidate: a.candidate, enterprise: c.site, measure: c.measure, year: a.year };
  });
  return {
    status: 'optimal',
    ...header,
    adoptions,
    years: result.years,
    presentCost: result.presentCost,
    totalCapex: quantity(
      adoptions.reduce((s, a) => s + valueIn(byId.get(a.candidate)!.capex, 'CNY'), 0),
      'CNY',
    ),
    mark: result.mark,
    left: result.left,
  };
}
