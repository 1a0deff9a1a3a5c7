import type { Inventory, InventoryResult } from '@carbonbase/engine';
import {
  compatible,
  convert,
  divide,
  multiply,
  quantity,
  scale,
  valueIn,
  type Quantity,
} from '@carbonbase/quantity';
import { ProductSystemModel } from '../calc/product-system.js';
import type { FootprintExplanation, FootprintResult, InputContribution } from '../calc/result.js';
import type { GwpSet } from '../impact/gwp.js';
import type { Exchange, Flow, Process } from '../system/model.js';
import type { BackgroundProcess, BackgroundSet } from './background.js';
import {
  CementFootprintError,
  plantForeground,
  type FuelUse,
  type PlantForeground,
  type ProcessForeground,
} from './foreground.js';
import type {
  AllocationRule,
  CementFootprintInputs,
  Constituent,
  EconomicAllocationData,
} from './inputs.js';

export type CementProduct = 'clinker' | 'cement';
export const CEMENT_PRODUCTS: readonly CementProduct[] = ['clinker', 'cement'];

/** The lines of the breakdown, each an elementary flow of the product system. */
export type BreakdownCategory =
  | 'process'
  | 'combustion'
  | 'other-direct'
  | 'electricity'
  | 'fuel-upstream'
  | 'purchased-clinker'
  | 'materials'
  | 'by-products'
  | 'transport';

export const BREAKDOWN_LABELS: Readonly<Record<BreakdownCategory, string>> = {
  process: '直接排放：过程（碳酸盐分解、窑灰、生料有机碳） direct, process',
  combustion: '直接排放：燃料燃烧（化石部分） direct, fuel combustion (fossil)',
  'other-direct': '直接排放：其他温室气体 direct, other GHGs',
  electricity: '外购电力与热力 purchased electricity and heat',
  'fuel-upstream':
    '燃料上游：开采、加工、炼制（背景数据） fuel upstream: mining, processing, refining (background data)',
  'purchased-clinker': '外购熟料 purchased clinker',
  materials: '外购原料（背景数据） purchased materials (background data)',
  'by-products': '工业副产品（经济分配） by-products (economic allocation)',
  transport: '原料运输（背景数据） transport (background data)',
};
const CATEGORIES = Object.keys(BREAKDOWN_LABELS) as BreakdownCategory[];

export interface BreakdownLine {
  readonly category: BreakdownCategory;
  readonly label: string;
  /** tCO2e per tonne of product. */
  readonly value: Quantity;
}

export interface AllocationReport {
  readonly rule: AllocationRule;
  /** Share of the kiln's burden that stays with clinker (100 % without exported electricity). */
  readonly clinkerShare: Quantity;
  /** Burden carried by each by-product constituent, tCO2e per t of it. */
  readonly byProducts: readonly {
    readonly id: string;
    readonly name: string;
    readonly burden: Quantity;
    readonly basis: string;
  }[];
  readonly statements: readonly string[];
}

/** One part of the footprint per tonne of product: a stage (process) or a first-tier input. */
export interface Contribution {
  readonly id: string;
  readonly name: string;
  /** tCO2e per tonne of product. */
  readonly value: Quantity;
  /** For an input: how much of it one tonne of product takes (t, MWh, t·km, Nm3). */
  readonly amount?: Quantity;
  /** Where its data come from: the inventory, a background process, a supplier's declaration. */
  readonly source: string;
  /** True when the data are background data (not the enterprise's own). */
  readonly background: boolean;
}

/** One fuel the plant burns and what its upstream adds per tonne of product. */
export interface FuelUpstreamLine {
  /** Fuel code of the factor base (bituminous-coal, natural-gas, diesel, …). */
  readonly fuel: string;
  /** The inventory's fuel-combustion lines it comes from. */
  readonly lines: readonly string[];
  /** Fuel burnt per tonne of product (after allocation). */
  readonly amount: Quantity;
  /** tCO2e per tonne of product; 0 when cut off. */
  readonly value: Quantity;
  /** `set@version/process` of the background value used, when there is one. */
  readonly background?: string;
  readonly source?: string;
  /** Why it is cut off, when it is. */
  readonly cutOff?: string;
}

/**
 * Whether the upstream of the plant's own fuels is in the footprint: `included` (every fuel has
 * background data), `partial`, `not-included` (no fuel has), `no-fuels` (nothing burnt).
 */
