import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { ACTIVITY_TEMPLATE_SHEETS, POLLUTANT_COLUMNS } from '@carbonbase/io';
import {
  AppError,
  calculateYear,
  getRun,
  importActivityFile,
  listActivity,
  parkOverview,
  regionOverview,
  type RunInputs,
} from '../src/index.js';
import { E1_ROWS, seedWorld, workbook, type TemplateRow } from './fixtures.js';
import { engines, useStore } from './harness.js';

/** The activity workbook with rows on the pollutants sheet as well. */
async function withPollutants(
  rows: readonly TemplateRow[],
  pollutants: readonly Partial<Record<string, string | number>>[],
): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(await workbook(rows)) as unknown as ExcelJS.Buffer);
  const ws = wb.getWorksheet(ACTIVITY_TEMPLATE_SHEETS.pollutants)!;
  pollutants.forEach((p, i) => {
    POLLUTANT_COLUMNS.forEach((c, col) => {
      if (p[c.key] !== undefined) ws.getRow(i + 2).getCell(col + 1).value = p[c.key]!;
    });
  });
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** E1's rows with its January electricity bought from `supplier`. */
const boughtFrom = (supplier: string): TemplateRow[] =>
  E1_ROWS.map((r) => (r.kind === 'electricity-purchased' ? { ...r, supplier } : r));

const failure = (p: Promise<unknown>) =>
  p.then(
    () => {
      throw new Error('expected the import to be refused');
    },
    (e: unknown) => {
      if (!(e instanceof AppError)) throw e;
      return e;
    },
  );

/*
 * By hand (fixtures.ts, E1_ROWS, GB/T 32150-2015): the coal of E1 and of E3 (the same rows) is
 * 1875.72 + 937.86 = 2813.58 tCO2 each; E1's 100 MWh × 0.5 tCO2/MWh = 50 tCO2 of scope 2.
 */
const COAL = 2813.58;
const POWER = 50;

