import { readdir, readFile } from 'node:fs/promises';
import {
  checkNeutrality,
  MissingInputError,
  parseIndicatorSystem,
  parseNeutralityRules,
  scoreWeightedLevels,
  UnknownIndicatorError,
  type IndicatorSystem,
  type LevelInput,
  type LevelScore,
  type Mark,
  type NeutralityResult,
  type NeutralityRules,
  type WeightedLevelSystem,
} from '@carbonbase/analysis';
import type { InventoryResult } from '@carbonbase/engine';
import { parseQuantity, quantity, valueIn, type Quantity } from '@carbonbase/quantity';
import type { Store } from '@carbonbase/store';
import { requireEnterprise } from './access.js';
import type { Actor } from './actor.js';
import { coversGroup, productionOf } from './analysis.js';
import { AppError, notFound, type ErrorDetail } from './errors.js';
import { gradeRun, type RunGrade } from './grade.js';
import { annualRunOf, resultOf } from './runs.js';

/**
 * Evaluations of an enterprise's or a park's year against the indicator systems in
 * data/indicator-systems (docs/methods/analysis-evaluations.md): GB 16780-2021 (graded from the
 * run by grade.ts, as on the enterprise overview), the weighted-level systems (cleaner
 * production, green factory, green park) and the carbon-neutrality check. What the
 * store knows (energy and CO2 per unit product from the year's run, the inventory by scope) is
 * taken from the run; everything else comes with the request. Every threshold keeps its mark.
 */

const SYSTEMS_DIR = new URL('../../../data/indicator-systems/', import.meta.url);
const T = 'tCO2e';

type LoadedSystem = IndicatorSystem | NeutralityRules;
let loaded: Promise<LoadedSystem[]> | undefined;

/** The bundled indicator systems, read once per process. */
function systems(): Promise<LoadedSystem[]> {
  loaded ??= (async () => {
    const files = (await readdir(SYSTEMS_DIR)).filter((f) => f.endsWith('.json')).sort();
    const out: LoadedSystem[] = [];
    for (const file of files) {
      const json = JSON.parse(await readFile(new URL(file, SYSTEMS_DIR), 'utf8')) as {
        kind?: string;
      };
      out.push(
        json.kind === 'neutrality-check'
          ? parseNeutralityRules(json, file)
          : parseIndicatorSystem(json, file),
      );
    }
    return out;
  })();
  return loaded;
}

/**
 * Indicators the store fills from the year's run when the request leaves them out. Named one by
 * one: an indicator's unit alone cannot tell comprehensive energy from electricity per tonne.
 */
const FROM_STORE: Readonly<Record<string, 'energy-per-product' | 'co2-per-product'>> = {
  'example.energy-intensity': 'energy-per-product',
  'gf.energy-intensity': 'energy-per-product',
  'gf.carbon-intensity': 'co2-per-product',
};

/** The green-park system is about a park; every other system about an enterprise. */
const subjectOf = (s: LoadedSystem): 'enterprise' | 'park' =>
  s.id.includes('green-park') ? 'park' : 'enterprise';

export interface ThresholdInfo {
  readonly level: string;
  readonly value: Quantity;
  readonly mark: Mark;
}

export interface IndicatorInfo {
  readonly id: string;
  readonly group: string;
  readonly name: string;
  readonly nameEn: string;
  readonly unit: string | null;
  readonly direction: 'lower-better' | 'higher-better' | 'qualitative';
  readonly weight: number;
  readonly mandatory: boolean;
  readonly thresholds: readonly ThresholdInfo[];
  /** The store fills it from the year's run when the request leaves it out. */
  readonly fromStore: boolean;
}

export interface IndicatorSystemInfo {
  readonly id: string;
  readonly kind: 'graded-limit' | 'weighted-levels' | 'neutrality-check';
  readonly name: string;
  readonly nameEn: string;
  readonly template: boolean;
  readonly notice?: string;
  readonly subject: 'enterprise' | 'park';
  /** Every indicator comes from the year's run (GB 16780): the request carries none. */
  readonly fromRunOnly: boolean;
  /** Levels best first (weighted systems), grades (graded limits); empty for the check. */
  readonly levels: readonly string[];
  readonly groups: readonly {
    readonly id: string;
    readonly name: string;
    readonly nameEn: string;
    readonly weight: number;
  }[];
  readonly indicators: readonly IndicatorInfo[];
  /** Inventory categories and offset types (neutrality check). */
  readonly categories: readonly {
    readonly id: string;
    readonly name: string;
    readonly nameEn: string;
  }[];
  readonly offsetTypes: readonly {
    readonly id: string;
    readonly name: string;
    readonly nameEn: string;
    readonly measure: 'co2e' | 'electricity';
    readonly mark: Mark;
  }[];
}

