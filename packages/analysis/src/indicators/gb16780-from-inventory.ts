import {
  compatible,
  convert,
  divide,
  formatQuantity,
  multiply,
  subtract,
  sum,
  valueIn,
  type Quantity,
} from '@carbonbase/quantity';
import { comprehensiveEnergy } from './energy.js';
import { evaluateGraded, type GradedResult } from './graded.js';
import type { GradedLimitSystem } from './schema.js';

/**
 * GB 16780-2021 clinker indicators from an annual inventory: the fuels, electricity and clinker
 * of a cement plant's year, as the engine's lines carry them, turned into unit coal, unit
 * electricity and unit comprehensive energy per tonne of clinker and graded
 * (docs/methods/analysis.md §1a, "Grade from a stored run"). Where GB 16780's text is not in
 * hand (alternative fuels, waste-heat power) the treatment is our reading, marked as such in
 * the notes so that nobody takes it for the standard's wording.
 */

/** A fuel burnt in the year (one inventory line). */
export interface ClinkerFuelUse {
  readonly line: string;
  readonly fuel: string;
  /** Alternative or waste fuel (co-processing: RDF, tyres, …), not a fossil fuel. */
  readonly alternative: boolean;
  /** t, 万Nm3 or directly a heat (GJ). */
  readonly amount: Quantity;
  /** Net calorific value, needed unless the amount is a heat. */
  readonly ncv?: Quantity;
  /** False for lines the data keep out of clinker production (quarry trucks, …). */
  readonly inClinkerBoundary: boolean;
}

/** Electricity bought, generated on site or sent out in the year (one inventory line). */
export interface ClinkerElectricityUse {
  readonly line: string;
  readonly kind: 'purchased' | 'generated' | 'exported';
  /** For generated power: waste-heat, solar, wind, other. */
  readonly source?: string;
  readonly amount: Quantity;
  readonly inClinkerBoundary: boolean;
}

export interface ClinkerEnergyInput {
  /** Clinker produced in the year. */
  readonly clinker: Quantity;
  readonly fuels: readonly ClinkerFuelUse[];
  readonly electricity: readonly ClinkerElectricityUse[];
  /** Electricity to standard coal (当量值, kgce/kWh), from the factor base. */
  readonly coefficient: Quantity;
  /** `id@version` of the coefficient's factor record. */
  readonly coefficientRef: string;
}

/** A note of the grading, in both languages; `reading` marks our reading of the standard (R). */
export interface GradeNote {
  readonly id: string;
  readonly zh: string;
  readonly en: string;
  /** True when the rule is our reading, not verified against GB 16780-2021's text (R). */
  readonly reading: boolean;
}

export interface ClinkerEnergyFigures {
  readonly clinker: Quantity;
  /** 熟料单位产品综合煤耗, kgce/t. */
  readonly coal: Quantity;
  /** 熟料单位产品综合电耗, kWh/t. */
  readonly electricity: Quantity;
  /** 熟料单位产品综合能耗, kgce/t. */
  readonly comprehensive: Quantity;
  /** The year's sums behind the unit figures. */
  readonly parts: {
    readonly fossilFuel: Quantity;
    readonly alternativeFuel: Quantity;
    readonly purchased: Quantity;
    readonly generated: Quantity;
    readonly wasteHeat: Quantity;
    readonly exported: Quantity;
  };
  /** Lines counted and lines left out (outside the clinker-production boundary). */
  readonly counted: readonly string[];
  readonly outside: readonly string[];
  /** The arithmetic, one line per figure. */
  readonly steps: readonly string[];
}

/** An input the grading cannot use, naming the line and the field. */
export class GradeInputError extends Error {
  constructor(
    readonly line: string,
    readonly field: string,
    readonly reason: string,
  ) {
    super(`${line}.${field}: ${reason}`);
    this.name = 'GradeInputError';
  }
}

const KGCE = 'kgce';
const MWH = 'MWh';

/** A fuel's heat in standard coal: amount × NCV, at 1 kgce = 29 307.6 kJ (GB/T 2589-2020). */
function fuelStandardCoal(f: ClinkerFuelUse): Quantity {
  if (compatible(f.amount.unit, 'GJ')) return convert(f.amount, KGCE);
  if (!f.ncv) throw new GradeInputError(f.line, 'ncv', `${formatQuantity(f.amount)} needs its NCV`);
  const heat = multiply(f.amount, f.ncv);
  if (!compatible(heat.unit, 'GJ'))
    throw new GradeInputError(
      f.line,
      'ncv',
      `NCV ${formatQuantity(f.ncv)} does not fit ${formatQuantity(f.amount)}`,
    );
  return convert(heat, KGCE);
}

const fmt = (q: Quantity, unit: string, digits = 2) =>
  `${valueIn(q, unit).toFixed(digits)} ${unit}`;

/**
 * The three clinker figures of GB 16780-2021 表2 from the year's lines:
 *   coal          = Σ fuel heat in the clinker boundary (fossil and alternative, amount × NCV,
 *                   in kgce) ÷ clinker
 *   electricity   = (purchased + generated on site − exported, in the boundary) ÷ clinker
 *   comprehensive = coal + electricity × coefficient (当量值)
 */
