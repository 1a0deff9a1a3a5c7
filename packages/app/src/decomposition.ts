import {
  LmdiInputError,
  lmdi,
  rollUp,
  type EnterpriseRecord,
  type LmdiFactor,
  type LmdiResult,
  type LmdiSector,
  type Rollup,
} from '@carbonbase/analysis';
import { quantity, sum, valueIn, type Quantity } from '@carbonbase/quantity';
import type { Enterprise, Store } from '@carbonbase/store';
import { requireEnterprise } from './access.js';
import type { Actor } from './actor.js';
import { closure, coversGroup, recordsFor } from './analysis.js';
import { AppError, notFound } from './errors.js';

/**
 * LMDI decomposition of the change in emissions of a park, a region or one enterprise between two
 * years, over the latest annual run of each enterprise (docs/methods/analysis.md §4, "Over the
 * store"). The records, the roll-up and the net total are those of the park and region
 * overviews, so the effects add up to the change the overview shows.
 */

const T = 'tCO2e';
const UNCLASSIFIED = '未分类 unclassified';

export type DecompositionScope =
  { readonly parkId: string } | { readonly regionId: string } | { readonly enterpriseId: string };

export interface DecompositionQuery {
  readonly scope: DecompositionScope;
  readonly from: number;
  readonly to: number;
}

/**
 * What the activity Q of C = Q · S · I · F is. `production`: the one product every enterprise
 * compared makes (t clinker, …), so intensity is energy per unit of product. `energy`: the
 * comprehensive energy (tce), the only amount all enterprises share; then S is the energy share,
 * I = E/Q = 1 and the intensity effect is zero by construction.
 */
export interface DecompositionActivity {
  readonly measure: 'production' | 'energy';
  /** The engine intensity whose denominator is the production (per-t-clinker), or null. */
  readonly basis: string | null;
  readonly unit: string;
  readonly zh: string;
  readonly en: string;
}

export interface SectorYear {
  readonly activity: Quantity;
  readonly energy: Quantity;
  /** Scope 1 + 2, counting electricity bought from another member once (tCO2e). */
  readonly emissions: Quantity;
}

export interface DecompositionSector {
  /** The industry (for one enterprise: its code). */
  readonly sector: string;
  readonly enterprises: readonly string[];
  readonly base: SectorYear;
  readonly target: SectorYear;
  readonly effects: Readonly<Record<LmdiFactor, Quantity>>;
  readonly change: Quantity;
  /** How a zero was handled (a sector present in one year only), or null. */
  readonly zeroRule: string | null;
}

export interface LeftOutMember {
  readonly code: string;
  readonly name: string;
  /** Of `from` and `to`, the years the enterprise has an annual run for (none, or one). */
  readonly yearsWithRun: readonly number[];
}

export interface Decomposition {
  readonly scope: 'park' | 'region' | 'enterprise';
  readonly id: string;
  readonly code: string;
  readonly name: string;
  readonly nameEn?: string;
  readonly from: number;
  readonly to: number;
  readonly activity: DecompositionActivity;
  /** Emissions of the enterprises compared in the base year, the target year, and the change. */
  readonly base: Quantity;
  readonly target: Quantity;
  readonly total: Quantity;
  /** Activity, structure, energy-intensity and emission-factor effects: they add up to `total`. */
  readonly effects: Readonly<Record<LmdiFactor, Quantity>>;
  readonly sectors: readonly DecompositionSector[];
  /** Enterprises with an annual run in both years: the only ones in any figure. */
  readonly compared: readonly string[];
  readonly leftOut: readonly LeftOutMember[];
  readonly notes: readonly string[];
}

interface Group {
  readonly scope: Decomposition['scope'];
  readonly id: string;
  readonly code: string;
  readonly name: string;
  readonly nameEn?: string;
  readonly enterprises: readonly Enterprise[];
  /** How the records are grouped and which roll-up group is the whole: that of the overviews. */
  readonly rollupScope: 'park' | 'region';
  readonly key: string;
  readonly groupOf: (e: Enterprise) => { park?: string; region: string };
  readonly sectorOf: (r: EnterpriseRecord) => string;
}

const invalid = (zh: string, en: string): AppError => new AppError('validation-failed', zh, en);