function infoOf(s: LoadedSystem): IndicatorSystemInfo {
  const base = {
    id: s.id,
    kind: s.kind,
    name: s.name,
    nameEn: s.nameEn,
    template: 'template' in s ? s.template : false,
    ...(s.notice !== undefined && { notice: s.notice }),
    subject: subjectOf(s),
    fromRunOnly: s.kind === 'graded-limit',
    groups: [],
    indicators: [],
    categories: [],
    offsetTypes: [],
  };
  switch (s.kind) {
    case 'graded-limit':
      return {
        ...base,
        levels: s.grades,
        indicators: s.indicators.map((i) => ({
          id: i.id,
          group: '',
          name: i.name,
          nameEn: i.nameEn,
          unit: i.unit,
          direction: i.direction,
          weight: 0,
          mandatory: true,
          thresholds: s.grades.map((g) => ({
            level: g,
            value: i.thresholds[g]!.value,
            mark: i.thresholds[g]!.mark,
          })),
          fromStore: true,
        })),
      };
    case 'weighted-levels':
      return {
        ...base,
        levels: s.levels,
        groups: s.groups.map((g) => ({
          id: g.id,
          name: g.name,
          nameEn: g.nameEn,
          weight: g.weight,
        })),
        indicators: s.groups.flatMap((g) =>
          g.indicators.map((i) => ({
            id: i.id,
            group: g.id,
            name: i.name,
            nameEn: i.nameEn,
            unit: i.unit ?? null,
            direction: i.direction,
            weight: i.weight,
            mandatory: i.mandatory,
            thresholds: s.levels.flatMap((l) => {
              const t = i.thresholds[l];
              return t ? [{ level: l, value: t.value, mark: t.mark }] : [];
            }),
            fromStore: FROM_STORE[i.id] !== undefined,
          })),
        ),
      };
    case 'neutrality-check':
      return {
        ...base,
        levels: [],
        categories: s.categories.map((c) => ({ id: c.id, name: c.name, nameEn: c.nameEn })),
        offsetTypes: s.offsetTypes.map((o) => ({
          id: o.id,
          name: o.name,
          nameEn: o.nameEn,
          measure: o.measure,
          mark: o.mark,
        })),
      };
  }
}

export async function listIndicatorSystems(): Promise<IndicatorSystemInfo[]> {
  return (await systems()).map(infoOf);
}

// -------------------------------------------------------------------------------- the request

/** One indicator as the request gives it: a value (quantity as text), a level, or not applicable. */
export interface IndicatorInput {
  readonly value?: string;
  readonly level?: string | null;
  readonly notApplicable?: string;
}

export interface NeutralityInputs {
  readonly inventoryVerified: boolean;
  readonly reductions?: readonly { id: string; amount: string; verified: boolean }[];
  readonly offsets?: readonly {
    id: string;
    type: string;
    amount: string;
    vintage: number;
    retired: boolean;
    against?: string;
  }[];
  readonly gridFactor?: string;
}

export interface EvaluationRequest {
  readonly system: string;
  readonly enterpriseId?: string;
  readonly parkId?: string;
  readonly year: number;
  readonly indicators?: Readonly<Record<string, IndicatorInput>>;
  readonly neutrality?: NeutralityInputs;
}

export interface Subject {
  readonly kind: 'enterprise' | 'park';
  readonly id: string;
  readonly code: string;
  readonly name: string;
}

export interface IndicatorRow extends IndicatorInfo {
  readonly applicable: boolean;
  readonly value: Quantity | null;
  readonly assessedLevel: string | null;
  /** Where the value or level came from. */
  readonly source: 'store' | 'request';
  readonly sourceNote: string | null;
  readonly levelsMet: readonly string[];
  readonly effectiveWeight: number;
  readonly explanation: string;
}

export interface WeightedEvaluation {
  readonly kind: 'weighted-levels';
  readonly system: IndicatorSystemInfo;
  readonly subject: Subject;
  readonly year: number;
  readonly runId: string | null;
  readonly indicators: readonly IndicatorRow[];
  readonly levels: readonly LevelScore[];
  /** Best level reached, or null. */
  readonly level: string | null;
  readonly unverifiedThresholds: readonly string[];
  readonly unverifiedRules: readonly string[];
  readonly weightsMark: Mark;
  readonly notes: readonly string[];
}

