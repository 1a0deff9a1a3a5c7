import type { RowIssue } from '@carbonbase/factors';
import { inventorySchema } from '@carbonbase/engine';
import {
  compatible,
  dimensionOf,
  multiply,
  quantity,
  valueIn,
  type Quantity,
} from '@carbonbase/quantity';
import {
  ACTIVITY_COLUMNS,
  ACTIVITY_KINDS,
  YES_NO,
  type ActivityColumn,
  type ActivityColumnKey,
  type ActivityKind,
  type KindColumn,
} from './template.js';
import type { PollutantLine } from './pollutants.js';

/**
 * One inventory-format line (docs/formats/inventory.md) read from a template row. Quantities are
 * written "<number> <unit>", as the inventory format takes them.
 */
export interface ActivityLine {
  readonly id: string;
  readonly kind: string;
  readonly amount: string;
  readonly month?: number;
  readonly facility?: string;
  readonly fuel?: string;
  readonly material?: string;
  readonly gas?: string;
  readonly process?: string;
  readonly source?: string;
  readonly category?: string;
  readonly clinkerType?: string;
  readonly dustType?: string;
  readonly destination?: string;
  readonly ncv?: string;
  readonly carbonContent?: string;
  readonly oxidation?: string;
  readonly biomassFraction?: string;
  readonly ef?: string;
  readonly deduction?: string;
  readonly clinkerEf?: string;
  readonly factor?: string;
  readonly cao?: string;
  readonly mgo?: string;
  readonly caoNonCarbonate?: string;
  readonly mgoNonCarbonate?: string;
  readonly toc?: string;
  readonly calcination?: string;
  readonly purity?: string;
  readonly enthalpy?: string;
  readonly inClinkerBoundary?: boolean;
  readonly note?: string;
  /**
   * Bought electricity or heat: the code of the supplying enterprise; absent for the grid. Not
   * an inventory field: `activityLinesToInventoryLines` leaves it out of the engine's lines.
   */
  readonly supplier?: string;
}

/** A row issue of an activity file; a workbook's issues also name the sheet. */
export interface ActivityIssue extends RowIssue {
  readonly sheet?: string;
}

export interface ActivityWorkbookRead {
  /** Lines from rows without issues, in sheet order. */
  readonly lines: ActivityLine[];
  /** The sheet (or CSV) row each line was read from, index for index: for traceability. */
  readonly rows?: number[];
  /** Every problem, each with the file, the sheet (of a workbook), the row and the column header. */
  readonly issues: ActivityIssue[];
  /** The sheet the lines were read from (a workbook; a CSV has none). */
  readonly sheet?: string;
  /** Rows of the pollutants sheet without issues (a workbook that has the sheet). */
  readonly pollutants?: PollutantLine[];
  /** The pollutants sheet row of each pollutant line, index for index. */
  readonly pollutantRows?: number[];
  readonly pollutantSheet?: string;
}

/** Cell texts as a reader found them (the shape of factor-import's SourceTable). */
export interface ActivityTable {
  /** Names the file (and sheet) in every issue. */
  readonly file: string;
  readonly headerRow: number;
  /** Header texts by column position. */
  readonly headers: readonly string[];
  /** Rows by their number in the file, cells by column position. */
  readonly rows: readonly { readonly row: number; readonly cells: readonly string[] }[];
}

const ID = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
/** Thousands separators as Excel writes a formatted number into CSV ("12,000.5"). */
const GROUPED = /^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/;

/** A finite number written as a number cell or as text ("150000", "1.5e5", "12,000"); else undefined. */
function toNumber(text: string): number | undefined {
  if (text === '') return undefined;
  const n = Number(GROUPED.test(text) ? text.replace(/,/g, '') : text);
  return Number.isFinite(n) ? n : undefined;
}

const COLUMN = new Map(ACTIVITY_COLUMNS.map((c) => [c.key, c]));
const column = (key: ActivityColumnKey): ActivityColumn => {
  const c = COLUMN.get(key);
  if (!c) throw new Error(`no activity column ${key}`);
  return c;
};

/** Whether the unit registry knows a unit. */
function knownUnit(unit: string): boolean {
  try {
    dimensionOf(unit);
    return true;
  } catch {
    return false;
  }
}

/** Whether a unit measures the same as one of `units`; false for a unit the registry lacks. */
function fits(unit: string, units: readonly string[]): boolean {
  try {
    return units.some((u) => compatible(unit, u));
  } catch {
    return false;
  }
}

