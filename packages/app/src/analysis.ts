import {
  periodChanges,
  rankEnterprises,
  rollUp,
  metricValue,
  synergyOfChange,
  POLLUTANTS,
  type ChangeResult,
  type ChangeRow,
  type ElectricityPurchase,
  type MetricValue,
  type EnterpriseRecord,
  type Pollutant,
  type Ranking,
  type Rollup,
  type SynergyChange,
} from '@carbonbase/analysis';
import type { InventoryResult, LineResult } from '@carbonbase/engine';
import { compatible, quantity, subtract, sum, valueIn, type Quantity } from '@carbonbase/quantity';
import type { Enterprise, Park, PollutantYear, Region, Store } from '@carbonbase/store';
import { readScope } from './access.js';
import type { Actor } from './actor.js';
import { notFound } from './errors.js';
import { resultOf, type RunInputs } from './runs.js';

/**
 * Park and region overviews over the store: the latest annual run of every enterprise turned
 * into an analysis record (docs/methods/analysis.md, "Over the store"), then rolled up, ranked
 * and compared with the year before by @carbonbase/analysis.
 */

const PARK = { zh: '园区', en: 'park' };
const REGION = { zh: '地区', en: 'region' };
const T = 'tCO2e';

/** Where a record's figures came from: one stored run. */
interface RecordSource {
  readonly name: string;
  readonly parkId?: string;
  readonly sector?: string;
  readonly runId: string;
  /** Scope 3 of the run, left out of the record (the roll-up is scope 1 + 2). */
  readonly scope3?: Quantity;
  /** The engine intensity whose denominator is taken as production (per-t-clinker, …). */
  readonly productionBasis?: string;
  /** The year's air pollutants from the store, by pollutant. */
  readonly pollutants: readonly PollutantFigure[];
}

/** An enterprise's pollutant over the year, as the store holds it. */
export interface PollutantFigure {
  readonly pollutant: Pollutant;
  /** Tonnes. */
  readonly amount: Quantity;
  /** Months reported (1–12), or [0] for a whole-year figure. */
  readonly months: readonly number[];
  /** cems, permit-report, estimate. */
  readonly sources: readonly string[];
}

/** An enterprise's year turned into a record: `record.enterprise` is the enterprise code. */
interface StoreRecord {
  readonly record: EnterpriseRecord;
  readonly source: RecordSource;
}

/**
 * The enterprise-wide production of a run: the denominator of the first engine intensity over
 * the run total (the engine lists clinker, then cement, then output value). Boundary intensities
 * (clinker production only) have another numerator and are not taken.
 */
export function productionOf(
  r: InventoryResult,
): { production: Quantity; basis: string } | undefined {
  const overTotal = r.intensities.find(
    (i) =>
      i.numerator.unit === r.total.unit &&
      Math.abs(i.numerator.value - r.total.value) <= 1e-9 * Math.abs(r.total.value),
  );
  return overTotal && { production: overTotal.denominator, basis: overTotal.id };
}

/** The activity amount of a line, as the engine recorded it among the line's inputs. */
const amountOf = (l: LineResult): Quantity | undefined =>
  l.explanation.inputs.find((i) => i.field === 'amount')?.value;

/**
 * The energy bought on a scope 2 line: its amount, or for steam given as a mass the heat the
 * engine computed from it (its calorific energy), so that every purchase is an energy.
 */
function boughtEnergy(l: LineResult): Quantity | undefined {
  const amount = amountOf(l);
  if (amount && compatible(amount.unit, 'GJ')) return amount;
  const heat = l.energy?.calorific;
  return heat && quantity(valueIn(heat, 'GJ'), 'GJ');
}

/**
 * Scope 2 as purchases, one per line kind (electricity, heat, …) and supplier. `suppliers` is
 * the run's line id → supplying enterprise code (RunInputs.suppliers); a line without one was
 * bought from the grid or from outside the platform. Purchased heat travels in `electricity`
 * with its own unit (GJ): the record has one channel for bought energy, and the roll-up converts
 * that amount (to MWh) only for purchases inside the group.
 */
