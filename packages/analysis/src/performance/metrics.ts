import { divide, quantity, valueIn, type Quantity } from '@carbonbase/quantity';
import type { Pollutant } from '../measures/schema.js';
import { periodLabel, samePeriod, type EnterpriseRecord, type Period } from './records.js';

/**
 * What can be read off a record. Intensities are per unit of production; `emissions` is direct +
 * indirect (the enterprise's own view, scope 1 + 2); pollutants are the period's amounts.
 */
export type Metric =
  | 'production'
  | 'energy'
  | 'direct'
  | 'indirect'
  | 'emissions'
  | 'energy-intensity'
  | 'carbon-intensity'
  | 'direct-intensity'
  | Pollutant;

export type MetricValue =
  { readonly ok: true; readonly value: Quantity } | { readonly ok: false; readonly reason: string };

const missing = (what: string): MetricValue => ({ ok: false, reason: `缺少${what} no ${what}` });

function indirectOf(r: EnterpriseRecord, unit: string): number | undefined {
  if (r.purchases === undefined) return undefined;
  return r.purchases.reduce((s, p) => s + valueIn(p.emissions, unit), 0);
}

/** The record's value of a metric in `unit`, or why it cannot be had (missing or zero output). */
export function metricValue(r: EnterpriseRecord, metric: Metric, unit: string): MetricValue {
  const amount = (q: Quantity | undefined, what: string): MetricValue =>
    q === undefined ? missing(what) : { ok: true, value: quantity(valueIn(q, unit), unit) };
  const perProduct = (q: Quantity | undefined, what: string): MetricValue => {
    if (q === undefined) return missing(what);
    if (r.production === undefined) return missing('产量 production');
    if (!(r.production.value > 0))
      return { ok: false, reason: '产量为零，无法计算强度 production is zero: no intensity' };
    return { ok: true, value: quantity(valueIn(divide(q, r.production), unit), unit) };
  };
  // Emissions are summed in the record's own direct unit, so a conversion error names the record.
  const total = (): Quantity | undefined => {
    if (r.direct === undefined) return undefined;
    const indirect = indirectOf(r, r.direct.unit);
    return indirect === undefined ? undefined : quantity(r.direct.value + indirect, r.direct.unit);
  };
  switch (metric) {
    case 'production':
      return amount(r.production, '产量 production');
    case 'energy':
      return amount(r.energy, '综合能耗 energy');
    case 'direct':
      return amount(r.direct, '直接排放 direct emissions');
    case 'indirect': {
      const v = indirectOf(r, unit);
      return v === undefined
        ? missing('外购电力 purchased electricity')
        : { ok: true, value: quantity(v, unit) };
    }
    case 'emissions':
      return amount(total(), '直接或间接排放 direct or indirect emissions');
    case 'energy-intensity':
      return perProduct(r.energy, '综合能耗 energy');
    case 'carbon-intensity':
      return perProduct(total(), '直接或间接排放 direct or indirect emissions');
    case 'direct-intensity':
      return perProduct(r.direct, '直接排放 direct emissions');
    case 'SO2':
    case 'NOx':
    case 'PM':
      return amount(r.pollutants?.[metric], metric);
  }
}

// ------------------------------------------------------------------------ period-on-period change

export interface Change {
  readonly previousPeriod: string;
  readonly previous: Quantity;
  /** current − previous. */
  readonly delta: Quantity;
  /** delta / previous in %; null when the previous value is zero. */
  readonly relative: Quantity | null;
}

export type ChangeResult =
  ({ readonly ok: true } & Change) | { readonly ok: false; readonly reason: string };

export interface ChangeRow {
  readonly period: string;
  readonly value: MetricValue;
  /** 同比: the same month a year before (monthly data), or the year before (annual data). */
  readonly yearOnYear: ChangeResult;
  /** 环比: the month before (January compares with December); null for annual data. */
  readonly monthOnMonth: ChangeResult | null;
}

function previousYear(p: Period): Period {
  return p.month === undefined ? { year: p.year - 1 } : { year: p.year - 1, month: p.month };
}

function previousMonth(p: Period & { month: number }): Period {
  return p.month === 1 ? { year: p.year - 1, month: 12 } : { year: p.year, month: p.month - 1 };
}

/**
 * Year-on-year and month-on-month change of one enterprise's metric. Every record must belong to
 * the same enterprise; a period with two records is refused (which one would be meant?).
 */
