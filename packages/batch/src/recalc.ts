import { getMethodSet, type FactorLookup } from '@carbonbase/engine';
import { quantity, type Quantity } from '@carbonbase/quantity';
import { BATCH_UNIT, computePartition, kernelTables, type BatchResult } from './account.js';
import { clearEnterprises, MONTH_SLOTS } from './kernel.js';
import { planBatch, planKey, type Plan } from './plan.js';
import { evaluateRows } from './rows.js';

/** Which enterprise-years use each plan: ey = enterprise × years + year index. */
export interface PlanIndex {
  /** Enterprise-years of plan p are eys[offsets[p] … offsets[p + 1]), ascending, no repeats. */
  readonly offsets: Uint32Array;
  readonly eys: Uint32Array;
}

const indexes = new WeakMap<BatchResult, PlanIndex>();

/** The plan → enterprise-year index of a result, built on first use (two passes over the rows). */
export function planIndex(r: BatchResult): PlanIndex {
  const cached = indexes.get(r);
  if (cached) return cached;
  const c = r.batch.columns;
  const d = r.plan.dims;
  const y0 = r.batch.years[0] ?? 0;
  const plans = r.plan.plans.length;
  const last = new Float64Array(plans).fill(-1);
  const counts = new Uint32Array(plans + 1);
  const visit = (f: (p: number, ey: number) => void) => {
    last.fill(-1);
    for (let i = 0; i < r.batch.rows; i++) {
      const yi = r.batch.yearIndex[c.year[i]! - y0]!;
      const p =
        r.plan.planOfKey[
          planKey(
            d,
            c.kind[i]!,
            c.code[i]!,
            c.unit[i]!,
            c.enterpriseRegion[c.enterprise[i]!]!,
            yi,
            r.batch.variant?.[i] ?? 0,
          )
        ]!;
      // Rows of enterprise-years accounted by the engine may have no plan.
      if (p < 0) continue;
      const ey = c.enterprise[i]! * d.years + yi;
      // Rows of an enterprise are contiguous, so within one year a repeat follows its first use.
      if (last[p] === ey) continue;
      last[p] = ey;
      f(p, ey);
    }
  };
  visit((p) => counts[p + 1]!++);
  for (let p = 0; p < plans; p++) counts[p + 1]! += counts[p]!;
  const fill = counts.slice(0, plans);
  const raw = new Uint32Array(counts[plans]!);
  visit((p, ey) => (raw[fill[p]!++] = ey));
  // Several years interleaved within an enterprise can repeat an ey: sort and drop repeats.
  const offsets = new Uint32Array(plans + 1);
  const eys: number[] = [];
  for (let p = 0; p < plans; p++) {
    const list = [...new Set(raw.subarray(counts[p], counts[p + 1]))].sort((a, b) => a - b);
    eys.push(...list);
    offsets[p + 1] = eys.length;
  }
  const index = { offsets, eys: Uint32Array.from(eys) };
  indexes.set(r, index);
  return index;
}

export interface PlanChange {
  readonly kind: string;
  readonly code: string;
  readonly unit: string;
  readonly region: string;
  readonly year: number;
  readonly before: readonly string[];
  readonly after: readonly string[];
}

export interface Difference {
  readonly enterprise: string;
  readonly year: number;
  readonly before: Quantity;
  readonly after: Quantity;
  /** Months whose sum changed (`2023-01`, `(whole period)`). */
  readonly months: readonly { month: string; before: Quantity; after: Quantity }[];
}

export interface Recalculation {
  readonly result: BatchResult;
  readonly changedPlans: readonly PlanChange[];
  /** Enterprise-years that use a changed plan. */
  readonly affected: number;
  /**
   * Rows recomputed: the partitions holding affected enterprises, plus every row with its own
   * values or accounted by the engine (re-evaluated, since their factors are not indexed).
   */
  readonly rowsRecomputed: number;
  readonly differences: readonly Difference[];
}

const sameSteps = (a: Plan['steps'], b: Plan['steps']) =>
  a.length === b.length &&
  a.every((x, i) => {
    const y = b[i]!;
    return typeof x === 'number' ? x === y : typeof y !== 'number' && x.parameter === y.parameter;
  });

const same = (a: Plan, b: Plan) =>
  a.scope === b.scope &&
  a.mode === b.mode &&
  sameSteps(a.multipliers, b.multipliers) &&
  sameSteps(a.steps, b.steps) &&
  a.factors.join() === b.factors.join();

