import { describe, expect, it } from 'vitest';
import { parseQuantity as q } from '@carbonbase/quantity';
import {
  parseIndicatorSystem,
  scoreWeightedLevels,
  type LevelInput,
  type WeightedLevelSystem,
} from '../src/index.js';
import { readJson } from './data.js';

const load = (file: string) =>
  parseIndicatorSystem(readJson(`data/indicator-systems/${file}`), file) as WeightedLevelSystem;
const value = (text: string): LevelInput => ({ kind: 'value', value: q(text) });
const level = (l: string | null): LevelInput => ({ kind: 'level', level: l });

describe('green factory (GB/T 36132—2025 structure, template values)', () => {
  const system = load('template-green-factory-gbt36132-2025.json');
  const inputs: Record<string, LevelInput> = {
    'basic.legal': level('baseline'),
    'basic.management': level('baseline'),
    'basic.metering': level('baseline'),
    'gf.energy-intensity': value('105 kgce/t'), // baseline (≤ 110), not leading (≤ 100)
    'gf.carbon-intensity': value('0.77 tCO2/t'), // 770 kg/t: both (≤ 780, ≤ 850)
    'gf.renewable-share': value('10 %'), // baseline (≥ 5), not leading (≥ 15)
    'gf.solid-waste-use': value('96 %'), // both
    'gf.water-reuse': value('90 %'), // baseline only
    'gf.nox-intensity': value('0.25 kg/t'), // both
    'gf.pm-intensity': value('0.04 kg/t'), // baseline only
    'gf.product-footprint': level('leading'),
    'gf.green-product-cert': level(null),
    'gf.plot-ratio': value('1.0 1'), // baseline only
    'gf.land-output': level('baseline'),
  };

  it('has the five 新五化 groups after the basic requirements, which carry no points', () => {
    expect(system.groups.map((g) => g.name)).toEqual([
      '基本要求（门槛，不计分）',
      '能源低碳化',
      '资源高效化',
      '生产洁净化',
      '产品绿色化',
      '用地集约化',
    ]);
    expect(system.groups[0]!.weight).toBe(0);
    expect(system.groups[0]!.indicators.every((i) => i.mandatory)).toBe(true);
    // The release says quantitative indicators carry up to 60 % of the weight.
    const quantitative = system.groups.reduce(
      (s, g) =>
        s +
        g.weight *
          g.indicators
            .filter((i) => i.direction !== 'qualitative')
            .reduce((t, i) => t + i.weight, 0),
      0,
    );
    // 0.25 + 0.15 + 0.15 + 0 + 0.2 × 0.25 = 0.60
    expect(quantitative).toBeCloseTo(0.6, 9);
  });

  it('worked case: Y_leading 37.5, Y_baseline 87.5 → baseline level; template and marks shown', () => {
    // Group weights 0.25 / 0.15 / 0.15 / 0.25 / 0.2.
    // Y_leading  = 0.25×0.4 (carbon) + 0.15×0.5 (waste) + 0.15×0.5 (NOx) + 0.25×0.5 (footprint)
    //            = 0.1 + 0.075 + 0.075 + 0.125 = 0.375
    // Y_baseline = 0.25 + 0.15 + 0.15 + 0.25×0.5 (no certification) + 0.2 (plot ratio, output)
    //            = 0.875
    const r = scoreWeightedLevels(system, inputs);
    expect(r.levels.map((l) => l.score)).toEqual([
      expect.closeTo(37.5, 9),
      expect.closeTo(87.5, 9),
    ]);
    expect(r.level).toBe('baseline');
    expect(r.template).toBe(true);
    expect(r.notice).toMatch(/不得以本文件评价企业/);
    expect(r.weightsMark).toBe('example');
    expect(r.unverifiedThresholds).toContain('gf.energy-intensity@leading (example)');
    expect(r.unverifiedRules).toEqual([
      'level leading rule (example)',
      'level baseline rule (example)',
    ]);
  });

  it('a failed basic requirement blocks every level whatever the score', () => {
    const r = scoreWeightedLevels(system, { ...inputs, 'basic.legal': level(null) });
    expect(r.levels.map((l) => l.mandatoryMisses)).toEqual([['basic.legal'], ['basic.legal']]);
    expect(r.level).toBeNull();
    expect(r.levels[1]!.score).toBeCloseTo(87.5, 9);
  });
});

describe('green industrial park (MIIT 2016 structure, template values)', () => {
  const system = load('template-green-park-miit-2016.json');
  const inputs: Record<string, LevelInput> = {
    'gp.basic.compliance': level('leading'),
    'gp.basic.targets': level('leading'),
    'gp.energy-productivity': value('3.5 万CNY/tce'), // ≥ 3: met
    'gp.renewable-share': { kind: 'not-applicable', reason: 'optional indicator not chosen' },
    'gp.clean-energy-share': value('70 %'), // < 75
    'gp.water-productivity': value('1600 CNY/m3'), // met
    'gp.solid-waste-use': value('96 %'), // met
    'gp.water-reuse': value('85 %'), // < 90
    'gp.wastewater-treatment': value('100 %'), // met
    'gp.green-buildings': value('20 %'), // < 30
    'gp.high-tech-share': value('35 %'), // met
    'gp.green-factories': value('25 %'), // met
    'gp.so2-intensity': value('0.2 kg/万CNY'), // met
    'gp.nox-intensity': value('0.6 kg/万CNY'), // > 0.5
    'gp.co2-intensity': value('0.5 tCO2/万CNY'), // met
    'gp.energy-platform': level('leading'),
    'gp.disclosure': level(null),
  };

  it('six groups; worked case with an optional indicator not chosen', () => {
    expect(system.groups.map((g) => g.id)).toEqual(['basic', 'EG', 'RG', 'IF', 'IG', 'EN', 'MA']);
    // EG re-normalised without renewables: productivity 0.4/0.7 → 0.2 × 0.4/0.7 = 0.1142857
    // RG 0.2 × (0.3 + 0.4) = 0.14; IF 0.15 × 0.5 = 0.075; IG 0.15; EN 0.2 × (0.25 + 0.5) = 0.15;
    // MA 0.1 × 0.5 = 0.05. Sum 0.6792857 → 67.93 < 80.
    const r = scoreWeightedLevels(system, inputs);
    expect(r.levels[0]!.score).toBeCloseTo(
      100 * (0.2 * (0.4 / 0.7) + 0.14 + 0.075 + 0.15 + 0.15 + 0.05),
      9,
    );
    expect(r.levels[0]!.score).toBeCloseTo(67.93, 2);
    expect(r.level).toBeNull();
    expect(r.template).toBe(true);
    expect(r.unverifiedThresholds).not.toContain('gp.renewable-share@leading (example)');
    expect(r.unverifiedThresholds).toContain('gp.energy-productivity@leading (example)');
  });
});
