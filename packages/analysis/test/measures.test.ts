import { beforeAll, describe, expect, it } from 'vitest';
import { parseQuantity as q, valueIn } from '@carbonbase/quantity';
import {
  DataFileError,
  instantiate,
  levelizedCost,
  loadHighsSolver,
  optimizePortfolio,
  parseMeasureLibrary,
  type Candidate,
  type MipSolver,
  type PortfolioPlan,
  type Site,
} from '../src/index.js';
import { readJson } from './data.js';

const cement = parseMeasureLibrary(readJson('data/measures/cement.json'), 'cement.json');
const general = parseMeasureLibrary(readJson('data/measures/general.json'), 'general.json');

const site: Site = {
  id: 'plant',
  drivers: {
    clinker: q('1000000 t/a'),
    'purchased-electricity': q('100000000 kWh/a'),
  },
  features: ['clinker-kiln', 'grid-connection'],
  prices: { electricity: q('0.6 CNY/kWh'), fuel: q('1.2 CNY/kgce') },
  // 0.5306 tCO2/MWh: 2023 national grid factor (methods.md A5); 2.6 tCO2/tce: a test input.
  factors: { electricity: q('0.5306 tCO2/MWh'), fuel: q('2.6 tCO2/tce') },
};

const fixtureLibrary = {
  formatVersion: 1,
  id: 'fixture',
  name: '测试',
  nameEn: 'fixture',
  sources: [{ id: 'hand', title: 'test values' }],
  measures: [
    {
      id: 'whr',
      name: '余热发电',
      nameEn: 'WHR',
      sector: 'cement',
      category: 'energy-efficiency',
      driver: { id: 'clinker', unit: 't/a', description: 'clinker' },
      capex: { value: '45 CNY·a/t', mark: 'example', source: 'hand' },
      opex: { value: '2 CNY/t', mark: 'example', source: 'hand' },
      lifetime: { value: '20 a', mark: 'example', source: 'hand' },
      effects: [{ target: 'electricity', value: '-30 kWh/t', mark: 'example', source: 'hand' }],
      applicability: { requires: ['clinker-kiln'], notIf: ['whr-installed'] },
      excludes: [],
    },
    {
      id: 'kiln',
      name: '烧成改造',
      nameEn: 'kiln',
      sector: 'cement',
      category: 'energy-efficiency',
      driver: { id: 'clinker', unit: 't/a', description: 'clinker' },
      capex: { value: '10 CNY·a/t', mark: 'example', source: 'hand' },
      opex: { value: '0 CNY/t', mark: 'example', source: 'hand' },
      lifetime: { value: '20 a', mark: 'example', source: 'hand' },
      effects: [
        { target: 'fuel', value: '-5 kgce/t', mark: 'example', source: 'hand' },
        { target: 'NOx', value: '-0.1 kg/t', mark: 'example', source: 'hand' },
      ],
      applicability: { requires: ['clinker-kiln'], notIf: [] },
      excludes: [],
    },
    {
      id: 'green',
      name: '绿电',
      nameEn: 'green power',
      sector: 'cement',
      category: 'renewable-electricity',
      driver: { id: 'purchased-electricity', unit: 'kWh/a', description: 'grid purchase' },
      capex: { value: '0 CNY·a/kWh', mark: 'example', source: 'hand' },
      opex: { value: '0.04 CNY/kWh', mark: 'example', source: 'hand' },
      lifetime: { value: '1 a', mark: 'example', source: 'hand' },
      effects: [
        {
          target: 'electricity',
          value: '-1 kWh/kWh',
          priced: false,
          mark: 'example',
          source: 'hand',
        },
      ],
      applicability: { requires: ['grid-connection'], notIf: [] },
      excludes: [],
    },
  ],
};

const sized = (id: string, s: Site = site): Candidate => {
  const lib = parseMeasureLibrary(fixtureLibrary);
  const a = instantiate(
    lib.measures.find((m) => m.id === id)!,
    s,
  );
  if (!a.applicable) throw new Error(a.reason);
  return a.candidate;
};