export function clinkerEnergyFigures(input: ClinkerEnergyInput): ClinkerEnergyFigures {
  const clinkerT = valueIn(input.clinker, 't');
  if (!(clinkerT > 0))
    throw new GradeInputError('clinker', 'amount', 'no clinker produced in the year');
  const counted: string[] = [];
  const outside: string[] = [];
  const fossil: Quantity[] = [];
  const alternative: Quantity[] = [];
  for (const f of input.fuels) {
    if (!f.inClinkerBoundary) {
      outside.push(f.line);
      continue;
    }
    counted.push(f.line);
    (f.alternative ? alternative : fossil).push(fuelStandardCoal(f));
  }
  const power = {
    purchased: [] as Quantity[],
    generated: [] as Quantity[],
    exported: [] as Quantity[],
  };
  const wasteHeat: Quantity[] = [];
  for (const e of input.electricity) {
    if (!e.inClinkerBoundary) {
      outside.push(e.line);
      continue;
    }
    if (!compatible(e.amount.unit, MWH))
      throw new GradeInputError(e.line, 'amount', `${formatQuantity(e.amount)} is not electricity`);
    counted.push(e.line);
    power[e.kind].push(e.amount);
    if (e.kind === 'generated' && e.source === 'waste-heat') wasteHeat.push(e.amount);
  }
  const parts = {
    fossilFuel: sum(fossil, KGCE),
    alternativeFuel: sum(alternative, KGCE),
    purchased: sum(power.purchased, MWH),
    generated: sum(power.generated, MWH),
    wasteHeat: sum(wasteHeat, MWH),
    exported: sum(power.exported, MWH),
  };
  const fuel = sum([parts.fossilFuel, parts.alternativeFuel], KGCE);
  const consumed = subtract(sum([parts.purchased, parts.generated], MWH), parts.exported);
  const coal = convert(divide(fuel, input.clinker), 'kgce/t');
  const electricity = convert(divide(consumed, input.clinker), 'kWh/t');
  const comprehensive = convert(
    comprehensiveEnergy(coal, electricity, input.coefficient),
    'kgce/t',
  );
  const steps = [
    `coal = (${fmt(parts.fossilFuel, 'tce')} fossil + ${fmt(parts.alternativeFuel, 'tce')} alternative) ÷ ${fmt(input.clinker, 't', 0)} = ${fmt(coal, 'kgce/t')}`,
    `electricity = (${fmt(parts.purchased, MWH, 1)} purchased + ${fmt(parts.generated, MWH, 1)} generated − ${fmt(parts.exported, MWH, 1)} exported) ÷ ${fmt(input.clinker, 't', 0)} = ${fmt(electricity, 'kWh/t')}`,
    `comprehensive = ${fmt(coal, 'kgce/t')} + ${fmt(electricity, 'kWh/t')} × ${formatQuantity(input.coefficient)} (${input.coefficientRef}) = ${fmt(comprehensive, 'kgce/t')}`,
  ];
  return {
    clinker: input.clinker,
    coal,
    electricity,
    comprehensive,
    parts,
    counted,
    outside,
    steps,
  };
}

/** An indicator of the system that the inventory cannot give, and why. */
export interface NotGraded {
  readonly indicator: string;
  readonly name: string;
  readonly nameEn: string;
  readonly zh: string;
  readonly en: string;
}

export interface ClinkerGrading {
  readonly figures: ClinkerEnergyFigures;
  readonly result: GradedResult;
  readonly notGraded: readonly NotGraded[];
  readonly notes: readonly GradeNote[];
}

/** Site conditions for the altitude correction; the store may hold neither. */
export interface SiteConditions {
  readonly altitude?: Quantity;
  readonly pressure?: Quantity;
}

const CLINKER_INDICATORS = [
  'clinker.comprehensive-coal',
  'clinker.comprehensive-electricity',
  'clinker.comprehensive-energy',
] as const;

/**
 * Grades the clinker indicators of GB 16780-2021 from a year's inventory. The cement
 * indicators (表1 with its clinker-ratio correction, 表3) need the cement output, the clinker
 * ratio and the cement-preparation section's electricity, which an inventory does not hold:
 * they are listed as not graded with that reason rather than estimated.
 */
export function gradeClinkerEnergy(
  system: GradedLimitSystem,
  input: ClinkerEnergyInput,
  site: SiteConditions = {},
): ClinkerGrading {
  const figures = clinkerEnergyFigures(input);
  const values = {
    'clinker.comprehensive-coal': figures.coal,
    'clinker.comprehensive-electricity': figures.electricity,
    'clinker.comprehensive-energy': figures.comprehensive,
  } satisfies Record<(typeof CLINKER_INDICATORS)[number], Quantity>;
  const conditions: Record<string, Quantity> = {
    ...(site.altitude && { siteAltitude: site.altitude }),
    ...(site.pressure && { sitePressure: site.pressure }),
  };
  const result = evaluateGraded(system, values, conditions);
  const notGraded = system.indicators
    .filter((i) => !(CLINKER_INDICATORS as readonly string[]).includes(i.id))
    .map((i): NotGraded => ({
      indicator: i.id,
      name: i.name,
      nameEn: i.nameEn,
      zh: '核算数据中没有水泥产量、熟料配比和水泥制备工段电量，无法计算和修正，不评级。',
      en: 'the accounting data hold no cement output, clinker ratio or cement-preparation electricity, so this indicator is neither computed nor corrected and not graded.',
    }));
  return { figures, result, notGraded, notes: notesOf(figures, input, site) };
}

