/**
 * The factor kinds and verification marks the filters and tags offer, in display order. The
 * lists live here because the web may import only types from @carbonbase/factors; the checks
 * below make the compiler fail when the factor model gains a kind or mark the web lacks.
 */
import type { FactorKind, Verification } from '@carbonbase/factors';

export const FACTOR_KINDS_SHOWN = [
  'fuel-property',
  'emission-factor',
  'process-factor',
  'raw-material-deduction',
  'grid',
  'heat',
  'gwp',
  'standard-coal',
  'spend',
  'threshold',
  'cbam',
] as const satisfies readonly FactorKind[];

export const VERIFICATIONS_SHOWN = [
  'verified',
  'secondary',
  'recalled',
] as const satisfies readonly Verification[];

type Covers<All, Shown> = [Exclude<All, Shown>] extends [never] ? true : false;
type Assert<T extends true> = T;
export type KindsCovered = Assert<Covers<FactorKind, (typeof FACTOR_KINDS_SHOWN)[number]>>;
export type VerificationsCovered = Assert<
  Covers<Verification, (typeof VERIFICATIONS_SHOWN)[number]>
>;

export function isFactorKind(value: string): value is FactorKind {
  return FACTOR_KINDS_SHOWN.some((k) => k === value);
}

export function isVerification(value: string): value is Verification {
  return VERIFICATIONS_SHOWN.some((v) => v === value);
}
