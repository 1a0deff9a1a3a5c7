import { compatible } from '@carbonbase/quantity';
import { factorRef, type FactorRecord } from '@carbonbase/factors';
import type { SourceRef } from '../provenance.js';
import type { GradedLimitSystem, SourcedQuantity } from './schema.js';

/** Finds the factor record holding one grade's threshold of one indicator. */
export type ThresholdLocator = (
  records: readonly FactorRecord[],
  indicator: string,
  grade: string,
) => FactorRecord | undefined;

/**
 * The convention of the bundled threshold sets: `code` is the indicator id and `parameter` is
 * `grade-<id>`. Pass another locator when a set is laid out differently.
 */
export const byCodeAndGrade: ThresholdLocator = (records, indicator, grade) =>
  records.find(
    (r) => r.kind === 'threshold' && r.code === indicator && r.parameter === `grade-${grade}`,
  );

export interface ThresholdOverlay {
  readonly system: GradedLimitSystem;
  /** `indicator@grade ← id@version` for every threshold taken from the factor base. */
  readonly replaced: readonly string[];
  /** `indicator@grade` kept from the system file because no record was found. */
  readonly kept: readonly string[];
}

/**
 * Puts threshold values from the factor base (kind `threshold`) into a graded system, so that
 * grading uses the same numbers, versions and verification marks as the rest of carbonbase. The
 * system file still supplies the structure (grades, directions, corrections).
 */
export function withFactorThresholds(
  system: GradedLimitSystem,
  records: readonly FactorRecord[],
  locate: ThresholdLocator = byCodeAndGrade,
): ThresholdOverlay {
  const replaced: string[] = [];
  const kept: string[] = [];
  const sources = new Map<string, SourceRef>(system.sources.map((s) => [s.id, s]));
  const indicators = system.indicators.map((ind) => {
    const thresholds: Record<string, SourcedQuantity> = {};
    for (const grade of system.grades) {
      const own = ind.thresholds[grade];
      const rec = locate(records, ind.id, grade);
      if (!rec) {
        kept.push(`${ind.id}@${grade}`);
        if (own) thresholds[grade] = own;
        continue;
      }
      if (!compatible(rec.value.unit, ind.unit))
        throw new Error(
          `${factorRef(rec)}: ${rec.value.unit} does not fit ${ind.id} (${ind.unit})`,
        );
      const sourceId = `factor:${factorRef(rec)}`;
      sources.set(sourceId, {
        id: sourceId,
        title: `${rec.source.document} (factor ${factorRef(rec)})`,
        ...(rec.source.clause !== undefined && { clause: rec.source.clause }),
        ...(rec.source.url !== undefined && { url: rec.source.url }),
      });
      thresholds[grade] = { value: rec.value, mark: rec.verification, source: sourceId };
      replaced.push(`${ind.id}@${grade} ← ${factorRef(rec)}`);
    }
    return { ...ind, thresholds };
  });
  return { system: { ...system, indicators, sources: [...sources.values()] }, replaced, kept };
}
