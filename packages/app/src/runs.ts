import {
  account,
  InventoryError,
  parseInventory,
  type Explanation,
  type InventoryResult,
} from '@carbonbase/engine';
import type { FactorSet } from '@carbonbase/factors';
import { inventoryReportBuffer } from '@carbonbase/io';
import {
  canonicalJson,
  jsonHash,
  type CalculationRun,
  type CalculationRunSummary,
  type JsonValue,
  type Store,
} from '@carbonbase/store';
import { readScope, requireEnterprise, requirePlatformAdmin } from './access.js';
import { actorRef, type Actor } from './actor.js';
import { AppError, notFound } from './errors.js';
import { currentFactorSets, factorBaseOf, factorSetsByRef, setRef } from './factor-base.js';
import {
  factorRegionOf,
  inventoryFromStore,
  suppliersOf,
  type StoreInventory,
} from './inventory-from-store.js';

const RUN = { zh: '核算记录', en: 'calculation run' };

/** What a run stores as its inputs: enough to recompute it exactly, years later. */
export interface RunInputs {
  readonly inventory: StoreInventory['document'];
  /** Every factor set the calculation could resolve against, as `id@version`. */
  readonly factorSets: readonly string[];
  /**
   * Line id → code of the enterprise that supplied the line's bought electricity or heat, for
   * park and region roll-ups (not used by the engine); absent when no line names a supplier.
   */
  readonly suppliers?: Readonly<Record<string, string>>;
}

interface Calculated {
  readonly result: InventoryResult;
  readonly results: JsonValue;
  readonly explanations: JsonValue;
  readonly factorRefs: string[];
}

export const json = (v: unknown): JsonValue => JSON.parse(JSON.stringify(v)) as JsonValue;

/**
 * Runs the engine and splits its result into the stored parts: the figures (results) and the
 * explanations of every line and total, which are large and read one at a time.
 */
export function calculate(
  inputs: RunInputs,
  sets: readonly FactorSet[],
  document: string,
): Calculated {
  let result: InventoryResult;
  try {
    result = account(inputs.inventory, factorBaseOf(sets), { document });
  } catch (e) {
    if (e instanceof InventoryError)
      throw new AppError(
        'validation-failed',
        `数据不能核算：${e.issues.length} 处问题`,
        `the data cannot be accounted: ${e.issues.length} issue(s)`,
        e.issues.map((i) => ({
          file: i.document,
          field: i.line === undefined ? i.field : `${i.line}.${i.field}`,
          reason: i.message,
        })),
      );
    throw e;
  }
  const explanations: Explanation[] = [...result.lines.map((l) => l.explanation), ...result.totals];
  const factorRefs = [
    ...new Set(explanations.flatMap((x) => x.factors.map((f) => `${f.id}@${f.version}`))),
  ].sort();
  const figures = {
    ...result,
    totals: undefined,
    lines: result.lines.map((line) => ({ ...line, explanation: undefined })),
  };
  return { result, results: json(figures), explanations: json(explanations), factorRefs };
}

/** The engine's result put back together from a stored run. */
export function resultOf(run: Pick<CalculationRun, 'results' | 'explanations'>): InventoryResult {
  const figures = run.results as unknown as Omit<InventoryResult, 'totals'>;
  const explanations = run.explanations as unknown as Explanation[];
  const bySubject = new Map(explanations.map((x) => [x.subject, x]));
  return {
    ...figures,
    lines: figures.lines.map((l) => ({ ...l, explanation: bySubject.get(l.id)! })),
    totals: explanations.filter((x) => x.subject === 'total' || x.subject.startsWith('total:')),
  };
}

/** Builds the year's inventory from the enterprise's current data, accounts it and saves the run. */
export async function calculateYear(
  store: Store,
  actor: Actor,
  enterpriseId: string,
  year: number,
): Promise<CalculationRun> {
  const { enterprise } = await requireEnterprise(store, actor, enterpriseId, 'calculate');
  const t = actor.tenantId;
  const [regions, facilities, sources, activity, sets] = await Promise.all([
    store.organisations.listRegions(t),
    store.organisations.listFacilities(t, enterprise.id),
    store.organisations.listSources(t, enterprise.id),
    store.activityData.current({
      tenantId: t,
      enterpriseId: enterprise.id,
      fromMonth: `${year}-01`,
      toMonth: `${year}-12`,
    }),
    currentFactorSets(store),
  ]);
  if (activity.length === 0)
    throw new AppError(
      'validation-failed',
      `${year} 年没有活动数据`,
      `there is no activity data for ${year}`,
    );
  const built = inventoryFromStore({
    enterprise,
    region: factorRegionOf(enterprise, regions),
    year,
    facilities,
    sources,
    activity,
  });
  const suppliers = suppliersOf(built.origins);
  const inputs: RunInputs = {
    inventory: built.document,
    factorSets: sets.map(setRef).sort(),
    ...(Object.keys(suppliers).length > 0 && { suppliers }),
  };
  const calc = calculate(inputs, sets, `${enterprise.code} ${year}`);
  return store.transaction(async (repos) => {
    const run = await repos.calculationRuns.save({
      tenantId: t,
      enterpriseId: enterprise.id,
      periodStart: `${year}-01-01`,
      periodEnd: `${year}-12-31`,
      inputs: json(inputs),
      methodSet: { id: calc.result.method.id, version: calc.result.method.version },
      factorRefs: calc.factorRefs,
      results: calc.results,
      explanations: calc.explanations,
      createdBy: actorRef(actor),
    });
    await repos.auditLog.append({
      tenantId: t,
      actor: actorRef(actor),
      action: 'run.save',
      entity: 'calculation_run',
      entityId: run.id,
      details: { enterprise: enterprise.id, year, resultsHash: run.resultsHash },
    });
    return run;
  });
}

