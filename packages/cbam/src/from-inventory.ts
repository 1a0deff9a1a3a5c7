import type { Inventory, InventoryLine, InventoryResult, LineResult } from '@carbonbase/engine';
import { divide, quantity, scale, sum, valueIn, type Quantity } from '@carbonbase/quantity';
import { CbamError } from './factor-input.js';
import type { CnCode } from './goods.js';
import type {
  CbamInstallation,
  ElectricityUse,
  OtherDirectEmission,
  PrecursorUse,
  ProductionProcess,
} from './model.js';

/** What the inventory does not say and the CBAM installation needs. */
export interface FromInventoryOptions {
  /** ISO 3166-1 alpha-2 country of origin; default: the reporter's region before "-" (CN-GX → CN). */
  readonly country?: string;
  /** Site-level purchased electricity used by cement grinding; the rest is the clinker process's. */
  readonly grindingElectricity?: Quantity;
  /** Own clinker ground into cement in the period; default: all clinker produced. */
  readonly clinkerConsumed?: Quantity;
  /** CN code of the cement made; default 2523 29 00 (Portland cement other than white). */
  readonly cementGood?: CnCode;
  /** Clinker bought from other installations, with the supplier's SEE. */
  readonly purchasedClinker?: readonly PrecursorUse[];
}

export interface InventoryLink {
  readonly installation: CbamInstallation;
  /** What the mapping assumed or left out, in both languages. */
  readonly notes: readonly string[];
}

/** Lines whose emissions are direct (Scope 1) in the engine's results. */
const DIRECT_KINDS = new Set<string>([
  'clinker',
  'non-carbonate-raw-material',
  'kiln-dust',
  'raw-meal-organic-carbon',
  'process-emission',
  'fuel-combustion',
  'alternative-fuel',
  'non-co2',
  'ccus',
]);

/** The net calcination of the clinker lines: carbonate CO2 less non-carbonate deductions. */
const CALCINATION_KINDS = new Set<string>(['clinker', 'non-carbonate-raw-material']);

const counted = (l: LineResult) => l.treatment === 'included' || l.treatment === 'deducted';

interface ElectricityGroup {
  readonly ref: string | undefined;
  readonly lines: string[];
  readonly mwh: Quantity[];
  readonly emissions: Quantity[];
}

/**
 * Builds the CBAM installation (IR (EU) 2023/1773 Annex III attribution) from an inventory and the
 * engine's results for it: the clinker process (2523 10 00) takes the kiln lines — those on a
 * facility with a clinker line — and the site-level lines; a cement process takes the lines on any
 * other facility and consumes the clinker as its precursor. Each direct emission is the figure the
 * engine calculated for its line (its method, factors and explanation), carried as the clinker
 * factor (calcination) or as a stated `other` source; purchased electricity keeps the grid factor
 * the engine resolved (`id@version`). docs/methods/cbam.md §8 lists what this assumes.
 */