function purchasesOf(
  r: InventoryResult,
  suppliers: Readonly<Record<string, string>>,
): ElectricityPurchase[] | undefined {
  const byKey = new Map<string, { supplier?: string; lines: LineResult[] }>();
  for (const l of r.lines) {
    if (l.scope !== 'scope2') continue;
    const supplier = suppliers[l.id];
    const key = `${l.kind} ${supplier ?? ''}`;
    const group = byKey.get(key) ?? { ...(supplier !== undefined && { supplier }), lines: [] };
    group.lines.push(l);
    byKey.set(key, group);
  }
  const out: ElectricityPurchase[] = [];
  for (const { supplier, lines } of byKey.values()) {
    const amounts = lines.map(boughtEnergy);
    if (amounts.some((a) => a === undefined)) return undefined;
    const first = amounts[0] as Quantity;
    out.push({
      ...(supplier !== undefined && { supplier }),
      electricity: sum(amounts as Quantity[], first.unit),
      emissions: sum(
        lines.map((l) => l.emissions),
        T,
      ),
    });
  }
  return out;
}

/** A record's pollutants: those the store holds for the year, in tonnes. */
function pollutantsRecord(
  figures: readonly PollutantFigure[],
): Partial<Record<Pollutant, Quantity>> | undefined {
  if (figures.length === 0) return undefined;
  return Object.fromEntries(figures.map((f) => [f.pollutant, f.amount]));
}

/**
 * One enterprise's year from its run: direct = the run total less scope 2 and scope 3 (scope 1
 * with the method's deductions: exported energy, CCUS), indirect = scope 2, so that direct +
 * indirect is the run total when there is no scope 3.
 */
function recordFromRun(
  e: Enterprise,
  year: number,
  group: { readonly park?: string; readonly region: string },
  run: { id: string; result: InventoryResult; suppliers: Readonly<Record<string, string>> },
  pollutants: readonly PollutantFigure[],
): StoreRecord {
  const r = run.result;
  const scope2 = r.byScope.scope2 ?? quantity(0, T);
  const scope3 = r.byScope.scope3;
  const direct = subtract(subtract(r.total, scope2), scope3 ?? quantity(0, T));
  const production = productionOf(r);
  const purchases = purchasesOf(r, run.suppliers);
  const polluted = pollutantsRecord(pollutants);
  return {
    record: {
      enterprise: e.code,
      name: e.name,
      ...(group.park !== undefined && { park: group.park }),
      region: group.region,
      ...(e.industry !== undefined && { sector: e.industry }),
      period: { year },
      ...(production && { production: production.production }),
      energy: r.energy.calorific,
      direct: quantity(valueIn(direct, T), T),
      ...(purchases && { purchases }),
      ...(polluted && { pollutants: polluted }),
    },
    source: {
      name: e.name,
      ...(e.parkId !== undefined && { parkId: e.parkId }),
      ...(e.industry !== undefined && { sector: e.industry }),
      runId: run.id,
      ...(scope3 !== undefined && { scope3 }),
      ...(production && { productionBasis: production.basis }),
      pollutants,
    },
  };
}

/** Each enterprise's pollutant figures for the year, from the store's current versions. */
async function pollutantsFor(
  store: Store,
  tenantId: string,
  enterprises: readonly Enterprise[],
  year: number,
): Promise<Map<string, PollutantFigure[]>> {
  const years: PollutantYear[] = await store.pollutantEmissions.yearTotals({
    tenantId,
    enterpriseIds: enterprises.map((e) => e.id),
    years: [year],
  });
  const out = new Map<string, PollutantFigure[]>();
  for (const y of years) {
    const figure: PollutantFigure = {
      pollutant: y.pollutant,
      amount: y.amount,
      months: y.months,
      sources: y.sources,
    };
    out.set(y.enterpriseId, [...(out.get(y.enterpriseId) ?? []), figure]);
  }
  for (const figures of out.values())
    figures.sort((a, b) => POLLUTANTS.indexOf(a.pollutant) - POLLUTANTS.indexOf(b.pollutant));
  return out;
}

/**
 * The latest annual run (1 January – 31 December) of each enterprise for the year, as records.
 * Runs are listed newest first, so the first seen per enterprise is the latest. Also the records
 * of the LMDI decomposition over the store (decomposition.ts).
 */
