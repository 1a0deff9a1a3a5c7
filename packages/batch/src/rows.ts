import {
  InventoryError,
  account,
  formatDocumentIssue,
  type FactorLookup,
} from '@carbonbase/engine';
import { valueIn } from '@carbonbase/quantity';
import { BatchError, type PreparedBatch } from './columns.js';
import { enterpriseDocument } from './explain.js';
import { CHAIN_ROW, type RowValues } from './kernel.js';
import { planKey, SCOPES, sourceLabel, type BatchPlan } from './plan.js';
import { compileChecks, compileRow, type RowFinding } from './row-formulas.js';

/** How the rows of a run were calculated, and the warnings about the rows' own values. */
export interface BatchReport {
  readonly rows: number;
  /** Rows calculated by a constant multiplier chain in the kernel. */
  readonly chainRows: number;
  /** Rows with their own values (measured NCV, CaO …), evaluated in columns. */
  readonly rowRows: number;
  /** Rows of enterprise-years accounted by the per-document engine inside the batch. */
  readonly engineRows: number;
  readonly engineEnterpriseYears: number;
  /** Why enterprise-years went to the engine: reason → rows that caused it. */
  readonly engineReasons: Readonly<Record<string, number>>;
  /** Warnings about rows' own values and from the engine's documents: message → rows. */
  readonly warnings: readonly { readonly message: string; readonly rows: number }[];
}

/** Allocators of the per-row figures: plain arrays, or shared ones for worker threads. */
export interface RowAllocator {
  readonly f64: (n: number) => Float64Array;
  readonly i8: (n: number) => Int8Array;
  readonly i32: (n: number) => Int32Array;
}

const plain: RowAllocator = {
  f64: (n) => new Float64Array(n),
  i8: (n) => new Int8Array(n),
  i32: (n) => new Int32Array(n),
};

/**
 * Computes the rows that are not a constant chain: evaluates plans of mode `row` row by row (with
 * the engine's checks of measured values) and accounts every enterprise-year marked for the
 * engine with the per-document engine. Returns no values when every row is a chain row (the
 * kernel's fast path). Throws BatchError naming rows that the engine would refuse.
 */
export function evaluateRows(
  batch: PreparedBatch,
  plan: BatchPlan,
  factors: FactorLookup,
  alloc: RowAllocator = plain,
): { values?: RowValues; report: BatchReport } {
  const c = batch.columns;
  const d = plan.dims;
  const y0 = batch.years[0] ?? 0;
  const engineEy = plan.engineEnterpriseYears;
  const anyEngine = Object.keys(plan.engineReasons).length > 0;
  const anyRow = plan.plans.some((p) => p.mode === 'row');
  const warnings = new Map<string, number>();
  const warn = (message: string) => warnings.set(message, (warnings.get(message) ?? 0) + 1);
  const report = (values: RowValues | undefined, rowRows: number, engineRows: number, eys = 0) => ({
    ...(values ? { values } : {}),
    report: {
      rows: batch.rows,
      chainRows: batch.rows - rowRows - engineRows,
      rowRows,
      engineRows,
      engineEnterpriseYears: eys,
      engineReasons: plan.engineReasons,
      warnings: [...warnings].map(([message, rows]) => ({ message, rows })),
    },
  });
  if (!anyEngine && !anyRow) return report(undefined, 0, 0);

  const values: RowValues = {
    value: alloc.f64(batch.rows),
    scope: alloc.i8(batch.rows).fill(CHAIN_ROW),
    source: alloc.i32(batch.rows),
  };
  const problems: string[] = [];
  const where = (i: number) =>
    `row ${batch.inputRow?.[i] ?? i} (${c.enterpriseIds[c.enterprise[i]!]}, ${c.year[i]}, ${c.kinds[c.kind[i]!]})`;

  let rowRows = 0;
  if (anyRow) {
    const evaluators = new Map<
      number,
      { value: (i: number, a: number) => number; check?: (i: number) => RowFinding | undefined }
    >();
    for (let i = 0; i < batch.rows && problems.length < 50; i++) {
      const yi = batch.yearIndex[c.year[i]! - y0]!;
      if (anyEngine && engineEy[c.enterprise[i]! * d.years + yi]) continue;
      const p =
        plan.planOfKey[
          planKey(
            d,
            c.kind[i]!,
            c.code[i]!,
            c.unit[i]!,
            c.enterpriseRegion[c.enterprise[i]!]!,
            yi,
            batch.variant?.[i] ?? 0,
          )
        ]!;
      const pl = plan.plans[p]!;
      if (pl.mode !== 'row') continue;
      let ev = evaluators.get(p);
      if (!ev) {
        const check = compileChecks(batch, pl, i, plan.method, factors);
        ev = {
          value: compileRow(batch, i, pl.steps, pl.formula, plan.method),
          ...(check ? { check } : {}),
        };
        evaluators.set(p, ev);
      }
      const finding = ev.check?.(i);
      if (finding) {
        if (finding.warning) warn(finding.message);
        else problems.push(`${where(i)}: ${finding.field}: ${finding.message}`);
      }
      values.value[i] = pl.scope < 0 ? 0 : ev.value(i, c.amount[i]!);
      values.scope[i] = pl.scope;
      values.source[i] = pl.source;
      rowRows++;
    }
  }

  let engineRows = 0;
  let eys = 0;
  if (anyEngine) {
    const sourceIndex = new Map(plan.sources.map((s, j) => [s, j]));
    for (let ey = 0; ey < engineEy.length && problems.length < 50; ey++) {
      if (!engineEy[ey]) continue;
      eys++;
      const e = Math.floor(ey / d.years);
      const year = batch.years[ey % d.years]!;
      const doc = enterpriseDocument({ batch, method: plan.method }, e, year);
      let result;
      try {
        result = account(doc, factors, {
          method: plan.method.id,
          document: `${c.enterpriseIds[e]}/${year}`,
        });
      } catch (err) {
        if (!(err instanceof InventoryError)) throw err;
        problems.push(...err.issues.map((x) => formatDocumentIssue(x)));
        continue;
      }
      for (const w of result.warnings) warn(w.message);
      // The document's lines are the enterprise-year's rows in row order.
      let j = 0;
      for (let i = batch.start[e]!; i < batch.end[e]!; i++) {
        if (c.year[i] !== year) continue;
        const line = result.lines[j++]!;
        const counted = line.treatment === 'included' || line.treatment === 'deducted';
        values.value[i] = valueIn(line.emissions, 'tCO2e');
        values.scope[i] = counted && line.scope ? SCOPES.indexOf(line.scope) : -1;
        values.source[i] = sourceIndex.get(sourceLabel(line.kind, c.codes[c.code[i]!] ?? ''))!;
        engineRows++;
      }
    }
  }
  if (problems.length) throw new BatchError(problems);
  return report(values, rowRows, engineRows, eys);
}
