import { beforeAll, describe, expect, it } from 'vitest';
import { FactorBase } from '@carbonbase/factors';
import { account, parseInventory, type Inventory, type InventoryResult } from '@carbonbase/engine';
import { bundledFactorSetsDir, loadFactorSetTree } from '@carbonbase/io';
import { valueIn } from '@carbonbase/quantity';
import { parseBackgroundSet } from './background.js';
import { CementFootprintError } from './foreground.js';
import { cementFootprint, economicBurden, type CementFootprint } from './footprint.js';
import { parseCementInputs } from './inputs.js';
import { FootprintDocumentError } from './read.js';

/**
 * A small plant worked by hand. Every input is stated here; the only factor taken from the factor
 * base is the 2023 national grid factor 0.5306 tCO2/MWh (MEE/NBS, methods.md §11 A5, V).
 *
 * Kiln (facility "kiln"), 1 000 000 t clinker:
 *   calcination (GB/T 32151.8 output method, 44/56 and 44/40, methods.md §2.1):
 *     0.65 × 44/56 + 0.02 × 44/40 = 0.510714… + 0.022 = 0.532714286 tCO2/t clinker
 *   coal: 140 000 t × 22 GJ/t × 0.026 tC/GJ × 95 % × 44/12 = 278 945.333 t → 0.278945333 t/t clinker
 * Site: 100 000 MWh purchased, of which grinding uses 40 000 (inputs), kiln 60 000:
 *   60 000 × 0.5306 / 1 000 000 = 0.031836 t/t clinker; grinding 40 000 × 0.5306 = 21 224 t
 *   5 000 MWh of waste-heat power exported.
 * Grinding (facility "mill"), 1 250 000 t cement:
 *   diesel 100 t × 43 GJ/t × 0.0202 tC/GJ × 98 % × 44/12 = 312.116933 t
 * Fuel upstream (test background set): coal 0.2 tCO2e/t at the mine → 140 000 × 0.2 / 1 000 000
 *   = 0.028 t/t clinker; diesel has no background value, so its upstream is cut off (0.00008 t
 *   diesel per t cement).
 */
const NAME = 'worked-plant.yaml';
const DOC = {
  format: 'carbonbase.inventory/v1',
  reporter: { name: '示例水泥厂 worked plant', region: 'CN' },
  period: { year: 2023 },
  method: 'cn-cement-2015',
  facilities: [
    { id: 'kiln', name: '窑 kiln' },
    { id: 'mill', name: '粉磨 mill' },
  ],
  production: { clinker: '1000000 t', cement: '1250000 t' },
  lines: [
    {
      id: 'clinker',
      kind: 'clinker',
      facility: 'kiln',
      amount: '1000000 t',
      cao: '65 %',
      mgo: '2 %',
      caoNonCarbonate: '0 %',
      mgoNonCarbonate: '0 %',
    },
    {
      id: 'coal',
      kind: 'fuel-combustion',
      facility: 'kiln',
      fuel: 'bituminous-coal',
      amount: '140000 t',
      ncv: '22 GJ/t',
      carbonContent: '0.026 tC/GJ',
      oxidation: '95 %',
    },
    {
      id: 'mill-diesel',
      kind: 'fuel-combustion',
      facility: 'mill',
      fuel: 'diesel',
      amount: '100 t',
      ncv: '43 GJ/t',
      carbonContent: '0.0202 tC/GJ',
      oxidation: '98 %',
    },
    { id: 'power', kind: 'electricity-purchased', amount: '100000 MWh' },
    { id: 'power-out', kind: 'electricity-exported', amount: '5000 MWh' },
  ],
};

const EF_CLINKER = 0.65 * (44 / 56) + 0.02 * (44 / 40);
const COAL = (140_000 * 22 * 0.026 * 0.95 * 44) / 12 / 1_000_000;
const KILN_POWER = (60_000 * 0.5306) / 1_000_000;
const MILL_DIESEL = (100 * 43 * 0.0202 * 0.98 * 44) / 12;
const MILL_POWER = 40_000 * 0.5306;
const CEMENT_T = 1_250_000;
const COAL_UPSTREAM = (140_000 * 0.2) / 1_000_000;