export interface FuelUpstreamReport {
  readonly status: 'included' | 'partial' | 'not-included' | 'no-fuels';
  readonly statement: string;
  readonly fuels: readonly FuelUpstreamLine[];
}

export interface ConstituentReport {
  readonly id: string;
  readonly name: string;
  readonly kind: Constituent['kind'] | 'unspecified';
  readonly share: Quantity;
}

export interface CementFootprint {
  readonly product: CementProduct;
  readonly productName: string;
  /** Declared unit: 1 t of product, at the plant gate. */
  readonly declaredUnit: Quantity;
  /** tCO2e per tonne. */
  readonly total: Quantity;
  readonly breakdown: readonly BreakdownLine[];
  /** The same total by stage (each process's own emissions) and by first-tier input. */
  readonly contributions: {
    readonly byProcess: readonly Contribution[];
    /** Direct emissions of the demanded process (kiln or grinding) and each input with its upstream. */
    readonly byInput: readonly Contribution[];
  };
  readonly fuelUpstream: FuelUpstreamReport;
  readonly allocation: AllocationReport;
  readonly constituents: readonly ConstituentReport[];
  readonly inventory: {
    readonly document: string;
    readonly method: string;
    readonly year: number;
    readonly reporter: string;
    readonly electricityFactors: readonly string[];
  };
  readonly background?: {
    readonly id: string;
    readonly version: string;
    readonly name: string;
    readonly region: string;
    readonly gwp: string;
    readonly licence: string;
  };
  readonly dataQuality: readonly string[];
  /** Links, cut-offs and side flows of the product system, and its solver report. */
  readonly explanation: FootprintExplanation;
}

export interface CementFootprintOptions {
  readonly product: CementProduct;
  readonly inputs?: CementFootprintInputs;
  /**
   * Needed when the inputs name background processes (materials, transport), and for the upstream
   * of the plant's fuels (without it every fuel's upstream is cut off, and the result says so).
   */
  readonly background?: BackgroundSet;
  /** Overrides `inputs.allocation`; default `economic`. */
  readonly allocation?: AllocationRule;
}

const ghg = (c: BreakdownCategory) => `ghg:${c}`;
const fmtQ = (q: Quantity) => `${q.value} ${q.unit}`;

/**
 * The GWP set of this system: each elementary flow is already a CO2e amount (the engine
 * characterized the inventory; background footprints are characterized), so every factor is 1.
 */
const CO2E_AS_IS: GwpSet = {
  id: 'co2e-as-calculated',
  version: '1',
  source:
    'flows already in tCO2e: inventory lines as the accounting engine calculated them, background footprints as characterized in their set',
  factors: CATEGORIES.map((c) => ({
    gas: 'CO2e',
    value: quantity(1, 'tCO2e/t'),
    ref: 'co2e (identity)',
    flowIds: [ghg(c)],
  })),
};

const ex = (flowId: string, direction: Exchange['direction'], amount: Quantity): Exchange => ({
  flowId,
  direction,
  amount,
});

/** Emissions of a foreground process as exchanges, scaled by its allocation share. */
function foregroundEmissions(
  p: ProcessForeground,
  share: number,
  grid: string,
  fuelInput: (f: FuelUse) => Exchange,
): Exchange[] {
  const out: Exchange[] = [];
  const push = (c: BreakdownCategory, q: Quantity) => {
    const v = valueIn(q, 'tCO2e') * share;
    if (v !== 0) out.push(ex(ghg(c), 'output', quantity(v, 't')));
  };
  push('process', p.direct.process);
  push('combustion', p.direct.combustion);
  push('other-direct', p.direct['other-direct']);
  push('electricity', p.heatEmissions);
  const mwh = valueIn(p.electricity, 'MWh') * share;
  if (mwh !== 0) out.push(ex(grid, 'input', quantity(mwh, 'MWh')));
  for (const f of p.fuels) {
    const e = fuelInput(f);
    out.push({ ...e, amount: scale(e.amount, share) });
  }
  return out;
}

const BACKGROUND_LINE: Readonly<Record<BackgroundProcess['category'], BreakdownCategory>> = {
  materials: 'materials',
  transport: 'transport',
  fuels: 'fuel-upstream',
};

