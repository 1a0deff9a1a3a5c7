import ExcelJS from 'exceljs';
import { CLINKER_TYPES, type LineKind } from '@carbonbase/engine';
import { addPollutantSheet, POLLUTANT_COLUMNS } from './pollutants.js';

/**
 * A downloadable template for monthly activity data, as Excel (`activityTemplateWorkbook`) or CSV
 * (`activityTemplateCsv`): one row per source stream and month, bilingual headers (中文 English),
 * drop-down lists and an instructions sheet. `readActivityWorkbook` / `readActivityCsv` read a
 * filled copy back into inventory-format lines (docs/formats/activity-template.md).
 */
export const ACTIVITY_TEMPLATE_SHEETS = {
  data: '月度活动数据 Monthly activity',
  pollutants: '污染物 Pollutants',
  instructions: '说明 Instructions',
} as const;

/** Column keys, in sheet order. */
export type ActivityColumnKey =
  | 'id'
  | 'kind'
  | 'month'
  | 'facility'
  | 'fuel'
  | 'gas'
  | 'process'
  | 'category'
  | 'type'
  | 'amount'
  | 'unit'
  | 'ncv'
  | 'ncvUnit'
  | 'carbonContent'
  | 'carbonContentUnit'
  | 'oxidation'
  | 'biomassFraction'
  | 'factor'
  | 'factorUnit'
  | 'cao'
  | 'mgo'
  | 'caoNonCarbonate'
  | 'mgoNonCarbonate'
  | 'toc'
  | 'calcination'
  | 'purity'
  | 'enthalpy'
  | 'inClinkerBoundary'
  | 'supplier'
  | 'note';

/**
 * What a column holds, which decides how a cell is checked: free text, a value from a list,
 * a number whose unit is in `unitColumn`, a percentage, or a number in a fixed unit.
 */
export type ActivityColumnType = 'text' | 'choice' | 'number' | 'unit' | 'percent' | 'fixed-unit';

export interface ActivityColumn {
  readonly key: ActivityColumnKey;
  readonly header: string;
  readonly width: number;
  /** Required in every row; other columns are required or refused by kind (ACTIVITY_KINDS). */
  readonly required: boolean;
  readonly type: ActivityColumnType;
  /** For a number column: the column holding its unit. */
  readonly unitColumn?: ActivityColumnKey;
  /** For a fixed-unit column: the unit every value is in. */
  readonly fixedUnit?: string;
  /** Instructions text: Chinese first, then English. */
  readonly help: string;
}

const pct = (key: ActivityColumnKey, header: string, help: string): ActivityColumn => ({
  key,
  header,
  width: 14,
  required: false,
  type: 'percent',
  help: `${help} 百分数，如 98 或 98%。 A percentage, e.g. 98 or 98%.`,
});