function notesOf(
  f: ClinkerEnergyFigures,
  input: ClinkerEnergyInput,
  site: SiteConditions,
): GradeNote[] {
  const perT = (q: Quantity) => divide(q, f.clinker);
  const notes: GradeNote[] = [
    {
      id: 'fuel-heat',
      zh: '燃料按实测（或缺省）低位发热量折标准煤：燃料量 × 低位发热量 ÷ 29.3076 GJ/tce（GB/T 2589-2020）。',
      en: 'Fuels are converted to standard coal at their measured (or default) NCV: amount × NCV ÷ 29.3076 GJ/tce (GB/T 2589-2020).',
      reading: false,
    },
    {
      id: 'electricity-coefficient',
      zh: `电力按当量值 ${formatQuantity(input.coefficient)} 折标准煤（${input.coefficientRef}）；GB 16780-2021 表2 的 煤耗 + 0.1229 × 电耗 = 综合能耗 与此一致（methods.md §4.1）。`,
      en: `Electricity is converted at the calorific equivalent ${formatQuantity(input.coefficient)} (${input.coefficientRef}); GB 16780-2021 Table 2 satisfies coal + 0.1229 × electricity = comprehensive (methods.md §4.1).`,
      reading: false,
    },
  ];
  const alt = valueIn(f.parts.alternativeFuel, KGCE);
  if (alt > 0) {
    const fossilOnly = convert(perT(f.parts.fossilFuel), 'kgce/t');
    notes.push({
      id: 'alternative-fuel',
      zh: `替代燃料（协同处置）按其热值计入综合煤耗：${fmt(convert(perT(f.parts.alternativeFuel), 'kgce/t'), 'kgce/t')}；不计替代燃料时综合煤耗为 ${fmt(fossilOnly, 'kgce/t')}。GB 16780-2021 对替代燃料的规定未经原文核实，此为本项目解读（R）：窑的热耗不因燃料来源而变。`,
      en: `Alternative fuels (co-processing) count in unit coal consumption at their heat: ${fmt(convert(perT(f.parts.alternativeFuel), 'kgce/t'), 'kgce/t')}; without them unit coal would be ${fmt(fossilOnly, 'kgce/t')}. GB 16780-2021's rule on alternative fuels is not verified against its text: this is our reading (R), since the kiln's heat demand does not depend on where the heat comes from.`,
      reading: true,
    });
  }
  const whr = valueIn(f.parts.wasteHeat, MWH);
  if (whr > 0) {
    const whrPerT = convert(perT(f.parts.wasteHeat), 'kWh/t');
    const deducted = subtract(
      f.comprehensive,
      convert(multiply(whrPerT, input.coefficient), 'kgce/t'),
    );
    notes.push({
      id: 'waste-heat-power',
      zh: `余热发电量（${fmt(whrPerT, 'kWh/t')}）作为熟料生产耗用的电量计入综合电耗，综合能耗不再扣减，与 GB 16780-2021 表2 的 煤耗 + 0.1229 × 电耗 = 综合能耗 一致；若扣减余热发电，综合能耗为 ${fmt(deducted, 'kgce/t')}。此为本项目解读（R），标准原文未核实。`,
      en: `Waste-heat power (${fmt(whrPerT, 'kWh/t')}) counts in unit electricity as electricity the clinker line uses, and is not deducted from comprehensive energy, consistent with GB 16780-2021 Table 2 (coal + 0.1229 × electricity = comprehensive); deducting it would give ${fmt(deducted, 'kgce/t')}. Our reading (R), not verified against the standard's text.`,
      reading: true,
    });
  }
  if (f.outside.length)
    notes.push({
      id: 'boundary',
      zh: `标为熟料生产边界外的 ${f.outside.length} 行（如矿山车辆、水泥粉磨）不计入熟料指标。以熟料生产边界界定熟料工序为本项目解读（R）。`,
      en: `${f.outside.length} line(s) marked outside the clinker-production boundary (quarry vehicles, cement grinding, …) are left out of the clinker indicators. Taking that boundary as the clinker process is our reading (R).`,
      reading: true,
    });
  if (!site.altitude)
    notes.push({
      id: 'altitude',
      zh: '库中没有厂址海拔和大气压：未作海拔修正（仅适用于海拔 1500 m 以上的 3 级限额）。',
      en: 'The store holds no site altitude or pressure: no altitude correction (it applies to grade-3 limits above 1500 m only).',
      reading: false,
    });
  return notes;
}
