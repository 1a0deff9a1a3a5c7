import ExcelJS from 'exceljs';

/**
 * A downloadable Excel template for monthly activity data: one row per inventory line (usually
 * one source stream and month), bilingual headers (中文 English), drop-down lists for kind and
 * units, and an instructions sheet. `readActivityWorkbook` reads a filled copy back into
 * inventory-format lines (docs/formats/inventory.md).
 */
export const ACTIVITY_TEMPLATE_SHEETS = {
  data: '月度活动数据 Monthly activity',
  instructions: '说明 Instructions',
} as const;

/** Column keys, in sheet order; each maps to an inventory line field (or a unit of one). */
export type ActivityColumnKey =
  | 'id'
  | 'kind'
  | 'month'
  | 'facility'
  | 'fuel'
  | 'amount'
  | 'unit'
  | 'ncv'
  | 'ncvUnit'
  | 'carbonContent'
  | 'carbonContentUnit'
  | 'oxidation'
  | 'note';

export interface ActivityColumn {
  readonly key: ActivityColumnKey;
  readonly header: string;
  readonly width: number;
  readonly required: boolean;
  /** Instructions text: Chinese first, then English. */
  readonly help: string;
}

export const ACTIVITY_COLUMNS: readonly ActivityColumn[] = [
  {
    key: 'id',
    header: '行号 Line id',
    width: 18,
    required: true,
    help: '唯一编号，仅限字母、数字、"."、"_"、"-"。 Unique id: letters, digits, ".", "_", "-".',
  },
  {
    key: 'kind',
    header: '类型 Kind',
    width: 26,
    required: true,
    help: '活动类型，从下拉列表选择（见下表）。 Line kind, from the drop-down list (see below).',
  },
  {
    key: 'month',
    header: '月份 Month',
    width: 10,
    required: false,
    help: '1–12；留空表示整个报告期。 1–12; blank for a whole-period figure.',
  },
  {
    key: 'facility',
    header: '设施 Facility',
    width: 16,
    required: false,
    help: '设施编号，须在清单文件中声明。 Facility id; must be declared in the inventory document.',
  },
  {
    key: 'fuel',
    header: '燃料/物料 Fuel or material',
    width: 24,
    required: false,
    help:
      '燃料燃烧：因子库燃料代码（如 bituminous-coal、natural-gas）；非碳酸盐原料：物料代码（如 carbide-slag）；其他类型留空。 ' +
      'fuel-combustion: factor-base fuel code (bituminous-coal, natural-gas, …); non-carbonate-raw-material: material code (carbide-slag, …); blank for other kinds.',
  },
  {
    key: 'amount',
    header: '数量 Amount',
    width: 14,
    required: true,
    help: '数值，不含单位。 A number, without its unit.',
  },
  {
    key: 'unit',
    header: '单位 Unit',
    width: 10,
    required: true,
    help:
      '数量的单位：燃料为质量、气体体积或热量（t、万Nm3、GJ）；电力、热力为能量（MWh、kWh、GJ）；熟料、原料为质量（t）。 ' +
      'Unit of the amount: fuel a mass, gas volume or energy (t, 万Nm3, GJ); electricity and heat an energy (MWh, kWh, GJ); clinker and raw materials a mass (t).',
  },
  {
    key: 'ncv',
    header: '低位发热量 NCV',
    width: 14,
    required: false,
    help: '实测低位发热量（仅燃料燃烧），留空用缺省值。 Measured net calorific value (fuel-combustion only); blank for the default.',
  },
  {
    key: 'ncvUnit',
    header: 'NCV 单位 NCV unit',
    width: 14,
    required: false,
    help: '填写 NCV 时必填：GJ/t 或 GJ/万Nm3。 Required with an NCV: GJ/t or GJ/万Nm3.',
  },
  {
    key: 'carbonContent',
    header: '含碳量 Carbon content',
    width: 16,
    required: false,
    help: '实测单位热值含碳量（仅燃料燃烧）。 Measured carbon content per unit heat (fuel-combustion only).',
  },
  {
    key: 'carbonContentUnit',
    header: '含碳量单位 Carbon content unit',
    width: 18,
    required: false,
    help: '填写含碳量时必填：tC/GJ 或 tC/TJ。 Required with a carbon content: tC/GJ or tC/TJ.',
  },
  {
    key: 'oxidation',
    header: '碳氧化率 Oxidation (%)',
    width: 14,
    required: false,
    help: '实测碳氧化率，百分数（如 98）（仅燃料燃烧）。 Measured oxidation rate in % (e.g. 98) (fuel-combustion only).',
  },
  {
    key: 'note',
    header: '备注 Note',
    width: 24,
    required: false,
    help: '自由文本。 Free text.',
  },
];

/** How a kind's amount is measured; checked against the unit column. */
export type AmountDimension = 'mass' | 'gas-volume' | 'energy';

export interface ActivityKind {
  readonly kind: string;
  readonly label: string;
  /** Which field the fuel/material column fills, if any (required when set). */
  readonly fuelField?: 'fuel' | 'material';
  readonly amount: readonly AmountDimension[];
}

/**
 * The inventory kinds this template can express completely with its columns (other kinds need
 * fields the template has no column for, e.g. biomassFraction or contracts: use the YAML format).
 */
