import type { KeyDims } from './plan.js';

/** `RowValues.scope` of a row the kernel calculates from its plan's constant chain. */
export const CHAIN_ROW = -128;

/**
 * Figures of the rows that are not a constant chain, computed before the kernel: rows with their
 * own values (plans of mode `row`) and rows of enterprise-years accounted by the engine. The
 * kernel adds them in row order like the others, so sums stay the engine's bit for bit.
 */
export interface RowValues {
  /** The row's contribution in tCO2e (signed); unused for chain rows. */
  readonly value: Float64Array;
  /** Index into SCOPES, −1 when the row does not count, CHAIN_ROW for chain rows. */
  readonly scope: Int8Array;
  /** Index into the plan's sources. */
  readonly source: Int32Array;
}

/**
 * The batch kernel: typed arrays in, sums out. No strings, no objects per row, no allocation in
 * the loop; it is what a worker thread runs on its share of the rows.
 */
export interface KernelTables {
  readonly dims: KeyDims;
  readonly planOfKey: Int32Array;
  /** Multipliers of plan p are chain[chainStart[p] … chainStart[p + 1]). */
  readonly chainStart: Int32Array;
  readonly chain: Float64Array;
  /** Scope column per plan, −1 when its rows do not count. */
  readonly scope: Int8Array;
  readonly source: Int32Array;
  readonly kinds: number;
  readonly sources: number;
  readonly firstYear: number;
  readonly yearIndex: Int32Array;
}

export interface KernelColumns {
  readonly enterpriseRegion: Uint16Array;
  readonly enterprise: Uint32Array;
  readonly year: Uint16Array;
  readonly month: Uint8Array;
  readonly kind: Uint8Array;
  readonly code: Uint16Array;
  readonly unit: Uint8Array;
  readonly amount: Float64Array;
  /** Parameter signature per row, when the batch has parameter columns. */
  readonly variant?: Uint16Array;
  /** Figures computed before the kernel (rows with their own values, engine rows). */
  readonly rows?: RowValues;
}

/**
 * Sums in tCO2e, indexed by enterprise-year ey = enterprise × years + year index: `total[ey]`,
 * `byMonth[ey × 13 + month]` (month 0 = whole period), `byScope[ey × 5 + scope]`,
 * `byKind[ey × kinds + kind]`.
 */
export interface KernelOutputs {
  readonly total: Float64Array;
  readonly byMonth: Float64Array;
  readonly byScope: Float64Array;
  readonly byKind: Float64Array;
}

export const MONTH_SLOTS = 13;
export const SCOPE_SLOTS = 5;

/**
 * Accounts rows [start, end) into `out` and the per-source sums of this range into `bySource`.
 * Rows are added in order, so an enterprise-year's sums equal the per-document engine's as long as
 * one call covers all of its rows.
 */
export function computeRange(
  t: KernelTables,
  c: KernelColumns,
  out: KernelOutputs,
  bySource: Float64Array,
  start: number,
  end: number,
): void {
  if (c.rows || c.variant) {
    computeMixedRange(t, c, out, bySource, start, end);
    return;
  }
  const { codes, units, regions, years } = t.dims;
  const { planOfKey, chainStart, chain, scope, source, kinds, firstYear, yearIndex } = t;
  const { enterpriseRegion, enterprise, year, month, kind, code, unit, amount } = c;
  const { total, byMonth, byScope, byKind } = out;
  // Per-source sums are written on every row: kept local, so that workers on neighbouring
  // partitions do not share a cache line, and added to `bySource` once at the end.
  const sums = new Float64Array(bySource.length);
  for (let i = start; i < end; i++) {
    const e = enterprise[i]!;
    const yi = yearIndex[year[i]! - firstYear]!;
    const k = kind[i]!;
    // The plan key with one parameter signature (variants = 1), as planKey computes it.
    const p =
      planOfKey[
        (((k * codes + code[i]!) * units + unit[i]!) * regions + enterpriseRegion[e]!) * years + yi
      ]!;
    const s = scope[p]!;
    if (s < 0) continue;
    let v = amount[i]!;
    for (let j = chainStart[p]!, stop = chainStart[p + 1]!; j < stop; j++) v *= chain[j]!;
    const ey = e * years + yi;
    total[ey]! += v;
    byMonth[ey * MONTH_SLOTS + month[i]!]! += v;
    byScope[ey * SCOPE_SLOTS + s]! += v;
    byKind[ey * kinds + k]! += v;
    sums[source[p]!]! += v;
  }
  for (let j = 0; j < sums.length; j++) bySource[j]! += sums[j]!;
}

/**
 * The kernel for batches with parameter signatures or figures computed before the kernel: chain
 * rows as above (with the signature in the key), other rows by their computed figure, all added
 * in row order. A separate loop keeps the common path free of the extra reads.
 */
function computeMixedRange(
  t: KernelTables,
  c: KernelColumns,
  out: KernelOutputs,
  bySource: Float64Array,
  start: number,
  end: number,
): void {
  const { codes, units, regions, years, variants } = t.dims;
  const { planOfKey, chainStart, chain, scope, source, kinds, firstYear, yearIndex } = t;
  const { enterpriseRegion, enterprise, year, month, kind, code, unit, amount, variant } = c;
  const rowScope = c.rows?.scope;
  const rowValue = c.rows?.value;
  const rowSource = c.rows?.source;
  const { total, byMonth, byScope, byKind } = out;
  const sums = new Float64Array(bySource.length);
  for (let i = start; i < end; i++) {
    const e = enterprise[i]!;
    const yi = yearIndex[year[i]! - firstYear]!;
    const k = kind[i]!;
    const rs = rowScope ? rowScope[i]! : CHAIN_ROW;
    let s: number;
    let v: number;
    let src: number;
    if (rs === CHAIN_ROW) {
      const p =
        planOfKey[
          ((((k * codes + code[i]!) * units + unit[i]!) * regions + enterpriseRegion[e]!) * years +
            yi) *
            variants +
            (variant ? variant[i]! : 0)
        ]!;
      s = scope[p]!;
      if (s < 0) continue;
      v = amount[i]!;
      for (let j = chainStart[p]!, stop = chainStart[p + 1]!; j < stop; j++) v *= chain[j]!;
      src = source[p]!;
    } else {
      if (rs < 0) continue;
      s = rs;
      v = rowValue![i]!;
      src = rowSource![i]!;
    }
    const ey = e * years + yi;
    total[ey]! += v;
    byMonth[ey * MONTH_SLOTS + month[i]!]! += v;
    byScope[ey * SCOPE_SLOTS + s]! += v;
    byKind[ey * kinds + k]! += v;
    sums[src]! += v;
  }
  for (let j = 0; j < sums.length; j++) bySource[j]! += sums[j]!;
}

/** Zeroes the sums of enterprises [from, to) before they are recomputed. */
export function clearEnterprises(
  t: KernelTables,
  out: KernelOutputs,
  from: number,
  to: number,
): void {
  const y = t.dims.years;
  out.total.fill(0, from * y, to * y);
  out.byMonth.fill(0, from * y * MONTH_SLOTS, to * y * MONTH_SLOTS);
  out.byScope.fill(0, from * y * SCOPE_SLOTS, to * y * SCOPE_SLOTS);
  out.byKind.fill(0, from * y * t.kinds, to * y * t.kinds);
}
