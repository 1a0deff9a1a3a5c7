import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { parseInventory } from '@carbonbase/engine';
import { readActivityCsv } from '../src/activity-template/csv.js';
import { activityLinesToInventoryLines } from '../src/activity-template/inventory-lines.js';
import { POLLUTANT_COLUMNS } from '../src/activity-template/pollutants.js';
import { readActivityWorkbook } from '../src/activity-template/read.js';
import {
  ACTIVITY_COLUMNS,
  ACTIVITY_TEMPLATE_SHEETS,
  activityTemplateBuffer,
  activityTemplateCsv,
  type ActivityColumnKey,
} from '../src/activity-template/template.js';

type Cells = Partial<Record<string, string | number>>;

/** The template with rows filled in on the data sheet and on the pollutants sheet. */
async function filled(data: readonly Cells[], pollutants: readonly Cells[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await activityTemplateBuffer({ rows: 20 })) as unknown as ExcelJS.Buffer);
  const fill = (sheet: string, keys: readonly string[], rows: readonly Cells[]) => {
    const ws = wb.getWorksheet(sheet)!;
    rows.forEach((r, i) => {
      const row = ws.getRow(i + 2);
      keys.forEach((k, col) => {
        if (r[k] !== undefined) row.getCell(col + 1).value = r[k];
      });
      row.commit();
    });
  };
  fill(
    ACTIVITY_TEMPLATE_SHEETS.data,
    ACTIVITY_COLUMNS.map((c) => c.key),
    data,
  );
  fill(
    ACTIVITY_TEMPLATE_SHEETS.pollutants,
    POLLUTANT_COLUMNS.map((c) => c.key),
    pollutants,
  );
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const header = (key: ActivityColumnKey) => ACTIVITY_COLUMNS.find((c) => c.key === key)!.header;

describe('activity template: supplier of bought energy', () => {
  it('reads the supplier of electricity and heat, and keeps it out of the engine’s lines', async () => {
    const { lines, issues } = await readActivityWorkbook(
      await filled(
        [
          {
            id: 'power',
            kind: 'electricity-purchased',
            month: 1,
            amount: 1200,
            unit: 'MWh',
            supplier: 'DEMO-PWR-01',
          },
          { id: 'grid', kind: 'electricity-purchased', month: 1, amount: 300, unit: 'MWh' },
          {
            id: 'steam',
            kind: 'heat-purchased',
            month: 1,
            amount: 800,
            unit: 'GJ',
            supplier: 'DEMO-PWR-01',
          },
        ],
        [],
      ),
      's.xlsx',
    );
    expect(issues).toEqual([]);
    expect(lines.map((l) => l.supplier)).toEqual(['DEMO-PWR-01', undefined, 'DEMO-PWR-01']);
    const inventory = activityLinesToInventoryLines(lines);
    expect(inventory.some((l) => 'supplier' in l)).toBe(false);
    // the engine takes the lines without the supplier
    expect(() =>
      parseInventory({
        format: 'carbonbase.inventory/v1',
        reporter: { name: 'x', region: 'CN-GX' },
        period: { year: 2025 },
        method: 'cn-gbt32150-2015',
        lines: inventory,
      }),
    ).not.toThrow();
  });

  it('refuses a supplier on a kind that buys no energy, naming the row and column', () => {
    const csv =
      activityTemplateCsv() +
      ACTIVITY_COLUMNS.map(
        (c) =>
          (
            ({
              id: 'coal',
              kind: 'fuel-combustion',
              month: '1',
              fuel: 'bituminous-coal',
              amount: '10',
              unit: 't',
              supplier: 'DEMO-PWR-01',
            }) as Record<string, string>
          )[c.key] ?? '',
      ).join(',') +
      '\r\n';
    const { lines, issues } = readActivityCsv(csv, 'c.csv');
    expect(lines).toEqual([]);
    expect(issues).toEqual([
      {
        file: 'c.csv',
        row: 2,
        column: header('supplier'),
        reason: expect.stringMatching(/not used for fuel-combustion/),
      },
    ]);
  });
});

describe('activity template: pollutants sheet', () => {
  it('reads monthly and whole-year pollutants with their data source', async () => {
    const read = await readActivityWorkbook(
      await filled(
        [{ id: 'power', kind: 'electricity-purchased', month: 1, amount: 10, unit: 'MWh' }],
        [
          { month: 1, pollutant: 'NOx', amount: 41.5, unit: 't', source: '在线监测 CEMS' },
          { month: 2, pollutant: 'NOx', amount: 38200, unit: 'kg', source: 'cems' },
          {
            pollutant: 'PM',
            amount: 12.25,
            unit: 't',
            source: '排污许可执行报告 Permit report',
            note: '年报',
          },
        ],
      ),
      'p.xlsx',
    );
    expect(read.issues).toEqual([]);
    expect(read.pollutants).toEqual([
      { month: 1, pollutant: 'NOx', amount: '41.5 t', source: 'cems' },
      { month: 2, pollutant: 'NOx', amount: '38200 kg', source: 'cems' },
      { pollutant: 'PM', amount: '12.25 t', source: 'permit-report', note: '年报' },
    ]);
    expect(read.pollutantRows).toEqual([2, 3, 4]);
  });

  it('names the sheet, row and column of every bad pollutant cell', async () => {
    const read = await readActivityWorkbook(
      await filled(
        [],
        [
          { month: 13, pollutant: 'SO2', amount: 1, unit: 't', source: 'cems' },
          { month: 1, pollutant: 'CO', amount: 1, unit: 't', source: 'cems' },
          { month: 1, pollutant: 'SO2', amount: -2, unit: 'MWh', source: 'cems' },
          { month: 1, pollutant: 'SO2', amount: 2, unit: 't', source: 'guess' },
          { month: 1, pollutant: 'PM', amount: 2, unit: 't', source: 'estimate' },
          { pollutant: 'PM', amount: 20, unit: 't', source: 'estimate' },
        ],
      ),
      'bad.xlsx',
    );
    const sheet = ACTIVITY_TEMPLATE_SHEETS.pollutants;
    const where = read.issues.map((i) => [i.sheet, i.row, i.column]);
    expect(where).toEqual([
      [sheet, 2, '月份 Month'],
      [sheet, 3, '污染物 Pollutant'],
      [sheet, 4, '排放量 Amount'],
      [sheet, 4, '单位 Unit'],
      [sheet, 5, '数据来源 Data source'],
      // a whole-year PM beside a monthly PM would count the year twice
      [sheet, 7, '月份 Month'],
    ]);
    expect(read.issues.every((i) => i.file === 'bad.xlsx')).toBe(true);
    expect(read.pollutants).toEqual([
      { month: 1, pollutant: 'PM', amount: '2 t', source: 'estimate' },
    ]);
  });
});