export function installationFromInventory(
  inventory: Inventory,
  result: InventoryResult,
  options: FromInventoryOptions = {},
): InventoryLink {
  const notes: string[] = [];
  const doc = new Map<string, InventoryLine>(inventory.lines.map((l) => [l.id, l]));
  const clinkerLines = inventory.lines.filter((l) => l.kind === 'clinker');
  if (!clinkerLines.length)
    throw new CbamError(
      'lines',
      '清单中没有熟料行 the inventory has no clinker line: nothing to attribute to 2523 10 00',
    );
  const kilns = new Set(clinkerLines.flatMap((l) => (l.facility ? [l.facility] : [])));
  const isKiln = (l: { facility?: string }) => l.facility === undefined || kilns.has(l.facility);
  const source = `carbonbase account ${result.document} (${result.method.id})`;
  const produced =
    inventory.production?.clinker ??
    sum(
      clinkerLines.map((l) => l.amount),
      't',
    );

  // Direct emissions by process.
  const calcination: LineResult[] = [];
  const kilnOther: OtherDirectEmission[] = [];
  const millOther: OtherDirectEmission[] = [];
  for (const l of result.lines) {
    if (!counted(l) || !DIRECT_KINDS.has(l.kind)) continue;
    const line = doc.get(l.id);
    if (l.facility === undefined && line?.inClinkerBoundary === false) {
      notes.push(
        `${l.id}: 场内移动源等不属于装置边界，未计入 outside the installation (site vehicles, inClinkerBoundary: false): left out`,
      );
      continue;
    }
    if (isKiln(l) && CALCINATION_KINDS.has(l.kind)) {
      calcination.push(l);
      continue;
    }
    const other: OtherDirectEmission = {
      id: l.id,
      name: l.explanation.title,
      emissions: l.emissions,
      source: `${source}, line ${l.id}: ${l.explanation.formula.text}`,
    };
    (isKiln(l) ? kilnOther : millOther).push(other);
  }
  const calcinationCo2 = sum(
    calcination.map((l) => l.emissions),
    'tCO2e',
  );
  const efClinker = quantity(valueIn(divide(calcinationCo2, produced), 'tCO2e/t'), 'tCO2/t');

  // Purchased electricity, grouped by the grid factor the engine used, kiln and mill apart.
  const groups = new Map<string, ElectricityGroup>();
  const group = (pool: string, ref: string | undefined) => {
    const key = `${pool}|${ref ?? ''}`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { ref, lines: [], mwh: [], emissions: [] }));
    return g;
  };
  const site: ElectricityGroup[] = [];
  for (const l of result.lines) {
    const line = doc.get(l.id);
    if (!counted(l) || line?.kind !== 'electricity-purchased') continue;
    const refs = l.explanation.factors.filter((f) => f.parameter === 'ef').map((f) => f.ref);
    const pool = l.facility === undefined ? 'site' : isKiln(l) ? 'kiln' : 'mill';
    const g = group(pool, refs.length === 1 ? refs[0] : undefined);
    g.lines.push(l.id);
    g.mwh.push(line.amount);
    g.emissions.push(l.emissions);
    if (pool === 'site' && !site.includes(g)) site.push(g);
  }
  const siteMwh = valueIn(
    sum(
      site.flatMap((g) => g.mwh),
      'MWh',
    ),
    'MWh',
  );
  const grinding = options.grindingElectricity ? valueIn(options.grindingElectricity, 'MWh') : 0;
  if (grinding > siteMwh)
    throw new CbamError(
      'grindingElectricity',
      `粉磨用电 ${grinding} MWh 超过全厂外购电量 exceeds the site-level purchased electricity ${siteMwh} MWh`,
    );
  const millShare = siteMwh > 0 ? grinding / siteMwh : 0;
  if (siteMwh > 0 && !options.grindingElectricity)
    notes.push(
      `全厂外购电 ${siteMwh} MWh 全部归熟料工序 all site-level purchased electricity is attributed to clinker (give the grinding share to split it)`,
    );

  const uses = (pool: 'kiln' | 'mill'): ElectricityUse[] => {
    const out: ElectricityUse[] = [];
    for (const [key, g] of groups) {
      const [p] = key.split('|');
      const k = p === 'site' ? (pool === 'kiln' ? 1 - millShare : millShare) : p === pool ? 1 : 0;
      if (k === 0) continue;
      const mwh = scale(sum(g.mwh, 'MWh'), k);
      const id = `${p}-${out.length + 1}`;
      const name = `外购电力 purchased electricity (${p === 'site' ? `site, ${(k * 100).toPrecision(4)} %` : p}; lines ${g.lines.join(', ')})`;
      const factor = g.ref
        ? { ref: g.ref }
        : {
            value: divide(sum(g.emissions, 'tCO2e'), sum(g.mwh, 'MWh')),
            source: `${source}, lines ${g.lines.join(', ')}: emissions ÷ MWh`,
          };
      out.push({ id, name, amount: mwh, factor });
    }
    return out;
  };

  for (const l of result.lines) {
    const line = doc.get(l.id);
    if (line?.kind === 'electricity-generated')
      notes.push(
        `${l.id}: 自发电（${line.source}）不另列间接排放（其燃料已计入直接排放） on-site generation has no indirect emissions of its own (any fuel is in the direct emissions); its treatment under IR 2023/1773 is not verified`,
      );
    if (line?.kind === 'electricity-exported' && counted(l))
      notes.push(
        `${l.id}: 外送电力的扣减不用于 CBAM the deduction for exported electricity is not carried into CBAM attribution`,
      );
  }
  if (result.method.id === 'cn-cement-cets-2024')
    notes.push(
      '该方法不计窑灰和生料有机碳，CBAM 直接排放包括窑灰 cn-cement-cets-2024 leaves out kiln dust and raw-meal organic carbon, which CBAM counts: use cn-cement-2015',
    );
  notes.push(
    `熟料因子 clinker factor ${valueIn(efClinker, 'tCO2/t')} tCO2/t = ${valueIn(calcinationCo2, 'tCO2e')} tCO2 (${calcination.map((l) => l.id).join(', ')}) ÷ ${valueIn(produced, 't')} t; 引擎按 ${result.method.id} 的摩尔质量比计算，未改用 CBAM 的 0.785/1.092 the engine's molar ratios are kept`,
  );

  const clinker: ProductionProcess = {
    id: 'clinker',
    name: `熟料生产 clinker production (${[...kilns].sort().join(', ') || 'site'})`,
    good: '2523 10 00',
    production: produced,
    direct: {
      calcination: {
        method: 'factor',
        factor: {
          value: efClinker,
          source: `${source}, lines ${calcination.map((l) => l.id).join(', ')}: ${valueIn(calcinationCo2, 'tCO2e')} tCO2 ÷ ${valueIn(produced, 't')} t clinker`,
        },
      },
      ...(kilnOther.length ? { other: kilnOther } : {}),
    },
    indirect: { electricity: uses('kiln') },
  };
  const processes: ProductionProcess[] = [clinker];
  const cement = inventory.production?.cement;
  if (cement) {
    const consumed = options.clinkerConsumed ?? produced;
    if (!options.clinkerConsumed)
      notes.push(
        `水泥消耗自产熟料取熟料产量 ${valueIn(produced, 't')} t（假定无外售、无库存变化） own clinker ground into cement taken as all clinker produced (none sold, no stock change)`,
      );
    processes.push({
      id: 'cement',
      name: '水泥粉磨 cement grinding',
      good: options.cementGood ?? '2523 29 00',
      production: cement,
      direct: millOther.length ? { other: millOther } : {},
      indirect: { electricity: uses('mill') },
      precursors: [
        { good: '2523 10 00', amount: consumed, from: { process: 'clinker' } },
        ...(options.purchasedClinker ?? []),
      ],
    });
  } else {
    notes.push(
      '清单无水泥产量，只建熟料工序 no production.cement in the inventory: only the clinker process is built',
    );
  }
  const region = inventory.reporter.region;
  return {
    installation: {
      format: 'carbonbase.cbam-installation/v1',
      installation: {
        name: inventory.reporter.name,
        country: options.country ?? region.split('-')[0] ?? region,
        region,
      },
      period: { year: inventory.period.year },
      processes,
    },
    notes,
  };
}
