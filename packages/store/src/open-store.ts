import { join } from 'node:path';
import type { Database } from './database.js';
import { migrate, type MigrationReport } from './migrate.js';
import { PgliteDatabase } from './pglite-database.js';
import { PostgresDatabase } from './postgres-database.js';
import { repositories, type Repositories } from './repositories/index.js';

export interface StoreOptions {
  /** A PostgreSQL server, `postgres://…`. When given, it wins over `dataDir`. */
  readonly databaseUrl?: string;
  /** PostgreSQL only: the schema to work in (created when missing); default `public`. */
  readonly schema?: string;
  /** The data folder; the embedded database lives in `<dataDir>/pglite`. */
  readonly dataDir?: string;
  /** An embedded database in memory, gone on close (tests, trials). */
  readonly inMemory?: boolean;
}

/** An open, migrated store: the database and a repository for each aggregate. */
export interface Store extends Repositories {
  readonly db: Database;
  readonly migrations: MigrationReport;
  /**
   * Runs `fn` with repositories bound to one transaction: all of it is committed, or none of it
   * when `fn` throws.
   */
  transaction<T>(fn: (repos: Repositories) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** Opens the database the options name and brings its schema up to date. */
export async function openStore(options: StoreOptions): Promise<Store> {
  const db = await openDatabase(options);
  try {
    const report = await migrate(db);
    return {
      db,
      migrations: report,
      ...repositories(db),
      transaction: (fn) => db.transaction((tx) => fn(repositories(tx))),
      close: () => db.close(),
    };
  } catch (e) {
    await db.close();
    throw e;
  }
}

/** PostgreSQL when a URL is given, else PGlite in `<dataDir>/pglite` or in memory. */
export async function openDatabase(options: StoreOptions): Promise<Database> {
  if (options.databaseUrl)
    return PostgresDatabase.open({
      url: options.databaseUrl,
      ...(options.schema !== undefined && { schema: options.schema }),
    });
  if (options.dataDir !== undefined) return PgliteDatabase.open(join(options.dataDir, 'pglite'));
  if (options.inMemory) return PgliteDatabase.open();
  throw new Error('openStore needs databaseUrl, dataDir or inMemory');
}
