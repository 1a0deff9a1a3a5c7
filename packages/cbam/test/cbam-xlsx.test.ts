import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { FactorBase } from '@carbonbase/factors';
import {
  communicationData,
  communicationWorkbook,
  parseInstallation,
  specificEmbeddedEmissions,
  type CbamCommunication,
} from '../src/index.js';
import {
  bundledFactorSetsDir,
  cbamWorkbookBuffer,
  loadFactorSetTree,
  writeCbamWorkbook,
} from '@carbonbase/io';

const file = (p: string) => fileURLToPath(new URL(`../../../${p}`, import.meta.url));
const EXAMPLE = 'examples/cbam/guangxi-cement-cbam.json';
const COMMUNICATION = 'examples/cbam/guangxi-cement-cbam.communication.json';

const base = new FactorBase(await loadFactorSetTree(bundledFactorSetsDir()));
const inst = parseInstallation(JSON.parse(readFileSync(file(EXAMPLE), 'utf8')), EXAMPLE);
const communication = communicationData(
  inst,
  specificEmbeddedEmissions(inst, base, { year: 2026 }),
  { issued: '2026-11-24' },
);
const stored = JSON.parse(readFileSync(file(COMMUNICATION), 'utf8')) as CbamCommunication;
const sheets = communicationWorkbook(communication);

async function readBack(path: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  return wb;
}

describe('writeCbamWorkbook', () => {
  it('writes the example communication as a real .xlsx with its sheets and headers', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'cbam-xlsx-')), 'guangxi.xlsx');
    expect(await writeCbamWorkbook(sheets, path)).toBe(path);
    const wb = await readBack(path);

    expect(wb.worksheets.map((w) => w.name)).toEqual([
      'Installation',
      'Summary_Products',
      'Precursors',
      'Emissions',
      'Factors',
      'Explanation',
    ]);
    for (const sheet of sheets.sheets) {
      const ws = wb.getWorksheet(sheet.name)!;
      const header = sheet.rows[0]!;
      expect(header.map((_, c) => ws.getRow(1).getCell(c + 1).value)).toEqual(header);
      expect(ws.getRow(1).getCell(1).font?.bold).toBe(true);
      expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(ws.rowCount).toBe(sheet.rows.length);
    }

    const products = wb.getWorksheet('Summary_Products')!;
    const header = sheets.sheets[1]!.rows[0]!;
    const col = (name: string) => header.indexOf(name) + 1;
    const clinker = products.getRow(2);
    expect(clinker.getCell(col('CN code')).value).toBe('2523 10 00');
    // A number, not text, and the very number of the stored communication data.
    const direct = clinker.getCell(col('SEE direct (tCO2e/t)')).value;
    expect(typeof direct).toBe('number');
    expect(direct).toBe(stored.goods[0]!.see.direct.value.value);
    // docs/methods/cbam.md step 1: 2 432 322.31 / 2 900 000 = 0.83873 tCO2e/t
    expect(direct).toBeCloseTo(0.83873, 5);
    expect(clinker.getCell(col('Production (t)')).value).toBe(2900000);
    // An empty cell stays empty (clinker has no route).
    expect(clinker.getCell(col('Route')).value).toBeNull();
    // CEM I total, step 3: 0.83729 tCO2e/t
    expect(products.getRow(3).getCell(col('SEE total (tCO2e/t)')).value).toBeCloseTo(0.83729, 5);

    const widths = products.columns.map((c) => c.width ?? 0);
    expect(Math.min(...widths)).toBeGreaterThanOrEqual(10);
    expect(Math.max(...widths)).toBeLessThanOrEqual(60);
  });

  it('returns the same workbook as bytes', async () => {
    const buffer = await cbamWorkbookBuffer(sheets);
    expect(buffer.subarray(0, 2).toString('latin1')).toBe('PK');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buffer as unknown as ExcelJS.Buffer);
    expect(wb.getWorksheet('Factors')!.rowCount).toBe(stored.factors.length + 1);
  });

  it('refuses a sheet name Excel cannot store', async () => {
    await expect(cbamWorkbookBuffer({ sheets: [{ name: 'a/b', rows: [['x']] }] })).rejects.toThrow(
      /invalid sheet name "a\/b"/,
    );
  });
});
