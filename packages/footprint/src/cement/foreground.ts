import type { Inventory, InventoryLine, InventoryResult, LineKind } from '@carbonbase/engine';
import { quantity, scale, sum, valueIn, type Quantity } from '@carbonbase/quantity';

/** Where a line's emissions go in the breakdown. */
export type DirectCategory = 'process' | 'combustion' | 'other-direct';

const DIRECT: Partial<Record<LineKind, DirectCategory>> = {
  clinker: 'process',
  'kiln-dust': 'process',
  'raw-meal-organic-carbon': 'process',
  'non-carbonate-raw-material': 'process',
  'process-emission': 'process',
  ccus: 'process',
  'fuel-combustion': 'combustion',
  'alternative-fuel': 'combustion',
  'non-co2': 'other-direct',
};

/** The foreground data of one process of the plant (kiln or grinding), for the whole period. */
export interface ProcessForeground {
  /** Direct emissions by category, tCO2e (deductions the method allows are negative). */
  readonly direct: Readonly<Record<DirectCategory, Quantity>>;
  /** Purchased electricity consumed, MWh. */
  readonly electricity: Quantity;
  /** Its emissions as the engine calculated them (MWh × grid factor), tCO2e. */
  readonly electricityEmissions: Quantity;
  /** Purchased heat's emissions, tCO2e (shown with electricity). */
  readonly heatEmissions: Quantity;
  /** Fossil fuels burnt (fuel-combustion lines), for their upstream: mining, refining, transport. */
  readonly fuels: readonly FuelUse[];
  /** Inventory lines that make it up. */
  readonly lines: readonly string[];
}

/** A fuel burnt in a process: the factor-base fuel code and the amount of one inventory line. */
export interface FuelUse {
  readonly line: string;
  readonly fuel: string;
  /** t, 万Nm3 or GJ, as the inventory gives it. */
  readonly amount: Quantity;
}

export interface PlantForeground {
  readonly document: string;
  readonly method: string;
  readonly year: number;
  readonly reporter: string;
  /** Facilities with a clinker line: the kiln lines. */
  readonly kilnFacilities: readonly string[];
  /** Clinker produced in the period (production.clinker, else the sum of the clinker lines). */
  readonly clinkerProduced: Quantity;
  readonly cementProduced?: Quantity;
  readonly kiln: ProcessForeground;
  readonly grinding: ProcessForeground;
  /** Electricity exported from the site (waste-heat power sold): a co-product of the kiln, MWh. */
  readonly exportedElectricity: Quantity;
  /** Factor references (id@version) the engine used for purchased electricity. */
  readonly electricityFactors: readonly string[];
  /** What the mapping assumed, for the data-quality notes. */
  readonly notes: readonly string[];
}

export class CementFootprintError extends Error {
  constructor(
    readonly path: string,
    message: string,
  ) {
    super(`${path}: ${message}`);
    this.name = 'CementFootprintError';
  }
}

const T = 'tCO2e';
const zero = (unit: string) => quantity(0, unit);

interface Pool {
  direct: Record<DirectCategory, Quantity[]>;
  mwh: Quantity[];
  elec: Quantity[];
  heat: Quantity[];
  fuels: FuelUse[];
  lines: string[];
}
const pool = (): Pool => ({
  direct: { process: [], combustion: [], 'other-direct': [] },
  mwh: [],
  elec: [],
  heat: [],
  fuels: [],
  lines: [],
});

function close(p: Pool, lines: readonly string[] = p.lines): ProcessForeground {
  return {
    direct: {
      process: sum(p.direct.process, T),
      combustion: sum(p.direct.combustion, T),
      'other-direct': sum(p.direct['other-direct'], T),
    },
    electricity: sum(p.mwh, 'MWh'),
    electricityEmissions: sum(p.elec, T),
    heatEmissions: sum(p.heat, T),
    fuels: p.fuels,
    lines,
  };
}

/**
 * Splits the engine's results for a cement plant into the kiln (clinker) and grinding (cement)
 * processes of a product system. Lines on a facility with a clinker line, and site-level lines,
 * belong to the kiln; lines on any other facility belong to grinding. Site-level purchased
 * electricity marked `inClinkerBoundary: false` belongs to grinding; the rest goes to the kiln
 * except `grindingElectricity`, taken from it pro rata. Each line
 * keeps the figure the engine calculated for it, so the footprint uses the same factors
 * (`id@version`) as the inventory.
 */
