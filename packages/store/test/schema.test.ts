import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DataDirLockedError } from '../src/data-dir-lock.js';
import { loadMigrations, migrate, MigrationError } from '../src/migrate.js';
import { openStore } from '../src/open-store.js';
import { engines, openSecondStore, useStore } from './harness.js';

/** Tables shared by every tenant: Citus reference tables, without a tenant key. */
const REFERENCE_TABLES = ['factor_sets', 'factors', 'roles', 'schema_migrations'];

describe.each(engines)('schema and migrations on %s', (engine) => {
  const store = useStore(engine);

  async function columns() {
    return store().db.query(
      `select table_name, column_name, data_type, is_nullable, column_default
       from information_schema.columns where table_schema = current_schema()
       order by table_name, ordinal_position`,
    );
  }

  it('finds the migrations beside the package and applies them all', async () => {
    const files = await loadMigrations();
    expect(files.map((m) => m.version)).toEqual(files.map((_, i) => i + 1));
    const applied = await store().db.query<{ version: number }>(
      'select version from schema_migrations order by version',
    );
    expect(applied.map((r) => r.version)).toEqual(files.map((m) => m.version));
  });

  it('applies the migrations a second time without any change', async () => {
    const before = await columns();
    const bookkeeping = await store().db.query('select * from schema_migrations order by version');
    const report = await migrate(store().db);
    expect(report.applied).toEqual([]);
    expect(report.alreadyApplied).toBe((await loadMigrations()).length);
    expect(await columns()).toEqual(before);
    expect(await store().db.query('select * from schema_migrations order by version')).toEqual(
      bookkeeping,
    );
  });

  it('refuses to run when an applied migration was edited', async () => {
    const files = await loadMigrations();
    const edited = files.map((m, i) => (i === 0 ? { ...m, checksum: 'edited' } : m));
    await expect(migrate(store().db, edited)).rejects.toThrow(MigrationError);
  });

  it('refuses a database newer than the program', async () => {
    const files = await loadMigrations();
    await expect(migrate(store().db, files.slice(0, -1))).rejects.toThrow(/newer than/);
  });

  it('puts the tenant key first in the primary key of every tenant table', async () => {
    const tables = await store().db.query<{ table_name: string }>(
      `select table_name from information_schema.tables
       where table_schema = current_schema() and table_type = 'BASE TABLE' order by table_name`,
    );
    const firstKeyColumns = await store().db.query<{ table_name: string; column_name: string }>(
      `select tc.table_name, kcu.column_name
       from information_schema.table_constraints tc
       join information_schema.key_column_usage kcu
         on kcu.constraint_name = tc.constraint_name and kcu.table_schema = tc.table_schema
            and kcu.table_name = tc.table_name
       where tc.table_schema = current_schema() and tc.constraint_type = 'PRIMARY KEY'
         and kcu.ordinal_position = 1`,
    );
    const firstKey = new Map(firstKeyColumns.map((r) => [r.table_name, r.column_name]));
    const tenantTables = tables
      .map((t) => t.table_name)
      .filter((t) => !REFERENCE_TABLES.includes(t));
    expect(tenantTables).toEqual(
      expect.arrayContaining(['tenants', 'regions', 'enterprises', 'activity_data', 'audit_log']),
    );
    for (const t of tenantTables) expect([t, firstKey.get(t)]).toEqual([t, 'tenant_id']);
    for (const t of REFERENCE_TABLES) expect(tables.map((r) => r.table_name)).toContain(t);
  });

  it('keeps every foreign key between tenant tables on the tenant key', async () => {
    // Citus can only enforce a foreign key between distributed tables when it includes the
    // distribution column; and no reference table may point at a tenant table.
    const fks = await store().db.query<{ name: string; from: string; to: string; cols: string[] }>(
      `select c.conname as name, c.conrelid::regclass::text as "from",
              c.confrelid::regclass::text as "to",
              array(select a.attname::text from unnest(c.conkey) k
                    join pg_attribute a on a.attrelid = c.conrelid and a.attnum = k) as cols
       from pg_constraint c
       where c.contype = 'f' and c.connamespace = current_schema()::regnamespace`,
    );
    expect(fks.length).toBeGreaterThan(10);
    for (const fk of fks) {
      const toReference = REFERENCE_TABLES.includes(fk.to);
      const fromReference = REFERENCE_TABLES.includes(fk.from);
      if (fromReference) expect([fk.name, toReference]).toEqual([fk.name, true]);
      else if (!toReference) expect([fk.name, fk.cols[0]]).toEqual([fk.name, 'tenant_id']);
    }
  });

  it('stores every amount as numeric beside a unit column', async () => {
    const numeric = await store().db.query<{ table_name: string; column_name: string }>(
      `select table_name, column_name from information_schema.columns
       where table_schema = current_schema() and data_type in ('numeric', 'double precision', 'real')`,
    );
    const units = await store().db.query<{ table_name: string }>(
      `select table_name from information_schema.columns
       where table_schema = current_schema() and column_name = 'unit'`,
    );
    const withUnit = new Set(units.map((u) => u.table_name));
    expect(numeric.length).toBeGreaterThan(0);
    for (const n of numeric) {
      expect(n.column_name).toBe('value');
      expect([n.table_name, withUnit.has(n.table_name)]).toEqual([n.table_name, true]);
    }
  });

  it('rolls back everything a failing transaction did', async () => {
    const tenantId = `t-rollback-${engine}`;
    await expect(
      store().transaction(async (repos) => {
        await repos.organisations.createTenant(tenantId, 'rolled back');
        await repos.organisations.createRegion(tenantId, { code: 'R', name: 'R' });
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    const left = await store().db.query('select 1 from tenants where tenant_id = $1', [tenantId]);
    expect(left).toEqual([]);
    // The same work succeeds afterwards: the connection was returned clean.
    await store().transaction(async (repos) => {
      await repos.organisations.createTenant(tenantId, 'kept');
    });
    expect(await store().organisations.listTenants()).toContainEqual(
      expect.objectContaining({ tenantId, name: 'kept' }),
    );
  });

  it('rolls back when a statement fails inside the transaction', async () => {
    const tenantId = `t-sqlfail-${engine}`;
    await expect(
      store().db.transaction(async (tx) => {
        await tx.query('insert into tenants (tenant_id, name) values ($1, $2)', [tenantId, 'x']);
        await tx.query('insert into tenants (tenant_id, name) values ($1, $2)', [tenantId, 'x']);
      }),
    ).rejects.toThrow();
    expect(
      await store().db.query('select 1 from tenants where tenant_id = $1', [tenantId]),
    ).toEqual([]);
  });

  it('treats parameters as values, never as SQL', async () => {
    const evil = "x'); drop table tenants; --";
    const rows = await store().db.query<{ v: string }>('select $1::text as v', [evil]);
    expect(rows).toEqual([{ v: evil }]);
    expect(await store().organisations.getEnterprise('t', evil)).toBeUndefined();
    expect(await store().db.query('select count(*) as n from tenants')).toHaveLength(1);
  });

  if (engine === 'postgres') {
    it('applies migrations once when two processes open the same schema at once', async () => {
      // Drop everything and let two stores race to migrate the empty schema.
      const [row] = await store().db.query<{ schema: string }>('select current_schema() as schema');
      await store().db.exec(`drop schema ${row!.schema} cascade; create schema ${row!.schema}`);
      const [a, b] = await Promise.all([openSecondStore(store()), openSecondStore(store())]);
      try {
        const total = (await loadMigrations()).length;
        expect(a.migrations.applied.length + b.migrations.applied.length).toBe(total);
        const applied = await a.db.query('select version from schema_migrations');
        expect(applied).toHaveLength(total);
      } finally {
        await a.close();
        await b.close();
      }
    });
  }

  if (engine === 'pglite') {
    it('needs to be told where the data lives', async () => {
      await expect(openStore({})).rejects.toThrow(/databaseUrl, dataDir or inMemory/);
    });

    it('keeps data in <dataDir>/pglite across reopening, migrating only once', async () => {
      const dataDir = await mkdtemp(join(tmpdir(), 'carbonbase-store-'));
      try {
        const first = await openStore({ dataDir: join(dataDir, 'nested') });
        expect(first.migrations.applied.length).toBeGreaterThan(0);
        await first.organisations.createTenant('t-persisted', 'persisted');
        await first.close();
        // A lock left by a process that is gone does not stand in the way.
        await writeFile(join(dataDir, 'nested', 'pglite.lock'), '999999999\n');
        const second = await openStore({ dataDir: join(dataDir, 'nested') });
        try {
          // …but one held by a running process does: PGlite is for one process at a time.
          await expect(openStore({ dataDir: join(dataDir, 'nested') })).rejects.toThrow(
            DataDirLockedError,
          );
          expect(second.migrations.applied).toEqual([]);
          expect(await second.organisations.listTenants()).toEqual([
            expect.objectContaining({ tenantId: 't-persisted' }),
          ]);
        } finally {
          await second.close();
        }
      } finally {
        await rm(dataDir, { recursive: true, force: true });
      }
    }, 180_000);
  }
});
