import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  GradeInputError,
  gradeClinkerEnergy,
  parseIndicatorSystem,
  withFactorThresholds,
  type ClinkerElectricityUse,
  type ClinkerFuelUse,
  type GradedLimitSystem,
  type GradeNote,
  type Mark,
} from '@carbonbase/analysis';
import type { InventoryResult, LineResult } from '@carbonbase/engine';
import { FactorBase, FactorNotFoundError, type FactorSet } from '@carbonbase/factors';
import { bundledFactorSetsDir } from '@carbonbase/io';
import { sum, type Quantity } from '@carbonbase/quantity';
import type { CalculationRun, JsonValue, Store } from '@carbonbase/store';
import type { Actor } from './actor.js';
import { AppError } from './errors.js';
import { factorSetsByRef } from './factor-base.js';
import { getRun, resultOf, type RunInputs } from './runs.js';

/**
 * A run's key figures (intensities, energy) and its GB 16780-2021 grade, computed from the
 * stored run alone: the lines and their explanations give the fuel amounts, NCVs and
 * electricity, the run's own factor-set versions give the grade limits and the standard-coal
 * coefficient, so the grade of a run does not move when a newer set is loaded.
 * Method: docs/methods/analysis.md §1a, "Grade from a stored run".
 */

const SYSTEM_FILE = 'cn-gb16780-2021-cement.json';
const THRESHOLD_SET = 'cn-gb16780-2021';
const COAL_SET = 'cn-gbt2589-standard-coal';

export interface Bilingual {
  readonly zh: string;
  readonly en: string;
}

/** One grade's limit of an indicator: as published and as applied to this site. */
export interface GradeLimit {
  readonly grade: string;
  readonly base: Quantity;
  readonly limit: Quantity;
  readonly met: boolean;
  readonly mark: Mark;
  /** The corrections applied to this limit, with their arithmetic. */
  readonly corrections: readonly string[];
}

export interface GradedIndicator {
  readonly id: string;
  readonly name: string;
  readonly nameEn: string;
  readonly value: Quantity;
  readonly limits: readonly GradeLimit[];
  /** "1", "2" or "3"; null above the grade-3 limit (超限额). */
  readonly grade: string | null;
  readonly withinLimit: boolean;
  /** True when a limit used is not verified against the standard's text. */
  readonly unverified: boolean;
  readonly explanation: string;
}

export interface RunGrade {
  readonly standard: 'GB 16780-2021';
  /** Indicator system id (data/indicator-systems). */
  readonly system: string;
  /** `id@version` of the threshold set and of the standard-coal coefficient. */
  readonly factorSet: string;
  readonly coefficient: { readonly value: Quantity; readonly ref: string };
  readonly clinker: Quantity;
  readonly indicators: readonly GradedIndicator[];
  readonly notGraded: readonly {
    readonly id: string;
    readonly name: string;
    readonly nameEn: string;
    readonly reason: Bilingual;
  }[];
  readonly allWithinLimit: boolean;
  readonly notes: readonly GradeNote[];
  /** The arithmetic of the three figures. */
  readonly steps: readonly string[];
}

export interface RunFigures {
  readonly runId: string;
  readonly enterpriseId?: string;
  readonly period: { readonly start: string; readonly end: string };
  readonly method: { readonly id: string; readonly version: string };
  readonly total: Quantity;
  readonly intensities: readonly {
    readonly id: string;
    readonly name: string;
    readonly value: Quantity;
    readonly numerator: Quantity;
    readonly denominator: Quantity;
    readonly denominatorSource: string;
  }[];
  readonly energy: {
    readonly calorific: Quantity;
    readonly equivalent: Quantity | null;
    readonly notes: readonly string[];
  };
  readonly gb16780:
    | { readonly applicable: true; readonly grade: RunGrade }
    | { readonly applicable: false; readonly reason: Bilingual };
}

let systemFile: Promise<GradedLimitSystem> | undefined;

/** The GB 16780 system (grades, corrections) as bundled; its numbers come from the factor base. */
function bundledSystem(): Promise<GradedLimitSystem> {
  systemFile ??= readFile(
    join(bundledFactorSetsDir(), '..', 'indicator-systems', SYSTEM_FILE),
    'utf8',
  ).then((text) => parseIndicatorSystem(JSON.parse(text) as unknown) as GradedLimitSystem);
  return systemFile;
}