/** A grid process supplying 1 MWh at the plant's weighted factor (ΣE / ΣMWh of its lines). */
function gridProcess(id: string, name: string, p: ProcessForeground): Process | undefined {
  const mwh = valueIn(p.electricity, 'MWh');
  if (mwh === 0) return undefined;
  const ef = valueIn(p.electricityEmissions, 'tCO2e') / mwh;
  return {
    id,
    name,
    referenceFlowId: id,
    exchanges: [
      ex(id, 'output', quantity(1, 'MWh')),
      ex(ghg('electricity'), 'output', quantity(ef, 't')),
    ],
  };
}

/**
 * Economic allocation of a by-product: the producer's burden per unit of main product split by
 * revenue, per tonne of by-product: F × P_bp / (P_main + y × P_bp).
 */
export function economicBurden(e: EconomicAllocationData): Quantity {
  const u = e.mainProductUnit;
  const f = valueIn(e.producerFootprint, `tCO2e/${u}`);
  const y = valueIn(e.byProductYield, `t/${u}`);
  const pm = valueIn(e.mainProductPrice, `CNY/${u}`);
  const pb = valueIn(e.byProductPrice, 'CNY/t');
  return quantity((f * pb) / (pm + y * pb), 'tCO2e/t');
}

/** Share of the kiln's burden that clinker keeps against exported electricity, by revenue. */
function clinkerShare(
  fg: PlantForeground,
  rule: AllocationRule,
  inputs: CementFootprintInputs | undefined,
  statements: string[],
): number {
  const exported = valueIn(fg.exportedElectricity, 'MWh');
  if (exported === 0) {
    statements.push(
      '熟料工序无外送电力，熟料承担窑系统全部负担 the kiln exports no electricity: clinker carries the whole kiln burden',
    );
    return 1;
  }
  if (rule === 'cut-off') {
    statements.push(
      `外送电力 ${exported} MWh 不承担负担（截断法） exported electricity leaves burden-free under cut-off: clinker keeps the whole kiln burden`,
    );
    return 1;
  }
  const pc = inputs?.prices?.clinker;
  const pe = inputs?.prices?.electricity;
  if (!pc || !pe)
    throw new CementFootprintError(
      'prices',
      '经济分配需要熟料和外送电价格 economic allocation between clinker and exported electricity needs prices.clinker and prices.electricity (or use --allocation cut-off)',
    );
  const rc = valueIn(multiply(fg.clinkerProduced, pc), 'CNY');
  const re = valueIn(multiply(fg.exportedElectricity, pe), 'CNY');
  const share = rc / (rc + re);
  statements.push(
    `熟料与外送电力按收入分配 clinker and exported electricity by revenue: ${rc} CNY / (${rc} + ${re}) CNY = ${(share * 100).toPrecision(6)} % to clinker`,
  );
  return share;
}

function requireCement(fg: PlantForeground): Quantity {
  if (!fg.cementProduced)
    throw new CementFootprintError(
      'production.cement',
      '水泥足迹需要清单中的水泥产量 the cement footprint needs production.cement in the inventory',
    );
  return fg.cementProduced;
}

/** Default composition: the plant's own clinker, the rest unspecified (a reported data gap). */
function defaultConstituents(fg: PlantForeground, cement: Quantity, notes: string[]) {
  const ratio = Math.min(1, valueIn(divide(fg.clinkerProduced, cement), '1'));
  notes.push(
    `未给出水泥组成：熟料系数取 熟料产量/水泥产量 = ${(ratio * 100).toPrecision(4)} %（假定熟料全部自用、无外购外售），其余组分无数据，按截断列出 no composition given: clinker ratio = clinker produced / cement produced (all clinker ground on site, none bought or sold); the other constituents have no data and are cut off`,
  );
  return ratio;
}

/**
 * Cradle-to-gate footprint of 1 t of clinker or cement (ISO 14067; cement PCR practice, see
 * docs/methods/footprint.md §8) as a product system: the kiln and the grinding unit from the
 * enterprise's accounted inventory, purchased inputs from a background set, by-products and
 * exported electricity allocated by the stated rule.
 */
