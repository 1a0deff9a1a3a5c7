import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { CbamCommunication } from '@carbonbase/cbam';
import type { BreakdownCategory, CementFootprint } from '@carbonbase/footprint';
import { runCli } from './run-cli.js';

const file = (p: string) => fileURLToPath(new URL(`../../../${p}`, import.meta.url));
const PLANT = file('examples/guangxi-cement-plant.yaml');
const INPUTS = file('examples/footprint/guangxi-cement-footprint.yaml');

/**
 * examples/guangxi-cement-plant.yaml under cn-cement-2015, derived by hand from its figures:
 * clinker factors by the output method (44/56, 44/40), kiln dust by the CSI formula, raw-meal TOC,
 * coal with the NDRC 2015 defaults (26.18 tC/TJ, 93 %), diesel and RDF, 2.9 Mt clinker; purchased
 * electricity at the 2022 Guangxi grid factor 0.4044 tCO2/MWh (MEE/NBS, cn-mee-electricity-heat).
 */
const EF1 = (0.652 - 0.006) * (44 / 56) + (0.018 - 0.001) * (44 / 40);
const EF2 = (0.648 - 0.004) * (44 / 56) + (0.021 - 0.001) * (44 / 40);
const ckd = (q: number, ef: number, d: number) => {
  const x = (ef / (1 + ef)) * d;
  return (q * x) / (1 - x);
};
const PROCESS =
  1_550_000 * EF1 +
  1_350_000 * EF2 +
  ckd(3100, EF1, 0.85) +
  1400 * EF1 +
  ckd(2600, EF2, 1) +
  ((2_402_500 * 0.0018 + 2_092_500 * 0.002) * 44) / 12;
const DIESEL = (t: number) => (t * 42.652 * 0.0202 * 0.98 * 44) / 12;
// Coal, kiln diesel, RDF (fossil 45 %) and — for the footprint, which runs cradle-to-gate — the
// quarry and site vehicles' 1 150 t diesel that the ETS clinker boundary leaves out.
const COMBUSTION =
  ((228_000 * 22.6 + 201_000 * 22.1) * 0.02618 * 0.93 * 44) / 12 +
  DIESEL(180) +
  ((32_000 * 13.5 * 0.0245 * 0.98 * 44) / 12) * 0.45 +
  DIESEL(1150);
const GRID = 0.4044;
const KILN_MWH = 199_000 - 91_200;
// Fuel upstream from the bundled background set (data/footprint-background, USLCI 2017): coal at
// the mine 0.19036714515406192 tCO2e/t, diesel at the refinery 0.5032764130660689 tCO2e/t (mass
// allocation); RDF is an alternative fuel, a waste with no upstream burden.
const FUEL_UPSTREAM =
  ((228_000 + 201_000) * 0.19036714515406192 + (180 + 1150) * 0.5032764130660689) / 2_900_000;
const CLINKER = (PROCESS + COMBUSTION + KILN_MWH * GRID) / 2_900_000 + FUEL_UPSTREAM;