/** A run the actor may read (through its enterprise's scope); not found otherwise. */
export async function getRun(store: Store, actor: Actor, runId: string): Promise<CalculationRun> {
  const run = await store.calculationRuns.get(actor.tenantId, runId);
  if (!run) throw notFound(RUN, runId);
  if (run.enterpriseId === undefined) requirePlatformAdmin(actor);
  else
    await requireEnterprise(store, actor, run.enterpriseId, 'read').catch(() => {
      throw notFound(RUN, runId);
    });
  return run;
}

/**
 * The enterprise's newest run over the whole calendar year, without an access check: for
 * use-cases that have checked the actor's reach already. Runs of part of a year are passed over.
 */
export async function annualRunOf(
  store: Store,
  tenantId: string,
  enterpriseId: string,
  year: number,
): Promise<CalculationRun | undefined> {
  const summaries = await store.calculationRuns.list(tenantId, {
    enterpriseId,
    periodStart: `${year}-01-01`,
    limit: 50,
  });
  // newest first
  const annual = summaries.find((s) => s.periodEnd === `${year}-12-31`);
  return annual && store.calculationRuns.get(tenantId, annual.id);
}

export async function listRuns(
  store: Store,
  actor: Actor,
  filter: { enterpriseId?: string; year?: number; limit?: number; offset?: number },
): Promise<CalculationRunSummary[]> {
  if (filter.enterpriseId !== undefined)
    await requireEnterprise(store, actor, filter.enterpriseId, 'read');
  const scope = await readScope(store, actor);
  return store.calculationRuns.list(actor.tenantId, {
    ...(filter.enterpriseId !== undefined && { enterpriseId: filter.enterpriseId }),
    ...(scope && { scope }),
    ...(filter.year !== undefined && { periodStart: `${filter.year}-01-01` }),
    ...(filter.limit !== undefined && { limit: filter.limit }),
    ...(filter.offset !== undefined && { offset: filter.offset }),
  });
}

/** The explanation of one line or total of a run: formula, inputs, factors and their versions. */
export async function explainRun(
  store: Store,
  actor: Actor,
  runId: string,
  subject: string,
): Promise<Explanation> {
  const run = await getRun(store, actor, runId);
  const found = (run.explanations as unknown as Explanation[]).find((x) => x.subject === subject);
  if (!found) throw notFound({ zh: '计算说明', en: 'explanation' }, subject);
  return found;
}

export interface Reproduction {
  readonly runId: string;
  /** True when the recomputed results and explanations equal the stored ones byte for byte. */
  readonly identical: boolean;
  readonly storedResultsHash: string;
  readonly recomputedResultsHash: string;
}

/**
 * Recomputes a stored run from its own inputs and the factor sets it recorded (immutable in the
 * store), and compares the canonical JSON of the results and explanations.
 */
export async function reproduceRun(
  store: Store,
  actor: Actor,
  runId: string,
): Promise<Reproduction> {
  const run = await getRun(store, actor, runId);
  const inputs = run.inputs as unknown as RunInputs;
  const calc = calculate(inputs, await factorSetsByRef(store, inputs.factorSets), runDocument(run));
  return {
    runId,
    identical:
      canonicalJson(calc.results) === canonicalJson(run.results) &&
      canonicalJson(calc.explanations) === canonicalJson(run.explanations),
    storedResultsHash: run.resultsHash,
    recomputedResultsHash: jsonHash(calc.results),
  };
}

const runDocument = (run: CalculationRun): string =>
  (run.results as { document?: string } | null)?.document ?? 'inventory';

export async function exportRunXlsx(store: Store, actor: Actor, runId: string): Promise<Buffer> {
  const run = await getRun(store, actor, runId);
  if (run.enterpriseId) await requireEnterprise(store, actor, run.enterpriseId, 'export');
  // the stored document adds industry, credit code, facility names and production to the report
  const inputs = run.inputs as unknown as RunInputs;
  return inventoryReportBuffer(resultOf(run), parseInventory(inputs.inventory, runDocument(run)));
}
