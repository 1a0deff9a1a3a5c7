import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { FactorBase } from '@carbonbase/factors';
import { account, parseInventory, type Inventory, type InventoryResult } from '@carbonbase/engine';
import { bundledFactorSetsDir, loadFactorSetTree, parseInventoryText } from '@carbonbase/io';
import { quantity, valueIn } from '@carbonbase/quantity';
import { installationFromInventory } from '../src/from-inventory.js';
import { specificEmbeddedEmissions } from '../src/see.js';
import { CbamError } from '../src/factor-input.js';
import type { CbamResult } from '../src/see.js';

/**
 * The link from the accounting engine to CBAM on examples/guangxi-cement-plant.yaml, accounted
 * under cn-cement-2015 (GB/T 32151.8: calcination, kiln dust, raw-meal TOC, fuels). Every expected
 * number below is derived from the inventory's own figures and the published factors named beside
 * it, not from the program's output.
 */
const FILE = 'examples/guangxi-cement-plant.yaml';
const path = fileURLToPath(new URL(`../../../${FILE}`, import.meta.url));

// Clinker factors by the output method, 44/56 and 44/40 (methods.md §2.1):
const EF1 = (0.652 - 0.006) * (44 / 56) + (0.018 - 0.001) * (44 / 40); // line 1: 0.526271…
const EF2 = (0.648 - 0.004) * (44 / 56) + (0.021 - 0.001) * (44 / 40); // line 2: 0.528
const CALCINATION = 1_550_000 * EF1 + 1_350_000 * EF2; // 815 720.71 + 712 800 = 1 528 520.71 t
// Kiln dust, CSI formula (methods.md §2.3): E = Q × x/(1 − x), x = EF/(1 + EF) × d.
const ckd = (q: number, ef: number, d: number) => {
  const x = (ef / (1 + ef)) * d;
  return (q * x) / (1 - x);
};
const DUST = ckd(3100, EF1, 0.85) + 1400 * EF1 + ckd(2600, EF2, 1); // 1 285.27 + 736.78 + 1 372.8
// Raw-meal TOC: line 1 measured 0.18 %, line 2 the CSI default 0.2 % (methods.md §2.3); × 44/12.
const TOC = ((2_402_500 * 0.0018 + 2_092_500 * 0.002) * 44) / 12; // 15 856.5 + 15 345
// Fuels: coal with its measured NCV and the NDRC 2015 defaults CC 26.18 tC/TJ, OF 93 %
// (cn-ndrc-2015-fuels); diesel with GB/T 32151 C.1 (methods.md A4); RDF measured, fossil 45 %.
const COAL = ((228_000 * 22.6 + 201_000 * 22.1) * 0.02618 * 0.93 * 44) / 12;
const DIESEL_KILN = (180 * 42.652 * 0.0202 * 0.98 * 44) / 12;
const RDF = ((32_000 * 13.5 * 0.0245 * 0.98 * 44) / 12) * 0.45;
// diesel-vehicles (site level, inClinkerBoundary: false) is outside the installation.
const DIRECT = CALCINATION + DUST + TOC + COAL + DIESEL_KILN + RDF;
// Purchased electricity: 199 000 MWh over the twelve months; grinding 91 200 MWh (38 kWh/t as in
// examples/cbam), clinker the other 107 800. Guangxi grid 2022, 0.4044 tCO2/MWh (MEE/NBS 2022
// provincial factors, the latest not after 2023 in cn-mee-electricity-heat).
const MWH = [
  16850, 13900, 17620, 17100, 17480, 15230, 15010, 16240, 17350, 17900, 18020, 16300,
].reduce((a, b) => a + b, 0);
const GRID = 0.4044;

let inventory: Inventory;
let result: InventoryResult;
let base: FactorBase;
beforeAll(async () => {
  base = new FactorBase(await loadFactorSetTree(bundledFactorSetsDir()));
  const raw = parseInventoryText(readFileSync(path, 'utf8'), FILE);
  inventory = parseInventory(raw, FILE);
  result = account(raw, base, { method: 'cn-cement-2015', document: FILE });
});