export interface NeutralityEvaluation {
  readonly kind: 'neutrality-check';
  readonly system: IndicatorSystemInfo;
  readonly subject: Subject;
  readonly year: number;
  readonly runId: string;
  /** The run's emissions per inventory category, tCO2e. */
  readonly inventory: Readonly<Record<string, Quantity>>;
  readonly result: NeutralityResult;
  readonly notes: readonly string[];
}

/** GB 16780-2021 grades of the year's run, as the enterprise overview gives them (grade.ts). */
export interface GradedEvaluation {
  readonly kind: 'graded-limit';
  readonly system: IndicatorSystemInfo;
  readonly subject: Subject;
  readonly year: number;
  readonly runId: string;
  readonly grade: RunGrade;
}

export type Evaluation = WeightedEvaluation | NeutralityEvaluation | GradedEvaluation;

const invalid = (zh: string, en: string, details: ErrorDetail[]) =>
  new AppError('validation-failed', zh, en, details);

function quantityField(text: string, field: string): Quantity {
  try {
    return parseQuantity(text);
  } catch (e) {
    throw invalid(`数量无法解析：${text}`, `not a quantity: ${text}`, [
      { field, reason: (e as Error).message },
    ]);
  }
}

async function subjectOfRequest(
  store: Store,
  actor: Actor,
  r: EvaluationRequest,
  wanted: 'enterprise' | 'park',
): Promise<Subject> {
  if ((r.enterpriseId === undefined) === (r.parkId === undefined))
    throw invalid('请给出 enterpriseId 或 parkId 之一', 'give one of enterpriseId and parkId', [
      { field: 'enterpriseId', reason: 'exactly one of enterpriseId and parkId' },
    ]);
  const given = r.enterpriseId !== undefined ? 'enterprise' : 'park';
  if (given !== wanted)
    throw invalid(
      `该评价体系评价${wanted === 'park' ? '园区' : '企业'}`,
      `this system evaluates ${wanted === 'park' ? 'a park' : 'an enterprise'}`,
      [{ field: wanted === 'park' ? 'parkId' : 'enterpriseId', reason: 'required' }],
    );
  if (r.enterpriseId !== undefined) {
    const { enterprise } = await requireEnterprise(store, actor, r.enterpriseId, 'read');
    return { kind: 'enterprise', id: enterprise.id, code: enterprise.code, name: enterprise.name };
  }
  const park = await store.organisations.getPark(actor.tenantId, r.parkId!);
  if (!park || !(await coversGroup(store, actor, { parkId: park.id, regionId: park.regionId })))
    throw notFound({ zh: '园区', en: 'park' }, r.parkId!);
  return { kind: 'park', id: park.id, code: park.code, name: park.name };
}

/** The enterprise's latest annual run of the year, if any. */
async function annualRun(
  store: Store,
  tenantId: string,
  enterpriseId: string,
  year: number,
): Promise<{ id: string; result: InventoryResult } | undefined> {
  const run = await annualRunOf(store, tenantId, enterpriseId, year);
  return run && { id: run.id, result: resultOf(run) };
}

const noAnnualRun = (subject: Subject, year: number) =>
  new AppError(
    'not-found',
    `${subject.code} 没有 ${year} 年的全年核算，请先核算`,
    `${subject.code} has no annual run for ${year}; calculate the year first`,
  );

/** A store-derived indicator value and how it was worked out, or why there is none. */
function derived(
  kind: 'energy-per-product' | 'co2-per-product',
  unit: string,
  r: InventoryResult,
): { value: Quantity; note: string } | { reason: string } {
  const p = productionOf(r);
  if (!p) return { reason: '核算结果没有产量 the run has no production figure' };
  const production = valueIn(p.production, p.production.unit);
  if (kind === 'energy-per-product') {
    const e = r.energy.calorific;
    const value = quantity(
      valueIn(quantity(e.value / production, `${e.unit}/${p.production.unit}`), unit),
      unit,
    );
    return {
      value,
      note: `综合能耗（当量值）${e.value} ${e.unit} ÷ 产量 ${production} ${p.production.unit}（${p.basis}） comprehensive energy (calorific) over production`,
    };
  }
  const co2 = r.byGas.CO2;
  if (!co2) return { reason: '核算结果没有 CO2 the run has no CO2' };
  // The run counts CO2 in tCO2e with a GWP of 1, so its tonnes are tonnes of CO2.
  const tco2 = valueIn(co2, T);
  const value = quantity(
    valueIn(quantity(tco2 / production, `tCO2/${p.production.unit}`), unit),
    unit,
  );
  return {
    value,
    note: `CO2 ${tco2} tCO2（GWP = 1）÷ 产量 ${production} ${p.production.unit}（${p.basis}） CO2 of the run over production`,
  };
}

