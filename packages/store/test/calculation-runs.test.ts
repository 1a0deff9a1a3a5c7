import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../src/canonical-json.js';
import type { NewCalculationRun } from '../src/repositories/calculation-run.repository.js';
import { orgTree } from './fixtures.js';
import { engines, useStore } from './harness.js';

function run(tenantId: string, enterpriseId: string, refs: string[]): NewCalculationRun {
  return {
    tenantId,
    enterpriseId,
    periodStart: '2024-01-01',
    periodEnd: '2024-12-31',
    inputs: {
      activity: [
        { source: 'KL1-COAL', month: '2024-03', version: 2, quantity: { value: 1210, unit: 't' } },
      ],
      options: { gwp: 'AR5' },
    },
    methodSet: { id: 'cn-cement-2024', version: '1.0' },
    factorRefs: refs,
    results: {
      total: { value: 0.1 + 0.2, unit: 'tCO2e' },
      bySource: [{ source: 'KL1-COAL', co2: { value: 2642.7351234, unit: 'tCO2' } }],
    },
    explanations: [
      {
        step: 'combustion',
        text: '燃料燃烧排放 = 消耗量 × 低位发热量 × 单位热值含碳量 × 碳氧化率 × 44/12',
      },
    ],
    createdBy: 'user-1',
  };
}

describe.each(engines)('calculation runs on %s', (engine) => {
  const store = useStore(engine);

  it('gives back a saved run exactly, with hashes of its inputs and results', async () => {
    const org = await orgTree(store());
    const input = run(org.tenantId, org.enterpriseId, ['s/a@1', 's/b@1']);
    const saved = await store().calculationRuns.save(input);
    expect(saved.inputHash).toMatch(/^[0-9a-f]{64}$/);
    const back = await store().calculationRuns.get(org.tenantId, saved.id);
    expect(back).toEqual(saved);
    expect(back).toMatchObject(input);
    // Byte for byte: the canonical JSON of what comes back equals that of what went in.
    expect(canonicalJson(back!.results)).toBe(canonicalJson(input.results));
    expect(canonicalJson(back!.inputs)).toBe(canonicalJson(input.inputs));
  });

  it('gives equal inputs equal hashes, whatever their key order', async () => {
    const org = await orgTree(store());
    const a = await store().calculationRuns.save(run(org.tenantId, org.enterpriseId, []));
    const reordered = run(org.tenantId, org.enterpriseId, []);
    const b = await store().calculationRuns.save({
      ...reordered,
      inputs: {
        options: { gwp: 'AR5' },
        activity: (reordered.inputs as { activity: [] }).activity,
      },
    });
    expect(b.id).not.toBe(a.id);
    expect(b.inputHash).toBe(a.inputHash);
    expect(b.resultsHash).toBe(a.resultsHash);
  });

  it('lists runs by tenant and finds the runs that used a factor', async () => {
    const org = await orgTree(store());
    const other = await orgTree(store());
    const r1 = await store().calculationRuns.save(run(org.tenantId, org.enterpriseId, ['s/a@1']));
    const r2 = await store().calculationRuns.save(run(org.tenantId, org.enterpriseId, ['s/b@1']));
    const r3 = await store().calculationRuns.save(
      run(other.tenantId, other.enterpriseId, ['s/a@1']),
    );
    const listed = await store().calculationRuns.list(org.tenantId);
    expect(listed.map((r) => r.id).sort()).toEqual([r1.id, r2.id].sort());
    expect(listed[0]).not.toHaveProperty('results');
    // an actor's scope, applied in SQL: the park holds the enterprise, the other tenant's park not
    const inScope = await store().calculationRuns.list(org.tenantId, {
      scope: { regionIds: [], parkIds: [org.parkId], enterpriseIds: [] },
    });
    expect(inScope.map((r) => r.id).sort()).toEqual([r1.id, r2.id].sort());
    const outOfScope = await store().calculationRuns.list(org.tenantId, {
      scope: { regionIds: [other.regionId], parkIds: [other.parkId], enterpriseIds: ['x'] },
    });
    expect(outOfScope).toEqual([]);
    const usingA = await store().calculationRuns.listUsingFactors(['s/a@1']);
    expect(usingA.map((r) => r.id)).toEqual(expect.arrayContaining([r1.id, r3.id]));
    expect(usingA.map((r) => r.id)).not.toContain(r2.id);
    const usingAInOrg = await store().calculationRuns.listUsingFactors(['s/a@1'], org.tenantId);
    expect(usingAInOrg.map((r) => r.id)).toEqual([r1.id]);
  });

  it('does not show a run to another tenant, and takes no SQL for an id', async () => {
    const org = await orgTree(store());
    const other = await orgTree(store());
    const saved = await store().calculationRuns.save(run(org.tenantId, org.enterpriseId, []));
    expect(await store().calculationRuns.get(other.tenantId, saved.id)).toBeUndefined();
    expect(await store().calculationRuns.get(org.tenantId, "1' or '1'='1")).toBeUndefined();
  });

  it('keeps runs immutable', async () => {
    const org = await orgTree(store());
    await store().calculationRuns.save(run(org.tenantId, org.enterpriseId, []));
    await expect(
      store().db.query("update calculation_runs set created_by = 'x' where tenant_id = $1", [
        org.tenantId,
      ]),
    ).rejects.toThrow(/append-only/);
  });
});
