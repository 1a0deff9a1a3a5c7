import ExcelJS from 'exceljs';
import { ACTIVITY_TEMPLATE_SHEETS } from './template.js';
import { readActivityTable, type ActivityWorkbookRead } from './rows.js';
import { readPollutantTable } from './pollutants.js';

export type { ActivityLine, ActivityWorkbookRead } from './rows.js';

/** One cell as text: numbers in full precision, formulas by their result. */
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

/**
 * A cell as the person filling it sees it: a number in a percent-formatted cell is stored as a
 * fraction (98 % is 0.98), so it is read back as "98%", as the CSV export writes it.
 */
function shownText(cell: ExcelJS.Cell): string {
  const raw = cell.value;
  const n =
    typeof raw === 'number'
      ? raw
      : raw && typeof raw === 'object' && 'result' in raw && typeof raw.result === 'number'
        ? raw.result
        : undefined;
  if (n !== undefined && cell.numFmt?.includes('%')) return `${Number((n * 100).toPrecision(15))}%`;
  return cellText(raw);
}

/**
 * Reads a filled activity template (`activityTemplateWorkbook`) into inventory-format lines: the
 * data sheet (else the first sheet), header in row 1. Every bad cell is one issue naming the file,
 * the sheet (`sheet`), the sheet row and the column header; a row with an issue gives
 * no line. Whether to reject the whole file when there are issues is the caller's choice. The
 * same id may appear once per month; `activityLinesToInventoryLines` makes the ids unique for
 * one inventory document.
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
  const width = ws.columnCount;
  const texts = (row: ExcelJS.Row) =>
    Array.from({ length: width }, (_, i) => shownText(row.getCell(i + 1)));
  const rows: { row: number; cells: string[] }[] = [];
  ws.eachRow((row, rowNumber) => {
    if (rowNumber > 1) rows.push({ row: rowNumber, cells: texts(row) });
  });
  const read = readActivityTable({
    file: fileName,
    headerRow: 1,
    headers: texts(ws.getRow(1)),
    rows,
  });
  const pollutants = readPollutantSheet(
    wb.getWorksheet(ACTIVITY_TEMPLATE_SHEETS.pollutants),
    fileName,
  );
  return {
    ...read,
    issues: [...read.issues.map((i) => ({ ...i, sheet: ws.name })), ...(pollutants?.issues ?? [])],
    sheet: ws.name,
    ...(pollutants && {
      pollutants: pollutants.pollutants,
      pollutantRows: pollutants.rows,
      pollutantSheet: ACTIVITY_TEMPLATE_SHEETS.pollutants,
    }),
  };
}

/** The pollutants sheet, when the workbook has one; its issues name the sheet. */
function readPollutantSheet(ws: ExcelJS.Worksheet | undefined, fileName: string) {
  if (!ws) return undefined;
  const texts = (row: ExcelJS.Row) =>
    Array.from({ length: ws.columnCount }, (_, i) => shownText(row.getCell(i + 1)));
  const rows: { row: number; cells: string[] }[] = [];
  ws.eachRow((row, rowNumber) => {
    if (rowNumber > 1) rows.push({ row: rowNumber, cells: texts(row) });
  });
  const read = readPollutantTable({
    file: fileName,
    headerRow: 1,
    headers: texts(ws.getRow(1)),
    rows,
  });
  return { ...read, issues: read.issues.map((i) => ({ ...i, sheet: ws.name })) };
}
