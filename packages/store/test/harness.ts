import { randomBytes } from 'node:crypto';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import type { Engine } from '../src/database.js';
import { openStore, type Store } from '../src/open-store.js';

/**
 * The conformance suite runs every test on each engine here: PGlite always, PostgreSQL when
 * DATABASE_URL is set (CI sets it). `STORE_ENGINES=pglite` or `=postgres` narrows the list.
 */
const DATABASE_URL = process.env.DATABASE_URL;
const only = process.env.STORE_ENGINES?.split(',').map((s) => s.trim());

export const engines: Engine[] = (['pglite', 'postgres'] as const).filter(
  (e) => (e === 'pglite' || DATABASE_URL) && (!only || only.includes(e)),
);

/** A name no other test, run or process will pick. */
export function unique(prefix: string): string {
  return `${prefix}${randomBytes(6).toString('hex')}`;
}

/**
 * Registers hooks that give each test a migrated store and returns its getter.
 *
 * On PostgreSQL every test gets a fresh schema, dropped afterwards, so parallel runs and test
 * files never collide. On PGlite a fresh database costs seconds (WebAssembly start-up), so one
 * in-memory database serves a whole file; tests therefore never rely on empty tables and use
 * their own tenants and factor-set ids (`unique`).
 */
export function useStore(engine: Engine): () => Store {
  let store: Store | undefined;
  if (engine === 'pglite') {
    beforeAll(async () => {
      store = await openStore({ inMemory: true });
    }, 180_000);
    afterAll(async () => {
      await store?.close();
    });
  } else {
    let schema = '';
    beforeEach(async () => {
      schema = unique('cb_test_');
      store = await openStore({ databaseUrl: requireUrl(), schema });
    }, 60_000);
    afterEach(async () => {
      if (!store) return;
      // Dropped over the store's own connection: the pg driver is needed by no other file.
      await store.db.exec(`drop schema if exists ${schema} cascade`);
      await store.close();
    });
  }
  return () => {
    if (!store) throw new Error('the store is not open yet');
    return store;
  };
}

function requireUrl(): string {
  if (!DATABASE_URL) throw new Error('DATABASE_URL is not set');
  return DATABASE_URL;
}

/** Opens an extra store on the same database and schema (PostgreSQL: to test concurrency). */
export async function openSecondStore(first: Store): Promise<Store> {
  const [row] = await first.db.query<{ schema: string }>('select current_schema() as schema');
  return openStore({ databaseUrl: requireUrl(), schema: row!.schema });
}
