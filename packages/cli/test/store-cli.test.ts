import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ACTIVITY_COLUMNS, activityTemplateWorkbook, type ActivityColumnKey } from '@carbonbase/io';
import { runCli } from './run-cli.js';

type Row = Partial<Record<ActivityColumnKey, string | number>>;

/** A filled activity template, each cell placed under its column's header. */
async function workbook(rows: readonly Row[]): Promise<Buffer> {
  const wb = activityTemplateWorkbook();
  const ws = wb.worksheets[0]!;
  const col = new Map<string, number>();
  ws.getRow(1).eachCell((cell, n) => col.set(cell.text, n));
  rows.forEach((r, i) => {
    const row = ws.getRow(i + 2);
    for (const c of ACTIVITY_COLUMNS) {
      const v = r[c.key];
      if (v !== undefined) row.getCell(col.get(c.header)!).value = v;
    }
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/**
 * Two months of boiler coal with every parameter measured, so the total is plain arithmetic
 * (GB/T 32150-2015, E = AD × NCV × CC × OF × 44/12):
 *   Jan 1000 t × 20 GJ/t × 0.0261 tC/GJ × 98 % × 44/12 = 1875.72 tCO2
 *   Feb  500 t                                          =  937.86 tCO2   → 2813.58 tCO2
 */
const coal = (month: number, amount: number): Row => ({
  id: 'coal-boiler',
  kind: 'fuel-combustion',
  month,
  facility: 'boiler-1',
  fuel: 'bituminous-coal',
  amount,
  unit: 't',
  ncv: 20,
  ncvUnit: 'GJ/t',
  carbonContent: 26.1,
  carbonContentUnit: 'tC/TJ',
  oxidation: 98,
});
const TOTAL = 2813.58;

describe('carbonbase on the store: init, import, calculate, runs, export', () => {
  const dir = mkdtempSync(join(tmpdir(), 'carbonbase-store-cli-'));
  const data = join(dir, 'data');
  const cli = (...args: string[]) => runCli(args, data);
  const file = (name: string) => join(dir, name);
  let runId = '';

  // the embedded store of the data folder, whatever the environment says
  beforeAll(() => void vi.stubEnv('DATABASE_URL', ''));
  afterAll(() => void vi.unstubAllEnvs());

  it('init creates the store, tenant and operator once; again it changes nothing', async () => {
    const first = await cli('init');
    expect(first.out).toContain('tenant created: default');
    expect(first.out).toContain('operator created: operator');
    expect(first.out).toMatch(/factor sets loaded: \d+/);
    const again = await cli('init');
    expect(again.out).toMatch(/^已是最新，无变化 already initialised; nothing changed/);
    expect(again.out).not.toContain('created');
  }, 300_000);

  it('init --demo seeds the demo district once', async () => {
    const seeded = await cli('init', '--demo');
    expect(seeded.out).toContain('demo district seeded: 12 家企业 enterprises');
    const again = await cli('init', '--demo');
    expect(again.out).toContain('nothing changed');
    expect(again.out).toContain('the demo district is already there');
  }, 300_000);

  it('imports a filled template with progress, and refuses a bad one listing every issue', async () => {
    writeFileSync(file('good.xlsx'), await workbook([coal(1, 1000), coal(2, 500)]));
    const good = await cli(
      'import',
      file('good.xlsx'),
      '--enterprise',
      'DEMO-MCH-01',
      '--year',
      '2026',
    );
    expect(good.out).toContain('50% (1/2)');
    expect(good.out).toContain('100% (2/2)');
    expect(good.out).toMatch(/新增版本 versions added\s*│\s*2/);

    writeFileSync(
      file('bad.xlsx'),
      await workbook([
        { ...coal(3, 800), unit: 'furlong' },
        { ...coal(4, 700), month: 13 },
      ]),
    );
    const err = await cli(
      'import',
      file('bad.xlsx'),
      '--enterprise',
      'DEMO-MCH-01',
      '--year',
      '2026',
    ).catch((e: unknown) => (e as Error).message);
    expect(err).toContain('nothing was imported');
    expect(err).toMatch(/bad\.xlsx, 工作表 sheet [^,]+, 行 row 2, 列 column [^:]*Unit[^:]*: /);
    expect(err).toMatch(/bad\.xlsx, 工作表 sheet [^,]+, 行 row 3, 列 column [^:]*Month[^:]*: /);
  }, 120_000);

  it('calculates the year, saves the run and prints its id and totals', async () => {
    const { out } = await cli('calculate', '--enterprise', 'DEMO-MCH-01', '--year', '2026');
    runId = /核算记录 run (\S+)/.exec(out)![1]!;
    expect(out).toMatch(/总排放 Total\s*│\s*2,813\.58 tCO2e/);
  }, 120_000);

  it('lists runs as JSON, filtered by enterprise and year', async () => {
    const mine = JSON.parse(
      (await cli('runs', '--enterprise', 'DEMO-MCH-01', '--year', '2026', '--json')).out,
    ) as {
      id: string;
      enterprise: string;
      period: string;
      method: string;
      total: { value: number };
    }[];
    expect(mine).toHaveLength(1);
    expect(mine[0]!.id).toBe(runId);
    expect(mine[0]).toMatchObject({
      enterprise: 'DEMO-MCH-01',
      period: '2026-01-01/2026-12-31',
      method: expect.stringMatching(/^cn-gbt32150-2015@/),
    });
    expect(mine[0]!.total.value).toBeCloseTo(TOTAL, 2);
  }, 120_000);

  it('exports a stored run as Excel and as JSON', async () => {
    await cli('export', runId, '--xlsx', file('report.xlsx'));
    expect(readFileSync(file('report.xlsx')).subarray(0, 2).toString()).toBe('PK');
    const printed = JSON.parse((await cli('export', runId, '--json')).out) as {
      run: { id: string };
      total: { value: number; unit: string };
    };
    expect(printed.run.id).toBe(runId);
    expect(printed.total.value).toBeCloseTo(TOTAL, 2);
    await cli('export', runId, '--json', file('report.json'));
    expect(JSON.parse(readFileSync(file('report.json'), 'utf8'))).toEqual(printed);
  }, 120_000);
});