/** The engine's own line schema, run on each assembled line as the last check. */
const lineSchema = inventorySchema.shape.lines.element;

/**
 * Reads template rows into inventory lines: the Excel and CSV readers both end here, so the same
 * cells give the same lines and issues. Columns are found by their header text, so reordered
 * columns still read. Every bad cell is one issue naming the file (and sheet), the row and the
 * column header; a row with an issue gives no line.
 */
export function readActivityTable(table: ActivityTable): ActivityWorkbookRead {
  const { file } = table;
  const issues: RowIssue[] = [];

  const columnOf = new Map<ActivityColumnKey, number>();
  table.headers.forEach((text, position) => {
    const def = ACTIVITY_COLUMNS.find((c) => c.header === text.trim());
    if (def && !columnOf.has(def.key)) columnOf.set(def.key, position);
  });
  for (const c of ACTIVITY_COLUMNS) {
    if (c.required && !columnOf.has(c.key)) {
      issues.push({
        file,
        row: table.headerRow,
        column: c.header,
        reason: `缺少必需列 missing required column "${c.header}"`,
      });
    }
  }
  if (issues.length) return { lines: [], issues };

  const lines: ActivityLine[] = [];
  const lineRows: number[] = [];
  /** Row of each (id, month) seen; month "" stands for a whole-period row. */
  const seen = new Map<string, Map<number | '', number>>();
  for (const { row, cells } of table.rows) {
    const get = (key: ActivityColumnKey) => {
      const position = columnOf.get(key);
      return position === undefined ? '' : (cells[position] ?? '').trim();
    };
    if (ACTIVITY_COLUMNS.every((c) => get(c.key) === '')) continue;
    const rowIssues: RowIssue[] = [];
    const line = readRow(get, (key, reason) =>
      rowIssues.push({ file, row, column: column(key).header, reason }),
    );
    // Uniqueness needs the rows before this one, so it is checked here, on a row's good cells.
    if (line) {
      const { id, month } = line;
      const months = seen.get(id) ?? new Map<number | '', number>();
      const clash =
        month === undefined ? [...months.values()][0] : (months.get(month) ?? months.get(''));
      if (clash !== undefined) {
        rowIssues.push({
          file,
          row,
          column: column('id').header,
          reason:
            `行号与月份重复 duplicate line: id "${id}" ${month === undefined ? 'without a month' : `in month ${month}`} ` +
            `is already in row ${clash} (an id appears once per month, and a whole-period id in no other row)`,
        });
      } else {
        months.set(month ?? '', row);
        seen.set(id, months);
      }
    }
    if (rowIssues.length) issues.push(...rowIssues);
    else if (line) {
      lines.push(line);
      lineRows.push(row);
    }
  }
  return { lines, rows: lineRows, issues };
}

