import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { quantity, parseQuantity as q, valueIn } from '@carbonbase/quantity';
import {
  classifySynergy,
  measureCoBenefit,
  metricValue,
  periodChanges,
  rankEnterprises,
  rollUp,
  synergyOfChange,
  type EnterpriseRecord,
} from '../src/index.js';
import { candidate } from './candidates.js';

const year = { year: 2024 };

describe('intensity and energy per product', () => {
  const r: EnterpriseRecord = {
    enterprise: 'c1',
    period: year,
    production: q('1000000 t'),
    energy: q('110000 tce'),
    direct: q('800000 tCO2e'),
    purchases: [{ electricity: q('80000 MWh'), emissions: q('42448 tCO2e') }],
  };

  it('energy intensity 110 000 tce / 1 000 000 t = 110 kgce/t', () => {
    const v = metricValue(r, 'energy-intensity', 'kgce/t');
    expect(v.ok && valueIn(v.value, 'kgce/t')).toBeCloseTo(110, 9);
  });

  it('carbon intensity (direct + indirect): (800 000 + 42 448) / 1 000 000 = 0.842448 tCO2e/t', () => {
    // 80 000 MWh × 0.5306 tCO2/MWh = 42 448 t
    const v = metricValue(r, 'carbon-intensity', 'kgCO2e/t');
    expect(v.ok && v.value.value).toBeCloseTo(842.448, 9);
    const d = metricValue(r, 'direct-intensity', 'tCO2e/t');
    expect(d.ok && d.value.value).toBeCloseTo(0.8, 12);
  });

  it('missing and zero production are reasons, not numbers', () => {
    const noOutput = metricValue({ ...r, production: undefined }, 'energy-intensity', 'kgce/t');
    expect(noOutput).toEqual({ ok: false, reason: expect.stringContaining('production') });
    const zero = metricValue({ ...r, production: q('0 t') }, 'carbon-intensity', 'tCO2e/t');
    expect(zero.ok).toBe(false);
    expect(!zero.ok && zero.reason).toMatch(/产量为零/);
    expect(metricValue({ ...r, purchases: undefined }, 'emissions', 'tCO2e').ok).toBe(false);
  });
});

describe('year-on-year and month-on-month change', () => {
  const month = (y: number, m: number, tce: number, t: number): EnterpriseRecord => ({
    enterprise: 'c1',
    period: { year: y, month: m },
    energy: quantity(tce, 'tce'),
    production: quantity(t, 't'),
  });

  it('January compares with December (环比) and with January a year before (同比)', () => {
    // 2024-01: 9 000 tce / 80 000 t = 112.5 kgce/t; 2024-12: 10 000 / 100 000 = 100;
    // 2025-01: 8 800 / 80 000 = 110.
    // 同比 110 − 112.5 = −2.5 (−2.2222 %); 环比 110 − 100 = +10 (+10 %).
    const rows = periodChanges(
      [month(2025, 1, 8800, 80000), month(2024, 12, 10000, 100000), month(2024, 1, 9000, 80000)],
      'energy-intensity',
      'kgce/t',
    );
    expect(rows.map((r) => r.period)).toEqual(['2024-01', '2024-12', '2025-01']);
    const jan = rows[2]!;
    expect(jan.yearOnYear.ok && jan.yearOnYear.delta.value).toBeCloseTo(-2.5, 9);
    expect(jan.yearOnYear.ok && jan.yearOnYear.relative!.value).toBeCloseTo(-2.2222222, 6);
    expect(jan.monthOnMonth!.ok && jan.monthOnMonth!.delta.value).toBeCloseTo(10, 9);
    expect(jan.monthOnMonth!.ok && jan.monthOnMonth!.relative!.value).toBeCloseTo(10, 9);
    // 2024-12 has no 2024-11 record and no 2023-12: stated, not zero.
    expect(rows[1]!.monthOnMonth).toEqual({
      ok: false,
      reason: expect.stringContaining('2024-11'),
    });
    expect(rows[1]!.yearOnYear).toEqual({ ok: false, reason: expect.stringContaining('2023-12') });
  });

  it('annual records have year-on-year change only; two records for one period are refused', () => {
    const a = (y: number, t: number): EnterpriseRecord => ({
      enterprise: 'c1',
      period: { year: y },
      direct: quantity(t, 'tCO2e'),
    });
    const rows = periodChanges([a(2023, 1000), a(2024, 900)], 'direct', 'tCO2e');
    expect(rows[1]!.monthOnMonth).toBeNull();
    expect(rows[1]!.yearOnYear.ok && rows[1]!.yearOnYear.relative!.value).toBeCloseTo(-10, 9);
    expect(() => periodChanges([a(2023, 1), a(2023, 2)], 'direct', 'tCO2e')).toThrow(/two records/);
  });
});