/** A background set made for the test, so that the arithmetic stays visible. */
const BACKGROUND = parseBackgroundSet({
  format: 'carbonbase.background-set/v1',
  id: 'test-background',
  version: '1',
  name: 'test set',
  region: 'nowhere',
  gwp: 'test',
  licence: 'test',
  processes: [
    {
      id: 'gypsum',
      name: 'gypsum',
      category: 'materials',
      unit: 't',
      footprint: '0.004 tCO2e/t',
      source: 'test',
    },
    {
      id: 'truck',
      name: 'truck',
      category: 'transport',
      unit: 't·km',
      footprint: '0.1 kgCO2e/t·km',
      source: 'test',
    },
    {
      id: 'bituminous-coal',
      name: 'coal at mine',
      category: 'fuels',
      unit: 't',
      footprint: '200 kgCO2e/t',
      source: 'test coal',
    },
  ],
});

const inputs = (allocation: 'economic' | 'cut-off') =>
  parseCementInputs({
    format: 'carbonbase.cement-footprint/v1',
    product: 'P·O 42.5',
    allocation,
    grindingElectricity: '40000 MWh',
    prices: { clinker: '300 CNY/t', electricity: '400 CNY/MWh' },
    constituents: [
      { id: 'clinker', name: '自产熟料', kind: 'own-clinker', share: '78 %' },
      {
        id: 'bought',
        name: '外购熟料',
        kind: 'purchased-clinker',
        share: '2 %',
        footprint: '0.90 tCO2e/t',
        source: 'supplier declaration (test)',
      },
      {
        id: 'gypsum',
        name: '石膏',
        kind: 'background',
        background: 'gypsum',
        share: '5 %',
        transport: [{ mode: 'truck', distance: '100 km' }],
      },
      {
        id: 'slag',
        name: '矿渣',
        kind: 'by-product',
        share: '15 %',
        transport: [{ mode: 'truck', distance: '50 km' }],
        economic: {
          producer: 'blast furnace, hot metal',
          producerFootprint: '2.0 tCO2e/t',
          byProductYield: '0.3 t/t',
          mainProductPrice: '3000 CNY/t',
          byProductPrice: '150 CNY/t',
          source: 'test figures',
        },
      },
    ],
  });

let inventory: Inventory;
let result: InventoryResult;
let factorBase: FactorBase;
const part = (f: CementFootprint, c: string) =>
  valueIn(
    f.breakdown.find((b) => b.category === c)?.value ?? { value: 0, unit: 'tCO2e/t' },
    'tCO2e/t',
  );

beforeAll(async () => {
  factorBase = new FactorBase(await loadFactorSetTree(bundledFactorSetsDir()));
  inventory = parseInventory(DOC, NAME);
  result = account(DOC, factorBase, { document: NAME });
});

