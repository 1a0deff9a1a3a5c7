import ExcelJS from 'exceljs';
import type {
  ExplainedFactor,
  Explanation,
  Inventory,
  InventoryResult,
  LineResult,
} from '@carbonbase/engine';
import { valueIn, type Quantity } from '@carbonbase/quantity';

/**
 * An Excel report of an accounted inventory, laid out after China's national GHG reporting
 * template: report information, emission sources, activity data, emission factors, totals and
 * warnings. Headers are bilingual (中文 English); numbers are written as numbers at full precision
 * and rounded for display by number format only (the method's rounding rule).
 */
export const INVENTORY_REPORT_SHEETS = {
  report: '报告信息 Report',
  sources: '排放源 Sources',
  activity: '活动数据 Activity data',
  factors: '排放因子 Factors',
  totals: '排放量汇总 Totals',
  warnings: '警告 Warnings',
} as const;

type Cell = string | number | boolean | null;

interface Column {
  readonly header: string;
  readonly width: number;
  readonly numFmt?: string;
  /** Wrap long text in this column. */
  readonly wrap?: boolean;
}

const TREATMENT: Record<string, string> = {
  included: '计入 included',
  deducted: '扣减 deducted',
  memo: '备忘 memo',
  excluded: '不适用 excluded',
};

const ORIGIN: Record<string, string> = {
  activity: '活动数据 activity',
  measured: '实测值 measured',
  default: '缺省值 default',
  constant: '方法常数 constant',
  derived: '推导值 derived',
};

const VERIFICATION: Record<string, string> = {
  verified: '已核实 verified (V)',
  secondary: '二手来源 secondary (V-sec)',
  recalled: '待核实 recalled (R)',
};

const SCOPE: Record<string, string> = {
  scope1: '范围一 Scope 1',
  scope2: '范围二 Scope 2',
  scope3: '范围三 Scope 3',
};

const SITE = '(site)';
const WHOLE_PERIOD = '(whole period)';

const label = (map: Record<string, string>, key: string) => map[key] ?? key;

/** `#,##0.00` for two decimals; `#,##0` for none. */
function decimalFormat(decimals: number): string {
  const d = Math.max(0, Math.min(10, Math.trunc(decimals)));
  return d > 0 ? `#,##0.${'0'.repeat(d)}` : '#,##0';
}

const GENERAL = 'General';
const INTENSITY = '#,##0.000000';

function addSheet(
  wb: ExcelJS.Workbook,
  name: string,
  columns: readonly Column[],
  rows: readonly (readonly Cell[])[],
): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', xSplit: 0, ySplit: 1 }] });
  ws.columns = columns.map((c) => ({
    header: c.header,
    width: c.width,
    style: {
      ...(c.numFmt ? { numFmt: c.numFmt } : {}),
      ...(c.wrap ? { alignment: { wrapText: true, vertical: 'top' as const } } : {}),
    },
  }));
  for (const r of rows) ws.addRow([...r]);
  const header = ws.getRow(1);
  header.font = { bold: true };
  header.alignment = { wrapText: true, vertical: 'middle' };
  header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF4' } };
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  return ws;
}

/** Every factor record the result cites (lines and totals), once, with the lines that use it. */
function citedFactors(result: InventoryResult): { factor: ExplainedFactor; usedBy: string[] }[] {
  const byRef = new Map<string, { factor: ExplainedFactor; usedBy: string[] }>();
  const visit = (e: Explanation) => {
    for (const f of e.factors) {
      const entry = byRef.get(f.ref) ?? { factor: f, usedBy: [] };
      if (!entry.usedBy.includes(e.subject)) entry.usedBy.push(e.subject);
      byRef.set(f.ref, entry);
    }
  };
  for (const l of result.lines) visit(l.explanation);
  for (const t of result.totals) visit(t);
  return [...byRef.values()].sort((a, b) => a.factor.ref.localeCompare(b.factor.ref, 'en'));
}

const optionalIn = (q: Quantity | undefined, unit: string): Cell =>
  q === undefined ? null : valueIn(q, unit);

