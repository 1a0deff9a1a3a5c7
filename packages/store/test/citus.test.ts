import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import type { Queryable } from '../src/database.js';
import { useStore } from './harness.js';

/**
 * The rules that make citus/distribute.sql valid on Citus, checked against the migrated catalog
 * (docs/adr/0006-citus-distribution.md). Citus itself is not available here, so the test proves
 * the conditions Citus checks when it distributes a table: the distribution column in every
 * primary and unique key, foreign keys between colocated tables through the distribution column,
 * no foreign key from a reference table to a distributed one, targets distributed first.
 */

const SCRIPT = new URL('../citus/distribute.sql', import.meta.url);
/** Migration bookkeeping stays on the coordinator (said in distribute.sql). */
const COORDINATOR_ONLY = ['schema_migrations'];

interface Plan {
  readonly reference: string[];
  readonly distributed: { table: string; column: string; colocateWith?: string }[];
  /** Every table in the order the script distributes it. */
  readonly order: string[];
}

function parseScript(sql: string): Plan {
  const plan: Plan = { reference: [], distributed: [], order: [] };
  const code = sql.replace(/--.*$/gm, '');
  for (const m of code.matchAll(/create_reference_table\('(\w+)'\)/g)) {
    plan.reference.push(m[1]!);
    plan.order.push(m[1]!);
  }
  const distributed =
    /create_distributed_table\('(\w+)',\s*'(\w+)'(?:,\s*colocate_with\s*=>\s*'(\w+)')?\)/g;
  for (const m of code.matchAll(distributed)) {
    plan.distributed.push({
      table: m[1]!,
      column: m[2]!,
      ...(m[3] !== undefined && { colocateWith: m[3] }),
    });
    plan.order.push(m[1]!);
  }
  // reference tables first in `order` would hide an ordering fault among them; keep file order
  plan.order.sort((a, b) => code.indexOf(`'${a}'`) - code.indexOf(`'${b}'`));
  return plan;
}

interface Key {
  table: string;
  kind: 'p' | 'u' | 'f' | 'i';
  name: string;
  columns: string[];
  target: string | null;
  targetColumns: string[];
}

/** Tables (partitions left out: they follow their parent) and their keys. */
async function catalog(db: Queryable): Promise<{ tables: string[]; keys: Key[] }> {
  const tables = await db.query<{ name: string }>(
    `select c.relname as name from pg_class c
     where c.relnamespace = current_schema()::regnamespace and c.relkind in ('r', 'p')
       and not c.relispartition
     order by 1`,
  );
  const cols = (rel: string, nums: string) =>
    `array(select a.attname::text from unnest(${nums}) with ordinality u(n, o)
           join pg_attribute a on a.attrelid = ${rel} and a.attnum = u.n order by u.o)`;
  const constraints = await db.query<Key>(
    `select c.relname as table, k.contype as kind, k.conname as name,
       ${cols('k.conrelid', 'k.conkey')} as columns,
       t.relname as target, coalesce(${cols('k.confrelid', 'k.confkey')}, '{}') as "targetColumns"
     from pg_constraint k
     join pg_class c on c.oid = k.conrelid
     left join pg_class t on t.oid = k.confrelid
     where c.relnamespace = current_schema()::regnamespace and not c.relispartition
       and k.contype in ('p', 'u', 'f')`,
  );
  // unique indexes that are not constraints: Citus needs the distribution column in them too
  const indexes = await db.query<Key>(
    `select c.relname as table, 'i' as kind, ic.relname as name,
       ${cols('i.indrelid', 'i.indkey::int2[]')} as columns, null as target, '{}' as "targetColumns"
     from pg_index i
     join pg_class c on c.oid = i.indrelid
     join pg_class ic on ic.oid = i.indexrelid
     where c.relnamespace = current_schema()::regnamespace and not c.relispartition
       and i.indisunique
       and not exists (select 1 from pg_constraint k where k.conindid = i.indexrelid)`,
  );
  return { tables: tables.map((t) => t.name), keys: [...constraints, ...indexes] };
}

