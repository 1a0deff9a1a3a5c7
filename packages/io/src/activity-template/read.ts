import ExcelJS from 'exceljs';
import type { RowIssue } from '@carbonbase/factors';
import { parseUnit, sameDimensions, type Dimensions } from '@carbonbase/quantity';
import {
  ACTIVITY_COLUMNS,
  ACTIVITY_KINDS,
  ACTIVITY_TEMPLATE_SHEETS,
  type ActivityColumnKey,
  type AmountDimension,
} from './template.js';

/** One inventory-format line (docs/formats/inventory.md) read from a template row. */
export interface ActivityLine {
  readonly id: string;
  readonly kind: string;
  readonly amount: string;
  readonly month?: number;
  readonly facility?: string;
  readonly fuel?: string;
  readonly material?: string;
  readonly ncv?: string;
  readonly carbonContent?: string;
  readonly oxidation?: string;
  readonly note?: string;
}

export interface ActivityWorkbookRead {
  /** Lines from rows without issues, in sheet order. */
  readonly lines: ActivityLine[];
  /** Every problem, each with the sheet (in `file`), the sheet row and the column header. */
  readonly issues: RowIssue[];
}

const ID = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

const DIMENSION_UNIT: Record<AmountDimension, string> = {
  mass: 't',
  'gas-volume': '万Nm3',
  energy: 'GJ',
};
const DIMENSION_LABEL: Record<AmountDimension, string> = {
  mass: '质量 mass',
  'gas-volume': '气体体积 gas volume',
  energy: '能量 energy',
};
const dimensionsOf = (d: AmountDimension): Dimensions => parseUnit(DIMENSION_UNIT[d]).dimensions;

/** One cell as trimmed text: numbers in full precision, formulas by their result. */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if ('richText' in value)
    return value.richText
      .map((t) => t.text)
      .join('')
      .trim();
  if ('formula' in value || 'sharedFormula' in value) return cellText(value.result);
  if ('error' in value) return String(value.error);
  if ('text' in value) return cellText(value.text);
  return '';
}

/** A finite number written as a number cell or as text ("150000", "1.5e5"); else undefined. */
function toNumber(text: string): number | undefined {
  if (text === '') return undefined;
  const n = Number(text);
  return Number.isFinite(n) ? n : undefined;
}

/**
 * Reads a filled activity template (`activityTemplateWorkbook`) into inventory-format lines.
 * Columns are found by their header text, so reordered columns still read. Every bad cell is
 * one issue naming the sheet (in `file`, as "file [sheet]"), the sheet row and the column
 * header; a row with an issue gives no line. Whether to reject the whole file when there are
 * issues is the caller's choice.
 */