describe('rankings within a park, region or sector', () => {
  const e = (id: string, sector: string | undefined, t: number | undefined, co2: number) =>
    ({
      enterprise: id,
      park: 'P1',
      ...(sector !== undefined && { sector }),
      period: year,
      ...(t !== undefined && { production: quantity(t, 't') }),
      direct: quantity(co2, 'tCO2e'),
      purchases: [],
    }) as EnterpriseRecord;

  it('ties share the best rank; members without data are listed apart', () => {
    // intensities: a 0.8, b 0.9, c 0.8, d 1.0; e has no production, f zero production
    const records = [
      e('b', 'cement', 1000, 900),
      e('a', 'cement', 1000, 800),
      e('d', 'cement', 500, 500),
      e('c', 'cement', 2000, 1600),
      e('e', 'cement', undefined, 100),
      e('f', 'cement', 0, 100),
      e('g', undefined, 10, 1),
    ];
    const r = rankEnterprises(records, {
      metric: 'direct-intensity',
      unit: 'tCO2e/t',
      scope: 'sector',
      period: year,
    });
    const g = r.groups[0]!;
    expect(g.ranked.map((x) => [x.enterprise, x.rank, x.tied])).toEqual([
      ['a', 1, true],
      ['c', 1, true],
      ['b', 3, false],
      ['d', 4, false],
    ]);
    expect(g.unranked.map((x) => x.enterprise)).toEqual(['e', 'f']);
    expect(r.unassigned).toEqual(['g']);
    expect(r.notes.join(' ')).toMatch(/not ranked last/);
    // Descending on emissions within the park: a 800 vs c 1600 …
    const park = rankEnterprises(records, {
      metric: 'direct',
      unit: 'tCO2e',
      scope: 'park',
      period: year,
      order: 'descending',
    });
    expect(park.groups[0]!.ranked[0]).toMatchObject({ enterprise: 'c', rank: 1 });
  });
});