export const ACTIVITY_COLUMNS: readonly ActivityColumn[] = [
  {
    key: 'id',
    header: '行号 Line id',
    width: 18,
    required: true,
    type: 'text',
    help:
      '排放源编号（如 coal-l1），仅限字母、数字、"."、"_"、"-"；同一排放源每月一行，同一编号在同一月份只能出现一次。 ' +
      'Source-stream id (e.g. coal-l1): letters, digits, ".", "_", "-"; one row per stream and month, so an id appears at most once per month.',
  },
  {
    key: 'kind',
    header: '类型 Kind',
    width: 26,
    required: true,
    type: 'choice',
    help: '活动类型，从下拉列表选择（见下表）。 Line kind, from the drop-down list (see below).',
  },
  {
    key: 'month',
    header: '月份 Month',
    width: 10,
    required: false,
    type: 'number',
    help: '1–12；留空表示整个报告期（该编号不能再有按月的行）。 1–12; blank for a whole-period figure (the id then has no monthly rows).',
  },
  {
    key: 'facility',
    header: '设施 Facility',
    width: 16,
    required: false,
    type: 'text',
    help: '设施编号，须在清单文件中声明。 Facility id; must be declared in the inventory document.',
  },
  {
    key: 'fuel',
    header: '燃料/物料 Fuel or material',
    width: 24,
    required: false,
    type: 'text',
    help:
      '化石燃料燃烧、替代燃料：燃料代码（如 bituminous-coal、natural-gas、waste-tyres）；非碳酸盐原料：物料代码（如 carbide-slag）。 ' +
      'fuel-combustion, alternative-fuel: fuel code (bituminous-coal, natural-gas, waste-tyres, …); non-carbonate-raw-material: material code (carbide-slag, …).',
  },
  {
    key: 'gas',
    header: '温室气体 Gas',
    width: 12,
    required: false,
    type: 'text',
    help: '非 CO2 气体：GWP 因子代码（如 CH4、N2O、SF6、HFC-134a）。 non-co2: GWP factor code (CH4, N2O, SF6, HFC-134a, …).',
  },
  {
    key: 'process',
    header: '工艺/排放源 Process or source',
    width: 22,
    required: false,
    type: 'text',
    help: '工业过程排放：过程名称（必填）；非 CO2：排放源说明（选填）。 process-emission: what the process is (required); non-co2: where the gas comes from (optional).',
  },
  {
    key: 'category',
    header: '支出类别 Spend category',
    width: 22,
    required: false,
    type: 'text',
    help: '按支出计算：支出类别代码（如 cement-raw-materials）。 spend: spend-category code (e.g. cement-raw-materials).',
  },
  {
    key: 'type',
    header: '分类 Type',
    width: 20,
    required: false,
    type: 'choice',
    help:
      '熟料：熟料品种（选填）；窑灰：ckd 或 bypass；自发电：电力来源；CCUS：去向。取值见下表。 ' +
      'clinker: clinker type (optional); kiln-dust: ckd or bypass; electricity-generated: source; ccus: destination. Values below.',
  },
  {
    key: 'amount',
    header: '数量 Amount',
    width: 14,
    required: true,
    type: 'number',
    unitColumn: 'unit',
    help: '数值，不含单位。 A number, without its unit.',
  },
  {
    key: 'unit',
    header: '单位 Unit',
    width: 10,
    required: true,
    type: 'unit',
    help: '数量的单位，量纲须符合类型（见下表）。 Unit of the amount, of the dimension the kind takes (see below).',
  },
  {
    key: 'ncv',
    header: '低位发热量 NCV',
    width: 14,
    required: false,
    type: 'number',
    unitColumn: 'ncvUnit',
    help: '实测低位发热量，留空用缺省值。 Measured net calorific value; blank for the default.',
  },
  {
    key: 'ncvUnit',
    header: 'NCV 单位 NCV unit',
    width: 14,
    required: false,
    type: 'unit',
    help: '填写 NCV 时必填：GJ/t 或 GJ/万Nm3。 Required with an NCV: GJ/t or GJ/万Nm3.',
  },
  {
    key: 'carbonContent',
    header: '含碳量 Carbon content',
    width: 16,
    required: false,
    type: 'number',
    unitColumn: 'carbonContentUnit',
    help: '实测单位热值含碳量，须在 5–100 tC/TJ 之间。 Measured carbon content per unit heat, within 5–100 tC/TJ.',
  },
  {
    key: 'carbonContentUnit',
    header: '含碳量单位 Carbon content unit',
    width: 18,
    required: false,
    type: 'unit',
    help: '填写含碳量时必填：tC/GJ 或 tC/TJ。 Required with a carbon content: tC/GJ or tC/TJ.',
  },
  pct(
    'oxidation',
    '碳氧化率 Oxidation (%)',
    '实测碳氧化率，大于 0 且不超过 100。 Measured oxidation rate, above 0 and at most 100.',
  ),
  pct(
    'biomassFraction',
    '生物质比例 Biomass fraction (%)',
    '替代燃料中生物质碳所占比例，0–100。 Share of the carbon that is biomass, 0–100.',
  ),
  {
    key: 'factor',
    header: '排放因子 Emission factor',
    width: 16,
    required: false,
    type: 'number',
    unitColumn: 'factorUnit',
    help:
      '替代燃料：单位热值排放因子 ef（tCO2/GJ）；非碳酸盐原料：扣减因子（tCO2/t）；窑灰：熟料排放因子（tCO2/t）；工业过程：排放因子（必填，tCO2/活动单位）；支出：tCO2e/货币单位。 ' +
      'alternative-fuel: ef per unit heat (tCO2/GJ); non-carbonate-raw-material: deduction (tCO2/t); kiln-dust: clinker factor (tCO2/t); process-emission: factor (required, tCO2 per unit of the amount); spend: tCO2e per currency unit.',
  },
  {
    key: 'factorUnit',
    header: '因子单位 Factor unit',
    width: 14,
    required: false,
    type: 'unit',
    help: '填写排放因子时必填。 Required with a factor.',
  },
  pct(
    'cao',
    '熟料 CaO 含量 Clinker CaO (%)',
    '熟料中 CaO 含量（产出法）。 CaO content of the clinker (output method).',
  ),
  pct(
    'mgo',
    '熟料 MgO 含量 Clinker MgO (%)',
    '熟料中 MgO 含量（产出法）。 MgO content of the clinker (output method).',
  ),
  pct(
    'caoNonCarbonate',
    '非碳酸盐 CaO Non-carbonate CaO (%)',
    '熟料中来自非碳酸盐的 CaO，不超过 CaO 含量。 CaO from non-carbonate sources, at most the CaO content.',
  ),
  pct(
    'mgoNonCarbonate',
    '非碳酸盐 MgO Non-carbonate MgO (%)',
    '熟料中来自非碳酸盐的 MgO，不超过 MgO 含量。 MgO from non-carbonate sources, at most the MgO content.',
  ),
  pct(
    'toc',
    '生料有机碳 Raw meal TOC (%)',
    '生料中有机碳含量，留空用缺省值 0.2%。 Organic carbon of the raw meal; blank for the 0.2 % default.',
  ),
  pct(
    'calcination',
    '煅烧率 Calcination (%)',
    '窑灰煅烧率，0–100，留空按 100。 Calcination degree of the dust, 0–100; blank for 100.',
  ),
  pct(
    'purity',
    'CO2 纯度 CO2 purity (%)',
    '捕集气体中 CO2 的体积分数，数量以气体体积填写时必填。 CO2 share of the captured gas; required when the amount is a gas volume.',
  ),
  {
    key: 'enthalpy',
    header: '蒸汽焓值 Steam enthalpy (kJ/kg)',
    width: 16,
    required: false,
    type: 'fixed-unit',
    fixedUnit: 'kJ/kg',
    help: '蒸汽以质量（t）填写时必填，须大于 83.74 kJ/kg。 Required when steam is given as a mass (t); above 83.74 kJ/kg.',
  },
  {
    key: 'inClinkerBoundary',
    header: '熟料生产边界 In clinker boundary',
    width: 14,
    required: false,
    type: 'choice',
    help: '仅 CETS 方法：填“否 no”表示不属于熟料生产边界（如矿山车辆、办公）；留空为“是 yes”。 CETS only: "否 no" keeps the line out of the clinker-production boundary (mine trucks, offices); blank means yes.',
  },
  {
    key: 'supplier',
    header: '供应方 Supplier',
    width: 20,
    required: false,
    type: 'text',
    help:
      '外购电力、外购热力：供应企业的代码（须为本平台已登记的企业，如园区内的电厂）；留空表示来自电网或平台外。园区与区域合计据此扣除内部互供，避免重复计算。 ' +
      'electricity-purchased, heat-purchased: the code of the supplying enterprise (one registered on this platform, e.g. a power plant in the park); blank for the grid or a supplier outside. Park and region totals use it to count internal supply once.',
  },
  {
    key: 'note',
    header: '备注 Note',
    width: 24,
    required: false,
    type: 'text',
    help: '自由文本。 Free text.',
  },
];

