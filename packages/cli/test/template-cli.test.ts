import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import {
  ACTIVITY_COLUMNS,
  ACTIVITY_TEMPLATE_SHEETS,
  readActivityCsv,
  readActivityWorkbook,
} from '@carbonbase/io';
import { runCli } from './run-cli.js';

const outPath = (name: string) => join(mkdtempSync(join(tmpdir(), 'carbonbase-template-')), name);

describe('carbonbase template', () => {
  it('writes the bilingual activity-data template, which reads back empty and clean', async () => {
    const out = outPath('template.xlsx');
    const { out: printed } = await runCli(['template', out]);
    expect(printed).toContain(out);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(out) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((s) => s.name)).toEqual([
      ACTIVITY_TEMPLATE_SHEETS.data,
      ACTIVITY_TEMPLATE_SHEETS.pollutants,
      ACTIVITY_TEMPLATE_SHEETS.instructions,
    ]);
    const header = wb.getWorksheet(ACTIVITY_TEMPLATE_SHEETS.data)!.getRow(1).getCell(1).text;
    expect(header).toMatch(/行号.*Line id/);
    expect(await readActivityWorkbook(readFileSync(out), 'template.xlsx')).toEqual({
      lines: [],
      rows: [],
      issues: [],
      sheet: ACTIVITY_TEMPLATE_SHEETS.data,
      pollutants: [],
      pollutantRows: [],
      pollutantSheet: ACTIVITY_TEMPLATE_SHEETS.pollutants,
    });
  });

  it('--csv writes the template as UTF-8 CSV with a byte-order mark', async () => {
    const out = outPath('template.csv');
    const { out: printed } = await runCli(['template', '--csv', out]);
    expect(printed).toContain(out);
    const bytes = readFileSync(out);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8');
    expect(text.slice(1).split('\r\n')[0]).toBe(ACTIVITY_COLUMNS.map((c) => c.header).join(','));
    expect(readActivityCsv(text, 'template.csv')).toEqual({ lines: [], rows: [], issues: [] });
  });
});