describe('carbonbase footprint', () => {
  it('clinker: 1 t, broken down, with the allocation stated', async () => {
    const { out } = await runCli([
      'footprint',
      PLANT,
      '--product',
      'clinker',
      '--method',
      'cn-cement-2015',
      '--inputs',
      INPUTS,
      '--json',
    ]);
    const f = JSON.parse(out) as CementFootprint;
    expect(f.declaredUnit).toEqual({ value: 1, unit: 't' });
    expect(f.total.unit).toBe('tCO2e/t');
    // (1 563 117.1 + 877 805.1 + 43 594.3) / 2 900 000 = 0.856730 tCO2e/t, plus the fuels'
    // upstream (81 667.5 + 669.4) / 2 900 000 = 0.028392
    expect(f.total.value).toBeCloseTo(CLINKER, 10);
    expect(f.total.value).toBeCloseTo(0.85673 + 0.028392, 5);
    expect(f.fuelUpstream.status).toBe('included');
    const part = (c: BreakdownCategory) => f.breakdown.find((b) => b.category === c)!;
    expect(part('process').value.value).toBeCloseTo(PROCESS / 2_900_000, 10);
    expect(part('combustion').value.value).toBeCloseTo(COMBUSTION / 2_900_000, 10);
    expect(part('electricity').value.value).toBeCloseTo((KILN_MWH * GRID) / 2_900_000, 12);
    expect(part('fuel-upstream').value.value).toBeCloseTo(FUEL_UPSTREAM, 12);
    expect(f.allocation.rule).toBe('economic');
    expect(f.inventory.electricityFactors).toEqual([
      'cn-mee-electricity-heat/grid.cn-gx.2022.average@2023.1',
    ]);
  });

  it('cement from the inputs document: economic allocation of slag and fly ash', async () => {
    const { out } = await runCli([
      'footprint',
      PLANT,
      '--method',
      'cn-cement-2015',
      '--inputs',
      INPUTS,
      '--json',
    ]);
    const f = JSON.parse(out) as CementFootprint;
    // Background (data/footprint-background, USLCI 2017, US data): gypsum (limestone proxy) and
    // limestone 0.006688548914357212 tCO2e/t; truck 0.1347382838220616 kgCO2e/t·km.
    const quarry = 0.006688548914357212;
    const truck = 0.1347382838220616e-3;
    const slag = (1.6 * 180) / (2800 + 0.3 * 180); // 288 / 2854 = 0.100911
    const ash = (0.85 * 60) / (380 + 0.04 * 60); // 51 / 382.4 = 0.133368
    const tkm = 0.05 * 120 + 0.05 * 5 + 0.07 * 60 + 0.05 * 80; // 14.45 t·km per t cement
    const expected =
      0.78 * CLINKER +
      (91_200 * GRID) / 3_600_000 +
      0.1 * quarry +
      0.07 * slag +
      0.05 * ash +
      tkm * truck;
    expect(f.total.value).toBeCloseTo(expected, 10);
    const part = (c: BreakdownCategory) => f.breakdown.find((b) => b.category === c)?.value.value;
    expect(part('by-products')).toBeCloseTo(0.07 * slag + 0.05 * ash, 12);
    expect(part('transport')).toBeCloseTo(tkm * truck, 12);
    expect(part('materials')).toBeCloseTo(0.1 * quarry, 14);
    expect(f.background?.region).toBe('US');
    expect(f.dataQuality.join('\n')).toMatch(/not Chinese data/);
    expect(f.dataQuality.join('\n')).toMatch(/gypsum-natural: .*proxy/);
  });

  it('cut-off makes slag and fly ash burden-free; the text report says so', async () => {
    const { out } = await runCli([
      'footprint',
      PLANT,
      '--inputs',
      INPUTS,
      '--allocation',
      'cut-off',
    ]);
    expect(out).toContain('声明单位 declared unit: 1 t');
    // Without --method the footprint takes the full process scope of GB/T 32151.8.
    expect(out).toContain('方法 method cn-cement-2015');
    expect(out).toContain('分配 allocation: cut-off');
    expect(out).toMatch(/by-products are wastes of other systems and arrive burden-free/);
    expect(out).toMatch(/截断 cut off: 粒化高炉矿渣粉/);
    expect(out).not.toContain('by-products (economic allocation)');
    expect(out).toContain('数据质量 data quality:');
  });

  it('refuses an unknown product or allocation rule', async () => {
    await expect(runCli(['footprint', PLANT, '--product', 'concrete'])).rejects.toThrow(
      /--product .*clinker, cement/,
    );
    await expect(runCli(['footprint', PLANT, '--allocation', 'mass'])).rejects.toThrow(
      /--allocation .*economic, cut-off/,
    );
  });
});

describe('carbonbase cbam <inventory>', () => {
  it('accounts the inventory under cn-cement-2015 and maps it to the installation', async () => {
    const { out, err } = await runCli([
      'cbam',
      PLANT,
      '--year',
      '2026',
      '--grinding-electricity',
      '91200 MWh',
      '--json',
    ]);
    const c = JSON.parse(out) as CbamCommunication;
    expect(c.goods.map((g) => g.cn)).toEqual(['2523 10 00', '2523 29 00']);
    const clinker = c.goods[0]!;
    // CBAM leaves the site vehicles out: (PROCESS + COMBUSTION − vehicles) / 2 900 000 = 0.840470
    expect(clinker.see.direct.value.value).toBeCloseTo(
      (PROCESS + COMBUSTION - DIESEL(1150)) / 2_900_000,
      10,
    );
    expect(clinker.see.direct.basis).toBe('actual');
    // 107 800 MWh × 0.4044 / 2 900 000
    expect(clinker.see.indirect.value.value).toBeCloseTo((KILN_MWH * GRID) / 2_900_000, 12);
    expect(err).toMatch(/cn-cement-2015/);
    expect(err).toMatch(/diesel-vehicles: .*left out/);
  });
});