export function cementFootprint(
  inventory: Inventory,
  result: InventoryResult,
  options: CementFootprintOptions,
): CementFootprint {
  const { product, inputs, background } = options;
  const rule: AllocationRule = options.allocation ?? inputs?.allocation ?? 'economic';
  const fg = plantForeground(inventory, result, inputs?.grindingElectricity);
  const notes = [...fg.notes];
  const statements: string[] = [];
  const share = clinkerShare(fg, rule, inputs, statements);

  const flows: Flow[] = CATEGORIES.map((c) => ({
    id: ghg(c),
    name: BREAKDOWN_LABELS[c],
    kind: 'elementary',
    unit: 't',
    compartment: 'air',
  }));
  const product_ = (id: string, name: string, unit: string) =>
    flows.push({ id, name, kind: 'product', unit });
  const used = new Map<string, BackgroundProcess>();
  /** Where each process's data come from, for the contributions. */
  const own = `清单 inventory ${fg.document} (${fg.method})`;
  const sources = new Map<string, string>([
    ['kiln', own],
    ['grinding', own],
  ]);
  const gridSource = `${own}: 购电量 × 电网因子 purchased MWh × grid factor ${fg.electricityFactors.join(', ') || '—'}`;
  const bg = (id: string, path: string): BackgroundProcess => {
    const p = background?.processes.find((b) => b.id === id);
    if (!p)
      throw new CementFootprintError(
        path,
        `背景数据中没有 ${id} no background process ${id}${background ? ` in ${background.id}` : ' (no background set loaded)'}`,
      );
    used.set(id, p);
    return p;
  };
  /** Why a fuel's upstream has no data, by fuel code and unit (its flow id). */
  const fuelGaps = new Map<string, { fuel: string; reason: string }>();
  const fuelLines = new Map<string, Set<string>>();
  const fuelInput = (f: FuelUse): Exchange => {
    fuelLines.set(f.fuel, (fuelLines.get(f.fuel) ?? new Set()).add(f.line));
    const b = background?.processes.find((p) => p.id === f.fuel && p.category === 'fuels');
    if (b && compatible(f.amount.unit, b.unit)) {
      used.set(b.id, b);
      return ex(`bg:${b.id}`, 'input', convert(f.amount, b.unit));
    }
    // No provider: the solver cuts the flow off and lists it; the report says why.
    const id = `fuel:${f.fuel}:${f.amount.unit}`;
    if (!fuelGaps.has(id)) {
      product_(id, `燃料上游（无背景数据） fuel upstream, no data: ${f.fuel}`, f.amount.unit);
      fuelGaps.set(id, {
        fuel: f.fuel,
        reason: !background
          ? '未加载背景数据集 no background set loaded'
          : !b
            ? `背景数据集 ${background.id} 中没有燃料 ${f.fuel} no fuels process ${f.fuel} in ${background.id}`
            : `用量单位 ${f.amount.unit} 不能换算为 ${b.unit} the amount in ${f.amount.unit} does not convert to ${b.unit}`,
      });
    }
    return ex(id, 'input', f.amount);
  };
  product_('clinker', '熟料 clinker', 't');
  product_('grid:kiln', '外购电力（熟料工序） purchased electricity, kiln', 'MWh');
  product_('exported-electricity', '外送电力 exported electricity', 'MWh');
  const processes: Process[] = [];
  const kilnGrid = gridProcess('grid:kiln', '电网（熟料工序） grid, kiln', fg.kiln);
  if (kilnGrid) processes.push(kilnGrid);
  sources.set('grid:kiln', gridSource);
  const exported = valueIn(fg.exportedElectricity, 'MWh');
  processes.push({
    id: 'kiln',
    name: `熟料生产 clinker production (${fg.kilnFacilities.join(', ') || 'site'})`,
    referenceFlowId: 'clinker',
    exchanges: [
      ex('clinker', 'output', fg.clinkerProduced),
      ...(exported ? [ex('exported-electricity', 'output', fg.exportedElectricity)] : []),
      ...foregroundEmissions(fg.kiln, share, 'grid:kiln', fuelInput),
    ],
  });

  const byProducts: AllocationReport['byProducts'][number][] = [];
  const constituents: ConstituentReport[] = [];
  if (product === 'cement') {
    const cement = requireCement(fg);
    const q = valueIn(cement, 't');
    product_('cement', '水泥 cement', 't');
    product_('grid:grinding', '外购电力（粉磨工序） purchased electricity, grinding', 'MWh');
    const grinding: Exchange[] = [ex('cement', 'output', cement)];
    const list = inputs?.constituents;
    if (list?.length) {
      const total = list.reduce((s, c) => s + valueIn(c.share, '%'), 0);
      if (Math.abs(total - 100) > 0.1)
        throw new CementFootprintError(
          'constituents',
          `组分合计 ${total} % 应为 100 % the constituent shares add up to ${total} %, not 100 %`,
        );
      list.forEach((c, i) => {
        const path = `constituents[${i}]`;
        const mass = quantity(valueIn(c.share, '1') * q, 't');
        constituents.push({ id: c.id, name: c.name, kind: c.kind, share: c.share });
        switch (c.kind) {
          case 'own-clinker':
            grinding.push(ex('clinker', 'input', mass));
            break;
          case 'purchased-clinker': {
            const id = `supplier:${c.id}`;
            product_(id, c.name, 't');
            processes.push({
              id,
              name: `${c.name} (${c.source})`,
              referenceFlowId: id,
              exchanges: [
                ex(id, 'output', quantity(1, 't')),
                ex(
                  ghg('purchased-clinker'),
                  'output',
                  quantity(valueIn(c.footprint, 'tCO2e/t'), 't'),
                ),
              ],
            });
            grinding.push(ex(id, 'input', mass));
            sources.set(id, `供应商声明 supplier's declaration: ${c.source}`);
            break;
          }
          case 'background': {
            const b = bg(c.background, `${path}.background`);
            if (b.category !== 'materials' || b.unit !== 't')
              throw new CementFootprintError(
                `${path}.background`,
                `${b.id} 不是按吨计的原料 is not a material per tonne`,
              );
            grinding.push(ex(`bg:${b.id}`, 'input', mass));
            break;
          }
          case 'by-product': {
            const id = `by-product:${c.id}`;
            product_(id, c.name, 't');
            grinding.push(ex(id, 'input', mass));
            if (rule === 'cut-off') {
              byProducts.push({
                id: c.id,
                name: c.name,
                burden: quantity(0, 'tCO2e/t'),
                basis:
                  '截断：其他系统的废物，无负担进入 cut-off: a waste of another system, burden-free',
              });
              break;
            }
            if (!c.economic)
              throw new CementFootprintError(
                `${path}.economic`,
                `经济分配需要 ${c.id} 的产出方数据 economic allocation needs the producer's footprint, yield and prices (or use --allocation cut-off)`,
              );
            const e = c.economic;
            const burden = economicBurden(e);
            byProducts.push({
              id: c.id,
              name: c.name,
              burden,
              basis: `经济分配 economic: ${fmtQ(e.producerFootprint)} (${e.producer}) × ${fmtQ(e.byProductPrice)} / (${fmtQ(e.mainProductPrice)} + ${valueIn(e.byProductYield, `t/${e.mainProductUnit}`)} t/${e.mainProductUnit} × ${fmtQ(e.byProductPrice)}) (${e.source})`,
            });
            processes.push({
              id,
              name: `${c.name} — ${e.producer}`,
              referenceFlowId: id,
              exchanges: [
                ex(id, 'output', quantity(1, 't')),
                ex(ghg('by-products'), 'output', quantity(valueIn(burden, 'tCO2e/t'), 't')),
              ],
            });
            sources.set(id, `${e.producer}: ${e.source}`);
            break;
          }
        }
        c.transport.forEach((leg, k) => {
          const b = bg(leg.mode, `${path}.transport[${k}].mode`);
          if (b.category !== 'transport')
            throw new CementFootprintError(
              `${path}.transport[${k}].mode`,
              `${b.id} 不是运输 is not a transport process`,
            );
          grinding.push(ex(`bg:${b.id}`, 'input', multiply(mass, leg.distance)));
        });
      });
    } else {
      const ratio = defaultConstituents(fg, cement, notes);
      grinding.push(ex('clinker', 'input', quantity(ratio * q, 't')));
      constituents.push({
        id: 'clinker',
        name: '自产熟料 own clinker',
        kind: 'own-clinker',
        share: quantity(ratio * 100, '%'),
      });
      if (ratio < 1) {
        product_('unspecified', '其他组分（无数据） other constituents (no data)', 't');
        grinding.push(ex('unspecified', 'input', quantity((1 - ratio) * q, 't')));
        constituents.push({
          id: 'unspecified',
          name: '其他组分（无数据） other constituents (no data)',
          kind: 'unspecified',
          share: quantity((1 - ratio) * 100, '%'),
        });
      }
    }
    const ownClinker = grinding
      .filter((e) => e.flowId === 'clinker')
      .reduce((s, e) => s + valueIn(e.amount, 't'), 0);
    if (ownClinker > valueIn(fg.clinkerProduced, 't') * 1.0001)
      notes.push(
        `水泥消耗自产熟料 ${ownClinker} t 多于熟料产量 ${valueIn(fg.clinkerProduced, 't')} t own clinker consumed exceeds clinker produced (stock drawn down or clinker bought: check the composition)`,
      );
    grinding.push(...foregroundEmissions(fg.grinding, 1, 'grid:grinding', fuelInput));
    const gGrid = gridProcess('grid:grinding', '电网（粉磨工序） grid, grinding', fg.grinding);
    if (gGrid) processes.push(gGrid);
    sources.set('grid:grinding', gridSource);
    processes.push({
      id: 'grinding',
      name: '水泥粉磨 cement grinding',
      referenceFlowId: 'cement',
      exchanges: grinding,
    });
  }
  for (const b of used.values()) {
    const id = `bg:${b.id}`;
    product_(id, b.name, b.unit);
    processes.push({
      id,
      name: `${b.name} [${background?.id ?? ''}]`,
      location: background?.region ?? '',
      referenceFlowId: id,
      exchanges: [
        ex(id, 'output', quantity(1, b.unit)),
        ex(
          ghg(BACKGROUND_LINE[b.category]),
          'output',
          quantity(valueIn(b.footprint, `tCO2e/${b.unit}`), 't'),
        ),
      ],
    });
    sources.set(id, `${background?.id ?? ''}@${background?.version ?? ''}: ${b.source}`);
    if (b.proxy) notes.push(`${b.id}: 代用数据 proxy — ${b.proxy}`);
  }
  if (used.size && background)
    notes.push(
      `背景数据 background data: ${background.name} (${background.id}@${background.version}), ${background.region} — 非中国数据 not Chinese data; GWP: ${background.gwp}`,
    );
  statements.push(
    rule === 'economic'
      ? '工业副产品（矿渣、粉煤灰、脱硫石膏）按经济价值分配上游负担（EN 15804+A2 §6.4.3.2，水泥 EPD 通行做法） by-products (slag, fly ash, FGD gypsum) carry an economic share of their producer’s burden (EN 15804+A2 §6.4.3.2 as cement EPDs apply it)'
      : '工业副产品按其他系统的废物处理，无负担进入，仅计运输（截断法） by-products are wastes of other systems and arrive burden-free; only their transport counts (cut-off)',
  );

  const model = new ProductSystemModel({ flows, processes });
  const demand = product === 'cement' ? 'grinding' : 'kiln';
  const r = model.calculate({ processId: demand, amount: quantity(1, 't') }, CO2E_AS_IS);
  const perT = (c: BreakdownCategory) =>
    r.inventory.find((e) => e.flowId === ghg(c))?.amount.value ?? 0;
  const breakdown = CATEGORIES.map((c) => ({
    category: c,
    label: BREAKDOWN_LABELS[c],
    value: quantity(perT(c), 'tCO2e/t'),
  })).filter((b) => b.value.value !== 0);
  for (const c of r.explanation.cutOffs)
    notes.push(
      `截断 cut off: ${c.flowName} ${c.total.value.toPrecision(6)} ${c.total.unit} 每吨产品 per tonne of product (no data, no burden)`,
    );
  const perTonne = (q: Quantity) => quantity(valueIn(q, 'tCO2e'), 'tCO2e/t');
  const contribution = (id: string, name: string, value: Quantity, amount?: Quantity) => ({
    id,
    name,
    value: perTonne(value),
    ...(amount ? { amount } : {}),
    source: sources.get(id) ?? '',
    background: id.startsWith('bg:'),
  });
  const impact = r.impact!;
  const demanded = processes.find((p) => p.id === demand)!;
  const contributions = {
    byProcess: impact.byProcess
      .filter((c) => c.amount.value !== 0)
      .map((c) => contribution(c.processId, c.processName, c.amount)),
    byInput: [
      contribution(demand, `${demanded.name}：直接排放 direct`, impact.direct),
      ...mergeByProvider(impact.byInput).map((i) =>
        contribution(i.providerId, i.flowName, i.amount, i.input),
      ),
    ],
  };
  return {
    product,
    productName:
      inputs?.product ?? (product === 'cement' ? '水泥 cement' : '水泥熟料 cement clinker'),
    declaredUnit: quantity(1, 't'),
    total: quantity(valueIn(r.impact?.total ?? quantity(0, 'kgCO2e'), 'tCO2e'), 'tCO2e/t'),
    breakdown,
    contributions,
    fuelUpstream: fuelUpstreamReport(r, used, fuelLines, fuelGaps, background),
    allocation: {
      rule,
      clinkerShare: quantity(share * 100, '%'),
      byProducts,
      statements,
    },
    constituents,
    inventory: {
      document: fg.document,
      method: fg.method,
      year: fg.year,
      reporter: fg.reporter,
      electricityFactors: fg.electricityFactors,
    },
    ...(background && used.size
      ? {
          background: {
            id: background.id,
            version: background.version,
            name: background.name,
            region: background.region,
            gwp: background.gwp,
            licence: background.licence,
          },
        }
      : {}),
    dataQuality: notes,
    explanation: r.explanation,
  };
}

