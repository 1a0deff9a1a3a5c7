import { describe, expect, it } from 'vitest';
import { orgTree } from './fixtures.js';
import { engines, useStore } from './harness.js';

const DOC = {
  id: 'bau',
  name: '基准情景',
  nameEn: 'Business as usual',
  baseYear: 2024,
  production: '1000000 t/a',
  intensity: '0.8 tCO2/t',
  growth: [{ from: 2025, to: 2060, ratePerYear: '1 %' }],
  intensityChange: [],
  measures: [],
};

// Saved pathway scenarios: created, read back as written, listed by scope, edited, deleted.
describe.each(engines)('pathway scenarios on %s', (engine) => {
  const store = useStore(engine);

  it('round-trips a scenario document and lists scenarios by scope, oldest first', async () => {
    const t = await orgTree(store());
    const s = store().pathwayScenarios;
    const a = await s.create({
      tenantId: t.tenantId,
      scope: { kind: 'enterprise', id: t.enterpriseId },
      name: '基准情景',
      document: DOC,
      createdBy: 'user:manager',
    });
    const b = await s.create({
      tenantId: t.tenantId,
      scope: { kind: 'park', id: t.parkId },
      name: '园区达峰',
      document: { ...DOC, id: 'park' },
      createdBy: 'user:park',
    });
    expect(a.scope).toEqual({ kind: 'enterprise', id: t.enterpriseId });
    expect(await s.get(t.tenantId, a.id)).toEqual(a);
    expect((await s.get(t.tenantId, a.id))!.document).toEqual(DOC);
    expect((await s.list(t.tenantId)).map((x) => x.id)).toEqual([a.id, b.id]);
    expect((await s.list(t.tenantId, [{ kind: 'park', id: t.parkId }])).map((x) => x.id)).toEqual([
      b.id,
    ]);
    // the same uuid under another kind names nothing; a non-uuid is ignored, not an error
    expect(await s.list(t.tenantId, [{ kind: 'region', id: t.parkId }])).toEqual([]);
    expect(await s.list(t.tenantId, [{ kind: 'park', id: "' or 1=1 --" }])).toEqual([]);
    expect(await s.list(t.tenantId, [])).toEqual([]);
    expect(await s.list(t.tenantId, undefined, { limit: 1, offset: 1 })).toHaveLength(1);
  });

  it('updates in place with a later updated_at, deletes, and keeps tenants apart', async () => {
    const t = await orgTree(store());
    const other = await orgTree(store());
    const s = store().pathwayScenarios;
    const a = await s.create({
      tenantId: t.tenantId,
      scope: { kind: 'region', id: t.regionId },
      name: '区域',
      document: DOC,
      createdBy: 'user:bureau',
    });
    const changed = await s.update(t.tenantId, a.id, {
      name: '区域（修订）',
      document: { ...DOC, baseYear: 2025 },
    });
    expect(changed).toMatchObject({ name: '区域（修订）', createdAt: a.createdAt });
    expect(changed!.document).toMatchObject({ baseYear: 2025 });
    expect(changed!.updatedAt.getTime()).toBeGreaterThan(a.updatedAt.getTime());
    // another tenant cannot read, change or delete it
    expect(await s.get(other.tenantId, a.id)).toBeUndefined();
    expect(await s.update(other.tenantId, a.id, { name: 'x', document: DOC })).toBeUndefined();
    expect(await s.delete(other.tenantId, a.id)).toBe(false);
    expect(await s.delete(t.tenantId, 'not-a-uuid')).toBe(false);
    expect(await s.delete(t.tenantId, a.id)).toBe(true);
    expect(await s.get(t.tenantId, a.id)).toBeUndefined();
    expect(await s.delete(t.tenantId, a.id)).toBe(false);
  });

  it('refuses an empty name and an unknown scope kind', async () => {
    const t = await orgTree(store());
    const s = store().pathwayScenarios;
    const base = { tenantId: t.tenantId, document: DOC, createdBy: 'u' };
    await expect(
      s.create({ ...base, scope: { kind: 'park', id: t.parkId }, name: '' }),
    ).rejects.toThrow();
    await expect(
      s.create({
        ...base,
        scope: { kind: 'facility' as 'park', id: t.parkId },
        name: 'x',
      }),
    ).rejects.toThrow();
  });
});
