import type ExcelJS from 'exceljs';
import type { RowIssue } from '@carbonbase/factors';
import { compatible, dimensionOf } from '@carbonbase/quantity';

/**
 * The pollutants sheet of the activity template (污染物 Pollutants): an enterprise's air
 * pollutants by month or for the whole year, imported with the month's activity data in one
 * transaction (docs/formats/activity-template.md). The codes are @carbonbase/analysis's
 * POLLUTANTS; the data sources those the store keeps (migration 0010).
 */

export const TEMPLATE_POLLUTANTS = ['SO2', 'NOx', 'PM'] as const;
export type TemplatePollutant = (typeof TEMPLATE_POLLUTANTS)[number];

/** Data sources as the drop-down shows them, and the code each is stored as. */
export const POLLUTANT_SOURCE_CHOICES: Readonly<
  Record<string, 'cems' | 'permit-report' | 'estimate'>
> = {
  '在线监测 CEMS': 'cems',
  '排污许可执行报告 Permit report': 'permit-report',
  '估算 Estimate': 'estimate',
};

export type PollutantColumnKey = 'month' | 'pollutant' | 'amount' | 'unit' | 'source' | 'note';

export const POLLUTANT_COLUMNS: readonly {
  readonly key: PollutantColumnKey;
  readonly header: string;
  readonly width: number;
  readonly help: string;
}[] = [
  {
    key: 'month',
    header: '月份 Month',
    width: 10,
    help: '1–12；留空表示全年数（该污染物该年不能再有按月的行）。 1–12; blank for a whole-year figure (the pollutant then has no monthly rows that year).',
  },
  {
    key: 'pollutant',
    header: '污染物 Pollutant',
    width: 14,
    help: 'SO2（二氧化硫）、NOx（氮氧化物，以 NO2 计）、PM（颗粒物）。 SO2, NOx (as NO2) or PM (particulate matter).',
  },
  {
    key: 'amount',
    header: '排放量 Amount',
    width: 14,
    help: '排放量数值，不小于 0。 The mass emitted, a number ≥ 0.',
  },
  {
    key: 'unit',
    header: '单位 Unit',
    width: 10,
    help: '质量单位：t 或 kg。 A mass unit: t or kg.',
  },
  {
    key: 'source',
    header: '数据来源 Data source',
    width: 30,
    help: `${Object.keys(POLLUTANT_SOURCE_CHOICES).join(' | ')}（也可填 cems、permit-report、estimate）。 (or cems, permit-report, estimate).`,
  },
  { key: 'note', header: '备注 Note', width: 24, help: '自由文本。 Free text.' },
];

/** One row of the pollutants sheet. */
export interface PollutantLine {
  /** 1–12; absent for a whole-year figure. */
  readonly month?: number;
  readonly pollutant: TemplatePollutant;
  /** "<number> <unit>", a mass. */
  readonly amount: string;
  readonly source: 'cems' | 'permit-report' | 'estimate';
  readonly note?: string;
}

export interface PollutantSheetRead {
  readonly pollutants: PollutantLine[];
  /** The sheet row of each pollutant line, index for index. */
  readonly rows: number[];
  readonly issues: RowIssue[];
}

const MASS = (unit: string): boolean => {
  try {
    dimensionOf(unit);
    return compatible(unit, 't');
  } catch {
    return false;
  }
};

/**
 * Reads the pollutants sheet's rows (header in `headerRow`, columns found by header text).
 * Every bad cell is one issue naming the sheet (in `file`), row and column; a (month,
 * pollutant) given twice, or a pollutant given both for the whole year and by month, is refused
 * at its second row.
 */
