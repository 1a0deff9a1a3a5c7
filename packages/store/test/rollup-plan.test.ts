import { describe, expect, it } from 'vitest';
import type { Queryable, SqlParam } from '../src/database.js';
import {
  ActivityDataRepository,
  type NewActivityVersion,
} from '../src/repositories/activity-data.repository.js';
import { orgTree } from './fixtures.js';
import { engines, useStore } from './harness.js';

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  Plans?: PlanNode[];
}

function nodes(p: PlanNode): PlanNode[] {
  return [p, ...(p.Plans ?? []).flatMap(nodes)];
}

/** Runs the repository's own SQL under EXPLAIN and keeps the plan. */
function explaining(db: Queryable, plans: PlanNode[]): Queryable {
  return {
    async query<R extends object>(sql: string, params?: readonly SqlParam[]): Promise<R[]> {
      const [row] = await db.query<{ 'QUERY PLAN': [{ Plan: PlanNode }] }>(
        `explain (format json) ${sql}`,
        params,
      );
      plans.push(row!['QUERY PLAN'][0].Plan);
      return [];
    },
    exec: (sql) => db.exec(sql),
    transaction: (fn) => db.transaction(fn),
    copyFrom: (table, columns, rows) => db.copyFrom(table, columns, rows),
  };
}

// The planner's choice is what is under test, so only on a PostgreSQL server (PGlite plans the
// same way, but its small default memory settings make it a different machine). Skipped, and
// reported so, without DATABASE_URL.
describe.skipIf(!engines.includes('postgres'))('roll-up query plans on postgres', () => {
  const store = useStore('postgres');

  it('serves the enterprise-month coverage roll-up from indexes, pruned to the years asked', async () => {
    // 12 tenants × 30 sources × 36 months: 12 960 rows, one tenant a twelfth of them
    const tenants = [];
    for (let t = 0; t < 12; t++) {
      const org = await orgTree(store());
      const sources = [org.sourceId];
      for (let s = 1; s < 30; s++)
        sources.push(
          (
            await store().organisations.createSource(org.tenantId, {
              code: `S${s}`,
              name: `源 ${s}`,
              enterpriseId: org.enterpriseId,
              category: 'combustion',
            })
          ).id,
        );
      const rows: NewActivityVersion[] = [];
      for (const sourceId of sources)
        for (let m = 0; m < 36; m++)
          rows.push({
            tenantId: org.tenantId,
            enterpriseId: org.enterpriseId,
            sourceId,
            month: `${2022 + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`,
            quantity: { value: m + 1, unit: 't' },
            recordedBy: 'bench',
            reason: 'plan test',
          });
      await store().activityData.bulkLoad(rows);
      tenants.push(org);
    }
    await store().db.exec('analyze activity_data');
    const org = tenants[5]!;
    const plans: PlanNode[] = [];
    await new ActivityDataRepository(explaining(store().db, plans)).monthlyCoverage({
      tenantId: org.tenantId,
      fromMonth: '2023-01',
      toMonth: '2023-12',
    });
    const all = nodes(plans[0]!);
    const scans = all.filter((n) => n['Relation Name']?.startsWith('activity_data'));
    expect(scans.length).toBeGreaterThan(0);
    // only the 2023 partition is read, and through an index
    expect(new Set(scans.map((n) => n['Relation Name']))).toEqual(new Set(['activity_data_y2023']));
    expect(scans.map((n) => n['Node Type'])).not.toContain('Seq Scan');
    for (const n of scans)
      expect(['Index Scan', 'Index Only Scan', 'Bitmap Heap Scan']).toContain(n['Node Type']);
    const indexes = all.flatMap((n) => n['Index Name'] ?? []);
    expect(indexes.length).toBeGreaterThan(0);
    for (const name of indexes) expect(name).toMatch(/^activity_data_y2023_/);
    // and the query answers: every source every month for that tenant
    const coverage = await store().activityData.monthlyCoverage({
      tenantId: org.tenantId,
      fromMonth: '2023-01',
      toMonth: '2023-12',
    });
    expect(coverage).toHaveLength(12);
    expect(coverage.every((c) => c.sources === 30)).toBe(true);
  }, 120_000);
});
