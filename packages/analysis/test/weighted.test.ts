import { describe, expect, it } from 'vitest';
import { parseQuantity as q } from '@carbonbase/quantity';
import {
  DataFileError,
  MissingInputError,
  parseIndicatorSystem,
  scoreWeightedLevels,
  type LevelInput,
  type WeightedLevelSystem,
} from '../src/index.js';
import { readJson } from './data.js';

const t = (v: string) => ({ value: v, mark: 'example', source: 'hand' });

/**
 * A small 通则-type system worked by hand below. Group A (w = 0.6): a1 energy (ω 0.2, 限定性),
 * a2 reuse (ω 0.5), a3 management (ω 0.3, qualitative). Group B (w = 0.4): b1 NOx (ω 1, 限定性).
 */
const fixture = {
  formatVersion: 1,
  id: 'hand-worked',
  kind: 'weighted-levels',
  name: '手算示例',
  nameEn: 'hand-worked example',
  sources: [{ id: 'hand', title: 'worked by hand in this test' }],
  levels: ['I', 'II', 'III'],
  weights: { mark: 'example', source: 'hand' },
  groups: [
    {
      id: 'A',
      name: '甲',
      nameEn: 'A',
      weight: 0.6,
      indicators: [
        {
          id: 'a1',
          name: '能耗',
          nameEn: 'energy',
          unit: 'kgce/t',
          direction: 'lower-better',
          weight: 0.2,
          mandatory: true,
          thresholds: { I: t('100 kgce/t'), II: t('110 kgce/t'), III: t('120 kgce/t') },
        },
        {
          id: 'a2',
          name: '利用率',
          nameEn: 'reuse',
          unit: '%',
          direction: 'higher-better',
          weight: 0.5,
          mandatory: false,
          thresholds: { I: t('30 %'), II: t('20 %'), III: t('10 %') },
        },
        {
          id: 'a3',
          name: '管理',
          nameEn: 'management',
          direction: 'qualitative',
          weight: 0.3,
          mandatory: false,
        },
      ],
    },
    {
      id: 'B',
      name: '乙',
      nameEn: 'B',
      weight: 0.4,
      indicators: [
        {
          id: 'b1',
          name: 'NOx',
          nameEn: 'NOx',
          unit: 'kg/t',
          direction: 'lower-better',
          weight: 1,
          mandatory: true,
          thresholds: { I: t('0.5 kg/t'), II: t('0.8 kg/t'), III: t('1.2 kg/t') },
        },
      ],
    },
  ],
  levelRules: [
    { level: 'I', minScore: 85, mandatoryAtLevel: 'I', mark: 'recalled', source: 'hand' },
    { level: 'II', minScore: 85, mandatoryAtLevel: 'II', mark: 'recalled', source: 'hand' },
    { level: 'III', minScore: 100, mandatoryAtLevel: 'III', mark: 'recalled', source: 'hand' },
  ],
};
const system = parseIndicatorSystem(fixture) as WeightedLevelSystem;
const value = (v: string): LevelInput => ({ kind: 'value', value: q(v) });
const level = (l: string): LevelInput => ({ kind: 'level', level: l });
const base: Record<string, LevelInput> = {
  a1: value('105 kgce/t'), // meets II, III
  a2: value('35 %'), // meets I, II, III
  a3: level('II'), // II, III
  b1: value('0.7 kg/t'), // II, III
};
const score = (r: ReturnType<typeof scoreWeightedLevels>, l: string) =>
  r.levels.find((x) => x.level === l)!.score;