export function readPollutantTable(table: {
  readonly file: string;
  readonly headerRow: number;
  readonly headers: readonly string[];
  readonly rows: readonly { readonly row: number; readonly cells: readonly string[] }[];
}): PollutantSheetRead {
  const { file } = table;
  const position = new Map<PollutantColumnKey, number>();
  table.headers.forEach((text, i) => {
    const c = POLLUTANT_COLUMNS.find((x) => x.header === text.trim());
    if (c && !position.has(c.key)) position.set(c.key, i);
  });
  const header = (key: PollutantColumnKey) => POLLUTANT_COLUMNS.find((c) => c.key === key)!.header;
  const missing = (['pollutant', 'amount', 'unit', 'source'] as const).filter(
    (k) => !position.has(k),
  );
  if (missing.length)
    return {
      pollutants: [],
      rows: [],
      issues: missing.map((k) => ({
        file,
        row: table.headerRow,
        column: header(k),
        reason: `缺少必需列 missing required column "${header(k)}"`,
      })),
    };
  const pollutants: PollutantLine[] = [];
  const rows: number[] = [];
  const issues: RowIssue[] = [];
  /** Row of each (pollutant, month) seen; month '' is the whole year. */
  const seen = new Map<string, Map<number | '', number>>();
  for (const { row, cells } of table.rows) {
    const get = (k: PollutantColumnKey) => {
      const at = position.get(k);
      return at === undefined ? '' : (cells[at] ?? '').trim();
    };
    if (POLLUTANT_COLUMNS.every((c) => get(c.key) === '')) continue;
    const before = issues.length;
    const bad = (k: PollutantColumnKey, reason: string) =>
      issues.push({ file, row, column: header(k), reason });
    const empty = (k: PollutantColumnKey) => {
      if (get(k) !== '') return false;
      bad(k, '必填项为空 required cell is empty');
      return true;
    };

    let month: number | undefined;
    const monthText = get('month');
    if (monthText !== '') {
      const n = Number(monthText);
      if (!Number.isInteger(n) || n < 1 || n > 12)
        bad(
          'month',
          `月份应为 1–12 的整数 the month must be a whole number 1–12, got "${monthText}"`,
        );
      else month = n;
    }
    const pollutant = get('pollutant') as TemplatePollutant;
    if (!empty('pollutant') && !TEMPLATE_POLLUTANTS.includes(pollutant))
      bad(
        'pollutant',
        `未知污染物 unknown pollutant "${pollutant}"; use one of: ${TEMPLATE_POLLUTANTS.join(', ')}`,
      );
    const amountText = get('amount');
    const amount = Number(amountText);
    if (!empty('amount') && (!Number.isFinite(amount) || amount < 0))
      bad(
        'amount',
        `排放量应为不小于 0 的数字 the amount must be a number ≥ 0, got "${amountText}"`,
      );
    const unit = get('unit');
    if (!empty('unit') && !MASS(unit))
      bad('unit', `单位应为质量单位 the unit must be a mass (t, kg), got "${unit}"`);
    const sourceText = get('source');
    const source =
      POLLUTANT_SOURCE_CHOICES[sourceText] ??
      Object.values(POLLUTANT_SOURCE_CHOICES).find((c) => c === sourceText);
    if (!empty('source') && source === undefined)
      bad(
        'source',
        `无效取值 invalid value "${sourceText}"; use one of: ${Object.keys(POLLUTANT_SOURCE_CHOICES).join(', ')}`,
      );
    if (issues.length > before || source === undefined) continue;

    const months = seen.get(pollutant) ?? new Map<number | '', number>();
    const clash =
      month === undefined ? [...months.values()][0] : (months.get(month) ?? months.get(''));
    if (clash !== undefined) {
      bad(
        month === undefined ? 'month' : 'pollutant',
        `重复 duplicate: ${pollutant} ${month === undefined ? 'for the whole year' : `in month ${month}`} ` +
          `clashes with row ${clash} (a pollutant appears once per month, and a whole-year figure in no other row)`,
      );
      continue;
    }
    months.set(month ?? '', row);
    seen.set(pollutant, months);
    const note = get('note');
    pollutants.push({
      ...(month !== undefined && { month }),
      pollutant,
      amount: `${amount} ${unit}`,
      source,
      ...(note !== '' && { note }),
    });
    rows.push(row);
  }
  return { pollutants, rows, issues };
}

/** Adds the pollutants sheet to a template workbook: headers and drop-down lists. */
export function addPollutantSheet(
  wb: ExcelJS.Workbook,
  name: string,
  rows: number,
): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name, {
    views: [{ state: 'frozen', xSplit: 0, ySplit: 1 }],
  });
  ws.columns = POLLUTANT_COLUMNS.map((c) => ({ header: c.header, key: c.key, width: c.width }));
  const head = ws.getRow(1);
  head.font = { bold: true };
  head.eachCell((cell) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE2EFDA' } };
  });
  const list = (values: readonly string[]): ExcelJS.DataValidation => ({
    type: 'list',
    allowBlank: true,
    formulae: [`"${values.join(',')}"`],
    showErrorMessage: true,
    errorStyle: 'warning',
    errorTitle: '无效值 Invalid value',
    error: '请从列表中选择 Choose a value from the list',
  });
  const validations: Partial<Record<PollutantColumnKey, ExcelJS.DataValidation>> = {
    pollutant: list(TEMPLATE_POLLUTANTS),
    unit: list(['t', 'kg']),
    source: list(Object.keys(POLLUTANT_SOURCE_CHOICES)),
  };
  for (const [key, v] of Object.entries(validations)) {
    const column = ws.getColumn(key);
    for (let r = 2; r <= rows + 1; r++) ws.getCell(r, column.number).dataValidation = v;
  }
  return ws;
}
