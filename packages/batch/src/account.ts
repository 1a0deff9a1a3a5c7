import { getMethodSet, type FactorLookup, type MethodSet } from '@carbonbase/engine';
import { quantity, type Quantity } from '@carbonbase/quantity';
import {
  prepareBatch,
  type ActivityColumns,
  type BatchKind,
  type PreparedBatch,
} from './columns.js';
import {
  computeRange,
  MONTH_SLOTS,
  SCOPE_SLOTS,
  type KernelColumns,
  type KernelOutputs,
  type KernelTables,
  type RowValues,
} from './kernel.js';
import { planBatch, SCOPES, type BatchPlan } from './plan.js';
import { evaluateRows, type BatchReport, type RowAllocator } from './rows.js';

export interface BatchOptions {
  /** Method-set id or alias. */
  readonly method: string;
  /** Rows per partition (snapped to enterprise boundaries); partitions are the unit of work. */
  readonly partitionRows?: number;
}

/** Unit of every sum the batch returns. */
export const BATCH_UNIT = 'tCO2e';

/**
 * Result of a batch run: sums in tCO2e (BATCH_UNIT) by enterprise-year, with the plans that made
 * them. Arrays are indexed as in KernelOutputs; `enterpriseSummary` and `sourceTotals` read them
 * back as quantities.
 */
export interface BatchResult extends KernelOutputs {
  readonly unit: typeof BATCH_UNIT;
  readonly method: { readonly id: string; readonly version: string };
  readonly batch: PreparedBatch;
  readonly plan: BatchPlan;
  readonly tables: KernelTables;
  /** Row boundaries of the partitions: partition k is rows [partitions[k], partitions[k + 1]). */
  readonly partitions: Uint32Array;
  /** Per-source sums of each partition: sourcePartials[k × sources + s]. */
  readonly sourcePartials: Float64Array;
  /** Figures computed before the kernel; absent when every row is a constant chain. */
  readonly rowValues?: RowValues;
  /** How many rows were calculated how (chain, own values, engine) and why. */
  readonly report: BatchReport;
}

const DEFAULT_PARTITION_ROWS = 1 << 16;

export function kernelTables(batch: PreparedBatch, plan: BatchPlan): KernelTables {
  const chainStart = new Int32Array(plan.plans.length + 1);
  plan.plans.forEach((p, i) => (chainStart[i + 1] = chainStart[i]! + p.multipliers.length));
  const chain = new Float64Array(chainStart[plan.plans.length]!);
  plan.plans.forEach((p, i) => chain.set(p.multipliers, chainStart[i]));
  return {
    dims: plan.dims,
    planOfKey: plan.planOfKey,
    chainStart,
    chain,
    scope: Int8Array.from(plan.plans, (p) => p.scope),
    source: Int32Array.from(plan.plans, (p) => p.source),
    kinds: batch.columns.kinds.length,
    sources: plan.sources.length,
    firstYear: batch.years[0] ?? 0,
    yearIndex: batch.yearIndex,
  };
}

/** Partition boundaries: about `target` rows each, never splitting an enterprise. */
export function partitionRows(batch: PreparedBatch, target = DEFAULT_PARTITION_ROWS): Uint32Array {
  const bounds = [0];
  const e = batch.columns.enterprise;
  let i = 0;
  while (i < batch.rows) {
    let next = Math.min(i + Math.max(1, target), batch.rows);
    while (next < batch.rows && e[next] === e[next - 1]) next++;
    bounds.push(next);
    i = next;
  }
  return Uint32Array.from(bounds);
}

type ArrayAllocator = (length: number) => Float64Array;
const plainArray: ArrayAllocator = (n) => new Float64Array(n);

export function allocateOutputs(
  batch: PreparedBatch,
  tables: KernelTables,
  alloc: ArrayAllocator = plainArray,
): KernelOutputs {
  const ey = batch.columns.enterpriseIds.length * tables.dims.years;
  return {
    total: alloc(ey),
    byMonth: alloc(ey * MONTH_SLOTS),
    byScope: alloc(ey * SCOPE_SLOTS),
    byKind: alloc(ey * tables.kinds),
  };
}

export function kernelColumns(batch: PreparedBatch, rows?: RowValues): KernelColumns {
  const { enterpriseRegion, enterprise, year, month, kind, code, unit, amount } = batch.columns;
  return {
    enterpriseRegion,
    enterprise,
    year,
    month,
    kind,
    code,
    unit,
    amount,
    ...(batch.variant ? { variant: batch.variant } : {}),
    ...(rows ? { rows } : {}),
  };
}

/** Prepares, plans and lays out a run; the in-thread and the worker paths share it. */
export function setUpRun(
  columns: ActivityColumns,
  factors: FactorLookup,
  options: BatchOptions,
  alloc: ArrayAllocator = plainArray,
  rowAlloc?: RowAllocator,
): Omit<BatchResult, 'unit' | 'method'> & { readonly methodSet: MethodSet } {
  const methodSet = getMethodSet(options.method);
  const batch = prepareBatch(columns);
  const plan = planBatch(batch, methodSet, factors);
  const { values, report } = evaluateRows(batch, plan, factors, rowAlloc);
  const tables = kernelTables(batch, plan);
  const partitions = partitionRows(batch, options.partitionRows);
  return {
    methodSet,
    batch,
    plan,
    tables,
    partitions,
    ...(values ? { rowValues: values } : {}),
    report,
    sourcePartials: alloc((partitions.length - 1) * tables.sources),
    ...allocateOutputs(batch, tables, alloc),
  };
}

