import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import {
  acceptPeriod,
  AppError,
  authenticate,
  calculateYear,
  commentOnPeriod,
  enterActivity,
  explainRun,
  exportRunXlsx,
  importActivityFile,
  listActivity,
  listEnterprises,
  listRuns,
  login,
  logout,
  periodStatus,
  recalculateAfterFactorUpdate,
  reproduceRun,
  returnPeriod,
  submitPeriod,
} from '../src/index.js';
import { engines, openSecond, unique, useStore } from './harness.js';
import { E1_ROWS, E1_TOTAL_TCO2, gridSet, PASSWORD, seedWorld, workbook } from './fixtures.js';

const code = async (p: Promise<unknown>) => {
  try {
    await p;
    return 'ok';
  } catch (e) {
    if (e instanceof AppError) return e.code;
    throw e;
  }
};

describe.each(engines)('application layer on %s', (engine) => {
  const store = useStore(engine);

  it('imports a workbook once, however often it is sent, and refuses a bad one whole', async () => {
    const s = store();
    const w = await seedWorld(s);
    const file = { name: 'e1-2024.xlsx', bytes: await workbook(E1_ROWS) };
    const first = await importActivityFile(s, w.as.clerk1, w.e1, file, { year: 2024 });
    expect(first.batch).toMatchObject({
      rowsRead: 3,
      versionsAdded: 3,
      unchanged: 0,
      sourcesCreated: 2,
    });
    const again = await importActivityFile(s, w.as.clerk1, w.e1, file, { year: 2024 });
    expect(again.batch).toMatchObject({
      rowsRead: 3,
      versionsAdded: 0,
      unchanged: 3,
      sourcesCreated: 0,
    });
    const rows = await listActivity(s, w.as.clerk1, w.e1, 2024);
    const cells = rows.map(
      (r) => `${r.month} ${r.quantity.value} ${r.quantity.unit} v${r.version}`,
    );
    expect(cells.sort()).toEqual(['2024-01 100 MWh v1', '2024-01 1000 t v1', '2024-02 500 t v1']);
    const coal = rows.find((r) => r.quantity.unit === 't')!;
    expect(coal.parameters).toMatchObject({ ncv: '20 GJ/t', fuel: 'bituminous-coal' });
    expect(coal.origin).toEqual({ file: 'e1-2024.xlsx', row: 2 });
    expect(coal.recordedBy).toBe('user:clerk1');

    // one bad cell: nothing of the file is written, and the error names the row and column
    const bad = await workbook([
      { ...E1_ROWS[0]!, amount: 1200 },
      { ...E1_ROWS[1]!, unit: 'furlong' },
    ]);
    const err = await importActivityFile(
      s,
      w.as.clerk1,
      w.e1,
      { name: 'bad.xlsx', bytes: bad },
      { year: 2024 },
    ).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('validation-failed');
    expect((err as AppError).details).toEqual([
      expect.objectContaining({ row: 3, column: expect.stringContaining('Unit') }),
    ]);
    const after = await listActivity(s, w.as.clerk1, w.e1, 2024);
    expect(
      after.find((r) => r.month === '2024-01' && r.quantity.unit === 't')!.quantity.value,
    ).toBe(1000);
  });

  it("a figure corrected in the form keeps the cell's fuel and measured parameters", async () => {
    const s = store();
    const w = await seedWorld(s);
    const bytes = await workbook(E1_ROWS);
    await importActivityFile(s, w.as.clerk1, w.e1, { name: 'e1.xlsx', bytes }, { year: 2024 });
    const coal = (await listActivity(s, w.as.clerk1, w.e1, 2024)).find(
      (r) => r.quantity.unit === 't',
    )!;
    const fixed = await enterActivity(s, w.as.clerk1, w.e1, {
      sourceId: coal.sourceId,
      month: '2024-01',
      amount: '1100 t',
      reason: '过磅单更正 weighbridge correction',
    });
    expect(fixed.version).toMatchObject({ version: 2, quantity: { value: 1100, unit: 't' } });
    expect(fixed.version.parameters).toEqual(coal.parameters);
    // 1100 t instead of 1000 t: +100 t × 20 GJ/t × 0.0261 tC/GJ × 0.98 × 44/12 = +187.572 tCO2
    const run = await calculateYear(s, w.as.clerk1, w.e1, 2024);
    const total = (run.results as { total: { value: number } }).total.value;
    expect(total).toBeCloseTo(E1_TOTAL_TCO2 + 187.572, 6);
  });

  it('two concurrent imports of the same file leave one version of each cell', async () => {
    const s = store();
    const w = await seedWorld(s);
    const file = { name: 'race.xlsx', bytes: await workbook(E1_ROWS) };
    const other = engine === 'postgres' ? await openSecond(s) : s;
    try {
      const reports = await Promise.all([
        importActivityFile(s, w.as.clerk1, w.e1, file, { year: 2024 }),
        importActivityFile(other, w.as.clerk1, w.e1, file, { year: 2024 }),
      ]);
      expect(reports.map((r) => r.batch.versionsAdded).sort((a, b) => a - b)).toEqual([0, 3]);
      const rows = await listActivity(s, w.as.clerk1, w.e1, 2024);
      expect(rows).toHaveLength(3);
      expect(rows.every((r) => r.version === 1)).toBe(true);
    } finally {
      if (other !== s) await other.close();
    }
  });

  it('calculates a year, explains it, reproduces it exactly and exports it', async () => {
    const s = store();
    const w = await seedWorld(s);
    await importActivityFile(
      s,
      w.as.clerk1,
      w.e1,
      { name: 'e1.xlsx', bytes: await workbook(E1_ROWS) },
      { year: 2024 },
    );
    const run = await calculateYear(s, w.as.clerk1, w.e1, 2024);
    const total = (run.results as { total: { value: number; unit: string } }).total;
    expect(total.unit).toBe('tCO2e');
    expect(total.value).toBeCloseTo(E1_TOTAL_TCO2, 6);
    expect(run.factorRefs).toEqual(['test-grid/grid.gx.2024@2024.1']);
    const explained = await explainRun(s, w.as.verifier1, run.id, 'coal-b1.m01');
    expect(explained.formula.text).toContain('NCV');
    expect(explained.result.value).toBeCloseTo(1875.72, 6);
    const again = await reproduceRun(s, w.as.manager1, run.id);
    expect(again).toMatchObject({ identical: true, recomputedResultsHash: run.resultsHash });
    const xlsx = await exportRunXlsx(s, w.as.parkA, run.id);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx as unknown as ExcelJS.Buffer);
    const info = new Map<string, string>();
    wb.worksheets[0]!.eachRow((row) => info.set(row.getCell(1).text, row.getCell(2).text));
    expect(info.get('报告主体 Reporter')).toBe('企业 E1');
    expect(info.get('统一社会信用代码 Credit code')).toBe('E1');
    expect(info.get('月份 Months')).toBe('1, 2');
    expect((await listRuns(s, w.as.regulator, {})).map((r) => r.id)).toContain(run.id);
    expect(await listRuns(s, w.as.clerk2, {})).toEqual([]);
  });

  it('after a factor-set revision lists the runs that change and by how much', async () => {
    const s = store();
    const w = await seedWorld(s);
    const setId = unique('grid-2025-');
    await s.factorSets.load(gridSet(setId, '2025.1', 0.5, 2025));
    const bytes = await workbook(E1_ROWS);
    await importActivityFile(s, w.as.clerk1, w.e1, { name: 'e1.xlsx', bytes }, { year: 2025 });
    const run = await calculateYear(s, w.as.clerk1, w.e1, 2025);
    expect(run.factorRefs).toEqual([`${setId}/grid.gx.2025@2025.1`]);
    // the revision raises Guangxi's 2025 grid factor from 0.5 to 0.6 tCO2/MWh: +100 MWh × 0.1
    await s.factorSets.load(gridSet(setId, '2025.2', 0.6, 2025));
    expect(await code(recalculateAfterFactorUpdate(s, w.as.manager1, setId))).toBe('forbidden');
    const report = await recalculateAfterFactorUpdate(s, w.as.admin, setId, { save: true });
    expect(report.affected).toBe(1);
    const change = report.changed.find((c) => c.runId === run.id)!;
    expect(change.delta.value).toBeCloseTo(10, 9);
    expect(change.after.value).toBeCloseTo(E1_TOTAL_TCO2 + 10, 6);
    expect(change.lines).toEqual([
      {
        line: 'power.m01',
        before: { value: 50, unit: 'tCO2e' },
        after: { value: 60, unit: 'tCO2e' },
      },
    ]);
    expect(change.factorsAdded).toEqual([`${setId}/grid.gx.2025@2025.2`]);
    expect(change.factorsDropped).toEqual([`${setId}/grid.gx.2025@2025.1`]);
    // the old run still reproduces with the factors it used; the saved rerun is a new run
    expect((await reproduceRun(s, w.as.admin, run.id)).identical).toBe(true);
    expect(change.newRunId).toBeDefined();
    expect(change.newRunId).not.toBe(run.id);
  });

  it('runs the review: submit, comment, return, resubmit, accept; locked data once submitted', async () => {
    const s = store();
    const w = await seedWorld(s);
    const bytes = await workbook(E1_ROWS);
    await importActivityFile(s, w.as.clerk1, w.e1, { name: 'e1.xlsx', bytes }, { year: 2024 });
    expect(await code(submitPeriod(s, w.as.manager1, w.e1, 2024))).toBe('conflict'); // no run yet
    await calculateYear(s, w.as.clerk1, w.e1, 2024);
    expect(await code(submitPeriod(s, w.as.clerk1, w.e1, 2024))).toBe('forbidden');
    expect((await submitPeriod(s, w.as.manager1, w.e1, 2024)).status).toBe('submitted');
    const changed = await workbook([{ ...E1_ROWS[0]!, amount: 1100 }]);
    expect(
      await code(
        importActivityFile(
          s,
          w.as.clerk1,
          w.e1,
          { name: 'late.xlsx', bytes: changed },
          { year: 2024 },
        ),
      ),
    ).toBe('conflict');
    await commentOnPeriod(
      s,
      w.as.verifier1,
      w.e1,
      2024,
      '2月煤量请附过磅单 attach the February weighbridge slips',
    );
    expect(await code(acceptPeriod(s, w.as.parkA, w.e1, 2024))).toBe('forbidden');
    expect((await returnPeriod(s, w.as.regulator, w.e1, 2024, '补充单据')).status).toBe('returned');
    await importActivityFile(
      s,
      w.as.clerk1,
      w.e1,
      { name: 'fixed.xlsx', bytes: changed },
      { year: 2024 },
    );
    await calculateYear(s, w.as.clerk1, w.e1, 2024);
    await submitPeriod(s, w.as.manager1, w.e1, 2024);
    expect((await acceptPeriod(s, w.as.regulator, w.e1, 2024)).status).toBe('accepted');
    const status = await periodStatus(s, w.as.manager1, w.e1, 2024);
    expect(status.status).toBe('accepted');
    expect(status.comments.map((c) => c.authorRole)).toEqual(['verifier']);
    expect((await s.auditLog.verify(w.tenantId)).ok).toBe(true);
  });

  it('scopes every role: enterprise, park, region; hides what is out of scope', async () => {
    const s = store();
    const w = await seedWorld(s);
    const names = async (a: keyof typeof w.as) =>
      (await listEnterprises(s, w.as[a])).items.map((e) => e.code).sort();
    expect(await names('admin')).toEqual(['E1', 'E2', 'E3']);
    expect(await names('regulator')).toEqual(['E1', 'E3']); // the district and what lies in it
    expect(await names('parkA')).toEqual(['E1']);
    expect(await names('clerk2')).toEqual(['E2']);
    const bytes = await workbook(E1_ROWS);
    // another enterprise's clerk cannot even learn that E1 exists
    expect(
      await code(
        importActivityFile(s, w.as.clerk2, w.e1, { name: 'x.xlsx', bytes }, { year: 2024 }),
      ),
    ).toBe('not-found');
    expect(await code(listActivity(s, w.as.clerk2, w.e1, 2024))).toBe('not-found');
    // readers in scope may read but not write
    expect(
      await code(
        importActivityFile(s, w.as.parkA, w.e1, { name: 'x.xlsx', bytes }, { year: 2024 }),
      ),
    ).toBe('forbidden');
    expect(
      await code(
        importActivityFile(s, w.as.verifier1, w.e1, { name: 'x.xlsx', bytes }, { year: 2024 }),
      ),
    ).toBe('forbidden');
  });

  it('refuses wrong passwords, forged, expired and revoked tokens', async () => {
    const s = store();
    const w = await seedWorld(s);
    expect(await code(login(s, w.tenantId, 'clerk1', 'wrong'))).toBe('unauthenticated');
    expect(await code(login(s, w.tenantId, 'nobody', PASSWORD))).toBe('unauthenticated');
    const token = w.tokens.clerk1;
    expect((await authenticate(s, token)).login).toBe('clerk1');
    const forged = `${token.slice(0, -4)}AAAA`;
    expect(await code(authenticate(s, forged))).toBe('unauthenticated');
    expect(await code(authenticate(s, `cb_${w.tenantId}_' or 1=1 --`))).toBe('unauthenticated');
    const tomorrow = new Date(Date.now() + 13 * 3600_000);
    expect(await code(authenticate(s, token, tomorrow))).toBe('token-expired');
    await logout(s, await authenticate(s, token));
    expect(await code(authenticate(s, token))).toBe('unauthenticated');
  });
});