describe('clinker footprint of the worked plant', () => {
  it('uses the engine figure for electricity (0.5306 tCO2/MWh, factor cited)', () => {
    const f = cementFootprint(inventory, result, {
      product: 'clinker',
      inputs: inputs('cut-off'),
    });
    expect(f.inventory.electricityFactors).toEqual([
      'cn-mee-electricity-heat/grid.cn.2023.average@2023.1',
    ]);
    expect(f.inventory.method).toBe('cn-cement-2015');
  });

  it('cut-off: clinker keeps the whole kiln burden; exported power leaves burden-free', () => {
    const f = cementFootprint(inventory, result, {
      product: 'clinker',
      inputs: inputs('cut-off'),
    });
    // 0.532714286 + 0.278945333 + 0.031836 = 0.843495619 tCO2e/t
    expect(part(f, 'process')).toBeCloseTo(EF_CLINKER, 12);
    expect(part(f, 'combustion')).toBeCloseTo(COAL, 12);
    expect(part(f, 'electricity')).toBeCloseTo(KILN_POWER, 12);
    expect(valueIn(f.total, 'tCO2e/t')).toBeCloseTo(0.843495619047619, 12);
    expect(f.allocation.clinkerShare).toEqual({ value: 100, unit: '%' });
    expect(f.declaredUnit).toEqual({ value: 1, unit: 't' });
    // The exported electricity is listed as a side flow of the kiln, per tonne of clinker.
    const side = f.explanation.sideFlows.find((s) => s.flowId === 'exported-electricity');
    expect(side?.total.value).toBeCloseTo(5000 / 1_000_000, 15);
  });

  it('economic: clinker keeps its revenue share against the exported power', () => {
    const f = cementFootprint(inventory, result, {
      product: 'clinker',
      inputs: inputs('economic'),
    });
    // revenue: 1 000 000 t × 300 = 3.0e8 CNY; 5 000 MWh × 400 = 2.0e6 CNY
    // share = 3.0e8 / 3.02e8 = 0.993377483; total = 0.843495619 × 0.993377483 = 0.837909555
    const share = 3.0e8 / 3.02e8;
    expect(valueIn(f.allocation.clinkerShare, '1')).toBeCloseTo(share, 14);
    expect(valueIn(f.total, 'tCO2e/t')).toBeCloseTo(0.8379095553453169, 12);
    expect(f.allocation.statements.join('\n')).toContain('by revenue');
  });

  it('fuel upstream: its own line from the background set, or cut off and stated without it', () => {
    const withBg = cementFootprint(inventory, result, {
      product: 'clinker',
      inputs: inputs('cut-off'),
      background: BACKGROUND,
    });
    // 140 000 t coal / 1 000 000 t clinker × 0.2 tCO2e/t = 0.028
    expect(part(withBg, 'fuel-upstream')).toBeCloseTo(COAL_UPSTREAM, 14);
    expect(valueIn(withBg.total, 'tCO2e/t')).toBeCloseTo(0.843495619047619 + 0.028, 12);
    expect(withBg.fuelUpstream.status).toBe('included');
    expect(withBg.fuelUpstream.fuels).toEqual([
      expect.objectContaining({
        fuel: 'bituminous-coal',
        lines: ['coal'],
        amount: { value: expect.closeTo(0.14, 14), unit: 't' },
        value: { value: expect.closeTo(0.028, 14), unit: 'tCO2e/t' },
        background: 'test-background@1/bituminous-coal',
      }),
    ]);
    const without = cementFootprint(inventory, result, {
      product: 'clinker',
      inputs: inputs('cut-off'),
    });
    expect(valueIn(without.total, 'tCO2e/t')).toBeCloseTo(0.843495619047619, 12);
    expect(without.fuelUpstream.status).toBe('not-included');
    expect(without.fuelUpstream.statement).toMatch(/lower bound/);
    expect(without.fuelUpstream.fuels[0]).toMatchObject({
      fuel: 'bituminous-coal',
      amount: { value: expect.closeTo(0.14, 14) as number, unit: 't' },
      cutOff: expect.stringMatching(/no background set/) as string,
    });
  });

  it('contributions by stage and by input each add up to the total', () => {
    const f = cementFootprint(inventory, result, {
      product: 'clinker',
      inputs: inputs('cut-off'),
      background: BACKGROUND,
    });
    const sum = (xs: readonly { value: { value: number } }[]) =>
      xs.reduce((t, x) => t + x.value.value, 0);
    expect(sum(f.contributions.byProcess)).toBeCloseTo(valueIn(f.total, 'tCO2e/t'), 12);
    expect(sum(f.contributions.byInput)).toBeCloseTo(valueIn(f.total, 'tCO2e/t'), 12);
    const coal = f.contributions.byInput.find((c) => c.id === 'bg:bituminous-coal');
    expect(coal).toMatchObject({
      background: true,
      amount: { value: expect.closeTo(0.14, 14) as number, unit: 't' },
      source: 'test-background@1: test coal',
    });
    expect(f.contributions.byInput[0]).toMatchObject({ id: 'kiln', background: false });
    expect(f.contributions.byInput[0]!.value.value).toBeCloseTo(EF_CLINKER + COAL, 12);
    expect(f.contributions.byInput.find((c) => c.id === 'grid:kiln')?.value.value).toBeCloseTo(
      KILN_POWER,
      12,
    );
  });

  it('economic allocation without prices is refused, not guessed', () => {
    const noPrices = { ...inputs('economic'), prices: {} };
    expect(() =>
      cementFootprint(inventory, result, { product: 'clinker', inputs: noPrices }),
    ).toThrow(CementFootprintError);
  });
});