const NOT_CEMENT: Bilingual = {
  zh: 'GB 16780-2021 适用于水泥熟料生产：本次核算不是水泥方法，也没有熟料产量。',
  en: 'GB 16780-2021 applies to cement clinker production: this run uses no cement method and has no clinker output.',
};
const NO_CLINKER: Bilingual = {
  zh: '本次核算没有熟料产量（如粉磨站），熟料指标无法计算；水泥指标所需数据库中没有。',
  en: 'this run has no clinker output (a grinding station, say): the clinker indicators cannot be computed, and the store lacks what the cement indicators need.',
};

/** Why the run cannot be graded, or undefined when it can. */
function notApplicable(run: CalculationRun, r: InventoryResult): Bilingual | undefined {
  const hasClinker = r.lines.some((l) => l.kind === 'clinker');
  if (!run.methodSet.id.startsWith('cn-cement') && !hasClinker) return NOT_CEMENT;
  if (!hasClinker) return NO_CLINKER;
  return undefined;
}

/** The document line of the run's inputs, for what the result does not repeat (fuel, source). */
function documentLines(run: CalculationRun): Map<string, Record<string, JsonValue>> {
  const inputs = run.inputs as unknown as RunInputs;
  const lines = (inputs.inventory.lines ?? []) as Record<string, JsonValue>[];
  return new Map(lines.flatMap((l) => (typeof l.id === 'string' ? [[l.id, l] as const] : [])));
}

const input = (l: LineResult, pick: (i: { symbol: string; field?: string }) => boolean) =>
  l.explanation.inputs.find(pick)?.value;

const inBoundary = (l: LineResult, doc: Record<string, JsonValue> | undefined): boolean =>
  l.inClinkerBoundary ?? (doc?.inClinkerBoundary === false ? false : true);

const ELECTRICITY: Partial<Record<LineResult['kind'], ClinkerElectricityUse['kind']>> = {
  'electricity-purchased': 'purchased',
  'electricity-generated': 'generated',
  'electricity-exported': 'exported',
};

/** The lines turned into the analysis input: amounts and NCVs as the engine used them. */
function usesOf(
  r: InventoryResult,
  docs: Map<string, Record<string, JsonValue>>,
): { clinker: Quantity; fuels: ClinkerFuelUse[]; electricity: ClinkerElectricityUse[] } {
  const clinker: Quantity[] = [];
  const fuels: ClinkerFuelUse[] = [];
  const electricity: ClinkerElectricityUse[] = [];
  for (const l of r.lines) {
    const doc = docs.get(l.id);
    const amount = input(l, (i) => i.field === 'amount');
    if (!amount) continue;
    const boundary = inBoundary(l, doc);
    if (l.kind === 'clinker') clinker.push(amount);
    else if (l.kind === 'fuel-combustion' || l.kind === 'alternative-fuel') {
      const ncv = input(l, (i) => i.symbol === 'NCV');
      fuels.push({
        line: l.id,
        fuel: typeof doc?.fuel === 'string' ? doc.fuel : '',
        alternative: l.kind === 'alternative-fuel',
        amount,
        ...(ncv && { ncv }),
        inClinkerBoundary: boundary,
      });
    } else {
      const kind = ELECTRICITY[l.kind];
      if (kind)
        electricity.push({
          line: l.id,
          kind,
          ...(typeof doc?.source === 'string' && { source: doc.source }),
          amount,
          inClinkerBoundary: boundary,
        });
    }
  }
  return { clinker: sum(clinker, 't'), fuels, electricity };
}

/**
 * The run's versions of the threshold and standard-coal sets; a run saved before a set was
 * loaded falls back to the last version the store lists (by version).
 */
async function setsFor(store: Store, run: CalculationRun): Promise<FactorSet[]> {
  const own = ((run.inputs as unknown as RunInputs).factorSets ?? []).filter((ref) =>
    [THRESHOLD_SET, COAL_SET].includes(ref.slice(0, ref.lastIndexOf('@'))),
  );
  const missing = [THRESHOLD_SET, COAL_SET].filter(
    (id) => !own.some((ref) => ref.startsWith(`${id}@`)),
  );
  if (missing.length) {
    const listed = await store.factorSets.list();
    for (const id of missing) {
      const newest = listed.filter((s) => s.id === id).at(-1);
      if (newest) own.push(`${newest.id}@${newest.version}`);
    }
  }
  return factorSetsByRef(store, own);
}