/** How one kind uses a kind-specific column (see ActivityKind). */
export interface KindColumn {
  /** The inventory-line field the column fills for this kind. */
  readonly field: string;
  readonly required?: boolean;
  /**
   * Number columns: units the value's unit must measure the same as (any unit of that dimension
   * is accepted, as in the engine's schema); bounds below are in the first of them.
   */
  readonly units?: readonly string[];
  /** Choice columns: the allowed values. */
  readonly values?: readonly string[];
  /** Lowest value allowed (percent and fixed-unit columns: in that unit). */
  readonly min?: number;
  /** The lowest value itself is refused. */
  readonly minExclusive?: boolean;
  readonly max?: number;
}

export interface ActivityKind {
  readonly kind: LineKind;
  readonly label: string;
  /** Units the amount's unit must measure the same as; empty for any unit (process-emission). */
  readonly amount: readonly string[];
  /** Instructions text for the amount: the dimensions, Chinese then English. */
  readonly amountHelp: string;
  /**
   * Columns besides those every kind has (id, kind, month, facility, amount, unit, in clinker
   * boundary, note) that this kind uses; a value in any other column is refused.
   */
  readonly columns: Partial<Record<ActivityColumnKey, KindColumn>>;
}

/** Bounds the engine applies when it computes (packages/engine/src/calc): refused here cell by cell. */
const CARBON_CONTENT: KindColumn = {
  field: 'carbonContent',
  units: ['tC/GJ'],
  min: 0.005,
  max: 0.1,
};
const OXIDATION: KindColumn = { field: 'oxidation', min: 0, minExclusive: true, max: 100 };
const share = (field: string, required = false): KindColumn => ({
  field,
  required,
  min: 0,
  max: 100,
});
/**
 * Who supplied bought electricity or heat: an enterprise code, checked against the platform's
 * enterprises at import. Not an inventory field (the engine does not need it); the store keeps
 * it with the month's value for park and region roll-ups.
 */