/** Interpolation between baseline and leading values: searched for, not found (see the docs). */
const NO_INTERPOLATION =
  'GB/T 36132—2025 第 5 章按实际值与基准值、引领值比较计分；其评分规则原文未取得，本评价只判断是否达到两值，两值之间不插值计分。 GB/T 36132—2025 clause 5 scores a value against the baseline and leading values; the rule’s text was not found, so this evaluation only tests whether each value is reached and gives no points between them.';

async function evaluateWeighted(
  store: Store,
  actor: Actor,
  system: WeightedLevelSystem,
  r: EvaluationRequest,
): Promise<WeightedEvaluation> {
  const info = infoOf(system);
  const subject = await subjectOfRequest(store, actor, r, info.subject);
  const given = r.indicators ?? {};
  const run =
    subject.kind === 'enterprise'
      ? await annualRun(store, actor.tenantId, subject.id, r.year)
      : undefined;
  const inputs: Record<string, LevelInput> = {};
  const sources = new Map<string, { source: 'store' | 'request'; note: string | null }>();
  const details: ErrorDetail[] = [];
  const notes: string[] = [];
  for (const [id, input] of Object.entries(given)) {
    const field = `indicators.${id}`;
    const set = [input.value, input.level, input.notApplicable].filter((x) => x !== undefined);
    if (set.length !== 1) {
      details.push({ field, reason: 'give exactly one of value, level, notApplicable' });
      continue;
    }
    if (input.value !== undefined)
      inputs[id] = { kind: 'value', value: quantityField(input.value, `${field}.value`) };
    else if (input.level !== undefined) inputs[id] = { kind: 'level', level: input.level };
    else inputs[id] = { kind: 'not-applicable', reason: input.notApplicable! };
    sources.set(id, { source: 'request', note: null });
  }
  for (const ind of info.indicators) {
    const how = FROM_STORE[ind.id];
    if (!how || inputs[ind.id] || ind.unit === null) continue;
    if (!run) {
      notes.push(
        `${ind.id}：${r.year} 年没有全年核算，无法从库中取值 no annual run for ${r.year}, so the store cannot give it`,
      );
      continue;
    }
    const d = derived(how, ind.unit, run.result);
    if ('reason' in d) {
      notes.push(`${ind.id}: ${d.reason}`);
      continue;
    }
    inputs[ind.id] = { kind: 'value', value: d.value };
    sources.set(ind.id, { source: 'store', note: `${d.note}; run ${run.id}` });
  }
  if (details.length > 0)
    throw invalid('指标输入有误', 'some indicator inputs are not valid', details);

  let scored;
  try {
    scored = scoreWeightedLevels(system, inputs);
  } catch (e) {
    if (e instanceof MissingInputError)
      throw invalid(
        `缺少 ${e.indicators.length} 项指标的输入`,
        `no input for ${e.indicators.length} indicator(s)`,
        e.indicators.map((id) => ({ field: `indicators.${id}`, reason: 'missing' })),
      );
    if (e instanceof UnknownIndicatorError)
      throw invalid(`该体系没有指标 ${e.indicator}`, `the system has no indicator ${e.indicator}`, [
        { field: `indicators.${e.indicator}`, reason: 'unknown indicator' },
      ]);
    // wrong kind of input (a value for a qualitative indicator, an unknown level, a unit of
    // another dimension): the message names the indicator
    throw invalid(`指标输入有误：${(e as Error).message}`, (e as Error).message, [
      { field: 'indicators', reason: (e as Error).message },
    ]);
  }
  const byId = new Map(scored.indicators.map((s) => [s.indicator, s]));
  const indicators = info.indicators.map((ind): IndicatorRow => {
    const s = byId.get(ind.id)!;
    const input = inputs[ind.id]!;
    const src = sources.get(ind.id)!;
    return {
      ...ind,
      applicable: s.applicable,
      value: input.kind === 'value' ? input.value : null,
      assessedLevel: input.kind === 'level' ? input.level : null,
      source: src.source,
      sourceNote: src.note,
      levelsMet: s.levelsMet,
      effectiveWeight: s.effectiveWeight,
      explanation: s.explanation,
    };
  });
  if (system.id.includes('green-factory')) notes.push(NO_INTERPOLATION);
  if (system.template)
    notes.push(
      '模板体系：阈值、权重为示例，结果不能作为评价结论 a template: its thresholds and weights are examples and the result is no rating',
    );
  return {
    kind: 'weighted-levels',
    system: info,
    subject,
    year: r.year,
    runId: run?.id ?? null,
    indicators,
    levels: scored.levels,
    level: scored.level,
    unverifiedThresholds: scored.unverifiedThresholds,
    unverifiedRules: scored.unverifiedRules,
    weightsMark: scored.weightsMark,
    notes,
  };
}

