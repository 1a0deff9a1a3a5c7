import type { GetOk, PostOk } from '../../api/client.js';

export type IndicatorSystem = GetOk<'/api/v1/indicator-systems'>['items'][number];
export type SystemIndicator = IndicatorSystem['indicators'][number];
export type Evaluation = PostOk<'/api/v1/evaluations'>;
export type WeightedEvaluation = Extract<Evaluation, { kind: 'weighted-levels' }>;
export type NeutralityEvaluation = Extract<Evaluation, { kind: 'neutrality-check' }>;
export type GradedEvaluation = Extract<Evaluation, { kind: 'graded-limit' }>;

/** What the user enters for one indicator. */
export interface IndicatorEntry {
  readonly value?: number | null;
  /** A level id, or '' for "none reached". */
  readonly level?: string;
  readonly notApplicable?: boolean;
}