function sourceRow(l: LineResult, facilityName: (id?: string) => string): Cell[] {
  return [
    l.id,
    l.kind,
    l.facility ?? '',
    facilityName(l.facility),
    l.month ?? null,
    l.scope ? label(SCOPE, l.scope) : '',
    l.gas,
    label(TREATMENT, l.treatment),
    l.inClinkerBoundary === undefined ? '' : l.inClinkerBoundary ? '是 yes' : '否 no',
    valueIn(l.emissions, 'tCO2e'),
    optionalIn(l.calculated, 'tCO2e'),
    optionalIn(l.marketBased, 'tCO2e'),
    l.gasMass?.value ?? null,
    l.gasMass?.unit ?? '',
    optionalIn(l.biomassCO2, 'tCO2'),
    optionalIn(l.energy?.calorific, 'tce'),
    l.explanation.formula.text,
    l.explanation.treatment,
  ];
}

function totalsRows(result: InventoryResult, facilityName: (id?: string) => string): Cell[][] {
  const rows: Cell[][] = [];
  const add = (item: string, q: Quantity, key: string, note = '') =>
    rows.push([item, q.value, q.unit, key, note]);
  add('总排放 Total emissions', result.total, 'total');
  for (const [k, v] of Object.entries(result.byScope))
    add(`按范围 by scope: ${label(SCOPE, k)}`, v, `total:${k}`);
  if (result.scope2) {
    const inTotal = result.scope2.inTotal;
    add(
      '范围二 基于位置 Scope 2 location-based',
      result.scope2.locationBased,
      'scope2:location',
      inTotal === 'location' ? '计入总量 in the total' : '',
    );
    add(
      '范围二 基于市场 Scope 2 market-based',
      result.scope2.marketBased,
      'scope2:market',
      inTotal === 'market' ? '计入总量 in the total' : '',
    );
  }
  for (const [k, v] of Object.entries(result.byGas))
    add(`按气体 by gas: ${k}`, v, `total:gas:${k}`);
  for (const [k, v] of Object.entries(result.byKind))
    add(`按类型 by kind: ${k}`, v, `total:kind:${k}`);
  for (const [k, v] of Object.entries(result.byFacility)) {
    const name = k === SITE ? '全厂（未指定设施）site level, no facility' : facilityName(k);
    add(
      `按设施 by facility: ${k}${name && name !== k ? ` ${name}` : ''}`,
      v,
      `total:facility:${k}`,
    );
  }
  for (const [k, v] of Object.entries(result.byMonth)) {
    const name = k === WHOLE_PERIOD ? '全期（无月份）whole period, no month' : k;
    add(`按月份 by month: ${name}`, v, `total:month:${k}`);
  }
  const b = result.boundaries;
  if (b) {
    add(
      '熟料生产边界 直接排放 clinker-production boundary (direct)',
      b.clinkerProduction,
      'boundary:clinker-production',
      b.note,
    );
    add(
      '熟料生产边界 购入能源排放（单列）clinker-production boundary, purchased energy (shown apart)',
      b.clinkerProductionIndirect,
      'boundary:clinker-production-indirect',
    );
    add('企业层级 enterprise boundary', b.enterprise, 'boundary:enterprise');
  }
  add(
    '生物质 CO2（单独报告，不计入总量）biomass CO2, reported separately, outside totals',
    result.biomassCO2,
    'biomass-co2',
  );
  for (const m of result.memo)
    add(`备忘项 memo: ${m.line} (${m.kind})`, m.value, `memo:${m.line}`, m.reason);
  for (const i of result.intensities)
    add(
      i.name,
      i.value,
      `intensity:${i.id}`,
      `${i.numerator.value} ${i.numerator.unit} ÷ ${i.denominator.value} ${i.denominator.unit} (${i.denominatorSource})`,
    );
  add(
    '综合能耗 当量值 energy consumption (calorific)',
    result.energy.calorific,
    'energy:calorific',
    result.energy.notes.join('\n'),
  );
  if (result.energy.equivalent)
    add(
      '综合能耗 等价值 energy consumption (equal value)',
      result.energy.equivalent,
      'energy:equivalent',
    );
  else
    rows.push([
      '综合能耗 等价值 energy consumption (equal value)',
      null,
      'tce',
      'energy:equivalent',
      '缺少系数，未计算 a line lacks its coefficient; not calculated',
    ]);
  return rows;
}