/**
 * Recalculation after a factor revision: resolves every plan against the revised factors, finds
 * the enterprise-years that use a changed plan through the plan index, recomputes only the
 * partitions that hold them, and reports each difference. The previous result is left as it was.
 */
export function recalculate(previous: BatchResult, factors: FactorLookup): Recalculation {
  const plan = planBatch(previous.batch, getMethodSet(previous.method.id), factors);
  const changed: number[] = [];
  plan.plans.forEach((p, i) => {
    if (!same(p, previous.plan.plans[i]!)) changed.push(i);
  });
  const index = planIndex(previous);
  const eySet = new Set<number>();
  for (const p of changed)
    for (let j = index.offsets[p]!; j < index.offsets[p + 1]!; j++) eySet.add(index.eys[j]!);
  const years = plan.dims.years;
  // Rows with their own values and engine rows are evaluated again; where a figure changed, its
  // enterprise-year is affected.
  const { values, report } = evaluateRows(previous.batch, plan, factors);
  const before = previous.rowValues;
  if (values && before) {
    const c = previous.batch.columns;
    const y0 = previous.batch.years[0] ?? 0;
    for (let i = 0; i < previous.batch.rows; i++) {
      if (values.value[i] !== before.value[i] || values.scope[i] !== before.scope[i])
        eySet.add(c.enterprise[i]! * years + previous.batch.yearIndex[c.year[i]! - y0]!);
    }
  }
  const tables = kernelTables(previous.batch, plan);
  const next: BatchResult = {
    ...previous,
    plan,
    tables,
    ...(values ? { rowValues: values } : {}),
    report,
    total: previous.total.slice(),
    byMonth: previous.byMonth.slice(),
    byScope: previous.byScope.slice(),
    byKind: previous.byKind.slice(),
    sourcePartials: previous.sourcePartials.slice(),
  };
  // Partitions holding an affected enterprise, found by binary search on the row boundaries.
  const parts = new Set<number>();
  for (const ey of eySet) {
    const row = previous.batch.start[Math.floor(ey / years)]!;
    let lo = 0;
    let hi = previous.partitions.length - 2;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (previous.partitions[mid]! <= row) lo = mid;
      else hi = mid - 1;
    }
    parts.add(lo);
  }
  let rowsRecomputed = report.rowRows + report.engineRows;
  const s = tables.sources;
  const e = previous.batch.columns.enterprise;
  for (const k of [...parts].sort((a, b) => a - b)) {
    const from = previous.partitions[k]!;
    const to = previous.partitions[k + 1]!;
    for (let i = from; i < to; i++)
      if (i === from || e[i] !== e[i - 1]) clearEnterprises(tables, next, e[i]!, e[i]! + 1);
    next.sourcePartials.fill(0, k * s, (k + 1) * s);
    computePartition(next, k);
    rowsRecomputed += to - from;
  }
  const q = (v: number) => quantity(v, BATCH_UNIT);
  const differences: Difference[] = [];
  for (const ey of [...eySet].sort((a, b) => a - b)) {
    const year = previous.batch.years[ey % years]!;
    const months = [];
    for (let m = 0; m < MONTH_SLOTS; m++) {
      const a = previous.byMonth[ey * MONTH_SLOTS + m]!;
      const b = next.byMonth[ey * MONTH_SLOTS + m]!;
      if (a !== b)
        months.push({
          month: m === 0 ? '(whole period)' : `${year}-${String(m).padStart(2, '0')}`,
          before: q(a),
          after: q(b),
        });
    }
    if (previous.total[ey] !== next.total[ey] || months.length)
      differences.push({
        enterprise: previous.batch.columns.enterpriseIds[Math.floor(ey / years)]!,
        year,
        before: q(previous.total[ey]!),
        after: q(next.total[ey]!),
        months,
      });
  }
  return {
    result: next,
    changedPlans: changed.map((i) => {
      const p = plan.plans[i]!;
      return {
        kind: p.kind,
        code: p.code,
        unit: p.unit,
        region: p.region,
        year: p.year,
        before: previous.plan.plans[i]!.factors,
        after: p.factors,
      };
    }),
    affected: eySet.size,
    rowsRecomputed,
    differences,
  };
}
