import { mkdir } from 'node:fs/promises';
import { PGlite, type Transaction } from '@electric-sql/pglite';
import { lockDataDir, type DataDirLock } from './data-dir-lock.js';
import {
  copyStatement,
  csvLines,
  typeParsers,
  type CopyRows,
  type Database,
  type Queryable,
  type SqlParam,
} from './database.js';

/**
 * PGlite's fastest load: COPY reading an in-memory Blob as the file `/dev/blob`, parsed by the
 * server's COPY code in the same WebAssembly module (no per-row protocol round trip).
 */
async function copyIntoPglite(
  runner: PgliteRunner,
  table: string,
  columns: readonly string[],
  rows: CopyRows | string,
): Promise<void> {
  const blob = new Blob([...csvLines(rows)]);
  await runner.query(copyStatement(table, columns, "'/dev/blob'"), [], { blob });
}

/** The PGlite calls we use; both the database and its transactions provide them. */
type PgliteRunner = Pick<Transaction, 'query' | 'exec'>;

/** Wraps an open PGlite transaction; nested `transaction` calls join it. */
class PgliteTransaction implements Queryable {
  constructor(private readonly tx: PgliteRunner) {}

  async query<R extends object>(sql: string, params: readonly SqlParam[] = []): Promise<R[]> {
    return (await this.tx.query<R>(sql, [...params])).rows;
  }

  async exec(sql: string): Promise<void> {
    await this.tx.exec(sql);
  }

  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
    return fn(this);
  }

  copyFrom(table: string, columns: readonly string[], rows: CopyRows | string): Promise<void> {
    return copyIntoPglite(this.tx, table, columns, rows);
  }
}

/**
 * Embedded PostgreSQL (WebAssembly) in this process: the zero-set-up default. PGlite has one
 * connection and serialises queries and transactions itself.
 */
export class PgliteDatabase implements Database {
  readonly engine = 'pglite';

  private constructor(
    private readonly pg: PGlite,
    private readonly lock?: DataDirLock,
  ) {}

  /**
   * Opens (creating if needed) the database in `dataDir`, or an in-memory one without it.
   * A folder is locked to this process until `close`.
   */
  static async open(dataDir?: string): Promise<PgliteDatabase> {
    if (dataDir === undefined)
      return new PgliteDatabase(await PGlite.create({ parsers: { ...typeParsers } }));
    // PGlite creates only the last folder of the path; a fresh data folder may lack parents.
    await mkdir(dataDir, { recursive: true });
    const lock = await lockDataDir(`${dataDir}.lock`);
    try {
      const pg = await PGlite.create(dataDir, { parsers: { ...typeParsers } });
      return new PgliteDatabase(pg, lock);
    } catch (e) {
      await lock.release();
      throw e;
    }
  }

  async query<R extends object>(sql: string, params: readonly SqlParam[] = []): Promise<R[]> {
    return (await this.pg.query<R>(sql, [...params])).rows;
  }

  async exec(sql: string): Promise<void> {
    await this.pg.exec(sql);
  }

  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
    return this.pg.transaction((tx) => fn(new PgliteTransaction(tx)));
  }

  copyFrom(table: string, columns: readonly string[], rows: CopyRows | string): Promise<void> {
    return copyIntoPglite(this.pg, table, columns, rows);
  }

  async close(): Promise<void> {
    if (!this.pg.closed) await this.pg.close();
    await this.lock?.release();
  }
}
