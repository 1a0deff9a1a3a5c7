import { writeFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';

/**
 * The plain workbook that `communicationWorkbook()` in @carbonbase/cbam returns, typed here by
 * shape so that io does not depend on cbam (cbam already uses io in its tests).
 */
export type PlainCell = string | number | null;

export interface PlainSheet {
  readonly name: string;
  readonly rows: readonly (readonly PlainCell[])[];
}

export interface PlainWorkbook {
  readonly sheets: readonly PlainSheet[];
}

/**
 * Column widths in Excel character units: never narrower than a short number, never a wall. (At 9,
 * exceljs omits the width as its default, so the minimum stays above it.)
 */
const MIN_WIDTH = 10;
const MAX_WIDTH = 60;

/** Display width of a text: CJK and full-width characters take two columns. */
function textWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += ch.codePointAt(0)! >= 0x2e80 ? 2 : 1;
  return w;
}

function cellWidth(cell: PlainCell): number {
  if (cell === null) return 0;
  if (typeof cell === 'number') return String(cell).length;
  return Math.max(0, ...cell.split('\n').map(textWidth));
}

/** Excel's rules for sheet names: 1–31 characters, none of : \ / ? * [ ]. */
function checkSheetName(name: string, seen: Set<string>): void {
  if (name.length < 1 || name.length > 31 || /[:\\/?*[\]]/.test(name))
    throw new Error(
      `工作表名无效 invalid sheet name "${name}" (1–31 characters, no : \\ / ? * [ ])`,
    );
  const key = name.toLowerCase();
  if (seen.has(key)) throw new Error(`工作表名重复 duplicate sheet name "${name}"`);
  seen.add(key);
}

/**
 * Builds an exceljs workbook from plain sheets: the first row of each sheet is its header (bold,
 * frozen), numbers stay numbers, empty cells stay empty, and each column is as wide as its
 * longest value within reason (longer texts wrap).
 */
export function cbamWorkbook(workbook: PlainWorkbook): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'carbonbase';
  const seen = new Set<string>();
  for (const sheet of workbook.sheets) {
    checkSheetName(sheet.name, seen);
    const ws = wb.addWorksheet(sheet.name, { views: [{ state: 'frozen', ySplit: 1 }] });
    const widths: number[] = [];
    sheet.rows.forEach((row, r) => {
      const xrow = ws.getRow(r + 1);
      row.forEach((cell, c) => {
        widths[c] = Math.max(widths[c] ?? 0, cellWidth(cell));
        if (cell === null) return;
        if (typeof cell === 'number' && !Number.isFinite(cell))
          throw new Error(
            `非有限数值 ${sheet.name}!${xrow.getCell(c + 1).address}: ${cell} cannot be stored in a spreadsheet`,
          );
        xrow.getCell(c + 1).value = cell;
      });
    });
    ws.getRow(1).font = { bold: true };
    widths.forEach((w, c) => {
      const column = ws.getColumn(c + 1);
      column.width = Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, w + 2));
      if (w + 2 > MAX_WIDTH) column.alignment = { wrapText: true, vertical: 'top' };
    });
  }
  return wb;
}

/** The workbook as .xlsx bytes. */
export async function cbamWorkbookBuffer(workbook: PlainWorkbook): Promise<Buffer> {
  const data = await cbamWorkbook(workbook).xlsx.writeBuffer();
  return Buffer.from(data);
}

/** Writes the workbook as an .xlsx file; returns the path. */
export async function writeCbamWorkbook(workbook: PlainWorkbook, path: string): Promise<string> {
  await writeFile(path, await cbamWorkbookBuffer(workbook));
  return path;
}
