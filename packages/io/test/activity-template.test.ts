import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { LINE_KINDS, parseInventory } from '@carbonbase/engine';
import { readActivityWorkbook, type ActivityLine } from '../src/activity-template/read.js';
import { readActivityCsv } from '../src/activity-template/csv.js';
import { activityLinesToInventoryLines } from '../src/activity-template/inventory-lines.js';
import {
  ACTIVITY_COLUMNS,
  ACTIVITY_KINDS,
  ACTIVITY_TEMPLATE_SHEETS,
  activityTemplateBuffer,
  activityTemplateCsv,
  activityTemplateWorkbook,
  type ActivityColumnKey,
} from '../src/activity-template/template.js';

type Row = Partial<Record<ActivityColumnKey, string | number | boolean>>;

/** One row per kind (and the two heat forms), with the line each must give. */
const CASES: { row: Row; line: ActivityLine }[] = [
  {
    row: {
      id: 'coal-l1',
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
    line: {
      id: 'coal-l1',
      kind: 'fuel-combustion',
      month: 1,
      facility: 'kiln-1',
      fuel: 'bituminous-coal',
      amount: '12000 t',
      ncv: '23.5 GJ/t',
      carbonContent: '26.1 tC/TJ',
      oxidation: '98 %',
    },
  },
  {
    row: {
      id: 'tyres',
      kind: 'alternative-fuel',
      month: 1,
      fuel: 'waste-tyres',
      amount: 300,
      unit: 't',
      ncv: 31.4,
      ncvUnit: 'GJ/t',
      factor: 0.085,
      factorUnit: 'tCO2/GJ',
      biomassFraction: '27%',
    },
    line: {
      id: 'tyres',
      kind: 'alternative-fuel',
      month: 1,
      fuel: 'waste-tyres',
      amount: '300 t',
      ncv: '31.4 GJ/t',
      ef: '0.085 tCO2/GJ',
      biomassFraction: '27 %',
    },
  },
  {
    row: {
      id: 'clk',
      kind: 'clinker',
      month: 1,
      type: 'portland',
      amount: 95000,
      unit: 't',
      cao: 65.5,
      mgo: 2.1,
      caoNonCarbonate: 0.8,
      mgoNonCarbonate: 0,
      note: '窑 1 kiln 1',
    },
    line: {
      id: 'clk',
      kind: 'clinker',
      month: 1,
      clinkerType: 'portland',
      amount: '95000 t',
      cao: '65.5 %',
      mgo: '2.1 %',
      caoNonCarbonate: '0.8 %',
      mgoNonCarbonate: '0 %',
      note: '窑 1 kiln 1',
    },
  },
  {
    row: {
      id: 'slag',
      kind: 'non-carbonate-raw-material',
      fuel: 'carbide-slag',
      amount: 500,
      unit: 't',
      factor: 0.42,
      factorUnit: 'tCO2/t',
    },
    line: {
      id: 'slag',
      kind: 'non-carbonate-raw-material',
      material: 'carbide-slag',
      amount: '500 t',
      deduction: '0.42 tCO2/t',
    },
  },
  {
    row: {
      id: 'ckd',
      kind: 'kiln-dust',
      month: 1,
      type: 'bypass',
      amount: 120,
      unit: 't',
      calcination: 40,
      factor: 0.52,
      factorUnit: 'tCO2/t',
    },
    line: {
      id: 'ckd',
      kind: 'kiln-dust',
      month: 1,
      dustType: 'bypass',
      amount: '120 t',
      calcination: '40 %',
      clinkerEf: '0.52 tCO2/t',
    },
  },
  {
    row: {
      id: 'meal',
      kind: 'raw-meal-organic-carbon',
      month: 1,
      amount: 150000,
      unit: 't',
      toc: 0.25,
    },
    line: {
      id: 'meal',
      kind: 'raw-meal-organic-carbon',
      month: 1,
      amount: '150000 t',
      toc: '0.25 %',
    },
  },
  {
    row: {
      id: 'soda',
      kind: 'process-emission',
      month: 1,
      process: '碳酸钠使用 soda ash use',
      amount: 20,
      unit: 't',
      factor: 0.415,
      factorUnit: 'tCO2/t',
    },
    line: {
      id: 'soda',
      kind: 'process-emission',
      month: 1,
      process: '碳酸钠使用 soda ash use',
      amount: '20 t',
      factor: '0.415 tCO2/t',
    },
  },
  {
    row: { id: 'grid', kind: 'electricity-purchased', month: 1, amount: 850, unit: 'MWh' },
    line: { id: 'grid', kind: 'electricity-purchased', month: 1, amount: '850 MWh' },
  },
  {
    row: { id: 'export', kind: 'electricity-exported', month: 1, amount: '12', unit: '万kWh' },
    line: { id: 'export', kind: 'electricity-exported', month: 1, amount: '12 万kWh' },
  },
  {
    row: {
      id: 'whr',
      kind: 'electricity-generated',
      month: 1,
      type: 'waste-heat',
      amount: 4200,
      unit: 'MWh',
    },
    line: {
      id: 'whr',
      kind: 'electricity-generated',
      month: 1,
      source: 'waste-heat',
      amount: '4200 MWh',
    },
  },
  {
    row: {
      id: 'steam-in',
      kind: 'heat-purchased',
      month: 1,
      amount: 80,
      unit: 't',
      enthalpy: 2780,
    },
    line: {
      id: 'steam-in',
      kind: 'heat-purchased',
      month: 1,
      amount: '80 t',
      enthalpy: '2780 kJ/kg',
    },
  },
  {
    row: { id: 'heat-out', kind: 'heat-exported', month: 1, amount: 640, unit: 'GJ' },
    line: { id: 'heat-out', kind: 'heat-exported', month: 1, amount: '640 GJ' },
  },
  {
    row: {
      id: 'capture',
      kind: 'ccus',
      month: 1,
      type: 'geological-storage',
      amount: 1.5,
      unit: '万Nm3',
      purity: 99.5,
    },
    line: {
      id: 'capture',
      kind: 'ccus',
      month: 1,
      destination: 'geological-storage',
      amount: '1.5 万Nm3',
      purity: '99.5 %',
    },
  },
  {
    row: {
      id: 'sf6',
      kind: 'non-co2',
      month: 1,
      gas: 'SF6',
      process: '开关柜 switchgear',
      amount: 0.002,
      unit: 't',
      inClinkerBoundary: '否 no',
    },
    line: {
      id: 'sf6',
      kind: 'non-co2',
      month: 1,
      gas: 'SF6',
      source: '开关柜 switchgear',
      amount: '0.002 t',
      inClinkerBoundary: false,
    },
  },
  {
    row: {
      id: 'buy',
      kind: 'spend',
      month: 1,
      category: 'cement-raw-materials',
      amount: 35,
      unit: '万元',
      factor: 0.0012,
      factorUnit: 'tCO2e/CNY',
    },
    line: {
      id: 'buy',
      kind: 'spend',
      month: 1,
      category: 'cement-raw-materials',
      amount: '35 万元',
      factor: '0.0012 tCO2e/CNY',
    },
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
  { row: { id: 'b-elecdim', kind: 'electricity-purchased', amount: 1, unit: 't' }, column: 'unit' },
  {
    row: { id: 'b-spenddim', kind: 'spend', category: 'x', amount: 1, unit: 'MWh' },
    column: 'unit',
  },
  {
    row: { id: 'b-ccusdim', kind: 'ccus', type: 'used-inside', amount: 1, unit: 'GJ' },
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
  // Carbon content read as 10^-2 tC/GJ: 261 tC/TJ is above the engine's 0.1 tC/GJ bound.
  {
    row: {
      id: 'b-cc',
      kind: 'fuel-combustion',
      fuel: 'diesel',
      amount: 1,
      unit: 't',
      carbonContent: 261,
      carbonContentUnit: 'tC/TJ',
    },
    column: 'carbonContent',
  },
  { row: { id: 'b-nogas', kind: 'non-co2', amount: 1, unit: 't' }, column: 'gas' },
  {
    row: {
      id: 'b-noprocess',
      kind: 'process-emission',
      amount: 1,
      unit: 't',
      factor: 1,
      factorUnit: 'tCO2/t',
    },
    column: 'process',
  },
  { row: { id: 'b-nocat', kind: 'spend', amount: 1, unit: 'CNY' }, column: 'category' },
  { row: { id: 'b-type', kind: 'kiln-dust', type: 'solar', amount: 1, unit: 't' }, column: 'type' },
  {
    row: { id: 'b-notype', kind: 'electricity-generated', amount: 1, unit: 'MWh' },
    column: 'type',
  },
  {
    row: {
      id: 'b-bio',
      kind: 'alternative-fuel',
      fuel: 'waste-oil',
      amount: 1,
      unit: 't',
      biomassFraction: 120,
    },
    column: 'biomassFraction',
  },
  {
    row: { id: 'b-nobio', kind: 'alternative-fuel', fuel: 'waste-oil', amount: 1, unit: 't' },
    column: 'biomassFraction',
  },
  { row: { id: 'b-cao', kind: 'clinker', amount: 1, unit: 't', cao: 'high' }, column: 'cao' },
  {
    row: { id: 'b-cao-nc', kind: 'clinker', amount: 1, unit: 't', cao: 65, caoNonCarbonate: 70 },
    column: 'caoNonCarbonate',
  },
  {
    row: { id: 'b-toc', kind: 'raw-meal-organic-carbon', amount: 1, unit: 't', toc: -1 },
    column: 'toc',
  },
  {
    row: { id: 'b-calc', kind: 'kiln-dust', type: 'ckd', amount: 1, unit: 't', calcination: 101 },
    column: 'calcination',
  },
  {
    row: {
      id: 'b-purity',
      kind: 'ccus',
      type: 'used-outside',
      amount: 1,
      unit: '万Nm3',
      purity: 0,
    },
    column: 'purity',
  },
  {
    row: { id: 'b-nopurity', kind: 'ccus', type: 'used-outside', amount: 1, unit: '万Nm3' },
    column: 'purity',
  },
  {
    row: { id: 'b-enth', kind: 'heat-purchased', amount: 1, unit: 't', enthalpy: 80 },
    column: 'enthalpy',
  },
  { row: { id: 'b-noenth', kind: 'heat-exported', amount: 1, unit: 't' }, column: 'enthalpy' },
  {
    row: {
      id: 'b-factor',
      kind: 'process-emission',
      process: 'p',
      amount: 1,
      unit: 't',
      factor: 'x',
      factorUnit: 'tCO2/t',
    },
    column: 'factor',
  },
  {
    row: { id: 'b-noef', kind: 'process-emission', process: 'p', amount: 1, unit: 't' },
    column: 'factor',
  },
  {
    row: {
      id: 'b-fdim',
      kind: 'non-carbonate-raw-material',
      fuel: 'steel-slag',
      amount: 1,
      unit: 't',
      factor: 1,
      factorUnit: 'tCO2/GJ',
    },
    column: 'factorUnit',
  },
  // Process factor per GJ against an amount in t: the product is not a mass of CO2.
  {
    row: {
      id: 'b-fit',
      kind: 'process-emission',
      process: 'p',
      amount: 1,
      unit: 't',
      factor: 1,
      factorUnit: 'tCO2/GJ',
    },
    column: 'factorUnit',
  },
  // A factor per USD against a spend in CNY.
  {
    row: {
      id: 'b-cur',
      kind: 'spend',
      category: 'c',
      amount: 1,
      unit: 'CNY',
      factor: 1,
      factorUnit: 'tCO2e/USD',
    },
    column: 'factorUnit',
  },
  {
    row: { id: 'b-unused', kind: 'electricity-purchased', amount: 1, unit: 'MWh', gas: 'CH4' },
    column: 'gas',
  },
  {
    row: { id: 'b-boundary', kind: 'clinker', amount: 1, unit: 't', inClinkerBoundary: 'maybe' },
    column: 'inClinkerBoundary',
  },
  // Same stream and month as the first good row.
  {
    row: { id: 'coal-l1', kind: 'fuel-combustion', month: 1, fuel: 'diesel', amount: 1, unit: 't' },
    column: 'id',
  },
];

const headerOf = (key: ActivityColumnKey) => ACTIVITY_COLUMNS.find((c) => c.key === key)!.header;
const rowsOf = (cases: readonly { row: Row }[]) => cases.map((c) => c.row);

async function filledTemplate(rows: readonly Row[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await activityTemplateBuffer({ rows: 80 })) as unknown as ExcelJS.Buffer);
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

/** The same rows as a CSV file made from the CSV template. */
function filledCsv(rows: readonly Row[]): string {
  const cell = (v: string | number | boolean | undefined) => {
    const text = v === undefined ? '' : String(v);
    return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  return (
    activityTemplateCsv() +
    rows.map((r) => ACTIVITY_COLUMNS.map((c) => cell(r[c.key])).join(',') + '\r\n').join('')
  );
}

const inventoryOf = (lines: readonly ActivityLine[]) => ({
  format: 'carbonbase.inventory/v1',
  reporter: { name: 'Test cement', region: 'CN-GX' },
  period: { year: 2025 },
  method: 'cn-cement-2015',
  facilities: [{ id: 'kiln-1', name: 'Kiln 1' }],
  lines,
});

describe('activity template', () => {
  it('offers every inventory kind of the engine', () => {
    expect(ACTIVITY_KINDS.map((k) => k.kind).sort()).toEqual([...LINE_KINDS].sort());
  });

  it('has bilingual headers, a frozen header row, drop-downs and instructions', () => {
    const wb = activityTemplateWorkbook({ rows: 10 });
    const ws = wb.getWorksheet(ACTIVITY_TEMPLATE_SHEETS.data)!;
    expect(ws.getRow(1).getCell(1).value).toBe('行号 Line id');
    expect(ws.getRow(1).getCell(2).value).toBe('类型 Kind');
    for (const c of ACTIVITY_COLUMNS) expect(c.header).toMatch(/[\u4e00-\u9fff].* [A-Za-z]/);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const validation = (key: ActivityColumnKey, row: number) =>
      ws.getCell(row, ws.getColumn(key).number).dataValidation;
    expect(validation('kind', 2).type).toBe('list');
    expect(String(validation('kind', 2).formulae[0])).toContain('alternative-fuel');
    expect(String(validation('kind', 11).formulae[0])).toContain('spend');
    expect(String(validation('unit', 11).formulae[0])).toContain('MWh');
    expect(String(validation('type', 2).formulae[0])).toContain('geological-storage');
    expect(String(validation('factorUnit', 2).formulae[0])).toContain('tCO2e/CNY');
    expect(String(validation('gas', 2).formulae[0])).toContain('SF6');
    // Excel refuses a list formula longer than 255 characters.
    for (const key of ['kind', 'type', 'unit', 'factorUnit', 'gas'] as const) {
      expect(String(validation(key, 2).formulae[0]).length).toBeLessThanOrEqual(255);
    }
    const help = wb.getWorksheet(ACTIVITY_TEMPLATE_SHEETS.instructions)!;
    const text = help
      .getSheetValues()
      .flat()
      .filter((v): v is string => typeof v === 'string')
      .join('\n');
    for (const k of LINE_KINDS) expect(text).toContain(k);
    for (const c of ACTIVITY_COLUMNS) expect(text).toContain(c.header);
    expect(text).toContain('electricity-purchased: contracts');
  });

  it('reads one row of every kind into the expected lines, which the engine accepts', async () => {
    const { lines, issues } = await readActivityWorkbook(
      await filledTemplate(rowsOf(CASES)),
      'a.xlsx',
    );
    expect(issues).toEqual([]);
    expect(lines).toEqual(CASES.map((c) => c.line));
    const inventory = parseInventory(inventoryOf(activityLinesToInventoryLines(lines)));
    expect(inventory.lines.map((l) => l.id)).toEqual(CASES.map((c) => c.line.id));
  });

  it('reads a percent-formatted cell as the percentage shown', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await activityTemplateBuffer({ rows: 5 })) as unknown as ExcelJS.Buffer);
    const ws = wb.getWorksheet(ACTIVITY_TEMPLATE_SHEETS.data)!;
    const at = (key: ActivityColumnKey) =>
      ws.getCell(2, ACTIVITY_COLUMNS.findIndex((c) => c.key === key) + 1);
    at('id').value = 'coal';
    at('kind').value = 'fuel-combustion';
    at('fuel').value = 'anthracite';
    at('amount').value = 10;
    at('unit').value = 't';
    at('oxidation').value = 0.94; // typed "94%" in Excel
    at('oxidation').numFmt = '0%';
    const buffer = Buffer.from(await wb.xlsx.writeBuffer());
    const { lines, issues } = await readActivityWorkbook(buffer, 'p.xlsx');
    expect(issues).toEqual([]);
    expect(lines[0]?.oxidation).toBe('94 %');
  });

  it('reports each bad cell once, with sheet, row and column', async () => {
    const buffer = await filledTemplate([...rowsOf(CASES), ...rowsOf(BAD)]);
    const { lines, issues } = await readActivityWorkbook(buffer, 'bad.xlsx');
    expect(lines.map((l) => l.id)).toEqual(CASES.map((c) => c.line.id));
    BAD.forEach((b, i) => {
      const row = CASES.length + i + 2;
      const found = issues.filter((x) => x.row === row);
      expect(found, `row ${row} (${String(b.row.id)})`).toHaveLength(1);
      expect(found[0]).toMatchObject({
        file: 'bad.xlsx',
        sheet: ACTIVITY_TEMPLATE_SHEETS.data,
        column: headerOf(b.column),
      });
      expect(found[0]!.reason).toMatch(/[\u4e00-\u9fff].*[a-z]/);
    });
    expect(issues).toHaveLength(BAD.length);
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

describe('one row per (line id, month)', () => {
  const coal = (month: number | undefined, amount: number): Row => ({
    id: 'coal-l1',
    kind: 'fuel-combustion',
    fuel: 'bituminous-coal',
    amount,
    unit: 't',
    ...(month !== undefined && { month }),
  });

  it('takes the same id in different months, and names the first row of a repeated pair', async () => {
    const { lines, issues } = await readActivityWorkbook(
      await filledTemplate([coal(1, 100), coal(2, 110), coal(3, 120), coal(2, 999)]),
      'm.xlsx',
    );
    expect(lines.map((l) => [l.id, l.month, l.amount])).toEqual([
      ['coal-l1', 1, '100 t'],
      ['coal-l1', 2, '110 t'],
      ['coal-l1', 3, '120 t'],
    ]);
    expect(issues).toEqual([
      expect.objectContaining({
        row: 5,
        column: headerOf('id'),
        reason: expect.stringContaining('row 3'),
      }),
    ]);
  });

  it('refuses an id both with and without a month, in either order', async () => {
    for (const rows of [
      [coal(undefined, 1000), coal(4, 100)],
      [coal(4, 100), coal(undefined, 1000)],
    ]) {
      const { lines, issues } = await readActivityWorkbook(await filledTemplate(rows), 'w.xlsx');
      expect(lines).toHaveLength(1);
      expect(issues).toEqual([expect.objectContaining({ row: 3, column: headerOf('id') })]);
    }
  });

  it('suffixes the month to an id that appears for several months, so the engine takes them', async () => {
    const grid: Row = {
      id: 'grid',
      kind: 'electricity-purchased',
      month: 3,
      amount: 850,
      unit: 'MWh',
    };
    const { lines } = await readActivityWorkbook(
      await filledTemplate([coal(3, 120), coal(11, 130), grid]),
      'm.xlsx',
    );
    const inventoryLines = activityLinesToInventoryLines(lines);
    expect(inventoryLines.map((l) => l.id)).toEqual(['coal-l1.m03', 'coal-l1.m11', 'grid']);
    expect(inventoryLines[0]).toEqual({ ...lines[0], id: 'coal-l1.m03' });
    const inventory = parseInventory(inventoryOf(inventoryLines));
    expect(inventory.lines.map((l) => [l.id, l.month])).toEqual([
      ['coal-l1.m03', 3],
      ['coal-l1.m11', 11],
      ['grid', 3],
    ]);
    // Without the suffix the engine refuses the repeated id.
    expect(() => parseInventory(inventoryOf(lines))).toThrow(/duplicate/);
  });
});

describe('activity template as CSV', () => {
  it('is the bilingual header row, UTF-8 with a byte-order mark', () => {
    const csv = activityTemplateCsv();
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.slice(1, -2).split(',')).toEqual(ACTIVITY_COLUMNS.map((c) => c.header));
    expect(Buffer.from(csv, 'utf8').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  });

  it('an empty CSV template reads back empty and clean', () => {
    expect(readActivityCsv(activityTemplateCsv(), 't.csv')).toEqual({
      lines: [],
      rows: [],
      issues: [],
    });
  });

  it('reads the same rows into the same lines and issues as the Excel reader', async () => {
    const rows = [...rowsOf(CASES), ...rowsOf(BAD)];
    const fromXlsx = await readActivityWorkbook(await filledTemplate(rows), 'same.xlsx');
    const fromCsv = readActivityCsv(filledCsv(rows), 'same.csv');
    expect(fromCsv.lines).toEqual(fromXlsx.lines);
    expect(fromCsv.lines).toEqual(CASES.map((c) => c.line));
    // a CSV has no sheet; the rest of each issue is the same
    const withoutFile = (issues: typeof fromCsv.issues) =>
      issues.map(({ file: _file, sheet: _sheet, ...rest }) => rest);
    expect(withoutFile(fromCsv.issues)).toEqual(withoutFile(fromXlsx.issues));
    expect(fromCsv.issues.length).toBe(BAD.length);
    expect(fromCsv.issues[0]?.file).toBe('same.csv');
  });

  it('reads Excel-formatted CSV numbers: thousands separators and percent signs', () => {
    const csv = `${activityTemplateCsv()}coal,fuel-combustion,,,anthracite,,,,,"12,000",t,,,,,94%\r\n`;
    const { lines, issues } = readActivityCsv(csv, 'f.csv');
    expect(issues).toEqual([]);
    expect(lines).toEqual([
      {
        id: 'coal',
        kind: 'fuel-combustion',
        fuel: 'anthracite',
        amount: '12000 t',
        oxidation: '94 %',
      },
    ]);
  });

  it('reports a missing required column, and CSV it cannot parse, as issues', () => {
    const { issues } = readActivityCsv(
      '行号 Line id,类型 Kind,数量 Amount\r\na,clinker,1\r\n',
      'h.csv',
    );
    expect(issues).toEqual([
      expect.objectContaining({ file: 'h.csv', row: 1, column: '单位 Unit' }),
    ]);
    const broken = readActivityCsv(`${activityTemplateCsv()}"a,clinker\r\n`, 'b.csv');
    expect(broken.lines).toEqual([]);
    expect(broken.issues).toEqual([expect.objectContaining({ file: 'b.csv' })]);
  });
});
