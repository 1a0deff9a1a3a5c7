import { describe, expect, it } from 'vitest';
import type { NewActivityVersion } from '../src/repositories/activity-data.repository.js';
import { BulkLoadError } from '../src/repositories/activity-bulk-load.js';
import type { Store } from '../src/open-store.js';
import { orgTree, type OrgTree } from './fixtures.js';
import { engines, useStore } from './harness.js';

function row(org: OrgTree, month: string, value: number, unit = 't'): NewActivityVersion {
  return {
    tenantId: org.tenantId,
    enterpriseId: org.enterpriseId,
    sourceId: org.sourceId,
    month,
    quantity: { value, unit },
    recordedBy: 'clerk-1',
    reason: 'bulk import',
    origin: { file: 'meters.csv', row: 2 },
  };
}

async function count(store: Store, tenantId: string): Promise<number> {
  const [r] = await store.db.query<{ n: number }>(
    'select count(*)::integer as n from activity_data where tenant_id = $1',
    [tenantId],
  );
  return r!.n;
}

describe.each(engines)('bulk load of activity data on %s', (engine) => {
  const store = useStore(engine);

  it('appends each changed cell as its next version and skips unchanged ones', async () => {
    const org = await orgTree(store());
    const a = store().activityData;
    // 2024-01 exists at version 1 (100 t); 2024-02 exists at version 2 (200 t, then 210 t).
    await a.append(row(org, '2024-01', 100));
    await a.append(row(org, '2024-02', 200));
    await a.append(row(org, '2024-02', 210));
    const report = await a.bulkLoad([
      row(org, '2024-01', 100), // same as current: skipped
      row(org, '2024-02', 215.5), // changed: version 3
      row(org, '2024-03', 0.1), // new cell: version 1
      row(org, '2024-04', 7, 'kt'), // new cell in kt
    ]);
    expect(report).toEqual({ rows: 4, appended: 3, unchanged: 1 });
    const current = await a.current({ tenantId: org.tenantId, enterpriseId: org.enterpriseId });
    expect(current.map((v) => [v.month, v.version, v.quantity.value, v.quantity.unit])).toEqual([
      ['2024-01', 1, 100, 't'],
      ['2024-02', 3, 215.5, 't'],
      ['2024-03', 1, 0.1, 't'],
      ['2024-04', 1, 7, 'kt'],
    ]);
    expect(current[1]).toMatchObject({
      recordedBy: 'clerk-1',
      reason: 'bulk import',
      origin: { file: 'meters.csv', row: 2 },
    });
  });

  it('treats a changed unit or parameter as a change, and onlyIfChanged: false appends all', async () => {
    const org = await orgTree(store());
    const a = store().activityData;
    await a.append({ ...row(org, '2024-05', 50), parameters: { ncv: '22.6 GJ/t' } });
    const r1 = await a.bulkLoad([{ ...row(org, '2024-05', 50), parameters: { ncv: '22.6 GJ/t' } }]);
    expect(r1.appended).toBe(0);
    const r2 = await a.bulkLoad([{ ...row(org, '2024-05', 50), parameters: { ncv: '23 GJ/t' } }]);
    expect(r2.appended).toBe(1);
    const r3 = await a.bulkLoad([row(org, '2024-05', 50, 'kt')]);
    expect(r3.appended).toBe(1);
    const r4 = await a.bulkLoad([row(org, '2024-05', 50, 'kt')], { onlyIfChanged: false });
    expect(r4.appended).toBe(1);
    const history = await a.history({ ...org, month: '2024-05' });
    expect(history.map((v) => v.version)).toEqual([1, 2, 3, 4]);
  });

  it.each([
    ['month', { month: '2024-13' }],
    ['quantity.value', { quantity: { value: Number.NaN, unit: 't' } }],
    ['quantity.unit', { quantity: { value: 1, unit: ' ' } }],
    ['sourceId', { sourceId: 'not-a-uuid' }],
  ])('names the row and field %s of a malformed row and writes nothing', async (field, patch) => {
    const org = await orgTree(store());
    const rows = [
      row(org, '2024-01', 1),
      row(org, '2024-02', 2),
      { ...row(org, '2024-03', 3), ...patch },
    ];
    const error = await store()
      .activityData.bulkLoad(rows)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BulkLoadError);
    expect(error).toMatchObject({ rowIndex: 2, field });
    expect(await count(store(), org.tenantId)).toBe(0);
  });

  it('refuses, in SQL, a source of another enterprise or tenant, naming the first such row', async () => {
    const org = await orgTree(store());
    const other = await orgTree(store());
    const rows = [
      row(org, '2024-01', 1),
      row(org, '2024-02', 2),
      { ...row(org, '2024-03', 3), sourceId: other.sourceId },
      { ...row(org, '2024-04', 4), enterpriseId: other.enterpriseId },
    ];
    await expect(store().activityData.bulkLoad(rows)).rejects.toMatchObject({
      name: 'BulkLoadError',
      rowIndex: 2,
      field: 'sourceId',
    });
    expect(await count(store(), org.tenantId)).toBe(0);
    await expect(
      store().activityData.bulkLoad([row(org, '2024-01', 1), { ...row(other, '2024-01', 1) }]),
    ).rejects.toMatchObject({ rowIndex: 1, field: 'tenantId' });
  });

  it('refuses a source named under a second enterprise, naming the first such row', async () => {
    const org = await orgTree(store());
    const other = await orgTree(store());
    await expect(
      store().activityData.bulkLoad([
        row(org, '2024-01', 1),
        row(org, '2024-02', 2),
        { ...row(org, '2024-03', 3), enterpriseId: other.enterpriseId },
      ]),
    ).rejects.toMatchObject({ name: 'BulkLoadError', rowIndex: 2, field: 'sourceId' });
    expect(await count(store(), org.tenantId)).toBe(0);
  });

  it('takes ids in upper case as the same source and cell', async () => {
    const org = await orgTree(store());
    const upper = {
      ...row(org, '2024-02', 2),
      enterpriseId: org.enterpriseId.toUpperCase(),
      sourceId: org.sourceId.toUpperCase(),
    };
    await expect(
      store().activityData.bulkLoad([row(org, '2024-02', 1), upper]),
    ).rejects.toMatchObject({ rowIndex: 1, field: 'month' });
    const report = await store().activityData.bulkLoad([row(org, '2024-01', 1), upper]);
    expect(report.appended).toBe(2);
    const current = await store().activityData.current({
      tenantId: org.tenantId,
      enterpriseId: org.enterpriseId,
    });
    expect(current.map((v) => [v.month, v.version])).toEqual([
      ['2024-01', 1],
      ['2024-02', 1],
    ]);
  });

  it('names the row and field of a value the database refuses, counting skipped rows', async () => {
    const org = await orgTree(store());
    const a = store().activityData;
    await a.append(row(org, '2024-01', 1));
    const rows = [
      row(org, '2024-01', 1), // unchanged: left out of the COPY, so COPY line 2 is row 2
      row(org, '2024-02', 2),
      { ...row(org, '2024-03', 3), origin: { file: 'meters.csv', row: 2 ** 31 } },
    ];
    const error = await a.bulkLoad(rows).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BulkLoadError);
    expect(error).toMatchObject({ rowIndex: 2, field: 'origin.row' });
    expect((error as Error).message).toMatch(/数据库拒绝该行.*the database refused the row/s);
    const nul = await a
      .bulkLoad([row(org, '2024-04', 4), { ...row(org, '2024-05', 5), reason: 'a\u0000b' }])
      .catch((e: unknown) => e);
    expect(nul).toMatchObject({ name: 'BulkLoadError', rowIndex: 1, field: 'reason' });
    expect(await count(store(), org.tenantId)).toBe(1);
  });

  it('streams a load longer than one COPY piece, with a text longer than the buffer', async () => {
    const org = await orgTree(store());
    const second = await store().organisations.createSource(org.tenantId, {
      code: 'KL1-ELEC',
      name: '外购电力',
      enterpriseId: org.enterpriseId,
      category: 'electricity',
    });
    const long = '长文本'.repeat(60_000); // 540 000 bytes in UTF-8
    const rows: NewActivityVersion[] = [];
    // 2 sources × 30 years × 12 months = 720 rows of about 300 bytes, then one long row.
    for (const sourceId of [org.sourceId, second.id])
      for (let y = 2000; y < 2030; y++)
        for (let m = 1; m <= 12; m++)
          rows.push({
            ...row(org, `${y}-${String(m).padStart(2, '0')}`, y + m / 100, m % 2 ? 't' : 'kt'),
            sourceId,
            reason: `导入 ${y} 年 "月报", 第 ${m} 月`,
            origin: { file: `${y}.csv`, sheet: 'Sheet1', row: m + 1 },
            ...(m === 6 && { parameters: { ncv: `${m} GJ/t` } }),
          });
    rows[700] = { ...rows[700]!, reason: long };
    const report = await store().activityData.bulkLoad(rows);
    expect(report).toEqual({ rows: 720, appended: 720, unchanged: 0 });
    const loaded = await store().db.query<{
      source_id: string;
      period_month: string;
      value: string;
      unit: string;
      reason: string;
      source_file: string;
      source_sheet: string;
      source_row: number;
      parameters: object;
    }>(
      `select source_id, period_month, value, unit, reason, source_file, source_sheet, source_row,
         parameters
       from activity_data where tenant_id = $1`,
      [org.tenantId],
    );
    const byCell = new Map(loaded.map((l) => [`${l.source_id} ${l.period_month}`, l]));
    expect(byCell.size).toBe(720);
    for (const r of rows) {
      const l = byCell.get(`${r.sourceId} ${r.month}-01`)!;
      expect([Number(l.value), l.unit, l.reason, l.source_file, l.source_sheet]).toEqual([
        r.quantity.value,
        r.quantity.unit,
        r.reason,
        r.origin!.file,
        r.origin!.sheet,
      ]);
      expect(l.source_row).toBe(r.origin!.row);
      expect(l.parameters).toEqual(r.parameters ?? {});
    }
  });

  it('refuses two rows for the same cell', async () => {
    const org = await orgTree(store());
    await expect(
      store().activityData.bulkLoad([row(org, '2024-01', 1), row(org, '2024-01', 2)]),
    ).rejects.toMatchObject({ rowIndex: 1, field: 'month' });
  });

  it("joins a caller's transaction: rolled back with it, and loadable twice in it", async () => {
    const org = await orgTree(store());
    await expect(
      store().transaction(async (repos) => {
        await repos.activityData.bulkLoad([row(org, '2024-01', 1)]);
        await repos.activityData.bulkLoad([row(org, '2024-01', 2)]);
        expect(await repos.activityData.history({ ...org, month: '2024-01' })).toHaveLength(2);
        throw new Error('abandon the import');
      }),
    ).rejects.toThrow('abandon the import');
    expect(await count(store(), org.tenantId)).toBe(0);
  });

  it('keeps text with quotes, commas, newlines and Chinese through COPY', async () => {
    const org = await orgTree(store());
    const awkward = '燃煤 "A",\n第二行';
    await store().activityData.bulkLoad([
      {
        ...row(org, '2024-06', 1e-7),
        reason: awkward,
        origin: { file: 'a,b.csv', sheet: '' },
        parameters: { note: awkward },
      },
    ]);
    const [v] = await store().activityData.history({ ...org, month: '2024-06' });
    expect(v).toMatchObject({
      reason: awkward,
      quantity: { value: 1e-7, unit: 't' },
      origin: { file: 'a,b.csv', sheet: '' },
      parameters: { note: awkward },
    });
  });

  it('stores each month in its year partition and a month outside them in the default one', async () => {
    const org = await orgTree(store());
    await store().activityData.bulkLoad([row(org, '2024-12', 1), row(org, '1990-01', 2)]);
    const rows = await store().db.query<{ part: string; month: string }>(
      `select tableoid::regclass::text as part, period_month as month from activity_data
       where tenant_id = $1 order by period_month`,
      [org.tenantId],
    );
    expect(rows.map((r) => r.part.replace(/^.*\./, ''))).toEqual([
      'activity_data_default',
      'activity_data_y2024',
    ]);
    // the append-only trigger guards the partitions too
    await expect(
      store().db.query('update activity_data_y2024 set value = 3 where tenant_id = $1', [
        org.tenantId,
      ]),
    ).rejects.toThrow(/append-only/);
  });

  it('counts reported sources per enterprise and month over current versions', async () => {
    const org = await orgTree(store());
    const second = await store().organisations.createSource(org.tenantId, {
      code: 'KL1-ELEC',
      name: '外购电力',
      enterpriseId: org.enterpriseId,
      category: 'electricity',
    });
    const a = store().activityData;
    await a.bulkLoad([row(org, '2024-01', 1), row(org, '2024-02', 1)]);
    // a second version of 2024-01 must not count twice
    await a.bulkLoad([
      row(org, '2024-01', 5),
      { ...row(org, '2024-01', 9, 'MWh'), sourceId: second.id },
    ]);
    expect(
      await a.monthlyCoverage({ tenantId: org.tenantId, fromMonth: '2024-01', toMonth: '2024-12' }),
    ).toEqual([
      { enterpriseId: org.enterpriseId, month: '2024-01', sources: 2 },
      { enterpriseId: org.enterpriseId, month: '2024-02', sources: 1 },
    ]);
  });
});