describe('park and region roll-ups without double counting', () => {
  const rec = (
    id: string,
    park: string,
    direct: number,
    purchases: { supplier?: string; mwh: number; t: number }[],
  ): EnterpriseRecord => ({
    enterprise: id,
    park,
    region: 'R',
    period: year,
    direct: quantity(direct, 'tCO2e'),
    energy: quantity(direct / 2.5, 'tce'),
    purchases: purchases.map((p) => ({
      ...(p.supplier !== undefined && { supplier: p.supplier }),
      electricity: quantity(p.mwh, 'MWh'),
      emissions: quantity(p.t, 'tCO2e'),
    })),
    pollutants: { SO2: quantity(direct / 1000, 't') },
  });
  // Buyers use 0.5306 tCO2/MWh: 200 MWh → 106.12 t, 100 MWh → 53.06 t, 300 MWh → 159.18 t.
  const records = [
    rec('pp', 'P1', 1000, []),
    rec('c1', 'P1', 500, [
      { supplier: 'pp', mwh: 200, t: 106.12 },
      { mwh: 100, t: 53.06 },
    ]),
    rec('f2', 'P1', 100, [{ supplier: 'pp', mwh: 300, t: 159.18 }]),
    rec('g3', 'P2', 50, [{ supplier: 'pp', mwh: 100, t: 53.06 }]),
  ];

  it('park P1: the plant’s electricity is in its direct emissions and in the buyers’ indirect', () => {
    const [p1, p2] = rollUp(records, { scope: 'park', period: year });
    // direct 1000 + 500 + 100 = 1600; indirect 106.12 + 53.06 + 159.18 = 318.36
    // gross 1918.36; internal 106.12 + 159.18 = 265.30; net = 1600 + 53.06 = 1653.06
    expect(p1!.direct.value).toBeCloseTo(1600, 9);
    expect(p1!.indirect.value).toBeCloseTo(318.36, 9);
    expect(p1!.gross.value).toBeCloseTo(1918.36, 9);
    expect(p1!.internalTransfer.value).toBeCloseTo(265.3, 9);
    expect(p1!.net.value).toBeCloseTo(1653.06, 9);
    expect(valueIn(p1!.internalElectricity, 'MWh')).toBe(500);
    expect(p1!.transfers.map((t) => [t.buyer, t.supplier, t.supplierDirect?.value])).toEqual([
      ['c1', 'pp', 1000],
      ['f2', 'pp', 1000],
    ]);
    expect(p1!.notes[0]).toMatch(/net = direct \+ indirect from outside the park/);
    expect(p1!.notes.join(' ')).toMatch(/500 MWh/);
    expect(p1!.pollutants.SO2.value).toBeCloseTo(1.6, 12);
    // g3 buys from pp in another park: outside P2, so nothing is deducted there.
    expect(p2!.internalTransfer.value).toBe(0);
    expect(p2!.net.value).toBeCloseTo(103.06, 9);
  });

  it('region R: the purchase across parks is internal to the region', () => {
    const [r] = rollUp(records, { scope: 'region', period: year });
    // net = direct 1650 + grid 53.06 only
    expect(r!.internalTransfer.value).toBeCloseTo(318.36, 9);
    expect(r!.net.value).toBeCloseTo(1703.06, 9);
    expect(r!.complete).toBe(true);
  });

  it('missing direct emissions are listed and the total is marked incomplete', () => {
    const [p] = rollUp([{ ...records[0]!, direct: undefined }, records[1]!], {
      scope: 'park',
      period: year,
    });
    expect(p!.complete).toBe(false);
    expect(p!.missing).toEqual([{ enterprise: 'pp', reason: expect.stringContaining('direct') }]);
    expect(p!.transfers[0]!.supplierDirect).toBeNull();
  });

  it('property: net = gross − internal transfer = direct + external indirect; transfers add up', () => {
    const arb = fc.array(
      fc.record({
        direct: fc.double({ min: 0, max: 1e6, noNaN: true }),
        purchases: fc.array(
          fc.record({
            supplier: fc.option(fc.integer({ min: 0, max: 9 }), { nil: undefined }),
            t: fc.double({ min: 0, max: 1e5, noNaN: true }),
          }),
          { maxLength: 4 },
        ),
      }),
      { minLength: 1, maxLength: 10 },
    );
    fc.assert(
      fc.property(arb, (es) => {
        const recs = es.map((x, k) =>
          rec(
            `e${k}`,
            'P',
            x.direct,
            x.purchases.map((p) => ({
              ...(p.supplier !== undefined && { supplier: `e${p.supplier}` }),
              mwh: p.t,
              t: p.t,
            })),
          ),
        );
        const [r] = rollUp(recs, { scope: 'park', period: year });
        const scaleOf = 1 + r!.gross.value;
        const external = r!.members.reduce((s, m) => s + m.externalIndirect.value, 0);
        const transfers = r!.transfers.reduce((s, t) => s + t.buyerIndirect.value, 0);
        expect(Math.abs(r!.net.value - (r!.gross.value - r!.internalTransfer.value))).toBeLessThan(
          1e-9 * scaleOf,
        );
        expect(Math.abs(r!.net.value - (r!.direct.value + external))).toBeLessThan(1e-9 * scaleOf);
        expect(Math.abs(transfers - r!.internalTransfer.value)).toBeLessThan(1e-9 * scaleOf);
        expect(r!.net.value).toBeLessThanOrEqual(r!.gross.value + 1e-9 * scaleOf);
      }),
      { numRuns: 300 },
    );
  });
});

describe('pollution and carbon synergy', () => {
  it('co-benefit ratio of a measure: 2 t NOx less per 1000 tCO2 avoided = 2 kg/tCO2', () => {
    const c = {
      ...candidate('scr', { capex: 1, opex: 0, years: 10, abatement: 1000 }),
      pollutants: { SO2: q('0.5 t/a'), NOx: q('-2 t/a'), PM: q('0 t/a') },
    };
    const b = measureCoBenefit(c);
    expect(valueIn(b.pollutants.NOx.ratio!, 'kg/tCO2')).toBeCloseTo(2, 12);
    expect(b.pollutants.NOx.class).toBe('co-control');
    // SO2 rises by 500 kg: −0.5 kg per tonne of CO2, a trade-off
    expect(valueIn(b.pollutants.SO2.ratio!, 'kg/tCO2')).toBeCloseTo(-0.5, 12);
    expect(b.pollutants.SO2.class).toBe('carbon-only');
  });

  it('observed change: elasticity (ΔP/P0)/(ΔC/C0) and the quadrant', () => {
    // C 1000 → 900 (−10 %); SO2 50 → 45 (−10 %) → 1; NOx 20 → 22 (+10 %) → −1
    const s = synergyOfChange(
      { before: q('1000 tCO2e'), after: q('900 tCO2e') },
      {
        SO2: { before: q('50 t'), after: q('45 t') },
        NOx: { before: q('20 t'), after: q('22 t') },
      },
    );
    expect(s.map((x) => [x.pollutant, x.class])).toEqual([
      ['SO2', 'co-control'],
      ['NOx', 'carbon-only'],
    ]);
    expect(s[0]!.elasticity).toBeCloseTo(1, 12);
    expect(s[1]!.elasticity).toBeCloseTo(-1, 12);
    expect(classifySynergy(1, -1)).toBe('pollutant-only');
    expect(classifySynergy(0, 0)).toBe('no-change');
  });
});
