import { describe, expect, it } from 'vitest';
import { parseQuantity as q, valueIn } from '@carbonbase/quantity';
import {
  comprehensiveEnergy,
  evaluateGraded,
  MissingConditionError,
  parseIndicatorSystem,
  withFactorThresholds,
  type GradedLimitSystem,
  type GradedOutcome,
} from '../src/index.js';
import type { FactorRecord } from '@carbonbase/factors';
import { readJson } from './data.js';

const system = parseIndicatorSystem(
  readJson('data/indicator-systems/cn-gb16780-2021-cement.json'),
) as GradedLimitSystem;

const thresholds = (o: GradedOutcome | undefined) =>
  (o?.thresholds ?? []).map((t) => valueIn(t.adjusted, 'kgce/t'));

describe('GB 16780-2021 data', () => {
  it('holds the table of methods.md §4.1 (grades 1/2/3)', () => {
    // Typed from methods.md §4.1, not from the data file.
    const table: Record<string, [number, number, number]> = {
      'cement.comprehensive-energy': [80, 87, 94],
      'clinker.comprehensive-energy': [100, 107, 117],
      'clinker.comprehensive-electricity': [48, 57, 61],
      'clinker.comprehensive-coal': [94, 100, 109],
      'cement-preparation.electricity': [26, 29, 34],
    };
    expect(system.kind).toBe('graded-limit');
    for (const [id, values] of Object.entries(table)) {
      const ind = system.indicators.find((i) => i.id === id);
      expect(ind, id).toBeDefined();
      expect(['1', '2', '3'].map((g) => ind!.thresholds[g]!.value.value)).toEqual(values);
      expect(ind!.thresholds['1']!.mark).toBe('secondary');
    }
  });
});

describe('A6 — GB 16780-2021 grading', () => {
  it('clinker: coal 95 + 50 kWh × 0.1229 = 101.1 kgce/t → grade 2; coal and electricity grade 2', () => {
    const total = comprehensiveEnergy(q('95 kgce/t'), q('50 kWh/t'), q('0.1229 kgce/kWh'));
    expect(valueIn(total, 'kgce/t')).toBeCloseTo(101.1, 1);
    const r = evaluateGraded(system, {
      'clinker.comprehensive-energy': total,
      'clinker.comprehensive-coal': q('95 kgce/t'),
      'clinker.comprehensive-electricity': q('50 kWh/t'),
    });
    // 101.1 ≤ 107 (grade 2) but > 100 (grade 1); 95 ≤ 100, > 94; 50 ≤ 57, > 48.
    expect(r.outcomes.map((o) => o.grade)).toEqual(['2', '2', '2']);
    expect(r.allWithinLimit).toBe(true);
    expect(r.outcomes[0]!.unverified).toBe(true);
    expect(r.outcomes[0]!.explanation).toContain('grade 2');
  });

  it('cement at 80 % clinker: thresholds 85.50 / 92.75 / 100.0; 90 kgce/t → grade 2', () => {
    const r = evaluateGraded(
      system,
      { 'cement.comprehensive-energy': q('90 kgce/t') },
      { clinkerRatio: q('80 %') },
    );
    const t = thresholds(r.outcomes[0]);
    expect(t[0]).toBeCloseTo(85.5, 6); // 80 + 5 × 1.10
    expect(t[1]).toBeCloseTo(92.75, 6); // 87 + 5 × 1.15
    expect(t[2]).toBeCloseTo(100.0, 6); // 94 + 5 × 1.20
    expect(r.outcomes[0]!.grade).toBe('2');
    expect(r.outcomes[0]!.thresholds[0]!.steps[0]).toContain('clinker-ratio');
  });

  it('cement at 65 % clinker: thresholds 69.00 / 75.50 / 82.00', () => {
    const r = evaluateGraded(
      system,
      { 'cement.comprehensive-energy': q('83 kgce/t') },
      { clinkerRatio: q('0.65 1') },
    );
    const t = thresholds(r.outcomes[0]);
    expect(t[0]).toBeCloseTo(69.0, 6); // 80 − 10 × 1.10
    expect(t[1]).toBeCloseTo(75.5, 6); // 87 − 10 × 1.15
    expect(t[2]).toBeCloseTo(82.0, 6); // 94 − 10 × 1.20
    // 83 > 82: above the corrected limit, although it would pass the uncorrected 94.
    expect(r.outcomes[0]!.grade).toBeNull();
    expect(r.outcomes[0]!.withinLimit).toBe(false);
    expect(r.allWithinLimit).toBe(false);
  });

  it('altitude: P = 80 000 Pa → K = 1.012, grade-3 clinker limit 117 × K = 118.5; grades 1–2 unchanged', () => {
    const r = evaluateGraded(
      system,
      { 'clinker.comprehensive-energy': q('118 kgce/t') },
      { siteAltitude: q('2000 m'), sitePressure: q('80 kPa') },
    );
    const t = thresholds(r.outcomes[0]);
    expect(t[0]).toBe(100);
    expect(t[1]).toBe(107);
    // K = 1.179 − 0.211 × 80000/101325 = 1.0124; 117 × 1.0124 = 118.45
    expect(t[2]).toBeCloseTo(118.45, 2);
    expect(Number(t[2]!.toPrecision(4))).toBe(118.5);
    expect(r.outcomes[0]!.thresholds[2]!.steps[0]).toContain('K = 1.179 − 0.211');
    // 118 meets the corrected limit; at sea level it fails 117.
    expect(r.outcomes[0]!.grade).toBe('3');
    const lowland = evaluateGraded(
      system,
      { 'clinker.comprehensive-energy': q('118 kgce/t') },
      { siteAltitude: q('200 m'), sitePressure: q('99 kPa') },
    );
    expect(lowland.outcomes[0]!.grade).toBeNull();
  });

  it('says so when no altitude is given, and asks for the clinker ratio it cannot guess', () => {
    const r = evaluateGraded(system, { 'clinker.comprehensive-energy': q('101 kgce/t') });
    expect(r.notes.join()).toContain('siteAltitude');
    expect(() => evaluateGraded(system, { 'cement.comprehensive-energy': q('90 kgce/t') })).toThrow(
      MissingConditionError,
    );
  });

  it('the table is consistent: coal + 0.1229 × electricity ≈ comprehensive at each grade', () => {
    // methods.md A6: 99.90, 107.0, 116.5 against 100, 107, 117.
    const expected = [99.9, 107.0, 116.5];
    ['1', '2', '3'].forEach((g, k) => {
      const coal = system.indicators.find((i) => i.id === 'clinker.comprehensive-coal')!.thresholds[
        g
      ]!.value;
      const el = system.indicators.find((i) => i.id === 'clinker.comprehensive-electricity')!
        .thresholds[g]!.value;
      const total = comprehensiveEnergy(coal, el, q('0.1229 kgce/kWh'));
      expect(valueIn(total, 'kgce/t')).toBeCloseTo(expected[k]!, 1);
    });
  });
});