const SUPPLIER: KindColumn = { field: 'supplier' };
/** Steam reference enthalpy of GB/T 32151: heat = mass × (En − 83.74 kJ/kg), so En must exceed it. */
export const STEAM_REFERENCE_ENTHALPY_KJ_PER_KG = 83.74;

export const GENERATED_SOURCES = ['waste-heat', 'solar', 'wind', 'other'] as const;
export const DUST_TYPES = ['ckd', 'bypass'] as const;
export const CCUS_DESTINATIONS = ['geological-storage', 'used-outside', 'used-inside'] as const;

const heatKind = (kind: LineKind, label: string): ActivityKind => ({
  kind,
  label,
  amount: ['GJ', 't'],
  amountHelp:
    '热量（GJ），或蒸汽质量（t，需填焓值） heat as an energy (GJ), or steam as a mass (t, with its enthalpy)',
  columns: {
    enthalpy: {
      field: 'enthalpy',
      min: STEAM_REFERENCE_ENTHALPY_KJ_PER_KG,
      minExclusive: true,
    },
    ...(kind === 'heat-purchased' && { supplier: SUPPLIER }),
  },
});

/**
 * Every inventory kind (docs/formats/inventory.md), with the units and fields of the engine's
 * schema (packages/engine/src/document/schema.ts). Only electricity-purchased `contracts` (a list
 * of green certificates, PPAs …) has no column: such lines need the YAML format.
 */