export function plantForeground(
  inventory: Inventory,
  result: InventoryResult,
  grindingElectricity?: Quantity,
): PlantForeground {
  const source = new Map<string, InventoryLine>(inventory.lines.map((l) => [l.id, l]));
  const clinkerLines = inventory.lines.filter((l) => l.kind === 'clinker');
  if (!clinkerLines.length)
    throw new CementFootprintError(
      result.document,
      '清单中没有熟料行 the inventory has no clinker line: not a clinker plant',
    );
  const kilnFacilities = [
    ...new Set(clinkerLines.flatMap((l) => (l.facility ? [l.facility] : []))),
  ].sort();
  const clinkerProduced =
    inventory.production?.clinker ??
    sum(
      clinkerLines.map((l) => l.amount),
      't',
    );
  const notes: string[] = [];
  const kiln = pool();
  const grinding = pool();
  const site = pool();
  const exported: Quantity[] = [];
  const factors = new Set<string>();
  const where = (l: { facility?: string }): Pool =>
    l.facility === undefined ? site : kilnFacilities.includes(l.facility) ? kiln : grinding;

  for (const line of result.lines) {
    const doc = source.get(line.id);
    if (line.treatment === 'memo' || line.treatment === 'excluded') continue;
    if (line.kind === 'electricity-exported') {
      if (doc?.kind === 'electricity-exported') exported.push(doc.amount);
      notes.push(
        `${line.id}: 外送电力按联产品处理，不作扣减 exported electricity is a co-product of the kiln, not a deduction (allocation below)`,
      );
      continue;
    }
    if (line.kind === 'heat-exported') {
      notes.push(
        `${line.id}: 外送热力未分配，负担全部留给产品 exported heat is not allocated: the product keeps the whole burden`,
      );
      continue;
    }
    if (line.kind === 'spend') {
      notes.push(
        `${line.id}: 按支出估算的范围三不进入产品足迹 spend-based Scope 3 is not process data and is left out`,
      );
      continue;
    }
    // Site-level electricity the inventory marks as outside the clinker boundary is metered
    // apart from the kiln: the grinding unit's (as GB 16780 and the ETS boundary read it).
    const apart =
      line.facility === undefined &&
      doc?.kind === 'electricity-purchased' &&
      doc.inClinkerBoundary === false;
    if (apart)
      notes.push(
        `${line.id}: 全厂外购电标为熟料边界外，计入水泥粉磨 site-level electricity outside the clinker boundary goes to cement grinding`,
      );
    const p = apart ? grinding : where(line);
    p.lines.push(line.id);
    const category = DIRECT[line.kind];
    if (category) {
      p.direct[category].push(line.emissions);
      if (doc?.kind === 'fuel-combustion')
        p.fuels.push({ line: line.id, fuel: doc.fuel, amount: doc.amount });
    } else if (line.kind === 'electricity-purchased' && doc?.kind === 'electricity-purchased') {
      p.mwh.push(doc.amount);
      p.elec.push(line.emissions);
      for (const f of line.explanation.factors) if (f.parameter === 'ef') factors.add(f.ref);
    } else if (line.kind === 'heat-purchased') {
      p.heat.push(line.emissions);
    }
  }
  const siteLines = [...site.lines];
  for (const id of siteLines) {
    const doc = source.get(id);
    if (doc?.inClinkerBoundary === false && doc.kind !== 'electricity-purchased')
      notes.push(
        `${id}: 场内车辆等边界外排放计入熟料工序（摇篮到大门包括矿山） outside the ETS clinker boundary but inside cradle-to-gate (quarry and site vehicles): attributed to clinker`,
      );
  }

  // Site-level electricity: the grinding share comes out pro rata; the rest is the kiln's.
  const siteMwh = sum(site.mwh, 'MWh');
  const siteElec = sum(site.elec, T);
  const g = grindingElectricity ? valueIn(grindingElectricity, 'MWh') : 0;
  const total = valueIn(siteMwh, 'MWh');
  if (g > total)
    throw new CementFootprintError(
      'grindingElectricity',
      `粉磨用电 ${g} MWh 超过全厂外购电量 exceeds the site-level purchased electricity ${total} MWh`,
    );
  const gShare = total > 0 ? g / total : 0;
  if (total > 0 && !grindingElectricity)
    notes.push(
      `全厂外购电 ${total} MWh 全部计入熟料（未给出粉磨用电 grindingElectricity） all site-level purchased electricity is attributed to clinker: give grindingElectricity to split it`,
    );
  kiln.mwh.push(scale(siteMwh, 1 - gShare));
  kiln.elec.push(scale(siteElec, 1 - gShare));
  grinding.mwh.push(scale(siteMwh, gShare));
  grinding.elec.push(scale(siteElec, gShare));
  for (const c of ['process', 'combustion', 'other-direct'] as const)
    kiln.direct[c].push(...site.direct[c]);
  kiln.heat.push(...site.heat);
  kiln.fuels.push(...site.fuels);

  const excluded = result.lines.filter((l) => l.treatment === 'excluded').map((l) => l.id);
  if (excluded.length)
    notes.push(
      `方法 ${result.method.id} 不计入的行 lines the method leaves out (not in the footprint): ${excluded.join(', ')}`,
    );
  return {
    document: result.document,
    method: result.method.id,
    year: result.period.year,
    reporter: result.reporter.name,
    kilnFacilities,
    clinkerProduced,
    ...(inventory.production?.cement ? { cementProduced: inventory.production.cement } : {}),
    kiln: close(kiln, [...kiln.lines, ...siteLines]),
    grinding: close(grinding),
    exportedElectricity: exported.length ? sum(exported, 'MWh') : zero('MWh'),
    electricityFactors: [...factors].sort(),
    notes,
  };
}