/** Every way the catalog and the script disagree with Citus's rules, one line each. */
async function violations(db: Queryable, plan: Plan): Promise<string[]> {
  const { tables, keys } = await catalog(db);
  const out: string[] = [];
  const reference = new Set(plan.reference);
  const distributed = new Set(plan.distributed.map((d) => d.table));
  const named = [...plan.order, ...COORDINATOR_ONLY];
  for (const t of tables) if (!named.includes(t)) out.push(`${t}: not named in distribute.sql`);
  for (const t of named) if (!tables.includes(t)) out.push(`${t}: named but not in the catalog`);
  for (const t of named)
    if (named.indexOf(t) !== named.lastIndexOf(t)) out.push(`${t}: named more than once`);
  for (const d of plan.distributed) {
    if (d.column !== 'tenant_id') out.push(`${d.table}: distributed by ${d.column}`);
    if (d.table !== 'tenants' && d.colocateWith !== 'tenants')
      out.push(`${d.table}: not colocated with tenants`);
  }
  for (const k of keys) {
    if (distributed.has(k.table)) {
      if (k.kind !== 'f' && k.columns[0] !== 'tenant_id')
        out.push(
          `${k.table}.${k.name}: key (${k.columns.join(', ')}) does not start with tenant_id`,
        );
      if (k.kind === 'f' && k.target !== null && distributed.has(k.target)) {
        const at = k.columns.indexOf('tenant_id');
        if (at < 0 || k.targetColumns[at] !== 'tenant_id')
          out.push(`${k.table}.${k.name}: foreign key to ${k.target} not through tenant_id`);
      }
    }
    if (reference.has(k.table) && k.kind === 'f' && k.target !== null && !reference.has(k.target))
      out.push(`${k.table}.${k.name}: reference table refers to ${k.target}`);
    if (k.kind === 'f' && k.target !== null && k.target !== k.table) {
      const from = plan.order.indexOf(k.table);
      const to = plan.order.indexOf(k.target);
      if (from >= 0 && to > from)
        out.push(`${k.table}.${k.name}: ${k.target} is distributed after it`);
    }
  }
  for (const t of distributed)
    if (!keys.some((k) => k.table === t && k.kind === 'p')) out.push(`${t}: no primary key`);
  return out;
}

describe('Citus distribution (citus/distribute.sql) on pglite', () => {
  const store = useStore('pglite');

  it('names every table, and the schema follows the rules that make the script valid', async () => {
    const plan = parseScript(await readFile(SCRIPT, 'utf8'));
    expect(plan.reference).toEqual(['factor_sets', 'factors', 'roles']);
    expect(plan.distributed.map((d) => d.table)).toContain('activity_data');
    expect(await violations(store().db, plan)).toEqual([]);
  });

  it('would catch a table without its line, a key without tenant_id and a cross-tenant foreign key', async () => {
    const plan = parseScript(await readFile(SCRIPT, 'utf8'));
    const found = await store()
      .db.transaction(async (tx) => {
        await tx.exec(`
          create table meter_readings (
            tenant_id text not null references tenants (tenant_id),
            id uuid not null,
            source_id uuid not null,
            code text not null,
            primary key (tenant_id, id),
            unique (code),
            foreign key (code) references tenants (tenant_id)
          );
          alter table factors add column tenant_id text references tenants (tenant_id);`);
        const withLine = {
          ...plan,
          distributed: [
            ...plan.distributed,
            { table: 'meter_readings', column: 'tenant_id', colocateWith: 'tenants' },
          ],
          order: [...plan.order, 'meter_readings'],
        };
        const result = [await violations(tx, plan), await violations(tx, withLine)];
        throw Object.assign(new Error('roll back'), { result });
      })
      .catch((e: { result?: string[][] }) => {
        if (!e.result) throw e;
        return e.result;
      });
    const [withoutLine, withLine] = found;
    expect(withoutLine).toContain('meter_readings: not named in distribute.sql');
    expect(withLine).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^meter_readings\.\w+: key \(code\) does not start with tenant_id$/),
        expect.stringMatching(
          /^meter_readings\.\w+: foreign key to tenants not through tenant_id$/,
        ),
        expect.stringMatching(/^factors\.\w+: reference table refers to tenants$/),
        expect.stringMatching(/^factors\.\w+: tenants is distributed after it$/),
      ]),
    );
    expect(withLine).toHaveLength(4);
  });
});