export async function recordsFor(
  store: Store,
  tenantId: string,
  enterprises: readonly Enterprise[],
  year: number,
  groupOf: (e: Enterprise) => { park?: string; region: string },
): Promise<{ records: StoreRecord[]; withoutRun: Enterprise[] }> {
  if (enterprises.length === 0) return { records: [], withoutRun: [] };
  const summaries = await store.calculationRuns.list(tenantId, {
    enterpriseIds: enterprises.map((e) => e.id),
    periodStart: `${year}-01-01`,
    limit: 100_000,
  });
  const latest = new Map<string, string>();
  for (const s of summaries)
    if (s.enterpriseId && s.periodEnd === `${year}-12-31` && !latest.has(s.enterpriseId))
      latest.set(s.enterpriseId, s.id);
  const records: StoreRecord[] = [];
  const withoutRun: Enterprise[] = [];
  const pollutants = await pollutantsFor(store, tenantId, enterprises, year);
  for (const e of enterprises) {
    const runId = latest.get(e.id);
    const run = runId === undefined ? undefined : await store.calculationRuns.get(tenantId, runId);
    if (!run) withoutRun.push(e);
    else
      records.push(
        recordFromRun(
          e,
          year,
          groupOf(e),
          {
            id: run.id,
            result: resultOf(run),
            suppliers: (run.inputs as unknown as RunInputs).suppliers ?? {},
          },
          pollutants.get(e.id) ?? [],
        ),
      );
  }
  return { records, withoutRun };
}

// ------------------------------------------------------------------------------------ overview

export interface EnterpriseRow {
  readonly code: string;
  readonly name: string;
  readonly sector?: string;
  readonly parkId?: string;
  readonly runId: string;
  readonly direct: Quantity | null;
  readonly indirect: Quantity | null;
  /** direct + indirect: the enterprise's own total (scope 1 + 2), its run total. */
  readonly emissions: Quantity | null;
  readonly production: Quantity | null;
  readonly productionBasis: string | null;
  readonly intensity: Quantity | null;
  readonly yearOnYear: ChangeResult;
  /** The year's air pollutants (t) from the store; empty without pollutant data. */
  readonly pollutants: readonly PollutantFigure[];
  /**
   * Year on year, the change of carbon (direct + indirect) against each pollutant reported in
   * both years, with its synergy class (减污降碳协同); empty without both.
   */
  readonly synergy: readonly SynergyChange[];
}

export interface SectorShare {
  readonly sector: string;
  readonly enterprises: number;
  /** The sector's part of the net total: its direct plus its indirect from outside the group. */
  readonly emissions: Quantity;
  /** Of the net total, %. */
  readonly share: Quantity;
}

/** Intensities compared only among enterprises with the same production basis. */
export interface IntensityRanking {
  readonly basis: string;
  readonly ranking: Ranking;
}

export interface GroupChange {
  /** Change of the net total over the enterprises with a run in both years. */
  readonly net: ChangeResult;
  /** Enterprises left out of the comparison, having a run in one year only. */
  readonly leftOut: readonly string[];
  /**
   * The same enterprises' net total against each pollutant some of them report in both years
   * (summed over them), with its synergy class; empty without such a pollutant.
   */
  readonly synergy: readonly SynergyChange[];
}

export interface Overview {
  readonly scope: 'park' | 'region';
  readonly id: string;
  readonly code: string;
  readonly name: string;
  readonly nameEn?: string;
  readonly year: number;
  /** Null when no enterprise of the group has a run for the year. */
  readonly rollup: Rollup | null;
  readonly yearOnYear: GroupChange;
  readonly byTotal: Ranking;
  readonly byIntensity: readonly IntensityRanking[];
  readonly enterprises: readonly EnterpriseRow[];
  readonly sectors: readonly SectorShare[];
  /** Enterprises of the group without an annual run for the year: not in any figure. */
  readonly withoutRun: readonly { readonly code: string; readonly name: string }[];
  /** How electricity supply between members is known. */
  readonly supply: { readonly known: boolean; readonly note: string };
  readonly notes: readonly string[];
}

export interface RegionOverview extends Overview {
  /** The region's parks, each rolled up on its own; enterprises outside a park are in none. */
  readonly parks: readonly {
    readonly id: string;
    readonly code: string;
    readonly name: string;
    /** Null when no enterprise of the park has a run for the year. */
    readonly rollup: Rollup | null;
    readonly yearOnYear: GroupChange;
    /** Of the region's net total, %; null without a figure for the park or the region. */
    readonly share: Quantity | null;
  }[];
  readonly outsideParks: readonly string[];
}