/** What the upstream of each fuel adds per tonne, read off the solved system. */
function fuelUpstreamReport(
  r: FootprintResult,
  used: ReadonlyMap<string, BackgroundProcess>,
  fuelLines: ReadonlyMap<string, ReadonlySet<string>>,
  gaps: ReadonlyMap<string, { fuel: string; reason: string }>,
  background: BackgroundSet | undefined,
): FuelUpstreamReport {
  const fuels: FuelUpstreamLine[] = [];
  const lines = (fuel: string) => [...(fuelLines.get(fuel) ?? [])];
  for (const b of used.values()) {
    if (b.category !== 'fuels') continue;
    // The background process runs once per unit of fuel, so its activity is the fuel per tonne.
    const s = r.scaling.values[r.scaling.labels.indexOf(`bg:${b.id}`)] ?? 0;
    fuels.push({
      fuel: b.id,
      lines: lines(b.id),
      amount: quantity(s, b.unit),
      value: quantity(s * valueIn(b.footprint, `tCO2e/${b.unit}`), 'tCO2e/t'),
      background: `${background?.id ?? ''}@${background?.version ?? ''}/${b.id}`,
      source: b.source,
    });
  }
  for (const [flowId, gap] of gaps) {
    const cut = r.explanation.cutOffs.filter((c) => c.flowId === flowId);
    fuels.push({
      fuel: gap.fuel,
      lines: lines(gap.fuel),
      amount: quantity(
        cut.reduce((t, c) => t + c.total.value, 0),
        cut[0]?.total.unit ?? '',
      ),
      value: quantity(0, 'tCO2e/t'),
      cutOff: gap.reason,
    });
  }
  const covered = fuels.filter((f) => !f.cutOff).map((f) => f.fuel);
  const missing = fuels.filter((f) => f.cutOff).map((f) => f.fuel);
  if (!fuels.length)
    return {
      status: 'no-fuels',
      statement: '本产品系统不燃烧化石燃料 the product system burns no fossil fuel',
      fuels,
    };
  if (!missing.length)
    return {
      status: 'included',
      statement: `燃料上游（开采、加工、炼制至出厂）已按背景数据计入：${covered.join(', ')}；燃料从矿山、炼厂到本厂的运输未计入 the upstream of every fuel burnt (mining, processing, refining, to the producer's gate) is included from background data: ${covered.join(', ')}; transport of the fuels from the mine or refinery to the plant is not`,
      fuels,
    };
  const lowerBound = `${missing.join(', ')} 的上游无背景数据，已截断，足迹为下限 the upstream of ${missing.join(', ')} has no background data and is cut off: the footprint is a lower bound`;
  return {
    status: covered.length ? 'partial' : 'not-included',
    statement: covered.length
      ? `燃料上游部分计入（${covered.join(', ')}）included for ${covered.join(', ')}; ${lowerBound}`
      : lowerBound,
    fuels,
  };
}

/**
 * One row per provider: the kiln buys coal once per inventory line (a month, a line), and each
 * exchange is an input of its own in the solver's answer.
 */
function mergeByProvider(inputs: readonly InputContribution[]): InputContribution[] {
  const merged = new Map<string, InputContribution>();
  for (const i of inputs) {
    const seen = merged.get(i.providerId);
    merged.set(
      i.providerId,
      seen
        ? {
            ...seen,
            input: quantity(seen.input.value + valueIn(i.input, seen.input.unit), seen.input.unit),
            amount: quantity(
              seen.amount.value + valueIn(i.amount, seen.amount.unit),
              seen.amount.unit,
            ),
          }
        : i,
    );
  }
  return [...merged.values()];
}