describe('cement footprint of the worked plant (1 t, 78 % own clinker)', () => {
  // Slag, economic: 2.0 tCO2e/t hot metal × 150 / (3000 + 0.3 × 150) = 300 / 3045 = 0.098522167 t/t
  const SLAG = 300 / 3045;
  // Transport: (0.05 t × 100 km + 0.15 t × 50 km) × 0.0001 tCO2e/t·km = 12.5 × 0.0001 = 0.00125
  const TRANSPORT = (0.05 * 100 + 0.15 * 50) * 0.0001;

  it('economic: every part of the breakdown, by hand', () => {
    const f = cementFootprint(inventory, result, {
      product: 'cement',
      inputs: inputs('economic'),
      background: BACKGROUND,
    });
    const s = 3.0e8 / 3.02e8;
    const slag = inputs('economic').constituents?.find((c) => c.id === 'slag');
    expect(slag?.kind === 'by-product' && slag.economic && economicBurden(slag.economic)).toEqual({
      value: expect.closeTo(SLAG, 15),
      unit: 'tCO2e/t',
    });
    expect(part(f, 'process')).toBeCloseTo(0.78 * EF_CLINKER * s, 12);
    expect(part(f, 'combustion')).toBeCloseTo(0.78 * COAL * s + MILL_DIESEL / CEMENT_T, 12);
    expect(part(f, 'electricity')).toBeCloseTo(0.78 * KILN_POWER * s + MILL_POWER / CEMENT_T, 12);
    expect(part(f, 'purchased-clinker')).toBeCloseTo(0.02 * 0.9, 14);
    expect(part(f, 'materials')).toBeCloseTo(0.05 * 0.004, 14);
    expect(part(f, 'by-products')).toBeCloseTo(0.15 * SLAG, 14);
    expect(part(f, 'transport')).toBeCloseTo(TRANSPORT, 14);
    expect(part(f, 'fuel-upstream')).toBeCloseTo(0.78 * COAL_UPSTREAM * s, 14);
    // 0.78 × 0.843495619 × 0.993377483 + (312.117 + 21 224) / 1 250 000 + 0.018 + 0.0002
    //   + 0.014778325 + 0.00125 = 0.653569 + 0.017229 + 0.034228 = 0.705027, plus the coal's
    //   upstream 0.78 × 0.028 × 0.993377483 = 0.021695
    const total =
      0.78 * (0.843495619047619 + COAL_UPSTREAM) * s +
      (MILL_DIESEL + MILL_POWER) / CEMENT_T +
      0.018 +
      0.0002 +
      0.15 * SLAG +
      TRANSPORT;
    expect(valueIn(f.total, 'tCO2e/t')).toBeCloseTo(total, 12);
    expect(total).toBeCloseTo(0.705027 + 0.021695, 5);
    expect(f.allocation.byProducts).toEqual([
      expect.objectContaining({
        id: 'slag',
        burden: { value: expect.closeTo(SLAG, 15), unit: 'tCO2e/t' },
      }),
    ]);
    // Only the diesel's upstream is cut off: 100 t / 1 250 000 t cement.
    expect(f.explanation.cutOffs).toEqual([
      expect.objectContaining({
        flowId: 'fuel:diesel:t',
        total: { value: expect.closeTo(0.00008, 15), unit: 't' },
      }),
    ]);
    expect(f.fuelUpstream.status).toBe('partial');
    expect(f.fuelUpstream.statement).toMatch(/upstream of diesel has no background data/);
    expect(f.background?.id).toBe('test-background');
  });

  it('cut-off: slag arrives burden-free, only its transport counts', () => {
    const f = cementFootprint(inventory, result, {
      product: 'cement',
      inputs: inputs('cut-off'),
      background: BACKGROUND,
    });
    expect(part(f, 'by-products')).toBe(0);
    expect(part(f, 'transport')).toBeCloseTo(TRANSPORT, 14);
    const total =
      0.78 * (0.843495619047619 + COAL_UPSTREAM) +
      (MILL_DIESEL + MILL_POWER) / CEMENT_T +
      0.018 +
      0.0002 +
      TRANSPORT;
    expect(valueIn(f.total, 'tCO2e/t')).toBeCloseTo(total, 12);
    // The slag input has no provider under cut-off: listed, 0.15 t per tonne of cement.
    expect(f.explanation.cutOffs).toEqual([
      expect.objectContaining({
        flowId: 'by-product:slag',
        total: { value: expect.closeTo(0.15, 14), unit: 't' },
      }),
      expect.objectContaining({ flowId: 'fuel:diesel:t' }),
    ]);
  });

  it('without a composition: clinker ratio from production, the rest a reported gap', () => {
    const f = cementFootprint(inventory, result, { product: 'cement', allocation: 'cut-off' });
    // 1 000 000 / 1 250 000 = 80 % clinker; all site electricity goes to the kiln (no split given):
    // 0.8 × (0.532714286 + 0.278945333 + 100 000 × 0.5306 / 1 000 000) + 312.117 / 1 250 000
    const total = 0.8 * (EF_CLINKER + COAL + 0.05306) + MILL_DIESEL / CEMENT_T;
    expect(valueIn(f.total, 'tCO2e/t')).toBeCloseTo(total, 12);
    expect(f.constituents.map((c) => [c.id, c.share.value])).toEqual([
      ['clinker', expect.closeTo(80, 12)],
      ['unspecified', expect.closeTo(20, 12)],
    ]);
    expect(f.dataQuality.join('\n')).toMatch(
      /all site-level purchased electricity is attributed to clinker/,
    );
    expect(f.dataQuality.join('\n')).toMatch(/cut off: .*0\.200000 t/);
  });

  it('refuses shares that do not add up, unknown background and missing economic data', () => {
    const bad = parseCementInputs({
      format: 'carbonbase.cement-footprint/v1',
      constituents: [{ id: 'clinker', name: 'c', kind: 'own-clinker', share: '90 %' }],
    });
    expect(() =>
      cementFootprint(inventory, result, { product: 'cement', inputs: bad, allocation: 'cut-off' }),
    ).toThrow(/add up to 90 %/);
    expect(() =>
      cementFootprint(inventory, result, { product: 'cement', inputs: inputs('cut-off') }),
    ).toThrow(/no background set loaded/);
    const noEconomic = parseCementInputs({
      format: 'carbonbase.cement-footprint/v1',
      prices: { clinker: '300 CNY/t', electricity: '400 CNY/MWh' },
      constituents: [
        { id: 'clinker', name: 'c', kind: 'own-clinker', share: '80 %' },
        { id: 'ash', name: 'fly ash', kind: 'by-product', share: '20 %' },
      ],
    });
    expect(() =>
      cementFootprint(inventory, result, {
        product: 'cement',
        inputs: noEconomic,
        allocation: 'economic',
      }),
    ).toThrow(/constituents\[1\]\.economic/);
  });
});