/** The park, region or enterprise asked for, if the actor sees all of it (as the overviews). */
async function groupOf(store: Store, actor: Actor, scope: DecompositionScope): Promise<Group> {
  const t = actor.tenantId;
  if ('parkId' in scope) {
    const park = await store.organisations.getPark(t, scope.parkId);
    if (!park || !(await coversGroup(store, actor, { parkId: park.id, regionId: park.regionId })))
      throw notFound({ zh: '园区', en: 'park' }, scope.parkId);
    return {
      scope: 'park',
      id: park.id,
      code: park.code,
      name: park.name,
      ...(park.nameEn !== undefined && { nameEn: park.nameEn }),
      enterprises: await store.organisations.listEnterprises(
        t,
        { parkId: park.id },
        { limit: 100_000 },
      ),
      rollupScope: 'park',
      key: park.code,
      groupOf: (e) => ({ park: park.code, region: e.regionId }),
      sectorOf: (r) => r.sector ?? UNCLASSIFIED,
    };
  }
  if ('regionId' in scope) {
    const regions = await store.organisations.listRegions(t);
    const region = regions.find((r) => r.id === scope.regionId);
    if (!region || !(await coversGroup(store, actor, { regionId: region.id })))
      throw notFound({ zh: '地区', en: 'region' }, scope.regionId);
    return {
      scope: 'region',
      id: region.id,
      code: region.code,
      name: region.name,
      ...(region.nameEn !== undefined && { nameEn: region.nameEn }),
      enterprises: await store.organisations.listEnterprises(
        t,
        { scope: { regionIds: closure(regions, region.id), parkIds: [], enterpriseIds: [] } },
        { limit: 100_000 },
      ),
      rollupScope: 'region',
      key: region.code,
      groupOf: () => ({ region: region.code }),
      sectorOf: (r) => r.sector ?? UNCLASSIFIED,
    };
  }
  const { enterprise: e } = await requireEnterprise(store, actor, scope.enterpriseId, 'read');
  // One enterprise is one sector: its sources cannot be sectors, as process and refrigerant
  // emissions have no energy of their own and C = Q·S·I·F would not hold for them.
  return {
    scope: 'enterprise',
    id: e.id,
    code: e.code,
    name: e.name,
    enterprises: [e],
    rollupScope: 'region',
    key: e.code,
    groupOf: () => ({ region: e.code }),
    sectorOf: (r) => r.enterprise,
  };
}

/**
 * Production is the activity when every enterprise compared has it in both years on one basis
 * (so that it adds up: tonnes of clinker with tonnes of clinker); otherwise energy.
 */
function activityOf(
  records: readonly { record: EnterpriseRecord; basis: string | undefined }[],
): DecompositionActivity {
  const bases = new Set(records.map((r) => r.basis));
  const [basis] = bases;
  const first = records[0]?.record.production;
  if (bases.size === 1 && basis !== undefined && first)
    return {
      measure: 'production',
      basis,
      unit: first.unit,
      zh: `活动量为产量（${basis}，${first.unit}）：参与比较的企业两年都按同一产品核算产量，能源强度为单位产品综合能耗`,
      en: `activity is production (${basis}, ${first.unit}): every enterprise compared reports the same product in both years, and energy intensity is energy per unit of product`,
    };
  return {
    measure: 'energy',
    basis: null,
    unit: 'tce',
    zh: '活动量为综合能耗（tce，当量值）：参与比较的企业没有共同的产品（库中也没有工业总产值），产量不能相加，故以能耗为活动量；结构效应为各行业能耗占比的变化，能源强度效应恒为零（活动量即能耗），排放因子效应为单位能耗排放（tCO2e/tce）的变化',
    en: 'activity is comprehensive energy consumption (tce, calorific-equivalent basis): the enterprises compared make no common product (and the store holds no output value), so production cannot be added up and energy is the activity; the structure effect is the change in the sectors’ shares of energy, the energy-intensity effect is zero by construction (activity is energy), and the emission-factor effect is the change in emissions per tce',
  };
}

/** Each enterprise's part of the group's net total: direct + indirect bought from outside. */
function partsOf(g: Rollup): Map<string, number> {
  return new Map(
    g.members.map((m) => [
      m.enterprise,
      (m.direct === null ? 0 : valueIn(m.direct, T)) + valueIn(m.externalIndirect, T),
    ]),
  );
}

/** Sums the members' figures by sector for one year. */
function sectorsOf(
  records: readonly EnterpriseRecord[],
  parts: ReadonlyMap<string, number>,
  activity: DecompositionActivity,
  sectorOf: (r: EnterpriseRecord) => string,
): Map<string, { enterprises: string[]; year: SectorYear }> {
  const grouped = new Map<string, EnterpriseRecord[]>();
  for (const r of records) grouped.set(sectorOf(r), [...(grouped.get(sectorOf(r)) ?? []), r]);
  const energy = (rs: readonly EnterpriseRecord[]) =>
    sum(
      rs.map((r) => r.energy ?? quantity(0, 'tce')),
      'tce',
    );
  return new Map(
    [...grouped.entries()].map(([sector, rs]) => [
      sector,
      {
        enterprises: rs.map((r) => r.enterprise),
        year: {
          activity:
            activity.measure === 'production'
              ? sum(
                  rs.map((r) => r.production as Quantity),
                  activity.unit,
                )
              : energy(rs),
          energy: energy(rs),
          emissions: quantity(
            rs.reduce((x, r) => x + (parts.get(r.enterprise) ?? 0), 0),
            T,
          ),
        },
      },
    ]),
  );
}