export function finishRun(run: ReturnType<typeof setUpRun>): BatchResult {
  const { methodSet, ...rest } = run;
  return { unit: BATCH_UNIT, method: { id: methodSet.id, version: methodSet.version }, ...rest };
}

/** Accounts partition k of a run (its enterprises and its per-source partial sums). */
export function computePartition(
  r: Pick<BatchResult, 'tables' | 'batch' | 'partitions' | 'sourcePartials' | 'rowValues'> &
    KernelOutputs,
  k: number,
): void {
  const s = r.tables.sources;
  computeRange(
    r.tables,
    kernelColumns(r.batch, r.rowValues),
    r,
    r.sourcePartials.subarray(k * s, (k + 1) * s),
    r.partitions[k]!,
    r.partitions[k + 1]!,
  );
}

/**
 * Accounts a batch in this thread: factors resolved once per (kind, fuel, unit, region, year),
 * then every row by the kernel. Same sums as `accountBatchParallel`, bit for bit, and per
 * enterprise-year the same figures as the per-document engine. Pure.
 */
export function accountBatch(
  columns: ActivityColumns,
  factors: FactorLookup,
  options: BatchOptions,
): BatchResult {
  const run = setUpRun(columns, factors, options);
  for (let k = 0; k + 1 < run.partitions.length; k++) computePartition(run, k);
  return finishRun(run);
}

/** Per-source totals: partitions added in order, so the figure does not depend on the thread count. */
export function sourceTotals(r: BatchResult): Record<string, Quantity> {
  const s = r.tables.sources;
  const sums = new Float64Array(s);
  for (let k = 0; k + 1 < r.partitions.length; k++)
    for (let j = 0; j < s; j++) sums[j]! += r.sourcePartials[k * s + j]!;
  const out: Record<string, Quantity> = {};
  r.plan.sources.forEach((name, j) => (out[name] = quantity(sums[j]!, BATCH_UNIT)));
  return out;
}

/** The sums of one enterprise-year, keyed as the per-document engine keys them. */
export interface EnterpriseSummary {
  readonly enterprise: string;
  readonly year: number;
  readonly total: Quantity;
  /** `2023-01` … `2023-12`, `(whole period)`; groups whose sum is 0 are left out. */
  readonly byMonth: Record<string, Quantity>;
  readonly byScope: Record<string, Quantity>;
  readonly byKind: Partial<Record<BatchKind, Quantity>>;
}

export function enterpriseIndex(r: BatchResult, id: string): number {
  const e = r.batch.columns.enterpriseIds.indexOf(id);
  if (e < 0) throw new RangeError(`未知企业 unknown enterprise "${id}"`);
  return e;
}

export function enterpriseSummary(
  r: BatchResult,
  enterprise: number,
  year: number,
): EnterpriseSummary {
  const yi = r.batch.yearIndex[year - (r.batch.years[0] ?? 0)] ?? -1;
  if (yi < 0) throw new RangeError(`no rows for ${year}`);
  const ey = enterprise * r.tables.dims.years + yi;
  const q = (v: number) => quantity(v, BATCH_UNIT);
  const byMonth: Record<string, Quantity> = {};
  for (let m = 0; m < MONTH_SLOTS; m++) {
    const v = r.byMonth[ey * MONTH_SLOTS + m]!;
    if (v !== 0)
      byMonth[m === 0 ? '(whole period)' : `${year}-${String(m).padStart(2, '0')}`] = q(v);
  }
  const byScope: Record<string, Quantity> = {};
  SCOPES.forEach((s, j) => {
    const v = r.byScope[ey * SCOPE_SLOTS + j]!;
    if (v !== 0) byScope[s] = q(v);
  });
  const byKind: Partial<Record<BatchKind, Quantity>> = {};
  r.batch.columns.kinds.forEach((k, j) => {
    const v = r.byKind[ey * r.tables.kinds + j]!;
    if (v !== 0) byKind[k] = q(v);
  });
  return {
    enterprise: r.batch.columns.enterpriseIds[enterprise]!,
    year,
    total: q(r.total[ey]!),
    byMonth,
    byScope,
    byKind,
  };
}

/**
 * Warnings of the plans (e.g. recalled factors), of the rows' own values (a measured NCV far from
 * the default) and of the documents the engine accounted, each once, with the rows it concerns.
 */
export function planWarnings(r: BatchResult): { message: string; rows: number }[] {
  const rows = new Map<string, number>();
  for (const p of r.plan.plans)
    for (const w of p.warnings) rows.set(w, (rows.get(w) ?? 0) + p.rows);
  for (const w of r.report.warnings) rows.set(w.message, (rows.get(w.message) ?? 0) + w.rows);
  return [...rows].map(([message, n]) => ({ message, rows: n }));
}
