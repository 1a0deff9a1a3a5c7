import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { parseInventory } from '@carbonbase/engine';
import { readActivityWorkbook } from '../src/activity-template/read.js';
import {
  ACTIVITY_COLUMNS,
  ACTIVITY_TEMPLATE_SHEETS,
  activityTemplateBuffer,
  activityTemplateWorkbook,
  type ActivityColumnKey,
} from '../src/activity-template/template.js';

type Row = Partial<Record<ActivityColumnKey, string | number>>;

const GOOD: Row[] = [
  {
    id: 'coal-01',
    kind: 'fuel-combustion',
    month: 1,
    facility: 'kiln-1',
    fuel: 'bituminous-coal',
    amount: 12000,
    unit: 't',
    ncv: 23.5,
    ncvUnit: 'GJ/t',
    carbonContent: 26.1,
    carbonContentUnit: 'tC/TJ',
    oxidation: 98,
  },
  {
    id: 'gas-01',
    kind: 'fuel-combustion',
    month: 1,
    fuel: 'natural-gas',
    amount: 3.5,
    unit: '万Nm3',
  },
  { id: 'elec-01', kind: 'electricity-purchased', month: 1, amount: 850, unit: 'MWh' },
  { id: 'elec-02', kind: 'electricity-purchased', month: '2', amount: '120', unit: '万kWh' },
  { id: 'clk-01', kind: 'clinker', month: 1, amount: 95000, unit: 't', note: '窑 1 kiln 1' },
  {
    id: 'slag-01',
    kind: 'non-carbonate-raw-material',
    fuel: 'carbide-slag',
    amount: 500,
    unit: 't',
  },
];

/** Rows with exactly one bad cell each, and the column that must be named. */
const BAD: { row: Row; column: ActivityColumnKey }[] = [
  { row: { kind: 'clinker', amount: 1, unit: 't' }, column: 'id' },
  { row: { id: 'b-kind', kind: 'coal-burning', amount: 1, unit: 't' }, column: 'kind' },
  { row: { id: 'b-month', kind: 'clinker', month: 13, amount: 1, unit: 't' }, column: 'month' },
  { row: { id: 'b-amount', kind: 'clinker', amount: 'lots', unit: 't' }, column: 'amount' },
  { row: { id: 'b-noamount', kind: 'clinker', unit: 't' }, column: 'amount' },
  { row: { id: 'b-unit', kind: 'clinker', amount: 1, unit: 'bags' }, column: 'unit' },
  {
    row: { id: 'b-elecdim', kind: 'electricity-purchased', amount: 1, unit: 't' },
    column: 'unit',
  },
  {
    row: { id: 'b-fueldim', kind: 'fuel-combustion', fuel: 'diesel', amount: 1, unit: 'MWh/t' },
    column: 'unit',
  },
  { row: { id: 'b-nofuel', kind: 'fuel-combustion', amount: 1, unit: 't' }, column: 'fuel' },
  {
    row: {
      id: 'b-ncvunit',
      kind: 'fuel-combustion',
      fuel: 'diesel',
      amount: 1,
      unit: 't',
      ncv: 43,
    },
    column: 'ncvUnit',
  },
  { row: { id: 'coal-01', kind: 'clinker', amount: 1, unit: 't' }, column: 'id' },
];

const headerOf = (key: ActivityColumnKey) => ACTIVITY_COLUMNS.find((c) => c.key === key)!.header;

async function filledTemplate(rows: readonly Row[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await activityTemplateBuffer({ rows: 50 })) as unknown as ExcelJS.Buffer);
  const ws = wb.getWorksheet(ACTIVITY_TEMPLATE_SHEETS.data)!;
  rows.forEach((r, i) => {
    const row = ws.getRow(i + 2);
    ACTIVITY_COLUMNS.forEach((c, col) => {
      const v = r[c.key];
      if (v !== undefined) row.getCell(col + 1).value = v;
    });
    row.commit();
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('activity template', () => {
  it('has bilingual headers, a frozen header row, drop-downs and instructions', () => {
    const wb = activityTemplateWorkbook({ rows: 10 });
    const ws = wb.getWorksheet(ACTIVITY_TEMPLATE_SHEETS.data)!;
    expect(ws.getRow(1).getCell(1).value).toBe('行号 Line id');
    expect(ws.getRow(1).getCell(2).value).toBe('类型 Kind');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.getCell('B2').dataValidation.type).toBe('list');
    expect(String(ws.getCell('B2').dataValidation.formulae[0])).toContain('fuel-combustion');
    expect(ws.getCell('G11').dataValidation.formulae[0]).toContain('MWh');
    const help = wb.getWorksheet(ACTIVITY_TEMPLATE_SHEETS.instructions)!;
    const text = help
      .getSheetValues()
      .flat()
      .filter((v): v is string => typeof v === 'string')
      .join('\n');
    expect(text).toContain('electricity-purchased');
    expect(text).toContain('低位发热量 NCV');
  });

  it('reads good rows into lines the engine accepts', async () => {
    const { lines, issues } = await readActivityWorkbook(await filledTemplate(GOOD), 'a.xlsx');
    expect(issues).toEqual([]);
    expect(lines).toHaveLength(GOOD.length);
    expect(lines[0]).toEqual({
      id: 'coal-01',
      kind: 'fuel-combustion',
      month: 1,
      facility: 'kiln-1',
      fuel: 'bituminous-coal',
      amount: '12000 t',
      ncv: '23.5 GJ/t',
      carbonContent: '26.1 tC/TJ',
      oxidation: '98 %',
    });
    expect(lines[5]).toMatchObject({ material: 'carbide-slag' });
    const inventory = parseInventory({
      format: 'carbonbase.inventory/v1',
      reporter: { name: 'Test cement', region: 'CN-GX' },
      period: { year: 2025 },
      method: 'cn-cement-2015',
      facilities: [{ id: 'kiln-1', name: 'Kiln 1' }],
      lines,
    });
    expect(inventory.lines.map((l) => l.id)).toEqual(GOOD.map((r) => r.id));
  });

  it('reports each bad cell once, with sheet, row and column', async () => {
    const buffer = await filledTemplate([...GOOD, ...BAD.map((b) => b.row)]);
    const { lines, issues } = await readActivityWorkbook(buffer, 'bad.xlsx');
    expect(lines.map((l) => l.id)).toEqual(GOOD.map((r) => r.id));
    expect(issues).toHaveLength(BAD.length);
    BAD.forEach((b, i) => {
      const row = GOOD.length + i + 2;
      const found = issues.filter((x) => x.row === row);
      expect(found, `row ${row}`).toHaveLength(1);
      expect(found[0]).toMatchObject({
        file: `bad.xlsx [${ACTIVITY_TEMPLATE_SHEETS.data}]`,
        column: headerOf(b.column),
      });
      expect(found[0]!.reason).toMatch(/[\u4e00-\u9fff].*[a-z]/);
    });
  });

  it('reports a missing required column against the header row', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet(ACTIVITY_TEMPLATE_SHEETS.data);
    ws.addRow(['行号 Line id', '类型 Kind', '数量 Amount']);
    const buffer = Buffer.from(await wb.xlsx.writeBuffer());
    const { lines, issues } = await readActivityWorkbook(buffer, 'x.xlsx');
    expect(lines).toEqual([]);
    expect(issues).toEqual([expect.objectContaining({ row: 1, column: '单位 Unit' })]);
  });
});