/** The run's scope 1 + 2 + 3 as the check's categories, tCO2e. */
function inventoryOf(r: InventoryResult): Record<string, Quantity> {
  let electricity = 0;
  let heat = 0;
  for (const l of r.lines)
    if (l.scope === 'scope2') {
      if (l.kind.startsWith('heat')) heat += valueIn(l.emissions, T);
      else electricity += valueIn(l.emissions, T);
    }
  const scope3 = r.byScope.scope3 ? valueIn(r.byScope.scope3, T) : 0;
  const scope1 = valueIn(r.total, T) - electricity - heat - scope3;
  return {
    scope1: quantity(scope1, T),
    'scope2-electricity': quantity(electricity, T),
    'scope2-heat': quantity(heat, T),
    ...(r.byScope.scope3 && { scope3: quantity(scope3, T) }),
  };
}

async function evaluateNeutrality(
  store: Store,
  actor: Actor,
  rules: NeutralityRules,
  r: EvaluationRequest,
): Promise<NeutralityEvaluation> {
  const info = infoOf(rules);
  const subject = await subjectOfRequest(store, actor, r, 'enterprise');
  const run = await annualRun(store, actor.tenantId, subject.id, r.year);
  if (!run) throw noAnnualRun(subject, r.year);
  const n = r.neutrality;
  if (!n)
    throw invalid('碳中和核查需要 neutrality 输入', 'the neutrality check needs `neutrality`', [
      { field: 'neutrality', reason: 'required' },
    ]);
  const inventory = inventoryOf(run.result);
  let result: NeutralityResult;
  try {
    result = checkNeutrality(rules, {
      period: { from: r.year, to: r.year },
      inventory,
      inventoryVerified: n.inventoryVerified,
      reductions: (n.reductions ?? []).map((x, k) => ({
        id: x.id,
        amount: quantityField(x.amount, `neutrality.reductions[${k}].amount`),
        verified: x.verified,
      })),
      offsets: (n.offsets ?? []).map((o, k) => ({
        id: o.id,
        type: o.type,
        amount: quantityField(o.amount, `neutrality.offsets[${k}].amount`),
        vintage: o.vintage,
        retired: o.retired,
        ...(o.against !== undefined && { against: o.against }),
      })),
      ...(n.gridFactor !== undefined && {
        gridFactor: quantityField(n.gridFactor, 'neutrality.gridFactor'),
      }),
    });
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw invalid(`碳中和核查输入有误：${(e as Error).message}`, (e as Error).message, [
      { field: 'neutrality', reason: (e as Error).message },
    ]);
  }
  return {
    kind: 'neutrality-check',
    system: info,
    subject,
    year: r.year,
    runId: run.id,
    inventory,
    result,
    notes: [
      `盘查排放取 ${r.year} 年最新全年核算 the inventory is the latest annual run of ${r.year}`,
      '经核证的减排量须未反映在盘查数字中，否则重复扣减 verified reductions must not already be in the inventory figures, else they count twice',
    ],
  };
}

/** Evaluates an enterprise's or a park's year against one indicator system. */
export async function evaluate(
  store: Store,
  actor: Actor,
  request: EvaluationRequest,
): Promise<Evaluation> {
  const system = (await systems()).find((s) => s.id === request.system);
  if (!system) throw notFound({ zh: '评价体系', en: 'indicator system' }, request.system);
  switch (system.kind) {
    case 'graded-limit': {
      const subject = await subjectOfRequest(store, actor, request, 'enterprise');
      const run = await annualRun(store, actor.tenantId, subject.id, request.year);
      if (!run) throw noAnnualRun(subject, request.year);
      // Graded as on the enterprise overview; a run that is not clinker production is refused
      // there with the reason (validation-failed).
      const grade = await gradeRun(store, actor, run.id);
      return {
        kind: 'graded-limit',
        system: infoOf(system),
        subject,
        year: request.year,
        runId: run.id,
        grade,
      };
    }
    case 'weighted-levels':
      return evaluateWeighted(store, actor, system, request);
    case 'neutrality-check':
      return evaluateNeutrality(store, actor, system, request);
  }
}
