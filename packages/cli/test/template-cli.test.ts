import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { ACTIVITY_TEMPLATE_SHEETS, readActivityWorkbook } from '@carbonbase/io';
import { runCli } from './run-cli.js';

describe('carbonbase template', () => {
  it('writes the bilingual activity-data template, which reads back empty and clean', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'carbonbase-template-')), 'template.xlsx');
    const { out: printed } = await runCli(['template', out]);
    expect(printed).toContain(out);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(out) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((s) => s.name)).toEqual([
      ACTIVITY_TEMPLATE_SHEETS.data,
      ACTIVITY_TEMPLATE_SHEETS.instructions,
    ]);
    const header = wb.getWorksheet(ACTIVITY_TEMPLATE_SHEETS.data)!.getRow(1).getCell(1).text;
    expect(header).toMatch(/行号.*Line id/);
    expect(await readActivityWorkbook(readFileSync(out), 'template.xlsx')).toEqual({
      lines: [],
      issues: [],
    });
  });
});
