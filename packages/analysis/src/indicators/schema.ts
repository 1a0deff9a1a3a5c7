import type { Quantity } from '@carbonbase/quantity';
import type { Provenance, SourceRef } from '../provenance.js';

/**
 * Indicator systems as data (data/indicator-systems/*.json). The schema is described for authors
 * in docs/methods/analysis-indicator-systems.md; `parseIndicatorSystem` checks it.
 */

/** lower-better: met when value ≤ threshold; higher-better: value ≥ threshold; qualitative: the
 * assessor states the level reached (management indicators have no number). */
export type Direction = 'lower-better' | 'higher-better' | 'qualitative';
export const DIRECTIONS: readonly Direction[] = ['lower-better', 'higher-better', 'qualitative'];

/** A threshold with its own provenance: each number says where it comes from. */
export interface SourcedQuantity extends Provenance {
  readonly value: Quantity;
}

export interface SystemHeader {
  readonly formatVersion: 1;
  readonly id: string;
  readonly name: string;
  readonly nameEn: string;
  /** A template shows how a system works; its values are not official. */
  readonly template: boolean;
  /** Shown with every result: what is missing or unverified about this system. */
  readonly notice?: string;
  readonly sources: readonly SourceRef[];
}

// ---------------------------------------------------------------- graded limits (GB 16780 type)

export interface GradedIndicator {
  readonly id: string;
  readonly name: string;
  readonly nameEn: string;
  readonly unit: string;
  readonly direction: 'lower-better' | 'higher-better';
  /** Threshold per grade id. */
  readonly thresholds: Readonly<Record<string, SourcedQuantity>>;
}

/** T_g = T_g,base + (x − reference)/step × offset_g: GB 16780 clinker-ratio correction. */
export interface LinearOffsetCorrection extends Provenance {
  readonly id: string;
  readonly kind: 'linear-offset';
  /** Name of the site condition that drives it, e.g. `clinkerRatio`. */
  readonly input: string;
  readonly reference: Quantity;
  readonly step: Quantity;
  readonly offsets: Readonly<Record<string, SourcedQuantity>>;
  readonly indicators: readonly string[];
}

/** T_g × K with K = a − b·P/P0, only above an altitude: GB 16780 altitude correction. */
export interface PressureMultiplierCorrection extends Provenance {
  readonly id: string;
  readonly kind: 'pressure-multiplier';
  /** Site condition holding the atmospheric pressure, e.g. `sitePressure`. */
  readonly input: string;
  readonly a: number;
  readonly b: number;
  readonly referencePressure: Quantity;
  /** Applies only when `condition.input` exceeds `condition.above`. */
  readonly condition: { readonly input: string; readonly above: Quantity };
  readonly grades: readonly string[];
  readonly indicators: readonly string[];
}

export type Correction = LinearOffsetCorrection | PressureMultiplierCorrection;

export interface GradedLimitSystem extends SystemHeader {
  readonly kind: 'graded-limit';
  /** Grade ids, best first; the last is the mandatory limit. */
  readonly grades: readonly string[];
  readonly gradeRule: Provenance & { readonly text: string };
  readonly indicators: readonly GradedIndicator[];
  readonly corrections: readonly Correction[];
}

// -------------------------------------------------------- weighted levels (通则-type systems)

export interface LevelIndicator {
  readonly id: string;
  readonly name: string;
  readonly nameEn: string;
  readonly unit?: string;
  readonly direction: Direction;
  /** Second-level weight ω_ij within the group. */
  readonly weight: number;
  /** 限定性指标: must reach the level the level rule names. */
  readonly mandatory: boolean;
  /** Threshold per level id (absent for qualitative indicators). */
  readonly thresholds: Readonly<Record<string, SourcedQuantity>>;
}

export interface IndicatorGroup {
  readonly id: string;
  readonly name: string;
  readonly nameEn: string;
  /** First-level weight w_i. */
  readonly weight: number;
  readonly indicators: readonly LevelIndicator[];
}

export interface LevelRule extends Provenance {
  readonly level: string;
  /** Y_level must reach this score (0–100). */
  readonly minScore: number;
  /** Every mandatory indicator must meet this level; null when the rule has no such clause. */
  readonly mandatoryAtLevel: string | null;
}

export interface WeightedLevelSystem extends SystemHeader {
  readonly kind: 'weighted-levels';
  /** Level ids, best first (I, II, III). */
  readonly levels: readonly string[];
  readonly weights: Provenance;
  readonly groups: readonly IndicatorGroup[];
  readonly levelRules: readonly LevelRule[];
}

export type IndicatorSystem = GradedLimitSystem | WeightedLevelSystem;