function decompose(
  base: ReadonlyMap<string, { year: SectorYear }>,
  target: ReadonlyMap<string, { year: SectorYear }>,
): LmdiResult {
  const asSectors = (m: ReadonlyMap<string, { year: SectorYear }>): LmdiSector[] =>
    [...m.entries()].map(([id, { year }]) => ({
      id,
      output: year.activity,
      energy: year.energy,
      emissions: year.emissions,
    }));
  try {
    return lmdi(asSectors(base), asSectors(target));
  } catch (e) {
    if (e instanceof LmdiInputError)
      throw new AppError(
        'validation-failed',
        '这些数据不能做 LMDI 分解（C = Q·S·I·F 不成立）',
        'these figures cannot be decomposed with LMDI (C = Q·S·I·F does not hold)',
        [{ field: 'sectors', reason: e.message }],
      );
    throw e;
  }
}

/** A year's record of an enterprise, with the basis of its production if it has one. */
export interface DecomposedRecord {
  readonly record: EnterpriseRecord;
  readonly productionBasis?: string;
}

/**
 * The decomposition of a group's records (the enterprises compared, each in both years): each
 * sector's emissions are its members' parts of the roll-up's net total, so the effects add up to
 * the change of `net`.
 */
export function decomposeRecords(
  base: readonly DecomposedRecord[],
  target: readonly DecomposedRecord[],
  years: { readonly from: number; readonly to: number },
  group: {
    readonly rollupScope: 'park' | 'region';
    readonly key: string;
    readonly sectorOf: (r: EnterpriseRecord) => string;
  },
): Pick<Decomposition, 'activity' | 'base' | 'target' | 'total' | 'effects' | 'sectors'> & {
  readonly rollups: readonly Rollup[];
} {
  const activity = activityOf(
    [...base, ...target].map((r) => ({
      record: r.record,
      basis: r.record.production && r.productionBasis,
    })),
  );
  const yearOf = (rs: readonly DecomposedRecord[], year: number) => {
    const records = rs.map((r) => r.record);
    const rollup = rollUp(records, { scope: group.rollupScope, period: { year } }).find(
      (x) => x.group === group.key,
    );
    if (!rollup) throw new Error(`no roll-up for ${group.key} in ${year}`);
    return { rollup, sectors: sectorsOf(records, partsOf(rollup), activity, group.sectorOf) };
  };
  const y0 = yearOf(base, years.from);
  const yT = yearOf(target, years.to);
  const result = decompose(y0.sectors, yT.sectors);
  // a sector present in one year only counts as all zeros in the other (lmdi does the same)
  const zeroYear: SectorYear = {
    activity: quantity(0, activity.unit),
    energy: quantity(0, 'tce'),
    emissions: quantity(0, T),
  };
  const sectors: DecompositionSector[] = result.sectors
    .map((s) => {
      const [a, b] = [y0.sectors.get(s.id), yT.sectors.get(s.id)];
      return {
        sector: s.id,
        enterprises: [...new Set([...(a?.enterprises ?? []), ...(b?.enterprises ?? [])])].sort(),
        base: a?.year ?? zeroYear,
        target: b?.year ?? zeroYear,
        effects: s.effects,
        change: s.change,
        zeroRule: s.zeroRule ?? null,
      };
    })
    .sort((a, b) => b.base.emissions.value - a.base.emissions.value);
  return {
    activity,
    base: y0.rollup.net,
    target: yT.rollup.net,
    total: result.total,
    effects: result.effects,
    sectors,
    rollups: [y0.rollup, yT.rollup],
  };
}

/**
 * Decomposes the change in emissions (scope 1 + 2, electricity supplied between members counted
 * once) from `from` to `to` into activity, structure, energy-intensity and emission-factor
 * effects, over the enterprises with an annual run in both years.
 */
