import { describe, expect, it } from 'vitest';
import { InvalidMonthError } from '../src/repositories/activity-data.repository.js';
import { StalePeriodStatusError } from '../src/repositories/reporting-period.repository.js';
import { orgTree, type OrgTree } from './fixtures.js';
import { engines, useStore } from './harness.js';

// One describe per engine, so PGlite starts once for the file.
describe.each(engines)('organisations and activity data on %s', (engine) => {
  const store = useStore(engine);

  describe('organisations', () => {
    it('builds the tree region → park → enterprise → facility → source', async () => {
      const t = await orgTree(store());
      const o = store().organisations;
      expect(await o.listRegions(t.tenantId)).toEqual([
        { tenantId: t.tenantId, id: t.regionId, code: '450100', name: '南宁市' },
      ]);
      expect(await o.listParks(t.tenantId, { regionId: t.regionId })).toEqual([
        expect.objectContaining({ id: t.parkId, nameEn: 'Industrial park' }),
      ]);
      expect(await o.listEnterprises(t.tenantId, { parkId: t.parkId })).toEqual([
        expect.objectContaining({ id: t.enterpriseId, regionId: t.regionId, industry: 'cement' }),
      ]);
      expect(await o.getEnterprise(t.tenantId, t.enterpriseId)).toMatchObject({ parkId: t.parkId });
      expect(await o.listFacilities(t.tenantId, t.enterpriseId)).toEqual([
        expect.objectContaining({ id: t.facilityId, kind: 'kiln-line' }),
      ]);
      expect(await o.listSources(t.tenantId, t.enterpriseId)).toEqual([
        expect.objectContaining({
          id: t.sourceId,
          facilityId: t.facilityId,
          category: 'combustion',
        }),
      ]);
    });

    it('shows a tenant only its own organisations', async () => {
      const a = await orgTree(store());
      const b = await orgTree(store());
      const o = store().organisations;
      expect((await o.listEnterprises(a.tenantId)).map((e) => e.id)).toEqual([a.enterpriseId]);
      expect(await o.getEnterprise(b.tenantId, a.enterpriseId)).toBeUndefined();
      expect(await o.listSources(b.tenantId, a.enterpriseId)).toEqual([]);
    });

    it("refuses to attach an organisation to another tenant's parent", async () => {
      const a = await orgTree(store());
      const b = await orgTree(store());
      await expect(
        store().organisations.createEnterprise(b.tenantId, {
          code: 'X',
          name: 'X',
          regionId: a.regionId,
        }),
      ).rejects.toThrow();
    });
  });

  describe('activity data', () => {
    const t = (q: Pick<OrgTree, 'tenantId' | 'enterpriseId' | 'sourceId'>, month: string) => ({
      tenantId: q.tenantId,
      enterpriseId: q.enterpriseId,
      sourceId: q.sourceId,
      month,
    });

    it('appends versions and shows the latest as current', async () => {
      const org = await orgTree(store());
      const a = store().activityData;
      const first = await a.append({
        ...t(org, '2024-03'),
        quantity: { value: 1200.5, unit: 't' },
        recordedBy: 'clerk-1',
        reason: 'monthly import',
        origin: { file: '2024-03.xlsx', sheet: '活动数据', row: 7 },
      });
      expect(first).toMatchObject({
        version: 1,
        month: '2024-03',
        quantity: { value: 1200.5, unit: 't' },
      });
      const second = await a.append({
        ...t(org, '2024-03'),
        quantity: { value: 1210, unit: 't' },
        recordedBy: 'manager-1',
        reason: 'corrected after weighbridge check',
      });
      expect(second.version).toBe(2);
      await a.append({
        ...t(org, '2024-04'),
        quantity: { value: 980, unit: 't' },
        recordedBy: 'clerk-1',
        reason: 'monthly import',
      });

      const current = await a.current({ tenantId: org.tenantId, enterpriseId: org.enterpriseId });
      expect(current.map((c) => [c.month, c.version, c.quantity.value])).toEqual([
        ['2024-03', 2, 1210],
        ['2024-04', 1, 980],
      ]);
      const march = await a.current({
        tenantId: org.tenantId,
        enterpriseId: org.enterpriseId,
        fromMonth: '2024-03',
        toMonth: '2024-03',
      });
      expect(march).toHaveLength(1);

      const history = await a.history(t(org, '2024-03'));
      expect(history).toEqual([first, second]);
      expect(history[0]).toMatchObject({
        recordedBy: 'clerk-1',
        reason: 'monthly import',
        origin: { file: '2024-03.xlsx', sheet: '活动数据', row: 7 },
      });
      expect(history[1]!.origin).toBeUndefined();
      expect(history[0]!.recordedAt).toBeInstanceOf(Date);
    });

    it('does not let a version be changed or deleted', async () => {
      const org = await orgTree(store());
      await store().activityData.append({
        ...t(org, '2024-01'),
        quantity: { value: 1, unit: 't' },
        recordedBy: 'u',
        reason: 'r',
      });
      await expect(
        store().db.query('update activity_data set value = 2 where tenant_id = $1', [org.tenantId]),
      ).rejects.toThrow(/append-only/);
      await expect(
        store().db.query('delete from activity_data where tenant_id = $1', [org.tenantId]),
      ).rejects.toThrow(/append-only/);
    });

    it('appends only when the figure changed, if asked', async () => {
      const org = await orgTree(store());
      const input = {
        ...t(org, '2024-05'),
        quantity: { value: 42, unit: 't' },
        recordedBy: 'u',
        reason: 'import of may.xlsx',
      };
      const a = store().activityData;
      expect((await a.appendIfChanged(input)).appended).toBe(true);
      const again = await a.appendIfChanged(input);
      expect(again).toMatchObject({ appended: false, version: { version: 1 } });
      const other = await a.appendIfChanged({ ...input, quantity: { value: 42, unit: 'kg' } });
      expect(other).toMatchObject({ appended: true, version: { version: 2 } });
    });

    it('numbers concurrent appends without gaps or clashes', async () => {
      const org = await orgTree(store());
      const versions = await Promise.all(
        [1, 2, 3, 4, 5].map((v) =>
          store().activityData.append({
            ...t(org, '2024-06'),
            quantity: { value: v, unit: 't' },
            recordedBy: 'u',
            reason: `writer ${v}`,
          }),
        ),
      );
      expect(versions.map((v) => v.version).sort((x, y) => x - y)).toEqual([1, 2, 3, 4, 5]);
    });

    it('leaves no version behind when the surrounding transaction fails', async () => {
      const org = await orgTree(store());
      await expect(
        store().transaction(async (repos) => {
          await repos.activityData.append({
            ...t(org, '2024-07'),
            quantity: { value: 5, unit: 't' },
            recordedBy: 'u',
            reason: 'import killed half way',
          });
          throw new Error('import failed');
        }),
      ).rejects.toThrow('import failed');
      expect(await store().activityData.history(t(org, '2024-07'))).toEqual([]);
    });

    it("refuses a source that is not the enterprise's, and a month that is not a month", async () => {
      const a = await orgTree(store());
      const b = await orgTree(store());
      const base = { quantity: { value: 1, unit: 't' }, recordedBy: 'u', reason: 'r' };
      await expect(
        store().activityData.append({ ...base, ...t({ ...b, sourceId: a.sourceId }, '2024-01') }),
      ).rejects.toThrow(/not found/);
      await expect(store().activityData.append({ ...base, ...t(a, '2024-13') })).rejects.toThrow(
        InvalidMonthError,
      );
    });
  });

  describe('reporting periods', () => {
    it('moves a period between states only from the state the caller saw', async () => {
      const org = await orgTree(store());
      const key = {
        tenantId: org.tenantId,
        enterpriseId: org.enterpriseId,
        startsOn: '2024-01-01',
        endsOn: '2024-12-31',
      };
      const p = store().reportingPeriods;
      expect(await p.ensure(key)).toMatchObject({ ...key, status: 'open' });
      expect(await p.ensure(key, 'ignored')).toMatchObject({ status: 'open' });
      expect(await p.transition(key, 'open', 'submitted')).toMatchObject({ status: 'submitted' });
      await expect(p.transition(key, 'open', 'submitted')).rejects.toThrow(StalePeriodStatusError);
      expect((await p.list(org.tenantId, org.enterpriseId)).map((x) => x.status)).toEqual([
        'submitted',
      ]);
    });
  });
});