describe('measure instantiation (hand-worked)', () => {
  it('waste-heat power for 1 Mt clinker/a', () => {
    const c = sized('whr');
    // capex 45 × 1e6 = 45 000 000 CNY; O&M 2 × 1e6 = 2 000 000 CNY/a
    expect(valueIn(c.capex, 'CNY')).toBe(45_000_000);
    expect(valueIn(c.opex, 'CNY/a')).toBe(2_000_000);
    // −30 kWh/t × 1e6 t = −30 000 MWh/a; × 0.6 CNY/kWh = −18 000 000 CNY/a
    expect(valueIn(c.electricity, 'MWh/a')).toBeCloseTo(-30_000, 6);
    expect(valueIn(c.energyCost, 'CNY/a')).toBeCloseTo(-18_000_000, 3);
    // 30 000 MWh × 0.5306 = 15 918 tCO2/a
    expect(valueIn(c.abatement, 'tCO2/a')).toBeCloseTo(15_918, 6);
    // CRF(8 %, 20 a) = 0.08 × 4.660957 / 3.660957 = 0.101852
    // (45e6 × 0.101852 + 2e6 − 18e6) / 15 918 = −11 416 660 / 15 918 = −717.2 CNY/t
    expect(valueIn(levelizedCost(c, q('8 %')), 'CNY/tCO2')).toBeCloseTo(-717.2, 1);
  });

  it('fuel savings and pollutants', () => {
    const c = sized('kiln');
    // −5 kgce/t × 1e6 t = −5000 tce/a; × 2.6 tCO2/tce = 13 000 tCO2/a; NOx −0.1 kg/t → −100 t/a
    expect(valueIn(c.fuel, 'tce/a')).toBeCloseTo(-5000, 9);
    expect(valueIn(c.abatement, 'tCO2/a')).toBeCloseTo(13_000, 6);
    expect(valueIn(c.pollutants.NOx, 't/a')).toBeCloseTo(-100, 9);
  });

  it('green power: grid emissions go, the electricity is still paid (premium only)', () => {
    const c = sized('green');
    // 1e8 kWh × 0.5306 kg/kWh = 53 060 t; cost 0.04 × 1e8 = 4 000 000 CNY/a → 75.39 CNY/t
    expect(valueIn(c.energyCost, 'CNY/a')).toBe(0);
    expect(valueIn(c.abatement, 'tCO2/a')).toBeCloseTo(53_060, 6);
    expect(valueIn(levelizedCost(c, q('8 %')), 'CNY/tCO2')).toBeCloseTo(75.39, 2);
  });

  it('says why a measure does not apply', () => {
    const lib = parseMeasureLibrary(fixtureLibrary);
    const whr = lib.measures.find((m) => m.id === 'whr')!;
    const done = instantiate(whr, { ...site, features: [...site.features, 'whr-installed'] });
    expect(done).toMatchObject({ applicable: false, reason: 'site already has whr-installed' });
    const grinding = instantiate(whr, { ...site, features: [] });
    expect(grinding).toMatchObject({ applicable: false, reason: 'site lacks clinker-kiln' });
  });

  it('refuses a library with units that do not fit the driver, or one-sided exclusions', () => {
    const bad = structuredClone(fixtureLibrary);
    bad.measures[0]!.effects[0]!.value = '-30 kWh/kWh';
    expect(() => parseMeasureLibrary(bad)).toThrow(DataFileError);
    const oneSided = structuredClone(fixtureLibrary) as unknown as {
      measures: { excludes: unknown[] }[];
    };
    oneSided.measures[0]!.excludes.push({ measure: 'kiln', reason: 'test' });
    expect(() => parseMeasureLibrary(oneSided)).toThrow(/does not exclude it back/);
  });
});

describe('bundled measure libraries', () => {
  it('cover the measures issue 7 names, each value with a mark and a source', () => {
    const ids = cement.measures.map((m) => m.id);
    for (const id of [
      'whr-power',
      'raw-vrm',
      'finish-grinding-roller-press',
      'cooler-upgrade',
      'kiln-system-overhaul',
      'alternative-fuels',
      'clinker-substitution',
      'onsite-pv',
      'green-electricity',
      'ccus-post-combustion',
    ])
      expect(ids).toContain(id);
    expect(general.measures.map((m) => m.id).sort()).toEqual([
      'boiler-upgrade',
      'heat-pump',
      'led-lighting',
      'motor-systems',
    ]);
    for (const m of [...cement.measures, ...general.measures])
      for (const v of [m.capex, m.opex, m.lifetime, ...m.effects]) {
        expect(['verified', 'secondary', 'recalled']).toContain(v.mark);
        expect(v.source).not.toBe('');
      }
  });
});

describe('park-wide optimization', () => {
  let solve: MipSolver;
  beforeAll(async () => {
    solve = await loadHighsSolver();
  });

  it('12 enterprises, ≥ 40 candidates from the bundled libraries: a 20 % cut under a budget', () => {
    const candidates: Candidate[] = [];
    let baseline = 0;
    for (let k = 0; k < 12; k++) {
      const clinker = 600_000 + 100_000 * k;
      const s: Site = {
        id: `e${k + 1}`,
        drivers: {
          clinker: q(`${clinker} t/a`),
          cement: q(`${clinker * 1.3} t/a`),
          'purchased-electricity': q(`${clinker * 80} kWh/a`),
          'pv-generation': q('5000000 kWh/a'),
          'motor-electricity': q(`${clinker * 20} kWh/a`),
          'lighting-electricity': q('500000 kWh/a'),
        },
        features: [
          'clinker-kiln',
          'cement-grinding',
          'cement-ball-mill',
          'grid-connection',
          'pv-area',
          'motors',
          'lighting',
          ...(k % 2 === 0 ? ['raw-ball-mill', 'scm-supply'] : ['af-supply', 'whr-installed']),
          ...(k % 4 === 0 ? ['co2-sink-access'] : []),
        ],
        prices: { electricity: q('0.6 CNY/kWh'), fuel: q('1.2 CNY/kgce') },
        factors: { electricity: q('0.5306 tCO2/MWh'), fuel: q('2.6 tCO2/tce') },
      };
      // Baseline: ≈ 0.85 tCO2/t clinker (process + fuel) plus 80 kWh/t of grid electricity.
      baseline += clinker * (0.85 + 0.08 * 0.5306);
      for (const m of [...cement.measures, ...general.measures]) {
        const a = instantiate(m, s);
        if (a.applicable) candidates.push(a.candidate);
      }
    }
    expect(candidates.length).toBeGreaterThanOrEqual(40);
    const plan = optimizePortfolio(
      {
        candidates,
        target: { kind: 'relative', baseline: q(`${baseline} tCO2/a`), cut: q('20 %') },
        discountRate: q('8 %'),
        budget: q('500000 万CNY'),
      },
      solve,
    );
    expect(plan.status).toBe('optimal');
    const p = plan as PortfolioPlan;
    expect(valueIn(p.abatement, 'tCO2/a')).toBeGreaterThanOrEqual(0.2 * baseline - 1e-6);
    expect(valueIn(p.capex, 'CNY')).toBeLessThanOrEqual(5e9);
    // No two chosen candidates exclude each other.
    const chosen = candidates.filter((c) => p.chosen.includes(c.id));
    for (const c of chosen) for (const x of c.excludes) expect(p.chosen).not.toContain(x);
  });
});
