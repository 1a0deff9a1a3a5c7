import { formatQuantity, quantity, valueIn, type Quantity } from '@carbonbase/quantity';
import { weakestMark, type Mark } from '../provenance.js';
import type { Correction, GradedIndicator, GradedLimitSystem } from './schema.js';

/** A correction needs a site condition (e.g. the clinker ratio) that was not given. */
export class MissingConditionError extends Error {
  constructor(
    readonly indicator: string,
    readonly condition: string,
  ) {
    super(`indicator ${indicator} needs the site condition "${condition}" for its thresholds`);
    this.name = 'MissingConditionError';
  }
}

export class UnknownIndicatorError extends Error {
  constructor(
    readonly system: string,
    readonly indicator: string,
  ) {
    super(`indicator system ${system} has no indicator "${indicator}"`);
    this.name = 'UnknownIndicatorError';
  }
}

/** One grade's threshold: as published, and after the corrections that apply to this site. */
export interface GradeThreshold {
  readonly grade: string;
  readonly base: Quantity;
  readonly adjusted: Quantity;
  /** One line per correction applied, with the arithmetic. */
  readonly steps: readonly string[];
  readonly met: boolean;
  /** The weakest mark among the base value and the corrections used. */
  readonly mark: Mark;
}

export interface GradedOutcome {
  readonly indicator: string;
  readonly name: string;
  readonly nameEn: string;
  readonly value: Quantity;
  readonly thresholds: readonly GradeThreshold[];
  /** Best grade met; null when even the last grade (the limit) is not met. */
  readonly grade: string | null;
  readonly withinLimit: boolean;
  /** True when any number used is not marked verified. */
  readonly unverified: boolean;
  readonly explanation: string;
}

export interface GradedResult {
  readonly system: string;
  readonly template: boolean;
  readonly notice?: string;
  readonly rule: string;
  readonly outcomes: readonly GradedOutcome[];
  readonly allWithinLimit: boolean;
  /** Notes on conditions the caller left out (e.g. no altitude given, so no altitude correction). */
  readonly notes: readonly string[];
}

/**
 * Grades each given indicator value against a graded-limit system (GB 16780-2021 type): the best
 * grade whose (corrected) threshold is met; failing the last grade means failing the limit.
 */
export function evaluateGraded(
  system: GradedLimitSystem,
  values: Readonly<Record<string, Quantity>>,
  conditions: Readonly<Record<string, Quantity>> = {},
): GradedResult {
  const notes = new Set<string>();
  const outcomes = Object.entries(values).map(([id, value]) => {
    const indicator = system.indicators.find((i) => i.id === id);
    if (!indicator) throw new UnknownIndicatorError(system.id, id);
    return gradeOne(system, indicator, value, conditions, notes);
  });
  return {
    system: system.id,
    template: system.template,
    ...(system.notice !== undefined && { notice: system.notice }),
    rule: system.gradeRule.text,
    outcomes,
    allWithinLimit: outcomes.every((o) => o.withinLimit),
    notes: [...notes],
  };
}

function gradeOne(
  system: GradedLimitSystem,
  indicator: GradedIndicator,
  value: Quantity,
  conditions: Readonly<Record<string, Quantity>>,
  notes: Set<string>,
): GradedOutcome {
  const x = valueIn(value, indicator.unit);
  const applicable = system.corrections.filter((c) => c.indicators.includes(indicator.id));
  const thresholds = system.grades.map((grade): GradeThreshold => {
    const base = indicator.thresholds[grade];
    if (!base) throw new Error(`${system.id}: ${indicator.id} has no threshold for grade ${grade}`);
    let t = valueIn(base.value, indicator.unit);
    let mark = base.mark;
    const steps: string[] = [];
    // Offsets before multipliers: an additive shift is defined on the published (base) value.
    for (const c of [...applicable].sort((a, b) => order(a) - order(b))) {
      const applied = applyCorrection(c, grade, t, indicator, conditions, notes);
      if (!applied) continue;
      steps.push(applied.step);
      t = applied.threshold;
      mark = weakestMark([mark, c.mark, applied.mark]);
    }
    const met = indicator.direction === 'lower-better' ? x <= t : x >= t;
    return {
      grade,
      base: base.value,
      adjusted: quantity(t, indicator.unit),
      steps,
      met,
      mark,
    };
  });
  const best = thresholds.find((t) => t.met);
  const limit = thresholds[thresholds.length - 1];
  const withinLimit = limit?.met ?? false;
  const cmp = indicator.direction === 'lower-better' ? '≤' : '≥';
  const explanation = best
    ? `${indicator.nameEn} ${formatQuantity(value)} ${cmp} ${formatQuantity(best.adjusted)} (grade ${best.grade} threshold): grade ${best.grade}`
    : `${indicator.nameEn} ${formatQuantity(value)} misses the grade ${limit?.grade ?? '?'} limit ${limit ? formatQuantity(limit.adjusted) : ''}: fails the limit`;
  return {
    indicator: indicator.id,
    name: indicator.name,
    nameEn: indicator.nameEn,
    value,
    thresholds,
    grade: best?.grade ?? null,
    withinLimit,
    unverified: thresholds.some((t) => t.mark !== 'verified'),
    explanation,
  };
}

function order(c: Correction): number {
  return c.kind === 'linear-offset' ? 0 : 1;
}

function applyCorrection(
  c: Correction,
  grade: string,
  threshold: number,
  indicator: GradedIndicator,
  conditions: Readonly<Record<string, Quantity>>,
  notes: Set<string>,
): { threshold: number; step: string; mark: Mark } | null {
  switch (c.kind) {
    case 'linear-offset': {
      const input = conditions[c.input];
      if (!input) throw new MissingConditionError(indicator.id, c.input);
      const offset = c.offsets[grade];
      if (!offset) return null;
      const steps =
        (valueIn(input, c.reference.unit) - c.reference.value) / valueIn(c.step, c.reference.unit);
      const per = valueIn(offset.value, indicator.unit);
      const next = threshold + steps * per;
      return {
        threshold: next,
        step: `${c.id}: ${fmt(threshold)} + (${formatQuantity(input)} − ${formatQuantity(c.reference)}) / ${formatQuantity(c.step)} × ${fmt(per)} = ${fmt(next)} ${indicator.unit}`,
        mark: offset.mark,
      };
    }
    case 'pressure-multiplier': {
      if (!c.grades.includes(grade)) return null;
      const gate = conditions[c.condition.input];
      if (!gate) {
        notes.add(`${c.id}: "${c.condition.input}" not given, correction not applied`);
        return null;
      }
      if (valueIn(gate, c.condition.above.unit) <= c.condition.above.value) return null;
      const pressure = conditions[c.input];
      if (!pressure) throw new MissingConditionError(indicator.id, c.input);
      const k = c.a - (c.b * valueIn(pressure, 'Pa')) / valueIn(c.referencePressure, 'Pa');
      const next = threshold * k;
      return {
        threshold: next,
        step: `${c.id}: K = ${c.a} − ${c.b} × ${fmt(valueIn(pressure, 'Pa'))} Pa / ${fmt(valueIn(c.referencePressure, 'Pa'))} Pa = ${k.toFixed(4)}; ${fmt(threshold)} × K = ${fmt(next)} ${indicator.unit}`,
        mark: c.mark,
      };
    }
  }
}

function fmt(n: number): string {
  return Number(n.toPrecision(6)).toString();
}
