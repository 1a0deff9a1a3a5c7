import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  instantiate,
  parseMeasureLibrary,
  parsePriceTable,
  parseSiteAssumptions,
} from '@carbonbase/analysis';
import type { InventoryResult, LineResult } from '@carbonbase/engine';
import { quantity, valueIn } from '@carbonbase/quantity';
import { siteFromRun, type RunLine } from '../src/index.js';

const read = (f: string) =>
  JSON.parse(
    readFileSync(new URL(`../../../data/measures/${f}`, import.meta.url), 'utf8'),
  ) as unknown;
const data = {
  prices: parsePriceTable(read('prices.json')),
  assumptions: parseSiteAssumptions(read('site-assumptions.json')),
};
const cement = parseMeasureLibrary(read('cement.json'));

/** A run line with only what siteFromRun reads: kind, facility, CO2, energy and the amount. */
function line(
  id: string,
  kind: string,
  o: { facility?: string; amount?: [number, string]; tce?: number; co2?: number },
): LineResult {
  return {
    id,
    kind,
    gas: 'CO2',
    ...(o.facility && { facility: o.facility }),
    ...(o.co2 !== undefined && { gasMass: quantity(o.co2, 'tCO2') }),
    ...(o.tce !== undefined && { energy: { calorific: quantity(o.tce, 'tce') } }),
    explanation: {
      inputs: o.amount
        ? [{ name: 'amount', field: 'amount', value: quantity(o.amount[0], o.amount[1]) }]
        : [],
    },
  } as unknown as LineResult;
}

const run = (lines: LineResult[], total: number): InventoryResult =>
  ({ lines, total: quantity(total, 'tCO2e'), intensities: [] }) as unknown as InventoryResult;

/**
 * A cement plant worked by hand:
 *   clinker 200 000 t on line-1; kiln coal 20 000 tce (52 000 tCO2); vehicle diesel 100 tce (216 tCO2)
 *   electricity bought 16 000 MWh (8 489.6 tCO2 → 0.5306 tCO2/MWh), waste-heat power 6 000 MWh
 *   use = 22 000 MWh = 110 kWh/t clinker > 70 → cement ground on site; cement = 200 000 / 74.5 %
 *   kiln heat = 20 000 tce × 29.3076 GJ/tce / 200 000 t = 2.93 GJ/t ≤ 3.0 → modern kiln
 *   fuel factor = (52 000 + 216) / 20 100 = 2.59781 tCO2/tce
 *   fuel price = (20 000 × 1.15 + 100 × 5.4) / 20 100 = 1.171144 CNY/kgce
 *   motors 80 % × 22e6 kWh = 17.6e6 kWh; lighting 1 % = 0.22e6; PV 2 % = 0.44e6
 */
const cementLines = [
  line('clinker-line-1.m01', 'clinker', { facility: 'line-1', amount: [100_000, 't'] }),
  line('clinker-line-1.m02', 'clinker', { facility: 'line-1', amount: [100_000, 't'] }),
  line('coal-line-1.m01', 'fuel-combustion', {
    facility: 'line-1',
    amount: [25_000, 't'],
    tce: 20_000,
    co2: 52_000,
  }),
  line('diesel.m01', 'fuel-combustion', { amount: [68.6, 't'], tce: 100, co2: 216 }),
  line('power.m01', 'electricity-purchased', { amount: [16_000, 'MWh'], co2: 8_489.6 }),
  line('whr-line-1.m01', 'electricity-generated', { facility: 'line-1', amount: [6_000, 'MWh'] }),
];
const cementInputs: RunLine[] = [
  { id: 'coal-line-1.m01', kind: 'fuel-combustion', fuel: 'bituminous-coal' },
  { id: 'diesel.m01', kind: 'fuel-combustion', fuel: 'diesel' },
  { id: 'whr-line-1.m01', kind: 'electricity-generated', source: 'waste-heat' },
];
const cementPlant = {
  enterprise: {
    code: 'CEM',
    name: '水泥',
    industry: '水泥熟料生产 cement clinker production (C3011)',
  },
  result: run(cementLines, 280_000),
  lines: cementInputs,
};