describe('通则-type weighted scoring', () => {
  it('scores a hand-worked case', () => {
    const r = scoreWeightedLevels(system, base);
    // Y_I = 100 × 0.6 × 0.5 = 30 (only a2 meets I)
    expect(score(r, 'I')).toBeCloseTo(30, 9);
    // Y_II = 100 × (0.6 × (0.2 + 0.5 + 0.3) + 0.4 × 1) = 100
    expect(score(r, 'II')).toBeCloseTo(100, 9);
    expect(score(r, 'III')).toBeCloseTo(100, 9);
    expect(r.level).toBe('II');
    expect(r.unverifiedRules).toHaveLength(3);
    expect(r.unverifiedThresholds).toContain('a1@I (example)');
  });

  it('a mandatory indicator below the level blocks it even with score ≥ 85', () => {
    const r = scoreWeightedLevels(system, { ...base, a3: level('I'), b1: value('0.4 kg/t') });
    // Y_I = 100 × (0.6 × (0.5 + 0.3) + 0.4 × 1) = 88 ≥ 85, but a1 = 105 misses level I (≤ 100)
    expect(score(r, 'I')).toBeCloseTo(88, 9);
    const one = r.levels.find((x) => x.level === 'I')!;
    expect(one.mandatoryMisses).toEqual(['a1']);
    expect(one.reached).toBe(false);
    expect(r.level).toBe('II');
  });

  it('falls to level III when Y_II < 85', () => {
    const r = scoreWeightedLevels(system, { ...base, b1: value('0.9 kg/t') });
    // b1 meets III only: Y_II = 100 × 0.6 = 60; Y_III = 100
    expect(score(r, 'II')).toBeCloseTo(60, 9);
    expect(r.level).toBe('III');
  });

  it('re-normalises second-level weights when an item does not apply', () => {
    const r = scoreWeightedLevels(system, {
      ...base,
      a3: { kind: 'not-applicable', reason: 'no such unit' },
    });
    // ω'_a1 = 0.2/0.7, ω'_a2 = 0.5/0.7; Y_I = 100 × 0.6 × 0.5/0.7 = 42.857
    expect(score(r, 'I')).toBeCloseTo(42.857142857, 6);
    const a2 = r.indicators.find((i) => i.indicator === 'a2')!;
    expect(a2.effectiveWeight).toBeCloseTo(0.6 * (0.5 / 0.7), 12);
  });

  it('gives a wholly inapplicable group’s weight to the others', () => {
    const r = scoreWeightedLevels(system, {
      ...base,
      b1: { kind: 'not-applicable', reason: 'no kiln' },
    });
    // Group A carries all weight: Y_I = 100 × 0.5 = 50
    expect(score(r, 'I')).toBeCloseTo(50, 9);
  });

  it('refuses missing inputs and bad weights', () => {
    expect(() => scoreWeightedLevels(system, { a1: base.a1! })).toThrow(MissingInputError);
    const bad = structuredClone(fixture);
    bad.groups[0]!.weight = 0.7;
    expect(() => parseIndicatorSystem(bad)).toThrow(/first-level weights sum to 1.1/);
    const badUnit = structuredClone(fixture);
    badUnit.groups[1]!.indicators[0]!.thresholds!.I = t('0.5 kWh/t');
    expect(() => parseIndicatorSystem(badUnit)).toThrow(DataFileError);
    // A malformed unit is reported with its path, not thrown from the unit parser.
    const malformed = structuredClone(fixture);
    malformed.groups[1]!.indicators[0]!.unit = 'kg/t/a';
    expect(() => parseIndicatorSystem(malformed)).toThrow(
      /groups\[1\]\.indicators\[0\]\.thresholds\.I\.value/,
    );
  });
});

describe('cleaner-production template', () => {
  it('loads, and its output says it is a template with unverified thresholds', () => {
    const tpl = parseIndicatorSystem(
      readJson('data/indicator-systems/template-cleaner-production-tongze.json'),
    ) as WeightedLevelSystem;
    expect(tpl.template).toBe(true);
    const inputs: Record<string, LevelInput> = {};
    for (const g of tpl.groups)
      for (const i of g.indicators)
        inputs[i.id] =
          i.direction === 'qualitative'
            ? level('I')
            : { kind: 'value', value: i.thresholds.I!.value };
    const r = scoreWeightedLevels(tpl, inputs);
    expect(r.template).toBe(true);
    expect(r.notice).toMatch(/not been obtained/);
    expect(r.level).toBe('I');
    expect(r.unverifiedThresholds.length).toBeGreaterThan(0);
    expect(r.unverifiedThresholds.every((s) => s.endsWith('(example)'))).toBe(true);
  });
});
