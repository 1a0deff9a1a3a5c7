import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll } from 'vitest';
import { openStore, type Engine, type Store } from '@carbonbase/store';

/**
 * App tests run on each engine: PGlite always, PostgreSQL when DATABASE_URL is set (CI sets
 * it). One store per file and engine (a schema of its own on PostgreSQL, dropped afterwards);
 * tests use their own tenants so they never see each other's rows.
 */
const DATABASE_URL = process.env.DATABASE_URL;
export const engines: Engine[] = (['pglite', 'postgres'] as const).filter(
  (e) => e === 'pglite' || DATABASE_URL,
);

export const unique = (prefix: string): string => `${prefix}${randomBytes(5).toString('hex')}`;

export function useStore(engine: Engine): () => Store {
  let store: Store | undefined;
  const schema = unique('cb_app_');
  beforeAll(async () => {
    store =
      engine === 'pglite'
        ? await openStore({ inMemory: true })
        : await openStore({ databaseUrl: DATABASE_URL!, schema });
  }, 180_000);
  afterAll(async () => {
    if (!store) return;
    if (engine === 'postgres') await store.db.exec(`drop schema if exists ${schema} cascade`);
    await store.close();
  });
  return () => {
    if (!store) throw new Error('the store is not open yet');
    return store;
  };
}

/** A second connection to the same store (PostgreSQL), for concurrency tests. */
export async function openSecond(first: Store): Promise<Store> {
  const [row] = await first.db.query<{ schema: string }>('select current_schema() as schema');
  return openStore({ databaseUrl: DATABASE_URL!, schema: row!.schema });
}