export function periodChanges(
  records: readonly EnterpriseRecord[],
  metric: Metric,
  unit: string,
): ChangeRow[] {
  const ids = new Set(records.map((r) => r.enterprise));
  if (ids.size > 1)
    throw new Error(`periodChanges: one enterprise at a time, got ${[...ids].join(', ')}`);
  const seen = new Set<string>();
  for (const r of records) {
    const label = periodLabel(r.period);
    if (seen.has(label)) throw new Error(`periodChanges: two records for ${label}`);
    seen.add(label);
  }
  const sorted = [...records].sort(
    (a, b) => a.period.year - b.period.year || (a.period.month ?? 0) - (b.period.month ?? 0),
  );
  const change = (current: MetricValue, p: Period): ChangeResult => {
    const before = sorted.find((r) => samePeriod(r.period, p));
    const label = periodLabel(p);
    if (!current.ok) return { ok: false, reason: current.reason };
    if (!before) return { ok: false, reason: `无 ${label} 数据 no record for ${label}` };
    const prev = metricValue(before, metric, unit);
    if (!prev.ok) return { ok: false, reason: `${label}: ${prev.reason}` };
    const d = current.value.value - prev.value.value;
    return {
      ok: true,
      previousPeriod: label,
      previous: prev.value,
      delta: quantity(d, unit),
      relative: prev.value.value === 0 ? null : quantity((100 * d) / prev.value.value, '%'),
    };
  };
  return sorted.map((r) => {
    const value = metricValue(r, metric, unit);
    const month = r.period.month;
    return {
      period: periodLabel(r.period),
      value,
      yearOnYear: change(value, previousYear(r.period)),
      monthOnMonth:
        month === undefined ? null : change(value, previousMonth({ ...r.period, month })),
    };
  });
}

// ------------------------------------------------------------------------------------- rankings

export type Scope = 'park' | 'region' | 'sector';

export interface RankedEntry {
  readonly enterprise: string;
  readonly value: Quantity;
  /** Standard competition ranking (1, 2, 2, 4): tied values share the best rank. */
  readonly rank: number;
  readonly tied: boolean;
}

export interface RankingGroup {
  readonly scope: Scope;
  readonly group: string;
  readonly ranked: readonly RankedEntry[];
  /** Members that could not be ranked, with the reason (missing data, zero output). */
  readonly unranked: readonly { readonly enterprise: string; readonly reason: string }[];
}

export interface Ranking {
  readonly metric: Metric;
  readonly unit: string;
  readonly period: string;
  readonly order: 'ascending' | 'descending';
  readonly groups: readonly RankingGroup[];
  /** Records with no park/region/sector to rank them in. */
  readonly unassigned: readonly string[];
  readonly notes: readonly string[];
}

/** Values within this relative distance count as a tie (they differ only by rounding). */
const TIE_TOLERANCE = 1e-9;

/**
 * Ranks the enterprises of each park, region or sector on a metric for one period. Ascending
 * (rank 1 = lowest) suits intensities and emissions; ties share the best rank and are flagged;
 * members without the data are listed as unranked, never ranked last.
 */
export function rankEnterprises(
  records: readonly EnterpriseRecord[],
  o: {
    readonly metric: Metric;
    readonly unit: string;
    readonly scope: Scope;
    readonly period: Period;
    readonly order?: 'ascending' | 'descending';
  },
): Ranking {
  const order = o.order ?? 'ascending';
  const inPeriod = records.filter((r) => samePeriod(r.period, o.period));
  const unassigned: string[] = [];
  const byGroup = new Map<string, EnterpriseRecord[]>();
  for (const r of inPeriod) {
    const key = r[o.scope];
    if (key === undefined) unassigned.push(r.enterprise);
    else byGroup.set(key, [...(byGroup.get(key) ?? []), r]);
  }
  const groups: RankingGroup[] = [...byGroup.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([group, members]) => {
      const values: { enterprise: string; value: Quantity }[] = [];
      const unranked: { enterprise: string; reason: string }[] = [];
      for (const r of members) {
        const v = metricValue(r, o.metric, o.unit);
        if (v.ok) values.push({ enterprise: r.enterprise, value: v.value });
        else unranked.push({ enterprise: r.enterprise, reason: v.reason });
      }
      const sign = order === 'ascending' ? 1 : -1;
      values.sort(
        (a, b) =>
          sign * (a.value.value - b.value.value) || a.enterprise.localeCompare(b.enterprise),
      );
      const same = (a: number, b: number) =>
        Math.abs(a - b) <= TIE_TOLERANCE * Math.max(Math.abs(a), Math.abs(b));
      const ranked = values.map((v, i) => {
        let first = i;
        while (first > 0 && same((values[first - 1] as typeof v).value.value, v.value.value))
          first--;
        const tied = values.filter((w) => same(w.value.value, v.value.value)).length > 1;
        return { enterprise: v.enterprise, value: v.value, rank: first + 1, tied };
      });
      return { scope: o.scope, group, ranked, unranked };
    });
  const notes = [
    '并列取最优名次（1,2,2,4） ties share the best rank (1, 2, 2, 4)',
    ...(groups.some((g) => g.unranked.length > 0)
      ? ['缺数据的企业不参与排名，单列 members without data are listed apart, not ranked last']
      : []),
  ];
  return {
    metric: o.metric,
    unit: o.unit,
    period: periodLabel(o.period),
    order,
    groups,
    unassigned,
    notes,
  };
}