export const ACTIVITY_KINDS: readonly ActivityKind[] = [
  {
    kind: 'fuel-combustion',
    label: '化石燃料燃烧 Fossil fuel combustion',
    fuelField: 'fuel',
    amount: ['mass', 'gas-volume', 'energy'],
  },
  {
    kind: 'electricity-purchased',
    label: '外购电力 Purchased electricity',
    amount: ['energy'],
  },
  {
    kind: 'electricity-exported',
    label: '输出电力 Exported electricity',
    amount: ['energy'],
  },
  { kind: 'heat-purchased', label: '外购热力 Purchased heat', amount: ['energy'] },
  { kind: 'heat-exported', label: '输出热力 Exported heat', amount: ['energy'] },
  { kind: 'clinker', label: '熟料产量 Clinker produced', amount: ['mass'] },
  {
    kind: 'non-carbonate-raw-material',
    label: '非碳酸盐原料 Non-carbonate raw material',
    fuelField: 'material',
    amount: ['mass'],
  },
  {
    kind: 'raw-meal-organic-carbon',
    label: '生料有机碳 Raw meal organic carbon',
    amount: ['mass'],
  },
];

/** Units offered in the unit drop-down (any registry unit of the right dimension is accepted). */
export const ACTIVITY_UNITS = ['t', 'kg', '万t', 'Nm3', '万Nm3', 'GJ', 'TJ', 'MWh', 'kWh', '万kWh'];

export interface ActivityTemplateOptions {
  /** Rows (below the header) that get drop-down lists; default 500. */
  readonly rows?: number;
}

const list = (values: readonly string[]): ExcelJS.DataValidation => ({
  type: 'list',
  allowBlank: true,
  formulae: [`"${values.join(',')}"`],
  showErrorMessage: true,
  errorStyle: 'warning',
  errorTitle: '无效值 Invalid value',
  error: '请从列表中选择 Choose a value from the list',
});

/** Column letter (A, B, …) of a column key. */
function letter(key: ActivityColumnKey): string {
  const i = ACTIVITY_COLUMNS.findIndex((c) => c.key === key);
  return String.fromCharCode(65 + i);
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
  const kinds = list(ACTIVITY_KINDS.map((k) => k.kind));
  const units = list(ACTIVITY_UNITS);
  const ncvUnits = list(['GJ/t', 'GJ/万Nm3']);
  const ccUnits = list(['tC/GJ', 'tC/TJ']);
  const months: ExcelJS.DataValidation = {
    type: 'whole',
    operator: 'between',
    allowBlank: true,
    formulae: [1, 12],
    showErrorMessage: true,
    errorTitle: '无效月份 Invalid month',
    error: '月份为 1–12 The month is 1–12',
  };
  for (let r = 2; r <= rows + 1; r++) {
    ws.getCell(`${letter('kind')}${r}`).dataValidation = kinds;
    ws.getCell(`${letter('month')}${r}`).dataValidation = months;
    ws.getCell(`${letter('unit')}${r}`).dataValidation = units;
    ws.getCell(`${letter('ncvUnit')}${r}`).dataValidation = ncvUnits;
    ws.getCell(`${letter('carbonContentUnit')}${r}`).dataValidation = ccUnits;
  }

  const help = wb.addWorksheet(ACTIVITY_TEMPLATE_SHEETS.instructions);
  help.columns = [{ width: 30 }, { width: 12 }, { width: 100 }];
  const title = help.addRow(['月度活动数据填报说明 Monthly activity data: instructions']);
  title.font = { bold: true, size: 13 };
  help.addRow([
    '每行一条活动数据（通常为一个排放源的一个月）；第 1 行为表头，请勿修改。',
    '',
    'One activity line per row (usually one source stream and month); row 1 is the header, do not change it.',
  ]);
  help.addRow([]);
  const colHead = help.addRow(['列 Column', '必填 Required', '说明 Meaning']);
  colHead.font = { bold: true };
  for (const c of ACTIVITY_COLUMNS) {
    help.addRow([c.header, c.required ? '是 yes' : '否 no', c.help]).alignment = {
      wrapText: true,
      vertical: 'top',
    };
  }
  help.addRow([]);
  const kindHead = help.addRow(['类型 Kind', '', '含义与数量单位 Meaning and unit of the amount']);
  kindHead.font = { bold: true };
  const dimLabel: Record<AmountDimension, string> = {
    mass: '质量 mass',
    'gas-volume': '气体体积 gas volume',
    energy: '能量 energy',
  };
  for (const k of ACTIVITY_KINDS) {
    const field = k.fuelField
      ? `；需填燃料/物料 (${k.fuelField}) requires Fuel or material (${k.fuelField})`
      : '';
    help.addRow([
      k.kind,
      '',
      `${k.label}: ${k.amount.map((d) => dimLabel[d]).join(' / ')}${field}`,
    ]);
  }
  return wb;
}

/** The template as .xlsx bytes, ready to download. */
export async function activityTemplateBuffer(options?: ActivityTemplateOptions): Promise<Buffer> {
  const data = await activityTemplateWorkbook(options).xlsx.writeBuffer();
  return Buffer.from(data);
}