const supplyRule = (scope: 'park' | 'region') => {
  const zh = scope === 'park' ? '园区' : '地区';
  return (
    `外购电力与热力按填报的供应方区分：供应方为本${zh}企业的属内部互供，两边都列出（计入供应企业的直接排放，也计入购买企业的间接排放），合计（net）只计一次，即扣除购买企业的这部分间接排放；未填供应方的按来自${zh}外（电网）计。 ` +
    `Purchased electricity and heat are told apart by the supplier entered with them: bought from an enterprise of the ${scope} it is an internal transfer, shown both ways (in the supplier's direct emissions and in the buyer's indirect emissions) and counted once in the net total, which leaves out the buyer's indirect emissions for it; a purchase naming no supplier counts as bought from outside the ${scope} (the grid).`
  );
};

const POWER = /D44\d\d|发电|power generation/i;

/**
 * An amount for a note, as each language reads it: rounded (whole units from 100 up), with
 * thousands separators and its unit; in Chinese 万 (10⁴) and 亿 (10⁸) from 10 000 up, as the
 * dashboard writes them (61.5万 MWh), in English the full figure (614,997 MWh).
 */
function noteAmount(q: Quantity): { readonly zh: string; readonly en: string } {
  const digits = (v: number) => (Math.abs(v) >= 100 ? 0 : 2);
  const plain = (v: number, locale: string) =>
    new Intl.NumberFormat(locale, { maximumFractionDigits: digits(v) }).format(v);
  const scaled = (v: number) => {
    for (const [factor, word] of [
      [1e8, '亿'],
      [1e4, '万'],
    ] as const)
      if (Math.abs(v) >= factor)
        return `${new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 2 }).format(v / factor)}${word}`;
    return plain(v, 'zh-CN');
  };
  return { zh: `${scaled(q.value)} ${q.unit}`, en: `${plain(q.value, 'en-US')} ${q.unit}` };
}

/**
 * A roll-up as the overview shows it. rollUp (packages/analysis) writes the electricity bought
 * inside the group into its energy note as the raw sum (614996.5777777777 MWh); here it is
 * written for reading, in the note's Chinese half (its first mention) and its English half.
 */
function readableRollup(r: Rollup): Rollup {
  const raw = `${r.internalElectricity.value} ${r.internalElectricity.unit}`;
  const { zh, en } = noteAmount(r.internalElectricity);
  return { ...r, notes: r.notes.map((n) => n.replace(raw, zh).replace(raw, en)) };
}

/** A group's net total as one emitter, so that its change comes from periodChanges. */
const asOneEmitter = (key: string, g: Rollup, year: number): EnterpriseRecord => ({
  enterprise: key,
  period: { year },
  direct: g.net,
  purchases: [],
});

/**
 * Year-on-year change of a group's net total, like for like: both years over the enterprises
 * with a run in both, so that a new or missing run does not read as growth or cut.
 */
function groupChange(
  scope: 'park' | 'region',
  key: string,
  year: number,
  current: readonly EnterpriseRecord[],
  previous: readonly EnterpriseRecord[],
): GroupChange {
  const before = new Set(previous.map((r) => r.enterprise));
  const now = new Set(current.map((r) => r.enterprise));
  const leftOut = [...new Set([...now, ...before])]
    .filter((c) => !(before.has(c) && now.has(c)))
    .sort();
  const inBoth = (rs: readonly EnterpriseRecord[], y: number) =>
    rollUp(
      rs.filter((r) => before.has(r.enterprise) && now.has(r.enterprise)),
      { scope, period: { year: y } },
    ).find((g) => g.group === key);
  const a = inBoth(previous, year - 1);
  const b = inBoth(current, year);
  if (!a || !b)
    return {
      net: {
        ok: false,
        reason: `没有 ${year - 1} 与 ${year} 两年都有核算的企业 no enterprise has a run in both ${year - 1} and ${year}`,
      },
      leftOut,
      synergy: [],
    };
  const [, row] = periodChanges(
    [asOneEmitter(key, a, year - 1), asOneEmitter(key, b, year)],
    'emissions',
    T,
  );
  const reported = (rs: readonly EnterpriseRecord[], p: Pollutant) =>
    rs.some((r) => before.has(r.enterprise) && now.has(r.enterprise) && r.pollutants?.[p]);
  const inBothYears = POLLUTANTS.filter((p) => reported(previous, p) && reported(current, p));
  return {
    net: (row as ChangeRow).yearOnYear,
    leftOut,
    synergy: synergyOfChange(
      { before: a.net, after: b.net },
      Object.fromEntries(
        inBothYears.map((p) => [p, { before: a.pollutants[p], after: b.pollutants[p] }]),
      ),
    ),
  };
}

