import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import type { SourceRow, SourceTable } from './types.js';

/** A file the importer cannot read at all (unknown type, broken CSV, missing sheet). */
export class ImportFileError extends Error {
  override readonly name = 'ImportFileError';
}

const isBlank = (cells: readonly string[]) => cells.every((c) => c.trim() === '');

/**
 * Reads CSV text (optional BOM, RFC 4180 quoting). Rows are numbered by the line they
 * start on, counting the header as line 1, as an editor shows them; blank lines are skipped.
 */
export function readCsvTable(text: string, file: string, delimiter = ','): SourceTable {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text.replace(/^\uFEFF/, ''), {
      delimiter,
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (e) {
    throw new ImportFileError(`${file}: 不是有效的 CSV not valid CSV: ${(e as Error).message}`, {
      cause: e,
    });
  }
  // csv-parse counts the line a record ends on; a quoted cell with line breaks starts earlier.
  const startLine = (r: { record: string[]; info: { lines: number } }) =>
    r.info.lines - r.record.reduce((n, c) => n + (c.match(/\r\n|\n|\r/g)?.length ?? 0), 0);
  const [head, ...body] = records;
  if (!head) throw new ImportFileError(`${file}: 文件为空 the file is empty`);
  const rows: SourceRow[] = body
    .filter((r) => !isBlank(r.record))
    .map((r) => ({ row: startLine(r), cells: r.record }));
  return { file, headers: head.record.map((h) => h.trim()), headerRow: startLine(head), rows };
}

/** One cell as text: numbers in full precision, dates as ISO dates, formulas by their result. */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if ('richText' in value) return value.richText.map((t) => t.text).join('');
  if ('formula' in value || 'sharedFormula' in value) return cellText(value.result);
  if ('error' in value) return String(value.error);
  if ('text' in value) return cellText(value.text);
  return '';
}

/**
 * Reads one worksheet of an .xlsx workbook: the named sheet, else the first. The first non-empty
 * row is the header; rows are numbered as the sheet numbers them.
 */
export async function readXlsxTable(
  path: string,
  file: string,
  sheet?: string,
): Promise<SourceTable> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.readFile(path);
  } catch (e) {
    throw new ImportFileError(
      `${file}: 不是有效的 XLSX not a readable .xlsx workbook: ${(e as Error).message}`,
      {
        cause: e,
      },
    );
  }
  const ws = sheet === undefined ? workbook.worksheets[0] : workbook.getWorksheet(sheet);
  if (!ws) {
    const names = workbook.worksheets.map((w) => w.name).join(', ');
    throw new ImportFileError(
      `${file}: 工作表不存在 no worksheet "${sheet ?? '(first)'}"; sheets: ${names}`,
    );
  }
  const all: SourceRow[] = [];
  ws.eachRow((row, rowNumber) => {
    // row.values is 1-based (index 0 is empty); keep column positions, so fill the gaps.
    const values = Array.isArray(row.values) ? row.values.slice(1) : [];
    const cells = Array.from(values, (v) => cellText(v).trim());
    if (!isBlank(cells)) all.push({ row: rowNumber, cells });
  });
  const [head, ...rows] = all;
  if (!head) throw new ImportFileError(`${file}: 工作表为空 worksheet "${ws.name}" is empty`);
  return { file, sheet: ws.name, headers: head.cells, headerRow: head.row, rows };
}

export interface ReadTableOptions {
  /** Worksheet of an .xlsx file; default the first. */
  readonly sheet?: string;
  /** CSV delimiter; default ",". */
  readonly delimiter?: string;
  /** File name used in issues; default the path as given. */
  readonly fileLabel?: string;
}

/**
 * CSV bytes as text: UTF-8 when they are valid UTF-8, else GB18030 (a superset of GBK), which is
 * what Excel on a Chinese Windows writes when a sheet is saved as plain "CSV".
 */
export function decodeCsvBytes(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

/** Reads a .csv or .xlsx file into a source table, choosing the reader by the file extension. */
export async function readSourceTable(
  path: string,
  options: ReadTableOptions = {},
): Promise<SourceTable> {
  const file = options.fileLabel ?? path;
  const ext = extname(path).toLowerCase();
  if (ext === '.csv' || ext === '.txt')
    return readCsvTable(decodeCsvBytes(await readFile(path)), file, options.delimiter);
  if (ext === '.xlsx') return readXlsxTable(path, file, options.sheet);
  throw new ImportFileError(
    `${file}: 不支持的文件类型 unsupported file type "${ext}" (use .csv or .xlsx)`,
  );
}