describe('thresholds from the factor base', () => {
  // Fixture records typed from methods.md §4.1 (clinker comprehensive energy 100/107/117); ids are
  // made up here so the test does not depend on the bundled set's ids.
  const record = (
    grade: string,
    value: number,
    verification: 'verified' | 'secondary',
  ): FactorRecord => ({
    id: `fixture/clinker-energy-${grade}`,
    kind: 'threshold',
    code: 'clinker.comprehensive-energy',
    parameter: `grade-${grade}`,
    name: `熟料综合能耗 ${grade}级`,
    nameEn: `clinker comprehensive energy grade ${grade}`,
    aliases: [],
    value: q(`${value} kgce/t`),
    region: 'CN',
    set: 'fixture',
    version: '1',
    source: { document: 'GB 16780-2021', clause: '表2' },
    licence: 'test',
    verification,
  });

  it('replaces thresholds, keeps the record marks and cites id@version', () => {
    const overlay = withFactorThresholds(system, [
      record('1', 100, 'verified'),
      record('2', 107, 'verified'),
      record('3', 117, 'secondary'),
    ]);
    expect(overlay.replaced).toContain(
      'clinker.comprehensive-energy@3 ← fixture/clinker-energy-3@1',
    );
    expect(overlay.kept).toContain('clinker.comprehensive-coal@1');
    const r = evaluateGraded(overlay.system, { 'clinker.comprehensive-energy': q('105 kgce/t') });
    expect(r.outcomes[0]!.grade).toBe('2');
    expect(r.outcomes[0]!.thresholds.map((t) => t.mark)).toEqual([
      'verified',
      'verified',
      'secondary',
    ]);
    const src = overlay.system.indicators.find((i) => i.id === 'clinker.comprehensive-energy')!
      .thresholds['1']!.source;
    expect(overlay.system.sources.find((s) => s.id === src)!.title).toContain(
      'fixture/clinker-energy-1@1',
    );
  });

  it('refuses a record whose unit does not fit the indicator', () => {
    const wrong = { ...record('1', 48, 'secondary'), value: q('48 kWh') };
    expect(() => withFactorThresholds(system, [wrong])).toThrow(/does not fit/);
  });
});