async function gradeOf(store: Store, run: CalculationRun, r: InventoryResult): Promise<RunGrade> {
  const sets = await setsFor(store, run);
  const thresholds = sets.find((s) => s.manifest.id === THRESHOLD_SET);
  if (!thresholds)
    throw new AppError(
      'validation-failed',
      `因子库中没有 ${THRESHOLD_SET}（GB 16780-2021 限额），无法评级`,
      `the factor base has no ${THRESHOLD_SET} (GB 16780-2021 limits): cannot grade`,
    );
  let coefficient: { value: Quantity; ref: string };
  try {
    const found = new FactorBase(sets).resolve({
      code: 'electricity',
      parameter: 'coefficient',
      kind: 'standard-coal',
      basis: 'calorific',
      set: COAL_SET,
    });
    coefficient = { value: found.record.value, ref: found.ref };
  } catch (e) {
    if (!(e instanceof FactorNotFoundError)) throw e;
    throw new AppError(
      'validation-failed',
      `因子库中没有电力折标准煤系数（${COAL_SET}），无法评级`,
      `the factor base has no electricity standard-coal coefficient (${COAL_SET}): cannot grade`,
    );
  }
  const { system } = withFactorThresholds(await bundledSystem(), thresholds.records);
  const uses = usesOf(r, documentLines(run));
  let g;
  try {
    g = gradeClinkerEnergy(system, {
      ...uses,
      coefficient: coefficient.value,
      coefficientRef: coefficient.ref,
    });
  } catch (e) {
    if (!(e instanceof GradeInputError)) throw e;
    throw new AppError(
      'validation-failed',
      `无法计算 GB 16780 指标：${e.line} 的 ${e.field} 有误`,
      `cannot compute the GB 16780 indicators: ${e.line}, ${e.field}`,
      [{ field: `${e.line}.${e.field}`, reason: e.reason }],
    );
  }
  const warnings = r.warnings.filter(
    (w) => w.line === undefined || g.figures.counted.includes(w.line),
  );
  const notes: GradeNote[] = [...g.notes];
  if (warnings.length)
    notes.push({
      id: 'run-warnings',
      zh: `本次核算对计入的行有 ${warnings.length} 条警告（${[...new Set(warnings.map((w) => w.code))].join('、')}），等级按库中数据计算，请先核对。`,
      en: `the run has ${warnings.length} warning(s) on the lines counted (${[...new Set(warnings.map((w) => w.code))].join(', ')}); the grade uses the data as stored, check them first.`,
      reading: false,
    });
  return {
    standard: 'GB 16780-2021',
    system: system.id,
    factorSet: `${thresholds.manifest.id}@${thresholds.manifest.version}`,
    coefficient,
    clinker: g.figures.clinker,
    indicators: g.result.outcomes.map((o) => ({
      id: o.indicator,
      name: o.name,
      nameEn: o.nameEn,
      value: o.value,
      limits: o.thresholds.map((t) => ({
        grade: t.grade,
        base: t.base,
        limit: t.adjusted,
        met: t.met,
        mark: t.mark,
        corrections: t.steps,
      })),
      grade: o.grade,
      withinLimit: o.withinLimit,
      unverified: o.unverified,
      explanation: o.explanation,
    })),
    notGraded: g.notGraded.map((n) => ({
      id: n.indicator,
      name: n.name,
      nameEn: n.nameEn,
      reason: { zh: n.zh, en: n.en },
    })),
    allWithinLimit: g.result.allWithinLimit,
    notes,
    steps: g.figures.steps,
  };
}

/** A run's intensities, energy and, for a clinker plant, its GB 16780-2021 grade. */
export async function runFigures(store: Store, actor: Actor, runId: string): Promise<RunFigures> {
  const run = await getRun(store, actor, runId);
  const r = resultOf(run);
  const reason = notApplicable(run, r);
  return {
    runId: run.id,
    ...(run.enterpriseId !== undefined && { enterpriseId: run.enterpriseId }),
    period: { start: run.periodStart ?? '', end: run.periodEnd ?? '' },
    method: { id: run.methodSet.id, version: run.methodSet.version },
    total: r.total,
    intensities: r.intensities.map((i) => ({
      id: i.id,
      name: i.name,
      value: i.value,
      numerator: i.numerator,
      denominator: i.denominator,
      denominatorSource: i.denominatorSource,
    })),
    energy: {
      calorific: r.energy.calorific,
      equivalent: r.energy.equivalent,
      notes: r.energy.notes,
    },
    gb16780: reason
      ? { applicable: false, reason }
      : { applicable: true, grade: await gradeOf(store, run, r) },
  };
}

/**
 * The GB 16780-2021 grade of a run, scoped like getRun (not found outside the actor's scope);
 * 'validation-failed' for a run that is not clinker production.
 */
export async function gradeRun(store: Store, actor: Actor, runId: string): Promise<RunGrade> {
  const run = await getRun(store, actor, runId);
  const r = resultOf(run);
  const reason = notApplicable(run, r);
  if (reason) throw new AppError('validation-failed', reason.zh, reason.en);
  return gradeOf(store, run, r);
}