export async function decomposeChange(
  store: Store,
  actor: Actor,
  query: DecompositionQuery,
): Promise<Decomposition> {
  const { from, to } = query;
  if (!(Number.isInteger(from) && Number.isInteger(to) && from < to))
    throw invalid(
      `基年 ${from} 须早于目标年 ${to}`,
      `the base year ${from} must come before the target year ${to}`,
    );
  const g = await groupOf(store, actor, query.scope);
  const records = (y: number) => recordsFor(store, actor.tenantId, g.enterprises, y, g.groupOf);
  const [before, after] = await Promise.all([records(from), records(to)]);
  const inFrom = new Set(before.records.map((r) => r.record.enterprise));
  const inTo = new Set(after.records.map((r) => r.record.enterprise));
  const leftOut: LeftOutMember[] = g.enterprises
    .filter((e) => !(inFrom.has(e.code) && inTo.has(e.code)))
    .map((e) => ({
      code: e.code,
      name: e.name,
      yearsWithRun: [inFrom.has(e.code) && from, inTo.has(e.code) && to].filter(
        (y): y is number => y !== false,
      ),
    }))
    .sort((a, b) => a.code.localeCompare(b.code));
  const compare = (rs: typeof before) =>
    rs.records.filter((r) => inFrom.has(r.record.enterprise) && inTo.has(r.record.enterprise));
  const [from0, toT] = [compare(before), compare(after)];
  if (from0.length === 0)
    throw invalid(
      `没有 ${from} 与 ${to} 两年都有全年核算的企业`,
      `no enterprise has an annual run in both ${from} and ${to}`,
    );

  const toRecords = (rs: typeof from0): DecomposedRecord[] =>
    rs.map((r) => ({
      record: r.record,
      ...(r.source.productionBasis !== undefined && { productionBasis: r.source.productionBasis }),
    }));
  const d = decomposeRecords(toRecords(from0), toRecords(toT), { from, to }, g);

  return {
    scope: g.scope,
    id: g.id,
    code: g.code,
    name: g.name,
    ...(g.nameEn !== undefined && { nameEn: g.nameEn }),
    from,
    to,
    activity: d.activity,
    base: d.base,
    target: d.target,
    total: d.total,
    effects: d.effects,
    sectors: d.sectors,
    compared: [...inFrom].filter((c) => inTo.has(c)).sort(),
    leftOut,
    notes: notesOf(g, d.activity, leftOut, d.rollups),
  };
}

function notesOf(
  g: Group,
  activity: DecompositionActivity,
  leftOut: readonly LeftOutMember[],
  rollups: readonly Rollup[],
): string[] {
  const notes = [
    '加法 LMDI-I（Ang 2004, 2005）：C = Σ Q·(Qi/Q)·(Ei/Qi)·(Ci/Ei)，活动、结构、能源强度、排放因子四项效应之和等于排放变化，没有残差 additive LMDI-I (Ang 2004, 2005): C = Σ Q·(Qi/Q)·(Ei/Qi)·(Ci/Ei); the activity, structure, energy-intensity and emission-factor effects add up to the change in emissions with no residual',
    g.scope === 'enterprise'
      ? '排放为范围一 + 范围二（核算总量减范围三）；一家企业为一个部门，没有结构效应 emissions are scope 1 + 2 (the run total less scope 3); one enterprise is one sector, so there is no structure effect'
      : '排放为范围一 + 范围二，成员之间互供的电力与热力只计一次（与概览的不重复合计相同），范围三不计；部门为企业所属行业 emissions are scope 1 + 2 with electricity and heat supplied between members counted once (the overview’s net total), scope 3 left out; sectors are the enterprises’ industries',
    `${activity.zh} ${activity.en}`,
    '每家企业取该年最新一次全年核算，只比较两年都有核算的企业 each enterprise is taken from its latest annual run of the year; only enterprises with a run in both years are compared',
  ];
  if (activity.measure === 'energy' && g.scope !== 'enterprise')
    notes.push(
      '能耗为各企业综合能耗之和：从成员处购买的电力与热力既在供应方的燃料中，也在购买方的能耗中 energy is the plain sum of the enterprises’ energy: electricity and heat bought from a member are in the supplier’s fuel and in the buyer’s energy',
    );
  if (leftOut.length > 0) {
    const codes = leftOut.map((m) => m.code);
    notes.push(
      `${codes.join('、')} 不是两年都有全年核算，未计入 ${codes.join(', ')} have no annual run in both years and are left out`,
    );
  }
  const missing = [...new Set(rollups.flatMap((r) => r.missing.map((m) => m.enterprise)))].sort();
  if (missing.length > 0)
    notes.push(
      `${missing.join('、')} 缺少直接排放或购电数据，其排放不完整 ${missing.join(', ')} lack direct-emission or purchase data: their emissions are incomplete`,
    );
  return notes;
}