describe('CBAM installation from the Guangxi inventory (cn-cement-2015)', () => {
  let see: CbamResult;
  let notes: readonly string[];
  beforeAll(() => {
    const link = installationFromInventory(inventory, result, {
      grindingElectricity: quantity(91_200, 'MWh'),
    });
    notes = link.notes;
    see = specificEmbeddedEmissions(link.installation, base, { year: 2026 });
  });
  const good = (code: string) => see.goods.find((g) => g.good === code)!;

  it('builds clinker and cement processes from the reporter, period and production', () => {
    expect(MWH).toBe(199_000);
    expect(see.installation).toMatchObject({ country: 'CN', region: 'CN-GX' });
    expect(see.period.year).toBe(2023);
    expect(see.goods.map((g) => g.good)).toEqual(['2523 10 00', '2523 29 00']);
  });

  it('clinker direct: every kiln line the engine calculated, vehicles left out', () => {
    // DIRECT ≈ 1 528 520.7 + 3 394.8 + 31 201.5 + 856 573.2 + 557.3 + 17 114.3 ≈ 2 437 361.8 t
    const direct = valueIn(good('2523 10 00').direct.value, 'tCO2e/t');
    expect(direct).toBeCloseTo(DIRECT / 2_900_000, 10);
    expect(direct).toBeCloseTo(0.84047, 5);
    expect(good('2523 10 00').direct.basis).toBe('actual');
    expect(notes.join('\n')).toMatch(/diesel-vehicles: .*left out/);
  });

  it('clinker indirect: 107 800 MWh × 0.4044 with the factor the engine resolved', () => {
    const indirect = valueIn(good('2523 10 00').indirect.value, 'tCO2e/t');
    expect(indirect).toBeCloseTo(((MWH - 91_200) * GRID) / 2_900_000, 12);
    const refs = good('2523 10 00').indirect.explanation.inputs.flatMap((i) =>
      i.ref ? [i.ref] : [],
    );
    expect(refs).toEqual(['cn-mee-electricity-heat/grid.cn-gx.2022.average@2023.1']);
  });

  it('cement: all 2.9 Mt clinker as precursor, 91 200 MWh of its own electricity', () => {
    const cement = good('2523 29 00');
    // (0 own direct + 2 900 000 × SEE_clinker,direct) / 3 600 000 = DIRECT / 3 600 000
    expect(valueIn(cement.direct.value, 'tCO2e/t')).toBeCloseTo(DIRECT / 3_600_000, 10);
    // (91 200 × 0.4044 + 107 800 × 0.4044) / 3 600 000 = 199 000 × 0.4044 / 3 600 000 = 0.022354
    expect(valueIn(cement.indirect.value, 'tCO2e/t')).toBeCloseTo((MWH * GRID) / 3_600_000, 12);
    expect(notes.join('\n')).toMatch(/taken as all clinker produced/);
  });

  it('without a grinding share all site electricity goes to clinker (stated)', () => {
    const link = installationFromInventory(inventory, result);
    const r = specificEmbeddedEmissions(link.installation, base, { year: 2026 });
    const clinker = r.goods.find((g) => g.good === '2523 10 00')!;
    expect(valueIn(clinker.indirect.value, 'tCO2e/t')).toBeCloseTo((MWH * GRID) / 2_900_000, 12);
    expect(link.notes.join('\n')).toMatch(/all site-level purchased electricity is attributed/);
  });

  it('refuses a grinding share larger than the site electricity', () => {
    expect(() =>
      installationFromInventory(inventory, result, {
        grindingElectricity: quantity(200_000, 'MWh'),
      }),
    ).toThrow(CbamError);
  });

  it('warns that cn-cement-cets-2024 leaves out what CBAM counts', () => {
    const cets = account(parseInventoryText(readFileSync(path, 'utf8'), FILE), base, {
      document: FILE,
    });
    const link = installationFromInventory(inventory, cets);
    expect(link.notes.join('\n')).toMatch(/use cn-cement-2015/);
  });
});