export const ACTIVITY_KINDS: readonly ActivityKind[] = [
  {
    kind: 'fuel-combustion',
    label: '化石燃料燃烧 Fossil fuel combustion',
    amount: ['t', '万Nm3', 'GJ'],
    amountHelp: '质量、气体体积或热量 a mass, gas volume or energy (t, 万Nm3, GJ)',
    columns: {
      fuel: { field: 'fuel', required: true },
      ncv: { field: 'ncv', units: ['GJ/t', 'GJ/万Nm3'] },
      carbonContent: CARBON_CONTENT,
      oxidation: OXIDATION,
    },
  },
  {
    kind: 'alternative-fuel',
    label: '替代燃料 Alternative or waste fuel',
    amount: ['t', 'GJ'],
    amountHelp: '质量或热量 a mass or an energy (t, GJ)',
    columns: {
      fuel: { field: 'fuel', required: true },
      biomassFraction: share('biomassFraction', true),
      ncv: { field: 'ncv', units: ['GJ/t'] },
      carbonContent: CARBON_CONTENT,
      factor: { field: 'ef', units: ['tCO2/GJ'] },
      oxidation: OXIDATION,
    },
  },
  {
    kind: 'clinker',
    label: '熟料产量 Clinker produced',
    amount: ['t'],
    amountHelp: '质量 a mass (t)',
    columns: {
      type: { field: 'clinkerType', values: CLINKER_TYPES },
      cao: share('cao'),
      mgo: share('mgo'),
      caoNonCarbonate: share('caoNonCarbonate'),
      mgoNonCarbonate: share('mgoNonCarbonate'),
    },
  },
  {
    kind: 'non-carbonate-raw-material',
    label: '非碳酸盐原料 Non-carbonate raw material',
    amount: ['t'],
    amountHelp: '质量 a mass (t)',
    columns: {
      fuel: { field: 'material', required: true },
      factor: { field: 'deduction', units: ['tCO2/t'] },
    },
  },
  {
    kind: 'kiln-dust',
    label: '窑灰 Kiln dust (CKD, bypass)',
    amount: ['t'],
    amountHelp: '质量 a mass (t)',
    columns: {
      type: { field: 'dustType', required: true, values: DUST_TYPES },
      calcination: share('calcination'),
      factor: { field: 'clinkerEf', units: ['tCO2/t'] },
    },
  },
  {
    kind: 'raw-meal-organic-carbon',
    label: '生料有机碳 Raw meal organic carbon',
    amount: ['t'],
    amountHelp: '生料质量 a mass of raw meal (t)',
    columns: { toc: share('toc') },
  },
  {
    kind: 'process-emission',
    label: '其他工业过程排放 Other process emission',
    amount: [],
    amountHelp:
      '任意单位，与排放因子相乘得 tCO2 any unit whose product with the factor is a mass of CO2',
    columns: {
      process: { field: 'process', required: true },
      factor: {
        field: 'factor',
        required: true,
        units: ['tCO2/t', 'tCO2/GJ', 'tCO2/万Nm3', 'tCO2/item', 'tCO2/m3'],
      },
    },
  },
  {
    kind: 'electricity-purchased',
    label: '外购电力 Purchased electricity',
    amount: ['GJ'],
    amountHelp: '电量（能量） an energy (MWh, kWh, 万kWh)',
    columns: { supplier: SUPPLIER },
  },
  {
    kind: 'electricity-exported',
    label: '输出电力 Exported electricity',
    amount: ['GJ'],
    amountHelp: '电量（能量） an energy (MWh, kWh, 万kWh)',
    columns: {},
  },
  {
    kind: 'electricity-generated',
    label: '自发电（备忘） On-site generation (memo)',
    amount: ['GJ'],
    amountHelp: '电量（能量） an energy (MWh, kWh, 万kWh)',
    columns: { type: { field: 'source', required: true, values: GENERATED_SOURCES } },
  },
  heatKind('heat-purchased', '外购热力 Purchased heat or steam'),
  heatKind('heat-exported', '输出热力 Exported heat or steam'),
  {
    kind: 'ccus',
    label: 'CO2 捕集利用与封存 CO2 captured (CCUS)',
    amount: ['tCO2', '万Nm3'],
    amountHelp: 'CO2 质量或气体体积 a mass of CO2 or a gas volume (tCO2, 万Nm3)',
    columns: {
      type: { field: 'destination', required: true, values: CCUS_DESTINATIONS },
      purity: { field: 'purity', min: 0, minExclusive: true, max: 100 },
    },
  },
  {
    kind: 'non-co2',
    label: '非 CO2 温室气体 Non-CO2 greenhouse gas',
    amount: ['t'],
    amountHelp: '气体质量 a mass of the gas (t, kg)',
    columns: {
      gas: { field: 'gas', required: true },
      process: { field: 'source' },
    },
  },
  {
    kind: 'spend',
    label: '采购支出（范围三） Spend (Scope 3 purchased goods)',
    amount: ['CNY', 'USD', 'EUR'],
    amountHelp: '金额 an amount of money (CNY, 万元, USD, EUR)',
    columns: {
      category: { field: 'category', required: true },
      factor: { field: 'factor', units: ['tCO2e/CNY', 'tCO2e/USD', 'tCO2e/EUR'] },
    },
  },
];

/** Kinds, or parts of kinds, that only the YAML/JSON inventory format can express, and why. */
export const ACTIVITY_YAML_ONLY = [
  {
    what: 'electricity-purchased: contracts',
    reason:
      '合同工具（绿证、绿电、PPA）是每行一组的列表，无法放入一行单元格。 Contract instruments (green certificates, green power, PPAs) are a list per line, which one row of cells cannot hold.',
  },
] as const;

/** Units offered in the unit drop-down (any registry unit of the right dimension is accepted). */
export const ACTIVITY_UNITS = [
  't',
  'kg',
  '万t',
  'Nm3',
  '万Nm3',
  'GJ',
  'TJ',
  'MWh',
  'kWh',
  '万kWh',
  'tCO2',
  'CNY',
  '万元',
  'USD',
  'EUR',
];