function sectorShares(records: readonly EnterpriseRecord[], rollup: Rollup): SectorShare[] {
  const sectorOf = new Map(records.map((r) => [r.enterprise, r.sector ?? '未分类 unclassified']));
  const bySector = new Map<string, { n: number; t: number }>();
  for (const m of rollup.members) {
    const s = sectorOf.get(m.enterprise) ?? '未分类 unclassified';
    const part = (m.direct === null ? 0 : m.direct.value) + m.externalIndirect.value;
    const acc = bySector.get(s) ?? { n: 0, t: 0 };
    bySector.set(s, { n: acc.n + 1, t: acc.t + part });
  }
  const net = rollup.net.value;
  return [...bySector.entries()]
    .map(([sector, { n, t }]) => ({
      sector,
      enterprises: n,
      emissions: quantity(t, rollup.net.unit),
      share: quantity(net === 0 ? 0 : (100 * t) / net, '%'),
    }))
    .sort((a, b) => b.emissions.value - a.emissions.value);
}

function intensityRankings(
  records: readonly StoreRecord[],
  scope: 'park' | 'region',
  year: number,
): IntensityRanking[] {
  const byBasis = new Map<string, StoreRecord[]>();
  for (const r of records) {
    const basis = r.source.productionBasis;
    if (basis !== undefined) byBasis.set(basis, [...(byBasis.get(basis) ?? []), r]);
  }
  return [...byBasis.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([basis, rs]) => ({
      basis,
      ranking: rankEnterprises(
        rs.map((r) => r.record),
        {
          metric: 'carbon-intensity',
          unit: `${T}/${(rs[0] as StoreRecord).record.production!.unit}`,
          scope,
          period: { year },
        },
      ),
    }));
}

const valueOr = (v: MetricValue): Quantity | null => (v.ok ? v.value : null);

function enterpriseRows(
  current: readonly StoreRecord[],
  previous: readonly StoreRecord[],
): EnterpriseRow[] {
  const prior = new Map(previous.map((p) => [p.record.enterprise, p.record]));
  return current.map(({ record: r, source: s }): EnterpriseRow => {
    const before = prior.get(r.enterprise);
    const carbon = {
      before: before && valueOr(metricValue(before, 'emissions', T)),
      after: valueOr(metricValue(r, 'emissions', T)),
    };
    const both = POLLUTANTS.filter((p) => before?.pollutants?.[p] && r.pollutants?.[p]);
    // sorted by period: the current year is the last row
    const rows = periodChanges(before ? [before, r] : [r], 'emissions', T);
    const unit = r.production && `${T}/${r.production.unit}`;
    return {
      code: r.enterprise,
      name: s.name,
      ...(s.sector !== undefined && { sector: s.sector }),
      ...(s.parkId !== undefined && { parkId: s.parkId }),
      runId: s.runId,
      direct: valueOr(metricValue(r, 'direct', T)),
      indirect: valueOr(metricValue(r, 'indirect', T)),
      emissions: valueOr(metricValue(r, 'emissions', T)),
      production: r.production ?? null,
      productionBasis: s.productionBasis ?? null,
      intensity: unit ? valueOr(metricValue(r, 'carbon-intensity', unit)) : null,
      yearOnYear: (rows[rows.length - 1] as ChangeRow).yearOnYear,
      pollutants: s.pollutants,
      synergy:
        carbon.before && carbon.after && both.length > 0
          ? synergyOfChange(
              { before: carbon.before, after: carbon.after },
              Object.fromEntries(
                both.map((p) => [p, { before: before!.pollutants![p]!, after: r.pollutants![p]! }]),
              ),
            )
          : [],
    };
  });
}

