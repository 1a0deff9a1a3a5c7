import { readdir, readFile } from 'node:fs/promises';
import { sha256Hex } from './canonical-json.js';
import type { Database, Queryable } from './database.js';

/**
 * Found relative to this module, so it resolves the same from `src/` (tests run the source)
 * and from `dist/` (the built package ships `migrations/` beside `dist/`).
 */
export const MIGRATIONS_DIR = new URL('../migrations/', import.meta.url);

const FILE_NAME = /^(\d{4})_([a-z0-9_]+)\.sql$/;

export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
  readonly checksum: string;
}

export class MigrationError extends Error {
  override readonly name = 'MigrationError';
}

/** Reads `NNNN_name.sql` files in order; a gap or a duplicate number is an error. */
export async function loadMigrations(dir: URL = MIGRATIONS_DIR): Promise<Migration[]> {
  const files = (await readdir(dir)).filter((f) => f.endsWith('.sql')).sort();
  const out: Migration[] = [];
  for (const file of files) {
    const m = FILE_NAME.exec(file);
    if (!m?.[1] || !m[2]) throw new MigrationError(`${file}: expected NNNN_name.sql`);
    const version = Number(m[1]);
    if (version !== out.length + 1)
      throw new MigrationError(`${file}: expected migration number ${out.length + 1}`);
    const sql = await readFile(new URL(file, dir), 'utf8');
    out.push({ version, name: m[2], sql, checksum: sha256Hex(sql) });
  }
  return out;
}

/**
 * Every migration step takes this transaction-scoped advisory lock first, so two processes
 * opening the same database at once apply each migration exactly once: the second waits, then
 * sees the row the first committed. The key includes the schema so that separate schemas (one
 * per test) do not wait on each other. PGlite has one connection, where the lock is a no-op.
 */
const LOCK = `select pg_advisory_xact_lock(hashtext('carbonbase.migrate:' || current_schema()))`;

const CREATE_TABLE = `
  create table if not exists schema_migrations (
    version integer primary key,
    name text not null,
    checksum text not null,
    applied_at timestamptz not null default now()
  )`;

export interface MigrationReport {
  readonly applied: readonly string[];
  readonly alreadyApplied: number;
}

/**
 * Applies the pending migrations, each in its own transaction with its bookkeeping row.
 * Refuses to run when an applied migration's file has changed since: migrations are edited
 * only by adding new ones.
 */
export async function migrate(
  db: Database,
  migrations?: readonly Migration[],
): Promise<MigrationReport> {
  const all = migrations ?? (await loadMigrations());
  const applied: string[] = [];
  let alreadyApplied = 0;
  for (const m of all) {
    const didApply = await db.transaction(async (tx) => {
      await tx.query(LOCK);
      await tx.exec(CREATE_TABLE);
      const done = await appliedChecksum(tx, m.version);
      if (done !== undefined) {
        if (done !== m.checksum)
          throw new MigrationError(
            `migration ${m.version} (${m.name}) was changed after it was applied`,
          );
        return false;
      }
      await tx.exec(m.sql);
      await tx.query(
        'insert into schema_migrations (version, name, checksum) values ($1, $2, $3)',
        [m.version, m.name, m.checksum],
      );
      return true;
    });
    if (didApply) applied.push(`${String(m.version).padStart(4, '0')}_${m.name}`);
    else alreadyApplied++;
  }
  // An older program on a newer database would read tables it does not understand.
  const [newest] = await db.query<{ version: number | null }>(
    'select max(version) as version from schema_migrations',
  );
  if ((newest?.version ?? 0) > all.length)
    throw new MigrationError(
      `the database is at migration ${newest?.version}, newer than this program's ${all.length}`,
    );
  return { applied, alreadyApplied };
}

async function appliedChecksum(tx: Queryable, version: number): Promise<string | undefined> {
  const rows = await tx.query<{ checksum: string }>(
    'select checksum from schema_migrations where version = $1',
    [version],
  );
  return rows[0]?.checksum;
}