/**
 * Builds the Excel report of an accounting result. `document` (the parsed inventory) adds the
 * facility names, the industry and the production figures; the report is complete without it.
 * Pure mapping: nothing is recalculated, only the engine's figures are laid out.
 */
export function inventoryReportWorkbook(
  result: InventoryResult,
  document?: Inventory,
): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'carbonbase';
  wb.title = `${result.reporter.name} ${result.period.year} 温室气体排放报告 GHG inventory report`;
  const emissionsFmt = decimalFormat(result.method.rounding.decimals);
  const facilities = new Map((document?.facilities ?? []).map((f) => [f.id, f.name]));
  const facilityName = (id?: string) => (id === undefined ? '' : (facilities.get(id) ?? ''));

  // 报告信息 Report
  const info: Cell[][] = [
    ['报告主体 Reporter', result.reporter.name],
    ['地区 Region', result.reporter.region],
  ];
  if (document?.reporter.industry) info.push(['行业 Industry', document.reporter.industry]);
  if (document?.reporter.creditCode)
    info.push(['统一社会信用代码 Credit code', document.reporter.creditCode]);
  info.push(
    ['报告年度 Year', result.period.year],
    ['月份 Months', result.period.months.join(', ')],
    ['核算方法 Method', result.method.name],
    ['Method (English)', result.method.nameEn],
    ['方法编号 Method id', `${result.method.id}@${result.method.version}`],
    ['依据标准 Standards', result.method.standards.join('; ')],
    ['取整 Rounding', result.method.rounding.rule],
    ['清单文件 Document', result.document],
    ['结果格式 Result format', result.format],
  );
  const production = document?.production;
  const productionRows: number[] = [];
  const addProduction = (item: string, q: Quantity | undefined, unit: string) => {
    if (!q) return;
    productionRows.push(info.length);
    info.push([item, valueIn(q, unit)]);
  };
  addProduction('熟料产量 Clinker output (t)', production?.clinker, 't');
  addProduction('水泥产量 Cement output (t)', production?.cement, 't');
  addProduction('工业总产值 Output value (万元 10k CNY)', production?.outputValue, '万CNY');
  info.push(['警告数 Warnings', result.warnings.length]);
  const report = addSheet(
    wb,
    INVENTORY_REPORT_SHEETS.report,
    [
      { header: '项目 Item', width: 36 },
      { header: '内容 Value', width: 90, wrap: true },
    ],
    info,
  );
  // Production figures with thousands separators; the year and counts stay plain.
  for (const i of productionRows) report.getRow(i + 2).getCell(2).numFmt = '#,##0.00';

  // 排放源 Sources
  const sources = addSheet(
    wb,
    INVENTORY_REPORT_SHEETS.sources,
    [
      { header: '行 Line', width: 18 },
      { header: '类型 Kind', width: 26 },
      { header: '设施 Facility', width: 12 },
      { header: '设施名称 Facility name', width: 26 },
      { header: '月份 Month', width: 9 },
      { header: '范围 Scope', width: 14 },
      { header: '气体 Gas', width: 8 },
      { header: '处理 Treatment', width: 16 },
      { header: '熟料生产边界内 In clinker boundary', width: 14 },
      { header: '排放量 Emissions (tCO2e)', width: 18, numFmt: emissionsFmt },
      { header: '计算值 Calculated (tCO2e)', width: 18, numFmt: emissionsFmt },
      { header: '基于市场 Market-based (tCO2e)', width: 18, numFmt: emissionsFmt },
      { header: '气体质量 Gas mass', width: 16, numFmt: emissionsFmt },
      { header: '质量单位 Gas mass unit', width: 10 },
      { header: '生物质 CO2 Biomass CO2 (tCO2)', width: 16, numFmt: emissionsFmt },
      { header: '能耗 当量值 Energy (tce)', width: 16, numFmt: emissionsFmt },
      { header: '公式 Formula', width: 40, wrap: true },
      { header: '处理说明 Treatment note', width: 60, wrap: true },
    ],
    result.lines.map((l) => sourceRow(l, facilityName)),
  );
  const n = result.lines.length;
  const sumRow = sources.addRow([
    '合计 Total',
    ...Array<Cell>(8).fill(null),
    { formula: `SUM(J2:J${n + 1})`, result: valueIn(result.total, 'tCO2e') },
  ]);
  sumRow.font = { bold: true };

  // 活动数据 Activity data: every input of every line, with its origin.
  const activity: Cell[][] = result.lines.flatMap((l) =>
    l.explanation.inputs.map((i): Cell[] => [
      l.id,
      i.symbol,
      i.name,
      i.value.value,
      i.value.unit,
      label(ORIGIN, i.origin),
      i.field ?? '',
      i.factor ?? '',
      i.citation ? `${i.citation.standard} ${i.citation.clause}` : '',
      i.citation ? label(VERIFICATION, i.citation.verification) : '',
    ]),
  );
  addSheet(
    wb,
    INVENTORY_REPORT_SHEETS.activity,
    [
      { header: '行 Line', width: 18 },
      { header: '符号 Symbol', width: 10 },
      { header: '名称 Name', width: 40, wrap: true },
      { header: '数值 Value', width: 16, numFmt: GENERAL },
      { header: '单位 Unit', width: 12 },
      { header: '来源 Origin', width: 18 },
      { header: '文件字段 Document field', width: 16 },
      { header: '因子 Factor (id@version)', width: 48 },
      { header: '常数出处 Constant source', width: 48, wrap: true },
      { header: '核实状态 Verification', width: 22 },
    ],
    activity,
  );

  // 排放因子 Factors
  addSheet(
    wb,
    INVENTORY_REPORT_SHEETS.factors,
    [
      { header: '因子 Factor (id@version)', width: 52 },
      { header: '因子集 Set', width: 30 },
      { header: '代码 Code', width: 22 },
      { header: '参数 Parameter', width: 16 },
      { header: '数值 Value', width: 14, numFmt: GENERAL },
      { header: '单位 Unit', width: 12 },
      { header: '地区 Region', width: 9 },
      { header: '年份 Year', width: 8 },
      { header: '口径 Basis', width: 12 },
      { header: '来源 Source', width: 50, wrap: true },
      { header: '条款 Clause', width: 14 },
      { header: '链接 URL', width: 24 },
      { header: '核实状态 Verification', width: 22 },
      { header: '使用于 Used by', width: 30, wrap: true },
      { header: '选取理由 Why chosen', width: 70, wrap: true },
    ],
    citedFactors(result).map(({ factor: f, usedBy }): Cell[] => [
      f.ref,
      f.set,
      f.code,
      f.parameter,
      f.value.value,
      f.value.unit,
      f.region,
      f.year ?? null,
      f.basis ?? '',
      f.source.document,
      f.source.clause ?? '',
      f.source.url ?? '',
      label(VERIFICATION, f.verification),
      usedBy.join(', '),
      f.reasons.join('\n'),
    ]),
  );

  // 排放量汇总 Totals
  const totalRows = totalsRows(result, facilityName);
  const totals = addSheet(
    wb,
    INVENTORY_REPORT_SHEETS.totals,
    [
      { header: '项目 Item', width: 60, wrap: true },
      { header: '数值 Value', width: 18, numFmt: emissionsFmt },
      { header: '单位 Unit', width: 10 },
      { header: '键 Key', width: 34 },
      { header: '说明 Note', width: 70, wrap: true },
    ],
    totalRows,
  );
  totalRows.forEach(([, , , key], i) => {
    const row = totals.getRow(i + 2);
    if (typeof key === 'string' && key.startsWith('intensity:')) row.getCell(2).numFmt = INTENSITY;
    if (key === 'total') row.font = { bold: true };
  });

  // 警告 Warnings
  addSheet(
    wb,
    INVENTORY_REPORT_SHEETS.warnings,
    [
      { header: '代码 Code', width: 24 },
      { header: '行 Line', width: 18 },
      { header: '字段 Field', width: 16 },
      { header: '信息 Message', width: 100, wrap: true },
    ],
    result.warnings.map((w): Cell[] => [w.code, w.line ?? '', w.field ?? '', w.message]),
  );
  return wb;
}

/** The report as .xlsx bytes. */
export async function inventoryReportBuffer(
  result: InventoryResult,
  document?: Inventory,
): Promise<Buffer> {
  const data = await inventoryReportWorkbook(result, document).xlsx.writeBuffer();
  return Buffer.from(data);
}