describe.each(engines)('supplier of bought energy and pollutants on %s', (engine) => {
  const store = useStore(engine);

  it('refuses a supplier that is no enterprise of the tenant, or the buyer itself, naming the cell', async () => {
    const s = store();
    const w = await seedWorld(s);
    for (const [supplier, reason] of [
      ['NO-SUCH-CO', /unknown enterprise code "NO-SUCH-CO"/],
      ['E1', /cannot be the enterprise itself/],
    ] as const) {
      const err = await failure(
        importActivityFile(
          s,
          w.as.clerk1,
          w.e1,
          { name: 'e1.xlsx', bytes: await workbook(boughtFrom(supplier)) },
          { year: 2024 },
        ),
      );
      expect(err.code).toBe('validation-failed');
      expect(err.details).toEqual([
        {
          file: 'e1.xlsx',
          sheet: ACTIVITY_TEMPLATE_SHEETS.data,
          row: 4,
          column: '供应方 Supplier',
          reason: expect.stringMatching(reason),
        },
      ]);
    }
    expect(await listActivity(s, w.as.clerk1, w.e1, 2024)).toEqual([]);
  });

  it('keeps the supplier with the month, carries it into the run, and rolls the region up without counting it twice', async () => {
    const s = store();
    const w = await seedWorld(s);
    await importActivityFile(
      s,
      w.as.clerk1,
      w.e1,
      { name: 'e1.xlsx', bytes: await workbook(boughtFrom('E3')) },
      { year: 2024 },
    );
    // E3, the supplier, burns the same coal (outside any park, in the same district)
    await importActivityFile(
      s,
      w.as.admin,
      w.e3,
      { name: 'e3.xlsx', bytes: await workbook(E1_ROWS.slice(0, 2)) },
      { year: 2024 },
    );
    const power = (await listActivity(s, w.as.clerk1, w.e1, 2024)).find(
      (r) => r.quantity.unit === 'MWh',
    )!;
    expect(power.parameters).toEqual({ supplier: 'E3' });
    const run = await calculateYear(s, w.as.clerk1, w.e1, 2024);
    await calculateYear(s, w.as.admin, w.e3, 2024);
    const inputs = (await getRun(s, w.as.clerk1, run.id)).inputs as unknown as RunInputs;
    expect(inputs.suppliers).toEqual({ 'power.m01': 'E3' });
    // the engine's document has no supplier field
    expect(JSON.stringify(inputs.inventory)).not.toContain('supplier');

    const region = await regionOverview(s, w.as.regulator, w.districtId, 2024);
    const r = region.rollup!;
    expect(r.direct.value).toBeCloseTo(2 * COAL, 6);
    expect(r.gross.value).toBeCloseTo(2 * COAL + POWER, 6);
    expect(r.internalTransfer.value).toBeCloseTo(POWER, 6);
    expect(r.net.value).toBeCloseTo(2 * COAL, 6);
    expect(r.transfers).toEqual([
      {
        buyer: 'E1',
        supplier: 'E3',
        electricity: { value: 100, unit: 'MWh' },
        buyerIndirect: { value: expect.closeTo(POWER, 9), unit: 'tCO2e' },
        supplierDirect: { value: expect.closeTo(COAL, 6), unit: 'tCO2e' },
      },
    ]);
    expect(region.supply.known).toBe(true);
    expect(region.supply.note).toMatch(/counted once in the net total/);
    expect(region.notes.some((n) => n.startsWith('E3 ') && n.includes('E1'))).toBe(true);

    // E3 is outside park A: for the park, E1's purchase is from outside
    const park = await parkOverview(s, w.as.parkA, w.parkA, 2024);
    expect(park.rollup!.internalTransfer.value).toBe(0);
    expect(park.rollup!.net.value).toBeCloseTo(COAL + POWER, 6);
  });

  it('imports the pollutants sheet with the activity, once, and shows them in the overview', async () => {
    const s = store();
    const w = await seedWorld(s);
    const bytes = await withPollutants(E1_ROWS, [
      { month: 1, pollutant: 'NOx', amount: 1.2, unit: 't', source: '在线监测 CEMS' },
      { month: 2, pollutant: 'NOx', amount: 800, unit: 'kg', source: '在线监测 CEMS' },
      { pollutant: 'SO2', amount: 3, unit: 't', source: '排污许可执行报告 Permit report' },
    ]);
    const first = await importActivityFile(
      s,
      w.as.clerk1,
      w.e1,
      { name: 'e1.xlsx', bytes },
      { year: 2024 },
    );
    // 3 activity rows and 3 pollutant rows
    expect(first.batch).toMatchObject({ rowsRead: 6, versionsAdded: 6, unchanged: 0 });
    const again = await importActivityFile(
      s,
      w.as.clerk1,
      w.e1,
      { name: 'e1.xlsx', bytes },
      { year: 2024 },
    );
    expect(again.batch).toMatchObject({ rowsRead: 6, versionsAdded: 0, unchanged: 6 });
    const stored = await s.pollutantEmissions.current({
      tenantId: w.tenantId,
      enterpriseIds: [w.e1],
      fromYear: 2024,
      toYear: 2024,
    });
    expect(stored.map((p) => [p.month, p.pollutant, p.source, p.batchId])).toEqual([
      [0, 'SO2', 'permit-report', first.batch.id],
      [1, 'NOx', 'cems', first.batch.id],
      [2, 'NOx', 'cems', first.batch.id],
    ]);
    expect(stored[1]!.origin).toEqual({
      file: 'e1.xlsx',
      sheet: ACTIVITY_TEMPLATE_SHEETS.pollutants,
      row: 2,
    });

    // a monthly SO2 beside the stored whole-year SO2 is refused, and nothing of the file lands
    const clash = await failure(
      importActivityFile(
        s,
        w.as.clerk1,
        w.e1,
        {
          name: 'more.xlsx',
          bytes: await withPollutants(
            [{ ...E1_ROWS[2]!, amount: 120 }],
            [{ month: 3, pollutant: 'SO2', amount: 0.2, unit: 't', source: 'estimate' }],
          ),
        },
        { year: 2024 },
      ),
    );
    expect(clash.details).toEqual([
      expect.objectContaining({
        sheet: ACTIVITY_TEMPLATE_SHEETS.pollutants,
        row: 2,
        column: '月份 Month',
      }),
    ]);
    const power = (await listActivity(s, w.as.clerk1, w.e1, 2024)).find(
      (r) => r.quantity.unit === 'MWh',
    )!;
    expect(power.quantity.value).toBe(100);

    await calculateYear(s, w.as.clerk1, w.e1, 2024);
    const park = await parkOverview(s, w.as.parkA, w.parkA, 2024);
    const row = park.enterprises.find((e) => e.code === 'E1')!;
    expect(row.pollutants).toEqual([
      {
        pollutant: 'SO2',
        amount: { value: 3, unit: 't' },
        months: [0],
        sources: ['permit-report'],
      },
      {
        pollutant: 'NOx',
        amount: { value: expect.closeTo(2, 12), unit: 't' },
        months: [1, 2],
        sources: ['cems'],
      },
    ]);
    expect(park.rollup!.pollutants.NOx.value).toBeCloseTo(2, 12);
    expect(park.rollup!.pollutants.PM.value).toBe(0);
    // one year only: no year-on-year synergy
    expect(row.synergy).toEqual([]);
  });
});
