import { valueIn, type Quantity } from '@carbonbase/quantity';
import type { Mark } from '../provenance.js';
import { UnknownIndicatorError } from './graded.js';
import type { LevelIndicator, WeightedLevelSystem } from './schema.js';

/** What the assessor supplies for one indicator. */
export type LevelInput =
  | { readonly kind: 'value'; readonly value: Quantity }
  /** Qualitative indicators: the best level the evidence supports (or null for none). */
  | { readonly kind: 'level'; readonly level: string | null }
  /** The item does not apply to this enterprise; its weight is shared out (re-normalised). */
  | { readonly kind: 'not-applicable'; readonly reason: string };

export class MissingInputError extends Error {
  constructor(
    readonly system: string,
    readonly indicators: readonly string[],
  ) {
    super(`indicator system ${system}: no input for ${indicators.join(', ')}`);
    this.name = 'MissingInputError';
  }
}

export interface IndicatorScore {
  readonly indicator: string;
  readonly group: string;
  readonly name: string;
  readonly nameEn: string;
  readonly mandatory: boolean;
  readonly applicable: boolean;
  /** w_i × ω'_ij after re-normalisation: this indicator's share of 100 points. */
  readonly effectiveWeight: number;
  /** Levels whose threshold this indicator meets. */
  readonly levelsMet: readonly string[];
  readonly explanation: string;
  /** Marks of the thresholds used, per level. */
  readonly marks: Readonly<Record<string, Mark>>;
}

export interface LevelScore {
  readonly level: string;
  /** Y_gk in points (0–100). */
  readonly score: number;
  readonly minScore: number;
  /** Mandatory (限定性) indicators that miss the level the rule requires. */
  readonly mandatoryMisses: readonly string[];
  readonly reached: boolean;
  readonly ruleMark: Mark;
}

export interface WeightedResult {
  readonly system: string;
  readonly template: boolean;
  readonly notice?: string;
  readonly indicators: readonly IndicatorScore[];
  readonly levels: readonly LevelScore[];
  /** Best level whose rule is satisfied, or null. */
  readonly level: string | null;
  /** Thresholds used that are not verified, as `indicator@level (mark)`. */
  readonly unverifiedThresholds: readonly string[];
  /** Level rules used that are not verified. */
  readonly unverifiedRules: readonly string[];
  readonly weightsMark: Mark;
}

/**
 * Scores a 通则-type system: Y_gk = Σ_i w_i Σ_j ω_ij · Y_gk(x_ij), Y_gk(x_ij) = 100 when x_ij meets
 * level gk, else 0. Items that do not apply are dropped and the remaining second-level weights of
 * the group re-normalised (ω'_ij = ω_ij / Σ applicable ω); a group with nothing applicable gives
 * its first-level weight to the other groups in proportion (our convention, stated in the docs).
 */