describe('siteFromRun', () => {
  it('builds a cement site from the run by hand', () => {
    const s = siteFromRun(cementPlant, data);
    const d = s.site.drivers;
    expect(valueIn(d.clinker!, 't/a')).toBe(200_000);
    expect(valueIn(d.cement!, 't/a')).toBeCloseTo(200_000 / 0.745, 6);
    expect(valueIn(d['purchased-electricity']!, 'kWh/a')).toBeCloseTo(16e6, 3);
    expect(valueIn(d['motor-electricity']!, 'kWh/a')).toBeCloseTo(17.6e6, 3);
    expect(valueIn(d['lighting-electricity']!, 'kWh/a')).toBeCloseTo(0.22e6, 3);
    expect(valueIn(d['pv-generation']!, 'kWh/a')).toBeCloseTo(0.44e6, 3);
    expect(d['process-heat']).toBeUndefined();
    expect(s.site.features).toEqual([
      'cement-ball-mill',
      'cement-grinding',
      'clinker-kiln',
      'grid-connection',
      'lighting',
      'modern-cooler',
      'motors',
      'pv-area',
      'raw-ball-mill',
      'scm-supply',
      'six-stage-preheater',
      'whr-installed',
    ]);
    expect(valueIn(s.site.factors.electricity, 'tCO2/MWh')).toBeCloseTo(0.5306, 9);
    expect(valueIn(s.site.factors.fuel, 'tCO2/tce')).toBeCloseTo(52_216 / 20_100, 9);
    expect(valueIn(s.site.prices.fuel, 'CNY/kgce')).toBeCloseTo(23_540 / 20_100, 9);
    expect(valueIn(s.site.prices.electricity, 'CNY/kWh')).toBe(0.62);
    expect(valueIn(s.baseline, 'tCO2e/a')).toBe(280_000);
    // the weakest assumption used: the cement profile and the kiln-heat threshold are recalled
    expect(s.mark).toBe('recalled');
    const grinding = s.derivations.find((x) => x.item === 'feature:cement-grinding')!;
    expect(grinding.basis).toContain('110');
    expect(grinding.source).toBe('gnr-2014');
  });

  it('leaves waste-heat power out where it is installed, and offers the cooler to an old kiln', () => {
    const whr = cement.measures.find((m) => m.id === 'whr-power')!;
    const modern = siteFromRun(cementPlant, data);
    expect(instantiate(whr, modern.site)).toMatchObject({
      applicable: false,
      reason: 'site already has whr-installed',
    });
    // 22 000 tce × 29.3076 / 200 000 t = 3.22 GJ/t > 3.0: no modern cooler assumed
    const old = siteFromRun(
      {
        ...cementPlant,
        result: run(
          cementLines.map((l) =>
            l.id === 'coal-line-1.m01'
              ? line(l.id, 'fuel-combustion', {
                  facility: 'line-1',
                  amount: [27_500, 't'],
                  tce: 22_000,
                  co2: 57_200,
                })
              : l,
          ),
          285_000,
        ),
      },
      data,
    );
    expect(old.site.features).not.toContain('modern-cooler');
    expect(old.derivations.find((x) => x.item === 'kiln-heat')!.value).toBe('3.22 GJ/t');
    const cooler = cement.measures.find((m) => m.id === 'cooler-upgrade')!;
    expect(instantiate(cooler, old.site).applicable).toBe(true);
  });

  it('sizes boiler heat for general industry and takes prices from the request', () => {
    // gas 1 000 tce in boilers (electronics: all stationary fuel, 85 % efficiency):
    //   1 000 × 29.3076 × 100 % × 85 % = 24 911.46 GJ/a; the diesel generator is left out
    const s = siteFromRun(
      {
        enterprise: { code: 'ELE', name: '电子', industry: '印制电路板制造 (C3982)' },
        result: run(
          [
            line('gas.m01', 'fuel-combustion', { amount: [75, '万Nm3'], tce: 1_000, co2: 1_640 }),
            line('diesel.m01', 'fuel-combustion', { amount: [6.9, 't'], tce: 10, co2: 21.6 }),
            line('power.m01', 'electricity-purchased', { amount: [1_000, 'MWh'], co2: 404.4 }),
          ],
          2_066,
        ),
        lines: [
          { id: 'gas.m01', kind: 'fuel-combustion', fuel: 'natural-gas' },
          { id: 'diesel.m01', kind: 'fuel-combustion', fuel: 'diesel' },
        ],
      },
      data,
      { electricity: quantity(0.8, 'CNY/kWh'), fuel: quantity(3, 'CNY/kgce') },
    );
    expect(valueIn(s.site.drivers['process-heat']!, 'GJ/a')).toBeCloseTo(24_911.46, 6);
    expect(s.site.features).toContain('boiler');
    expect(s.site.features).toContain('low-temperature-heat-demand');
    expect(valueIn(s.site.drivers['motor-electricity']!, 'kWh/a')).toBeCloseTo(550_000, 6);
    expect(s.site.prices).toEqual({
      electricity: quantity(0.8, 'CNY/kWh'),
      fuel: quantity(3, 'CNY/kgce'),
    });
    expect(s.derivations.find((x) => x.item === 'price:fuel')!.basis).toContain(
      'given in the request',
    );
  });
});