/** One row's line, or undefined after reporting each bad cell through `bad`. */
function readRow(
  get: (key: ActivityColumnKey) => string,
  bad: (key: ActivityColumnKey, reason: string) => void,
): ActivityLine | undefined {
  let flagged = false;
  const flag = (key: ActivityColumnKey, reason: string) => {
    bad(key, reason);
    flagged = true;
  };
  const required = (key: ActivityColumnKey): string | undefined => {
    const text = get(key);
    if (text === '') flag(key, '必填项为空 required cell is empty');
    return text === '' ? undefined : text;
  };

  const id = required('id');
  if (id !== undefined && !ID.test(id)) {
    flag('id', `行号格式无效 invalid id "${id}": use letters, digits, ".", "_" and "-"`);
  }

  const kindText = required('kind');
  const kind = ACTIVITY_KINDS.find((k) => k.kind === kindText);
  if (kindText !== undefined && !kind) {
    flag(
      'kind',
      `未知类型 unknown kind "${kindText}"; use one of: ${ACTIVITY_KINDS.map((k) => k.kind).join(', ')}`,
    );
  }

  let month: number | undefined;
  const monthText = get('month');
  if (monthText !== '') {
    const n = toNumber(monthText);
    if (n === undefined || !Number.isInteger(n) || n < 1 || n > 12) {
      flag(
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
    flag('amount', `数量应为数字 the amount must be a number, got "${amountText}"`);
  }
  const unit = required('unit');
  if (unit !== undefined) {
    if (!knownUnit(unit)) {
      flag('unit', `未知单位 unknown unit "${unit}"`);
    } else if (kind && kind.amount.length && !fits(unit, kind.amount)) {
      flag(
        'unit',
        `单位量纲不符 wrong dimension: ${kind.kind} takes ${kind.amountHelp}; got "${unit}" (${dimensionOf(unit)})`,
      );
    }
  }

  let inClinkerBoundary: boolean | undefined;
  const boundaryText = get('inClinkerBoundary');
  if (boundaryText !== '') {
    inClinkerBoundary = YES_NO[boundaryText.toLowerCase()];
    if (inClinkerBoundary === undefined) {
      flag(
        'inClinkerBoundary',
        `应填“是 yes”或“否 no” write "是 yes" or "否 no", got "${boundaryText}"`,
      );
    }
  }

  const { fields, values } = kind ? readKindColumns(kind, get, flag) : { fields: {}, values: {} };

  if (flagged || id === undefined || !kind || amount === undefined || unit === undefined) {
    return undefined;
  }
  crossCheck(kind, quantity(amount, unit), values, flag);
  if (flagged) return undefined;
  const facility = get('facility');
  const note = get('note');
  const line: ActivityLine = {
    id,
    kind: kind.kind,
    amount: `${amount} ${unit}`,
    ...(month !== undefined && { month }),
    ...(facility !== '' && { facility }),
    ...fields,
    ...(inClinkerBoundary !== undefined && { inClinkerBoundary }),
    ...(note !== '' && { note }),
  };
  // The engine's schema has the last word, so a line read here is one the engine accepts
  // (without the supplier, which the engine does not take).
  const parsed = lineSchema.safeParse(withoutSupplier(line));
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      flag(
        columnOfField(kind, issue.path[0]),
        `清单格式不接受 the inventory format refuses this: ${issue.message}`,
      );
    }
    return undefined;
  }
  return line;
}

/** The line as the engine takes it: without the supplier of bought energy. */
export function withoutSupplier(line: ActivityLine): Omit<ActivityLine, 'supplier'> {
  const out: ActivityLine = { ...line };
  delete (out as { supplier?: string }).supplier;
  return out;
}

/** A kind's own columns: refused when the kind does not use them, else checked by their type. */
function readKindColumns(
  kind: ActivityKind,
  get: (key: ActivityColumnKey) => string,
  flag: (key: ActivityColumnKey, reason: string) => void,
): { fields: Record<string, string>; values: Partial<Record<ActivityColumnKey, Quantity>> } {
  const fields: Record<string, string> = {};
  const values: Partial<Record<ActivityColumnKey, Quantity>> = {};
  for (const c of ACTIVITY_COLUMNS) {
    if (c.type === 'unit' || c.required || COMMON.has(c.key)) continue;
    const text = get(c.key);
    const unitText = c.unitColumn ? get(c.unitColumn) : '';
    const use = kind.columns[c.key];
    if (!use) {
      if (text !== '') flag(c.key, `此类型不用此列 not used for ${kind.kind}; leave it blank`);
      else if (c.unitColumn && unitText !== '')
        flag(c.unitColumn, `此类型不用此列 not used for ${kind.kind}; leave it blank`);
      continue;
    }
    const read = readCell(c, use, text, unitText, flag);
    if (read === undefined) {
      if (text === '' && !(c.unitColumn && unitText !== '') && use.required) {
        flag(c.key, `必填项为空 required for ${kind.kind}: ${use.field}`);
      }
      continue;
    }
    fields[use.field] = read.text;
    if (read.quantity) values[c.key] = read.quantity;
  }
  return { fields, values };
}

/** Columns every kind has, read above rather than by kind. */
const COMMON = new Set<ActivityColumnKey>(['month', 'facility', 'inClinkerBoundary', 'note']);

function columnOfField(kind: ActivityKind, field: PropertyKey | undefined): ActivityColumnKey {
  if (field === 'amount') return 'amount';
  for (const key of ['id', 'month', 'facility', 'note', 'inClinkerBoundary'] as const) {
    if (field === key) return key;
  }
  const entry = Object.entries(kind.columns).find(([, use]) => use.field === field);
  return (entry?.[0] as ActivityColumnKey | undefined) ?? 'kind';
}