export function scoreWeightedLevels(
  system: WeightedLevelSystem,
  inputs: Readonly<Record<string, LevelInput>>,
): WeightedResult {
  const known = new Set(system.groups.flatMap((g) => g.indicators.map((i) => i.id)));
  for (const id of Object.keys(inputs))
    if (!known.has(id)) throw new UnknownIndicatorError(system.id, id);
  const missing = [...known].filter((id) => inputs[id] === undefined);
  if (missing.length > 0) throw new MissingInputError(system.id, missing);

  const applicableWeight = (ids: readonly LevelIndicator[]) =>
    ids.filter((i) => inputs[i.id]?.kind !== 'not-applicable').reduce((s, i) => s + i.weight, 0);
  const liveGroups = system.groups.filter((g) => applicableWeight(g.indicators) > 0);
  const groupTotal = liveGroups.reduce((s, g) => s + g.weight, 0);

  const indicators: IndicatorScore[] = [];
  for (const group of system.groups) {
    const inner = applicableWeight(group.indicators);
    const outer = inner > 0 && groupTotal > 0 ? group.weight / groupTotal : 0;
    for (const ind of group.indicators) {
      const input = inputs[ind.id] as LevelInput;
      const applicable = input.kind !== 'not-applicable';
      const effectiveWeight = applicable ? (outer * ind.weight) / inner : 0;
      const { met, explanation } = levelsMet(system, ind, input);
      const marks: Record<string, Mark> = {};
      for (const [level, t] of Object.entries(ind.thresholds)) marks[level] = t.mark;
      indicators.push({
        indicator: ind.id,
        group: group.id,
        name: ind.name,
        nameEn: ind.nameEn,
        mandatory: ind.mandatory,
        applicable,
        effectiveWeight,
        levelsMet: met,
        explanation,
        marks,
      });
    }
  }

  const levels: LevelScore[] = system.levels.map((level) => {
    const rule = system.levelRules.find((r) => r.level === level);
    if (!rule) throw new Error(`${system.id}: no rule for level ${level}`);
    const score =
      100 *
      indicators.reduce((s, i) => s + (i.levelsMet.includes(level) ? i.effectiveWeight : 0), 0);
    const at = rule.mandatoryAtLevel;
    const mandatoryMisses =
      at === null
        ? []
        : indicators
            .filter((i) => i.mandatory && i.applicable && !i.levelsMet.includes(at))
            .map((i) => i.indicator);
    // A score is a sum of floating-point shares; compare with a tolerance so that 100 counts.
    const reached = score >= rule.minScore - 1e-9 && mandatoryMisses.length === 0;
    return { level, score, minScore: rule.minScore, mandatoryMisses, reached, ruleMark: rule.mark };
  });

  const unverifiedThresholds = system.groups.flatMap((g) =>
    g.indicators.flatMap((i) =>
      inputs[i.id]?.kind === 'not-applicable'
        ? []
        : Object.entries(i.thresholds)
            .filter(([, t]) => t.mark !== 'verified')
            .map(([level, t]) => `${i.id}@${level} (${t.mark})`),
    ),
  );
  return {
    system: system.id,
    template: system.template,
    ...(system.notice !== undefined && { notice: system.notice }),
    indicators,
    levels,
    level: levels.find((l) => l.reached)?.level ?? null,
    unverifiedThresholds,
    unverifiedRules: system.levelRules
      .filter((r) => r.mark !== 'verified')
      .map((r) => `level ${r.level} rule (${r.mark})`),
    weightsMark: system.weights.mark,
  };
}

function levelsMet(
  system: WeightedLevelSystem,
  ind: LevelIndicator,
  input: LevelInput,
): { met: string[]; explanation: string } {
  switch (input.kind) {
    case 'not-applicable':
      return { met: [], explanation: `not applicable: ${input.reason}` };
    case 'level': {
      if (ind.direction !== 'qualitative')
        throw new Error(`${ind.id} is quantitative: give a value, not a level`);
      if (input.level === null) return { met: [], explanation: 'no level reached' };
      const rank = system.levels.indexOf(input.level);
      if (rank < 0) throw new Error(`${ind.id}: "${input.level}" is not a level of ${system.id}`);
      // A qualitative level reached also satisfies every lower level.
      const met = system.levels.slice(rank);
      return { met, explanation: `assessed at level ${input.level}` };
    }
    case 'value': {
      if (ind.direction === 'qualitative' || ind.unit === undefined)
        throw new Error(`${ind.id} is qualitative: give a level, not a value`);
      const x = valueIn(input.value, ind.unit);
      const cmp = ind.direction === 'lower-better' ? '≤' : '≥';
      const met: string[] = [];
      const parts: string[] = [];
      for (const level of system.levels) {
        const t = ind.thresholds[level];
        if (!t) continue;
        const v = valueIn(t.value, ind.unit);
        const ok = ind.direction === 'lower-better' ? x <= v : x >= v;
        if (ok) met.push(level);
        parts.push(`${level}: ${x} ${ok ? cmp : 'not ' + cmp} ${v}`);
      }
      return { met, explanation: `${ind.unit}; ${parts.join('; ')}` };
    }
  }
}
