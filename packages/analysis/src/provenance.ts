import type { Verification } from '@carbonbase/factors';

/**
 * How far a value in an indicator system or measure library can be trusted. The three marks of
 * shared/methods.md (V, V-sec, R) plus `example`: a value made up to show how a template works,
 * which must never be read as an official number.
 */
export type Mark = Verification | 'example';
export const MARKS: readonly Mark[] = ['verified', 'secondary', 'recalled', 'example'];

/** One publication a data file cites; values point to it by `id`. */
export interface SourceRef {
  readonly id: string;
  readonly title: string;
  readonly url?: string;
  readonly clause?: string;
  readonly publisher?: string;
  readonly year?: number;
  readonly notes?: string;
}

/** Where a single value comes from and how sure we are of it. */
export interface Provenance {
  readonly mark: Mark;
  /** Id of a SourceRef in the same file. */
  readonly source: string;
  readonly note?: string;
}

/** True when a value may be shown as established (seen in an official or reputable source). */
export function isVerified(p: Provenance): boolean {
  return p.mark === 'verified';
}

/** Marks from strongest to weakest. */
const MARK_ORDER: readonly Mark[] = ['verified', 'secondary', 'recalled', 'example'];

/** The weakest of some marks (`verified` for none): a result is only as sure as its least sure input. */
export function weakestMark(marks: Iterable<Mark>): Mark {
  let w: Mark = 'verified';
  for (const m of marks) if (MARK_ORDER.indexOf(m) > MARK_ORDER.indexOf(w)) w = m;
  return w;
}
