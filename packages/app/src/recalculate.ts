import type { Quantity } from '@carbonbase/quantity';
import type { CalculationRun, Store } from '@carbonbase/store';
import { requirePlatformAdmin } from './access.js';
import { actorRef, type Actor } from './actor.js';
import { AppError } from './errors.js';
import { currentFactorSets, setRef } from './factor-base.js';
import { calculate, json, resultOf, type RunInputs } from './runs.js';

export interface LineChange {
  readonly line: string;
  readonly before: Quantity;
  readonly after: Quantity;
}

export interface RunChange {
  readonly runId: string;
  readonly enterpriseId?: string;
  readonly periodStart?: string;
  readonly before: Quantity;
  readonly after: Quantity;
  /** after − before, in the total's unit. */
  readonly delta: Quantity;
  /** Relative change of the total, in %; undefined when the total was zero. */
  readonly deltaPercent?: number;
  readonly lines: readonly LineChange[];
  /** Factors the rerun used that the run did not (`id@version`), and those it no longer uses. */
  readonly factorsAdded: readonly string[];
  readonly factorsDropped: readonly string[];
  /** The saved rerun, when the caller asked to save. */
  readonly newRunId?: string;
}

export interface RecalculationReport {
  readonly factorSet: string;
  /** Runs that used an earlier version of the set (found through the factor-reference index). */
  readonly affected: number;
  /** Of those, the ones whose figures change with the current factor base. */
  readonly changed: readonly RunChange[];
}

/**
 * After a new version of a factor set is loaded: finds the runs that used any record of an
 * earlier version of that set (a GIN index on the runs' factor references), recomputes only
 * those with the current factor base, and lists the runs whose figures change and by how much.
 * With `save`, each changed rerun is saved as a new run (the old one stays, immutable).
 */
export async function recalculateAfterFactorUpdate(
  store: Store,
  actor: Actor,
  setId: string,
  options: { save?: boolean } = {},
): Promise<RecalculationReport> {
  requirePlatformAdmin(actor);
  const versions = (await store.factorSets.list()).filter((s) => s.id === setId);
  if (versions.length === 0)
    throw new AppError('not-found', `未找到因子集 ${setId}`, `factor set ${setId} not found`);
  const sets = await currentFactorSets(store);
  const latest = sets.filter((s) => s.manifest.id === setId).map((s) => s.manifest.version);
  const refs: string[] = [];
  for (const v of versions) {
    const set = await store.factorSets.find(v.id, v.version);
    for (const r of set?.records ?? []) refs.push(`${r.id}@${v.version}`);
  }
  const runs = await store.calculationRuns.listUsingFactors(refs, actor.tenantId);
  const setRefs = sets.map(setRef).sort();
  const changed: RunChange[] = [];
  for (const summary of runs) {
    const run = (await store.calculationRuns.get(actor.tenantId, summary.id))!;
    const inputs = run.inputs as unknown as RunInputs;
    // a run already computed against every current set cannot change
    if (inputs.factorSets.join() === setRefs.join()) continue;
    const rerunInputs: RunInputs = { ...inputs, factorSets: setRefs };
    const calc = calculate(rerunInputs, sets, 'recalculation');
    const before = resultOf(run);
    const change = diff(run, before, calc.result, calc.factorRefs);
    if (!change) continue;
    let newRunId: string | undefined;
    if (options.save) {
      const saved = await store.calculationRuns.save({
        tenantId: run.tenantId,
        ...(run.enterpriseId !== undefined && { enterpriseId: run.enterpriseId }),
        ...(run.periodStart !== undefined && { periodStart: run.periodStart }),
        ...(run.periodEnd !== undefined && { periodEnd: run.periodEnd }),
        inputs: json(rerunInputs),
        methodSet: { id: calc.result.method.id, version: calc.result.method.version },
        factorRefs: calc.factorRefs,
        results: calc.results,
        explanations: calc.explanations,
        createdBy: actorRef(actor),
      });
      newRunId = saved.id;
    }
    changed.push({ ...change, ...(newRunId && { newRunId }) });
  }
  await store.auditLog.append({
    tenantId: actor.tenantId,
    actor: actorRef(actor),
    action: 'run.recalculate',
    entity: 'factor_set',
    entityId: setId,
    details: {
      latest: latest.join(','),
      affected: runs.length,
      changed: changed.length,
      saved: options.save ?? false,
    },
  });
  return { factorSet: setId, affected: runs.length, changed };
}

function diff(
  run: CalculationRun,
  before: ReturnType<typeof resultOf>,
  after: ReturnType<typeof resultOf>,
  afterRefs: readonly string[],
): RunChange | undefined {
  const afterLines = new Map(after.lines.map((l) => [l.id, l.emissions]));
  const lines: LineChange[] = [];
  for (const l of before.lines) {
    const a = afterLines.get(l.id);
    if (a && (a.value !== l.emissions.value || a.unit !== l.emissions.unit))
      lines.push({ line: l.id, before: l.emissions, after: a });
  }
  const b = before.total;
  const a = after.total;
  if (lines.length === 0 && a.value === b.value) return undefined;
  const oldRefs = new Set(run.factorRefs);
  const newRefs = new Set(afterRefs);
  return {
    runId: run.id,
    ...(run.enterpriseId !== undefined && { enterpriseId: run.enterpriseId }),
    ...(run.periodStart !== undefined && { periodStart: run.periodStart }),
    before: b,
    after: a,
    delta: { value: a.value - b.value, unit: b.unit },
    ...(b.value !== 0 && { deltaPercent: ((a.value - b.value) / b.value) * 100 }),
    lines,
    factorsAdded: afterRefs.filter((r) => !oldRefs.has(r)),
    factorsDropped: run.factorRefs.filter((r) => !newRefs.has(r)),
  };
}