/** Units offered for the emission-factor column. */
export const FACTOR_UNITS = [
  'tCO2/GJ',
  'tCO2/t',
  'tCO2/万Nm3',
  'tCO2/m3',
  'tCO2/item',
  'tCO2e/CNY',
  'tCO2e/USD',
  'tCO2e/EUR',
];

/** Gas codes offered in the drop-down (GWP factor codes of data/factor-sets/ipcc-gwp). */
export const GAS_CODES = [
  'CH4',
  'N2O',
  'SF6',
  'NF3',
  'HFC-23',
  'HFC-32',
  'HFC-125',
  'HFC-134a',
  'HFC-143a',
  'HFC-152a',
];

/** Texts accepted in the in-clinker-boundary column, case-insensitively. */
export const YES_NO: Readonly<Record<string, boolean>> = {
  '是 yes': true,
  '否 no': false,
  是: true,
  否: false,
  yes: true,
  no: false,
  true: true,
  false: false,
};

/** The values a choice column offers. */
function choices(key: ActivityColumnKey): string[] {
  if (key === 'kind') return ACTIVITY_KINDS.map((k) => k.kind);
  if (key === 'inClinkerBoundary') return ['是 yes', '否 no'];
  return [...new Set(ACTIVITY_KINDS.flatMap((k) => k.columns[key]?.values ?? []))];
}

export interface ActivityTemplateOptions {
  /** Rows (below the header) that get drop-down lists; default 500. */
  readonly rows?: number;
}

const list = (values: readonly string[]): ExcelJS.DataValidation => ({
  type: 'list',
  allowBlank: true,
  formulae: [`"${values.join(',')}"`],
  showErrorMessage: true,
  // A warning, not a stop: the reader checks every cell and says why a value is wrong.
  errorStyle: 'warning',
  errorTitle: '无效值 Invalid value',
  error: '请从列表中选择 Choose a value from the list',
});

/** Drop-down list of each column that has one. */
function validations(): Partial<Record<ActivityColumnKey, ExcelJS.DataValidation>> {
  return {
    kind: list(choices('kind')),
    type: list(choices('type')),
    inClinkerBoundary: list(choices('inClinkerBoundary')),
    gas: list(GAS_CODES),
    unit: list(ACTIVITY_UNITS),
    ncvUnit: list(['GJ/t', 'GJ/万Nm3']),
    carbonContentUnit: list(['tC/GJ', 'tC/TJ']),
    factorUnit: list(FACTOR_UNITS),
    month: {
      type: 'whole',
      operator: 'between',
      allowBlank: true,
      formulae: [1, 12],
      showErrorMessage: true,
      errorTitle: '无效月份 Invalid month',
      error: '月份为 1–12 The month is 1–12',
    },
  };
}

const KIND_COLUMNS: readonly ActivityColumnKey[] = [
  'fuel',
  'gas',
  'process',
  'category',
  'type',
  'ncv',
  'carbonContent',
  'oxidation',
  'biomassFraction',
  'factor',
  'cao',
  'mgo',
  'caoNonCarbonate',
  'mgoNonCarbonate',
  'toc',
  'calcination',
  'purity',
  'enthalpy',
  'supplier',
];

const headerOf = (key: ActivityColumnKey) =>
  ACTIVITY_COLUMNS.find((c) => c.key === key)?.header ?? key;

/** One kind's row of the instructions: its amount, then each column it uses. */
function kindText(k: ActivityKind): string {
  const used = KIND_COLUMNS.flatMap((key) => {
    const use = k.columns[key];
    if (!use) return [];
    const detail = [
      use.required ? '必填 required' : '选填 optional',
      use.values ? use.values.join(' | ') : undefined,
      use.units ? use.units.join(' | ') : undefined,
    ].filter((d) => d !== undefined);
    return [`${headerOf(key)} → ${use.field} (${detail.join('; ')})`];
  });
  return [`${k.label}. 数量 amount: ${k.amountHelp}`, ...used].join('\n');
}