describe('inputs document', () => {
  it('economic burden per MWh of main product (fly ash from coal power)', () => {
    const data = parseCementInputs({
      format: 'carbonbase.cement-footprint/v1',
      constituents: [
        {
          id: 'ash',
          name: 'fly ash',
          kind: 'by-product',
          share: '100 %',
          economic: {
            producer: 'coal power',
            mainProductUnit: 'MWh',
            producerFootprint: '0.85 tCO2e/MWh',
            byProductYield: '40 kg/MWh',
            mainProductPrice: '0.38 CNY/kWh',
            byProductPrice: '60 CNY/t',
            source: 'test',
          },
        },
      ],
    }).constituents?.[0];
    // 0.85 × 60 / (380 + 0.04 × 60) = 51 / 382.4 = 0.133368200836820 tCO2e/t fly ash
    expect(data?.kind === 'by-product' && data.economic && economicBurden(data.economic)).toEqual({
      value: expect.closeTo(51 / 382.4, 15),
      unit: 'tCO2e/t',
    });
  });
  it('reports every bad field with its path, and refuses bare numbers', () => {
    let error: unknown;
    try {
      parseCementInputs({
        format: 'carbonbase.cement-footprint/v2',
        allocation: 'mass',
        grindingElectricity: 40000,
        constituents: [{ id: 'x', name: 'x', kind: 'own-clinker', share: '5 t' }],
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(FootprintDocumentError);
    expect((error as FootprintDocumentError).issues.map((i) => i.path)).toEqual([
      '$.format',
      '$.allocation',
      '$.grindingElectricity',
      '$.constituents[0].share',
    ]);
  });
});

describe('site electricity outside the clinker boundary, and inputs bought by several lines', () => {
  it('goes to grinding, and the kiln’s coal is one contribution', () => {
    const doc = {
      ...DOC,
      lines: [
        ...DOC.lines.filter((l) => l.id !== 'power' && l.id !== 'coal'),
        { ...DOC.lines.find((l) => l.id === 'coal')!, id: 'coal-1', amount: '70000 t' },
        { ...DOC.lines.find((l) => l.id === 'coal')!, id: 'coal-2', amount: '70000 t' },
        { id: 'power', kind: 'electricity-purchased', amount: '60000 MWh' },
        {
          id: 'power-mill',
          kind: 'electricity-purchased',
          amount: '40000 MWh',
          inClinkerBoundary: false,
        },
      ],
    };
    const inv = parseInventory(doc, NAME);
    const res = account(doc, factorBase, { document: NAME });
    const f = cementFootprint(inv, res, {
      product: 'clinker',
      allocation: 'cut-off',
      background: BACKGROUND,
    });
    // the 40 000 MWh marked outside the boundary leave the kiln: the same as grindingElectricity
    expect(part(f, 'electricity')).toBeCloseTo(KILN_POWER, 12);
    expect(f.dataQuality.join('\n')).toMatch(/power-mill: .*goes to cement grinding/);
    const coal = f.contributions.byInput.filter((c) => c.id === 'bg:bituminous-coal');
    expect(coal).toHaveLength(1);
    expect(coal[0]!.amount).toEqual({ value: expect.closeTo(0.14, 14) as number, unit: 't' });
    expect(coal[0]!.value.value).toBeCloseTo(COAL_UPSTREAM, 14);
  });
});