/** A percentage as written: 98, "98%", "98 %" (Excel's percent-formatted cells arrive as "98%"). */
function percentOf(text: string): number | undefined {
  return toNumber(text.replace(/\s*%$/, ''));
}

function readCell(
  c: ActivityColumn,
  use: KindColumn,
  text: string,
  unitText: string,
  flag: (key: ActivityColumnKey, reason: string) => void,
): { text: string; quantity?: Quantity } | undefined {
  if (c.type === 'text') return text === '' ? undefined : { text };
  if (c.type === 'choice') {
    if (text === '') return undefined;
    if (use.values && !use.values.includes(text)) {
      flag(c.key, `无效取值 invalid value "${text}"; use one of: ${use.values.join(', ')}`);
      return undefined;
    }
    return { text };
  }
  if (text === '') {
    if (c.unitColumn && unitText !== '')
      flag(c.key, '填写了单位但没有数值 a unit is given without a value');
    return undefined;
  }
  const n = c.type === 'percent' ? percentOf(text) : toNumber(text);
  if (n === undefined) {
    flag(c.key, `应为数字 must be a number, got "${text}"`);
    return undefined;
  }
  let q: Quantity;
  if (c.type === 'percent') q = quantity(n, '%');
  else if (c.fixedUnit) q = quantity(n, c.fixedUnit);
  else {
    const units = use.units ?? [];
    if (!c.unitColumn || unitText === '') {
      if (c.unitColumn)
        flag(c.unitColumn, `填写数值时必填单位 required with a value: ${units.join(' or ')}`);
      return undefined;
    }
    if (!fits(unitText, units)) {
      flag(
        c.unitColumn,
        `单位无效 unit must measure the same as ${units.join(' or ')}, got "${unitText}"`,
      );
      return undefined;
    }
    q = quantity(n, unitText);
  }
  if (!inBounds(q, use)) {
    const low = use.min === undefined ? '' : `${use.minExclusive ? '>' : '≥'} ${use.min}`;
    const high = use.max === undefined ? '' : `≤ ${use.max}`;
    const unit = q.unit === '%' ? '%' : ` ${use.units?.[0] ?? q.unit}`;
    flag(
      c.key,
      `超出范围 out of range: ${text}${c.unitColumn ? ` ${unitText}` : ''} must be ${[low, high].filter(Boolean).join(' and ')}${unit}`,
    );
    return undefined;
  }
  return { text: `${n} ${q.unit}`, quantity: q };
}

function inBounds(q: Quantity, use: KindColumn): boolean {
  if (use.min === undefined && use.max === undefined) return true;
  const v = valueIn(q, use.units?.[0] ?? q.unit);
  if (use.min !== undefined && (use.minExclusive ? v <= use.min : v < use.min)) return false;
  return use.max === undefined || v <= use.max;
}

/** Rules between cells of one row, which the engine applies when it computes. */
function crossCheck(
  kind: ActivityKind,
  amount: Quantity,
  values: Partial<Record<ActivityColumnKey, Quantity>>,
  flag: (key: ActivityColumnKey, reason: string) => void,
): void {
  for (const [part, total] of [
    ['caoNonCarbonate', 'cao'],
    ['mgoNonCarbonate', 'mgo'],
  ] as const) {
    const p = values[part];
    const t = values[total];
    if (p && t && p.value > t.value) {
      flag(part, `不能超过总含量 must not exceed the ${column(total).header} (${t.value} %)`);
    }
  }
  const { unit } = amount;
  const factor = values.factor;
  const target =
    kind.kind === 'spend' ? 'tCO2e' : kind.kind === 'process-emission' ? 'tCO2' : undefined;
  if (factor && target) {
    const product = multiply(amount, factor).unit;
    if (!fits(product, [target])) {
      flag(
        'factorUnit',
        `因子单位与数量单位不匹配 the factor does not fit the amount: "${unit}" × "${factor.unit}" is "${product}", not ${target}`,
      );
    }
  }
  if ((kind.kind === 'heat-purchased' || kind.kind === 'heat-exported') && fits(unit, ['t'])) {
    if (!values.enthalpy)
      flag('enthalpy', '蒸汽以质量填写时必填焓值 required when steam is given as a mass');
  }
  if (kind.kind === 'ccus' && fits(unit, ['万Nm3']) && !values.purity) {
    flag('purity', '以气体体积填写时必填纯度 required when the captured CO2 is a gas volume');
  }
}