function overviewNotes(
  scope: 'park' | 'region',
  records: readonly StoreRecord[],
  withoutRun: readonly Enterprise[],
  rollup: Rollup | null,
): string[] {
  const notes = [
    '每家企业取该年最新一次全年核算 each enterprise is taken from its latest annual run of the year',
    '直接排放 = 核算总量 − 范围二 − 范围三；间接排放 = 范围二（外购电力与热力） direct = run total − scope 2 − scope 3; indirect = scope 2 (purchased electricity and heat)',
    '按总量排名：排放最多者为第 1 by total: rank 1 is the largest emitter',
    '按强度排名只比较同一产量口径的企业，强度最低者为第 1 by intensity: only enterprises with the same production basis are compared, rank 1 is the lowest',
    '同比只比较两年都有核算的企业 year on year compares only the enterprises with a run in both years',
  ];
  const zh = scope === 'park' ? '园区' : '地区';
  const transfers = rollup?.transfers ?? [];
  const suppliers = [...new Set(transfers.map((t) => t.supplier))].sort();
  for (const supplier of suppliers) {
    const buyers = transfers.filter((t) => t.supplier === supplier);
    const removed = noteAmount(
      quantity(
        buyers.reduce((x, t) => x + valueIn(t.buyerIndirect, T), 0),
        T,
      ),
    );
    const names = [...new Set(buyers.map((t) => t.buyer))].sort();
    notes.push(
      `${supplier} 向本${zh} ${names.join('、')} 供电（热）：其排放已在 ${supplier} 的直接排放中，合计扣除购买企业对应的间接排放 ${removed.zh}。 ` +
        `${supplier} supplies ${names.join(', ')} of the ${scope}: those emissions are in ${supplier}'s direct emissions, so the net total leaves out the buyers' ${removed.en} of indirect emissions for it.`,
    );
  }
  // a power plant that no member names as supplier: what it sells inside, if anything, is not
  // recorded, so the total can only be as good as the supplier entries
  const silent = records
    .filter((r) => POWER.test(r.record.sector ?? ''))
    .map((r) => r.record.enterprise)
    .filter((c) => !suppliers.includes(c));
  if (silent.length > 0)
    notes.push(
      `${silent.join('、')} 发电，但本${zh}没有企业填报从其购电；若有而未填供应方，这部分会重复计算。 ` +
        `${silent.join(', ')} generates power, but no member of the ${scope} names it as supplier; a purchase from it entered without its supplier would be counted twice.`,
    );
  const withPollutants = records.filter((r) => r.source.pollutants.length > 0).length;
  notes.push(
    withPollutants === 0
      ? '库中没有该年的污染物数据：污染物合计为零只因无数据 the store holds no pollutant data for the year: the pollutant totals are zero for want of data, not measured'
      : `污染物为企业填报的排放量（t），合计为 ${withPollutants} 家有数据企业之和；协同类型比较碳排放与污染物的同比变化（两者都降为协同） pollutants are the amounts the enterprises report (t), totalled over the ${withPollutants} enterprise(s) with data; the synergy class compares the year-on-year change of carbon and of each pollutant (both down is co-control)`,
  );
  if (records.some((r) => r.source.scope3 !== undefined))
    notes.push('范围三不计入合计 scope 3 is left out of the totals');
  if (withoutRun.length > 0)
    notes.push(
      `${withoutRun.length} 家企业该年没有全年核算，未计入 ${withoutRun.length} enterprise(s) without an annual run for the year are not included`,
    );
  return notes;
}

/** The parts shared by park and region overviews. */
async function overviewOf(
  store: Store,
  actor: Actor,
  scope: 'park' | 'region',
  key: string,
  enterprises: readonly Enterprise[],
  year: number,
  parkOf: (e: Enterprise) => string | undefined,
) {
  const groupOf = (e: Enterprise) => ({
    ...(parkOf(e) !== undefined && { park: parkOf(e) }),
    region: scope === 'region' ? key : e.regionId,
  });
  const [now, before] = await Promise.all([
    recordsFor(store, actor.tenantId, enterprises, year, groupOf),
    recordsFor(store, actor.tenantId, enterprises, year - 1, groupOf),
  ]);
  const records = now.records.map((r) => r.record);
  const found = rollUp(records, { scope, period: { year } }).find((g) => g.group === key);
  const rollup = found ? readableRollup(found) : null;
  return {
    now,
    before,
    common: {
      year,
      rollup,
      yearOnYear: groupChange(
        scope,
        key,
        year,
        records,
        before.records.map((r) => r.record),
      ),
      byTotal: rankEnterprises(records, {
        metric: 'emissions',
        unit: T,
        scope,
        period: { year },
        order: 'descending',
      }),
      byIntensity: intensityRankings(now.records, scope, year),
      enterprises: enterpriseRows(now.records, before.records),
      sectors: rollup ? sectorShares(records, rollup) : [],
      withoutRun: now.withoutRun.map((e) => ({ code: e.code, name: e.name })),
      supply: { known: true, note: supplyRule(scope) },
      notes: overviewNotes(scope, now.records, now.withoutRun, rollup),
    },
  };
}