export function activityTemplateWorkbook(options: ActivityTemplateOptions = {}): ExcelJS.Workbook {
  const rows = Math.max(1, Math.trunc(options.rows ?? 500));
  const wb = new ExcelJS.Workbook();
  wb.creator = 'carbonbase';

  const ws = wb.addWorksheet(ACTIVITY_TEMPLATE_SHEETS.data, {
    views: [{ state: 'frozen', xSplit: 0, ySplit: 1 }],
  });
  ws.columns = ACTIVITY_COLUMNS.map((c) => ({ header: c.header, key: c.key, width: c.width }));
  const head = ws.getRow(1);
  head.font = { bold: true };
  head.alignment = { wrapText: true, vertical: 'middle' };
  head.eachCell((cell) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
  });
  for (const [key, validation] of Object.entries(validations())) {
    const column = ws.getColumn(key);
    for (let r = 2; r <= rows + 1; r++) ws.getCell(r, column.number).dataValidation = validation;
  }

  addPollutantSheet(wb, ACTIVITY_TEMPLATE_SHEETS.pollutants, rows);

  const help = wb.addWorksheet(ACTIVITY_TEMPLATE_SHEETS.instructions);
  help.columns = [{ width: 34 }, { width: 14 }, { width: 110 }];
  const wrap = (row: ExcelJS.Row) => {
    row.alignment = { wrapText: true, vertical: 'top' };
  };
  const bold = (row: ExcelJS.Row) => {
    row.font = { bold: true };
  };
  const title = help.addRow(['月度活动数据填报说明 Monthly activity data: instructions']);
  title.font = { bold: true, size: 13 };
  for (const [zh, en] of [
    [
      '每行一条活动数据：一个排放源（行号）的一个月；第 1 行为表头，请勿修改。',
      'One activity line per row: one source stream (line id) and month; row 1 is the header, do not change it.',
    ],
    [
      '同一行号可出现在不同月份的行中；同一行号与月份的组合只能出现一次，留空月份的行号不能再有按月的行。',
      'An id may appear in rows of different months; each (id, month) pair appears once, and an id with a blank month has no monthly rows.',
    ],
    [
      '只填写该类型使用的列（见下表），其他列留空。',
      'Fill only the columns the kind uses (see below); leave the others blank.',
    ],
    ['另存为 CSV 时请选择“CSV UTF-8”。', 'When saving as CSV choose "CSV UTF-8".'],
  ]) {
    wrap(help.addRow([zh, '', en]));
  }
  help.addRow([]);
  bold(help.addRow(['列 Column', '必填 Required', '说明 Meaning']));
  for (const c of ACTIVITY_COLUMNS) {
    wrap(help.addRow([c.header, c.required ? '是 yes' : '按类型 by kind', c.help]));
  }
  help.addRow([]);
  bold(help.addRow(['类型 Kind', '', '数量单位与使用的列 Amount unit and the columns used']));
  for (const k of ACTIVITY_KINDS) wrap(help.addRow([k.kind, '', kindText(k)]));
  help.addRow([]);
  bold(help.addRow(['仅 YAML 格式 YAML only', '', '原因 Reason']));
  for (const y of ACTIVITY_YAML_ONLY) wrap(help.addRow([y.what, '', y.reason]));
  help.addRow([]);
  bold(
    help.addRow([
      `${ACTIVITY_TEMPLATE_SHEETS.pollutants} 工作表 sheet`,
      '',
      '大气污染物排放量，按月或按全年；与活动数据一并导入（仅 Excel，CSV 只含活动数据）。 Air pollutants emitted, by month or for the whole year; imported with the activity data (Excel only: a CSV holds the activity data only).',
    ]),
  );
  for (const c of POLLUTANT_COLUMNS) wrap(help.addRow([c.header, '', c.help]));
  return wb;
}

/** The template as .xlsx bytes, ready to download. */
export async function activityTemplateBuffer(options?: ActivityTemplateOptions): Promise<Buffer> {
  const data = await activityTemplateWorkbook(options).xlsx.writeBuffer();
  return Buffer.from(data);
}

/** A CSV cell, quoted when it holds a comma, quote or line break (RFC 4180). */
const csvCell = (text: string) => (/[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);

/**
 * The template as CSV text: the bilingual header row only, with a byte-order mark so Excel
 * opens the Chinese headers as UTF-8, and CRLF line ends as Excel writes them. Write it as UTF-8.
 */
export function activityTemplateCsv(): string {
  return `\uFEFF${ACTIVITY_COLUMNS.map((c) => csvCell(c.header)).join(',')}\r\n`;
}
