import { describe, expect, it } from 'vitest';
import { orgTree } from './fixtures.js';
import { engines, useStore } from './harness.js';

// What the application layer needs from the store: parameters on activity versions, enterprise
// lists filtered by access scope and search, import batches and period comments.
describe.each(engines)('application support on %s', (engine) => {
  const store = useStore(engine);

  it('keeps measured parameters with a version; a changed parameter is a new version', async () => {
    const t = await orgTree(store());
    const a = store().activityData;
    const cell = {
      tenantId: t.tenantId,
      enterpriseId: t.enterpriseId,
      sourceId: t.sourceId,
      month: '2024-03',
    };
    const base = { ...cell, quantity: { value: 1200, unit: 't' }, recordedBy: 'u', reason: 'r' };
    const first = await a.appendIfChanged({
      ...base,
      parameters: { ncv: '22.6 GJ/t', fuel: 'bituminous-coal' },
    });
    expect(first.appended).toBe(true);
    expect(first.version.parameters).toEqual({ ncv: '22.6 GJ/t', fuel: 'bituminous-coal' });
    // same figure, same parameters in another key order: unchanged
    const same = await a.appendIfChanged({
      ...base,
      parameters: { fuel: 'bituminous-coal', ncv: '22.6 GJ/t' },
    });
    expect(same.appended).toBe(false);
    const corrected = await a.appendIfChanged({
      ...base,
      parameters: { ncv: '22.9 GJ/t', fuel: 'bituminous-coal' },
    });
    expect(corrected).toMatchObject({ appended: true, version: { version: 2 } });
    const [current] = await a.current({ tenantId: t.tenantId, enterpriseId: t.enterpriseId });
    expect(current!.parameters).toEqual({ ncv: '22.9 GJ/t', fuel: 'bituminous-coal' });
  });

  it('lists enterprises by access scope and search; wildcards in the search are literal', async () => {
    const t = await orgTree(store());
    const o = store().organisations;
    const other = await o.createEnterprise(t.tenantId, {
      code: 'X-1',
      name: '某电子 100%_科技',
      regionId: t.regionId,
    });
    const ids = async (filter: Parameters<typeof o.listEnterprises>[1]) =>
      (await o.listEnterprises(t.tenantId, filter)).map((e) => e.id).sort();
    const none = { regionIds: [], parkIds: [], enterpriseIds: [] };
    expect(await ids({ scope: none })).toEqual([]);
    expect(await ids({ scope: { ...none, parkIds: [t.parkId] } })).toEqual([t.enterpriseId]);
    expect(await ids({ scope: { ...none, regionIds: [t.regionId] } })).toEqual(
      [t.enterpriseId, other.id].sort(),
    );
    expect(await ids({ scope: { ...none, enterpriseIds: [other.id, "' or 1=1 --"] } })).toEqual([
      other.id,
    ]);
    expect(await ids({ search: '100%_' })).toEqual([other.id]);
    expect(await ids({ search: '%' })).toEqual([other.id]);
    expect(await ids({ search: '_' })).toEqual([other.id]);
    expect(await ids({ search: "'; drop table enterprises; --" })).toEqual([]);
    expect(await ids({ parkId: 'not-a-uuid' })).toEqual([]);
    expect(
      await o.countEnterprises(t.tenantId, { scope: { ...none, regionIds: [t.regionId] } }),
    ).toBe(2);
    expect(await o.listEnterprises(t.tenantId, {}, { limit: 1, offset: 1 })).toHaveLength(1);
    expect(await o.lockEnterprise(t.tenantId, 'nope')).toBe(false);
  });

  it('records import batches and period comments, append-only', async () => {
    const t = await orgTree(store());
    const batch = await store().importBatches.record({
      tenantId: t.tenantId,
      enterpriseId: t.enterpriseId,
      fileName: '2024.xlsx',
      fileSha256: 'a'.repeat(64),
      sizeBytes: 2048,
      rowsRead: 12,
      versionsAdded: 10,
      unchanged: 2,
      sourcesCreated: 1,
      importedBy: 'user:clerk',
    });
    expect(await store().importBatches.list(t.tenantId, t.enterpriseId)).toEqual([batch]);
    await expect(store().db.query('delete from import_batches')).rejects.toThrow(/append-only/);
    const key = {
      tenantId: t.tenantId,
      enterpriseId: t.enterpriseId,
      startsOn: '2024-01-01',
      endsOn: '2024-12-31',
    };
    await store().reportingPeriods.ensure(key, 'submitted');
    const c = await store().reportingPeriods.addComment({
      ...key,
      author: 'user:v',
      authorRole: 'verifier',
      body: '请补充单据',
    });
    expect(await store().reportingPeriods.listComments(key)).toEqual([c]);
    await expect(
      store().reportingPeriods.addComment({
        ...key,
        author: 'user:v',
        authorRole: 'nobody',
        body: 'x',
      }),
    ).rejects.toThrow();
  });
});