/**
 * Whether the actor sees every enterprise of the group: an overview is shown only then, as a
 * partial total would read as the whole. Otherwise the group is not found (ids cannot be probed).
 */
export async function coversGroup(
  store: Store,
  actor: Actor,
  group: { parkId?: string; regionId: string },
): Promise<boolean> {
  const scope = await readScope(store, actor);
  if (!scope) return true;
  return (
    scope.regionIds.includes(group.regionId) ||
    (group.parkId !== undefined && scope.parkIds.includes(group.parkId))
  );
}

/** A park's year: roll-up, rankings, year-on-year change and sector shares. */
export async function parkOverview(
  store: Store,
  actor: Actor,
  parkId: string,
  year: number,
): Promise<Overview> {
  const park: Park | undefined = await store.organisations.getPark(actor.tenantId, parkId);
  if (!park || !(await coversGroup(store, actor, { parkId: park.id, regionId: park.regionId })))
    throw notFound(PARK, parkId);
  const enterprises = await store.organisations.listEnterprises(
    actor.tenantId,
    { parkId: park.id },
    { limit: 100_000 },
  );
  const { common } = await overviewOf(
    store,
    actor,
    'park',
    park.code,
    enterprises,
    year,
    () => park.code,
  );
  return {
    scope: 'park',
    id: park.id,
    code: park.code,
    name: park.name,
    ...(park.nameEn !== undefined && { nameEn: park.nameEn }),
    ...common,
  };
}

/** The region and every region beneath it. */
export function closure(regions: readonly Region[], root: string): string[] {
  const out = [root];
  for (let i = 0; i < out.length; i++)
    for (const r of regions) if (r.parentId === out[i] && !out.includes(r.id)) out.push(r.id);
  return out;
}

/** A region's year (with the regions beneath it), overall and park by park. */
export async function regionOverview(
  store: Store,
  actor: Actor,
  regionId: string,
  year: number,
): Promise<RegionOverview> {
  const t = actor.tenantId;
  const regions = await store.organisations.listRegions(t);
  const region = regions.find((r) => r.id === regionId);
  if (!region || !(await coversGroup(store, actor, { regionId: region.id })))
    throw notFound(REGION, regionId);
  const regionIds = closure(regions, region.id);
  const [enterprises, allParks] = await Promise.all([
    store.organisations.listEnterprises(
      t,
      { scope: { regionIds, parkIds: [], enterpriseIds: [] } },
      { limit: 100_000 },
    ),
    store.organisations.listParks(t),
  ]);
  const parks = allParks.filter((p) => regionIds.includes(p.regionId));
  const parkCode = new Map(parks.map((p) => [p.id, p.code]));
  const { common, now, before } = await overviewOf(
    store,
    actor,
    'region',
    region.code,
    enterprises,
    year,
    (e) => (e.parkId === undefined ? undefined : parkCode.get(e.parkId)),
  );
  const records = now.records.map((r) => r.record);
  const previous = before.records.map((r) => r.record);
  const byPark = new Map(
    rollUp(records, { scope: 'park', period: { year } }).map((g) => [g.group, g]),
  );
  const net = common.rollup?.net.value ?? 0;
  return {
    scope: 'region',
    id: region.id,
    code: region.code,
    name: region.name,
    ...(region.nameEn !== undefined && { nameEn: region.nameEn }),
    ...common,
    parks: parks
      .sort((a, b) => a.code.localeCompare(b.code))
      .map((p) => {
        const found = byPark.get(p.code);
        const rollup = found ? readableRollup(found) : null;
        return {
          id: p.id,
          code: p.code,
          name: p.name,
          rollup,
          yearOnYear: groupChange(
            'park',
            p.code,
            year,
            records.filter((r) => r.park === p.code),
            previous.filter((r) => r.park === p.code),
          ),
          share: rollup && net !== 0 ? quantity((100 * rollup.net.value) / net, '%') : null,
        };
      }),
    outsideParks: records.filter((r) => r.park === undefined).map((r) => r.enterprise),
  };
}
