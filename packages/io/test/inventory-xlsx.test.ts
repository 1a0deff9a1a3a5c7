import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { account, parseInventory, type InventoryResult } from '@carbonbase/engine';
import { FactorBase } from '@carbonbase/factors';
import { valueIn } from '@carbonbase/quantity';
import { bundledFactorSetsDir, loadFactorSetTree, parseInventoryText } from '../src/index.js';
import {
  INVENTORY_REPORT_SHEETS as SHEETS,
  inventoryReportBuffer,
} from '../src/reports/inventory-xlsx.js';

const NAME = 'guangxi-cement-plant.yaml';
let result: InventoryResult;
let wb: ExcelJS.Workbook;

beforeAll(async () => {
  const base = new FactorBase(await loadFactorSetTree(bundledFactorSetsDir()));
  const file = fileURLToPath(new URL(`../../../examples/${NAME}`, import.meta.url));
  const raw = parseInventoryText(readFileSync(file, 'utf8'), NAME);
  result = account(raw, base, { document: NAME });
  const buffer = await inventoryReportBuffer(result, parseInventory(raw, NAME));
  wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as unknown as ArrayBuffer);
});

function sheet(name: string): ExcelJS.Worksheet {
  const ws = wb.getWorksheet(name);
  if (!ws) throw new Error(`no sheet ${name}`);
  return ws;
}

/** Column number of a header (row 1) that starts with `prefix`. */
function column(ws: ExcelJS.Worksheet, prefix: string): number {
  let found = 0;
  ws.getRow(1).eachCell((c, i) => {
    if (!found && c.text.startsWith(prefix)) found = i;
  });
  if (!found) throw new Error(`no column "${prefix}" on ${ws.name}`);
  return found;
}

/** Data rows (below the header) as arrays indexed from 1 like exceljs. */
function rows(ws: ExcelJS.Worksheet): ExcelJS.Row[] {
  const out: ExcelJS.Row[] = [];
  ws.eachRow((row, i) => {
    if (i > 1) out.push(row);
  });
  return out;
}

const text = (row: ExcelJS.Row, col: number) => row.getCell(col).text;

describe('inventory Excel report', () => {
  it('has the template sheets in order, with a bold frozen header', () => {
    expect(wb.worksheets.map((w) => w.name)).toEqual(Object.values(SHEETS));
    for (const ws of wb.worksheets) {
      expect(ws.getRow(1).font?.bold, ws.name).toBe(true);
      expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    }
  });

  it('states the engine total as a number on the totals sheet', () => {
    const ws = sheet(SHEETS.totals);
    const key = column(ws, '键 Key');
    const value = column(ws, '数值 Value');
    const unit = column(ws, '单位 Unit');
    const total = rows(ws).find((r) => text(r, key) === 'total');
    expect(total).toBeDefined();
    expect(total!.getCell(value).value).toBe(result.total.value);
    expect(text(total!, unit)).toBe(result.total.unit);
    // Biomass CO2 is reported on its own row, outside the total.
    const bio = rows(ws).find((r) => text(r, key) === 'biomass-co2');
    expect(bio?.getCell(value).value).toBe(result.biomassCO2.value);
    // The CETS boundaries of the example are there.
    expect(rows(ws).some((r) => text(r, key) === 'boundary:clinker-production')).toBe(true);
  });

  it('lists every line on the sources sheet, and the emissions add up to the total', () => {
    const ws = sheet(SHEETS.sources);
    const id = column(ws, '行 Line');
    const emissions = column(ws, '排放量 Emissions (tCO2e)');
    const ids = new Set(result.lines.map((l) => l.id));
    const lineRows = rows(ws).filter((r) => ids.has(text(r, id)));
    expect(lineRows.map((r) => text(r, id))).toEqual(result.lines.map((l) => l.id));
    let sum = 0;
    for (const r of lineRows) {
      const v = r.getCell(emissions).value;
      expect(typeof v).toBe('number');
      sum += v as number;
    }
    expect(sum).toBeCloseTo(valueIn(result.total, 'tCO2e'), 6);
  });

  it('lists every cited factor with id@version, source and verification', () => {
    const ws = sheet(SHEETS.factors);
    const ref = column(ws, '因子 Factor');
    const verification = column(ws, '核实状态 Verification');
    const source = column(ws, '来源 Source');
    const byRef = new Map(rows(ws).map((r) => [text(r, ref), r]));
    const cited = [...result.lines.map((l) => l.explanation), ...result.totals].flatMap(
      (e) => e.factors,
    );
    expect(cited.length).toBeGreaterThan(0);
    for (const f of cited) {
      const row = byRef.get(f.ref);
      expect(row, f.ref).toBeDefined();
      expect(f.ref).toBe(`${f.id}@${f.version}`);
      expect(text(row!, verification)).toContain(f.verification);
      expect(text(row!, source)).toBe(f.source.document);
    }
  });

  it('lists the activity data and the warnings', () => {
    const activity = sheet(SHEETS.activity);
    const line = column(activity, '行 Line');
    const value = column(activity, '数值 Value');
    const coal = rows(activity).find((r) => text(r, line) === 'coal-l1');
    expect(coal?.getCell(value).value).toBe(228000);
    const warnings = sheet(SHEETS.warnings);
    expect(rows(warnings)).toHaveLength(result.warnings.length);
    expect(result.warnings.length).toBeGreaterThan(0);
  });
});