export async function readActivityWorkbook(
  buffer: Buffer | ArrayBuffer | Uint8Array,
  fileName: string,
): Promise<ActivityWorkbookRead> {
  const wb = new ExcelJS.Workbook();
  try {
    const bytes = buffer instanceof ArrayBuffer ? Buffer.from(buffer) : Buffer.from(buffer);
    await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  } catch (e) {
    return {
      lines: [],
      issues: [
        {
          file: fileName,
          reason: `不是有效的 XLSX 文件 not a readable .xlsx workbook: ${(e as Error).message}`,
        },
      ],
    };
  }
  const ws = wb.getWorksheet(ACTIVITY_TEMPLATE_SHEETS.data) ?? wb.worksheets[0];
  if (!ws) {
    return {
      lines: [],
      issues: [{ file: fileName, reason: '工作簿为空 the workbook has no sheets' }],
    };
  }
  const file = `${fileName} [${ws.name}]`;
  const issues: RowIssue[] = [];

  // Header row: map each known header text to its column number.
  const columnOf = new Map<ActivityColumnKey, number>();
  ws.getRow(1).eachCell((cell, col) => {
    const text = cellText(cell.value);
    const def = ACTIVITY_COLUMNS.find((c) => c.header === text);
    if (def && !columnOf.has(def.key)) columnOf.set(def.key, col);
  });
  for (const c of ACTIVITY_COLUMNS) {
    if (c.required && !columnOf.has(c.key)) {
      issues.push({
        file,
        row: 1,
        column: c.header,
        reason: `缺少必需列 missing required column "${c.header}"`,
      });
    }
  }
  if (issues.length) return { lines: [], issues };

  const header = (key: ActivityColumnKey) =>
    ACTIVITY_COLUMNS.find((c) => c.key === key)?.header ?? key;
  const lines: ActivityLine[] = [];
  const firstRowOfId = new Map<string, number>();

  ws.eachRow((row, rowNumber) => {
    if (rowNumber === 1) return;
    const get = (key: ActivityColumnKey) => {
      const col = columnOf.get(key);
      return col === undefined ? '' : cellText(row.getCell(col).value);
    };
    if (ACTIVITY_COLUMNS.every((c) => get(c.key) === '')) return; // blank row
    const rowIssues: RowIssue[] = [];
    const bad = (key: ActivityColumnKey, reason: string) =>
      rowIssues.push({ file, row: rowNumber, column: header(key), reason });
    const required = (key: ActivityColumnKey): string | undefined => {
      const text = get(key);
      if (text === '') bad(key, '必填项为空 required cell is empty');
      return text === '' ? undefined : text;
    };

    const id = required('id');
    if (id !== undefined) {
      const first = firstRowOfId.get(id);
      if (!ID.test(id)) {
        bad('id', `行号格式无效 invalid id "${id}": use letters, digits, ".", "_" and "-"`);
      } else if (first !== undefined) {
        bad('id', `行号重复 duplicate id "${id}" (first in row ${first})`);
      } else {
        firstRowOfId.set(id, rowNumber);
      }
    }

    const kindText = required('kind');
    const kind = ACTIVITY_KINDS.find((k) => k.kind === kindText);
    if (kindText !== undefined && !kind) {
      bad(
        'kind',
        `未知类型 unknown kind "${kindText}"; use one of: ${ACTIVITY_KINDS.map((k) => k.kind).join(', ')}`,
      );
    }

    let month: number | undefined;
    const monthText = get('month');
    if (monthText !== '') {
      const n = toNumber(monthText);
      if (n === undefined || !Number.isInteger(n) || n < 1 || n > 12) {
        bad(
          'month',
          `月份应为 1–12 的整数 the month must be a whole number 1–12, got "${monthText}"`,
        );
      } else {
        month = n;
      }
    }

    const amountText = required('amount');
    const amount = amountText === undefined ? undefined : toNumber(amountText);
    if (amountText !== undefined && amount === undefined) {
      bad('amount', `数量应为数字 the amount must be a number, got "${amountText}"`);
    }

    const unit = required('unit');
    if (unit !== undefined) {
      let dims: Dimensions | undefined;
      try {
        dims = parseUnit(unit).dimensions;
      } catch {
        bad('unit', `未知单位 unknown unit "${unit}"`);
      }
      if (dims && kind && !kind.amount.some((d) => sameDimensions(dims, dimensionsOf(d)))) {
        const expected = kind.amount.map((d) => DIMENSION_LABEL[d]).join(' / ');
        bad(
          'unit',
          `单位量纲不符 wrong dimension: ${kind.kind} takes ${expected} (e.g. ${kind.amount
            .map((d) => DIMENSION_UNIT[d])
            .join(', ')}), got "${unit}"`,
        );
      }
    }

    const fuel = get('fuel');
    if (kind?.fuelField && fuel === '') {
      bad('fuel', `必填项为空 required for ${kind.kind}: the ${kind.fuelField} code`);
    } else if (kind && !kind.fuelField && fuel !== '') {
      bad('fuel', `此类型不用此列 not used for ${kind.kind}; leave it blank`);
    }

    // Measured parameters, each a number with (for NCV and carbon content) its unit.
    const measured = (
      valueKey: ActivityColumnKey,
      unitKey: ActivityColumnKey | undefined,
      units: readonly string[],
    ): string | undefined => {
      const valueText = get(valueKey);
      const unitText = unitKey ? get(unitKey) : '%';
      if (valueText === '' && unitText === '') return undefined;
      if (valueText !== '' && kind && kind.kind !== 'fuel-combustion') {
        bad(valueKey, `此类型不用此列 not used for ${kind.kind}; leave it blank`);
        return undefined;
      }
      if (valueText === '') {
        if (unitKey) bad(valueKey, `填写了单位但没有数值 a unit is given without a value`);
        return undefined;
      }
      const value = toNumber(valueText);
      if (value === undefined) {
        bad(valueKey, `应为数字 must be a number, got "${valueText}"`);
        return undefined;
      }
      if (unitKey && unitText === '') {
        bad(unitKey, `填写数值时必填单位 required with a value: ${units.join(' or ')}`);
        return undefined;
      }
      let ok: boolean;
      try {
        const dims = parseUnit(unitText).dimensions;
        ok = units.some((u) => sameDimensions(dims, parseUnit(u).dimensions));
      } catch {
        ok = false;
      }
      if (!ok) {
        bad(unitKey ?? valueKey, `单位无效 unit must be ${units.join(' or ')}, got "${unitText}"`);
        return undefined;
      }
      return `${value} ${unitText}`;
    };
    const ncv = measured('ncv', 'ncvUnit', ['GJ/t', 'GJ/万Nm3']);
    const carbonContent = measured('carbonContent', 'carbonContentUnit', ['tC/GJ']);
    const oxidation = measured('oxidation', undefined, ['%']);

    if (rowIssues.length) {
      issues.push(...rowIssues);
      return;
    }
    if (id === undefined || !kind || amount === undefined || unit === undefined) return;
    const facility = get('facility');
    const note = get('note');
    lines.push({
      id,
      kind: kind.kind,
      amount: `${amount} ${unit}`,
      ...(month !== undefined && { month }),
      ...(facility !== '' && { facility }),
      ...(kind.fuelField && { [kind.fuelField]: fuel }),
      ...(ncv !== undefined && { ncv }),
      ...(carbonContent !== undefined && { carbonContent }),
      ...(oxidation !== undefined && { oxidation }),
      ...(note !== '' && { note }),
    });
  });
  return { lines, issues };
}
