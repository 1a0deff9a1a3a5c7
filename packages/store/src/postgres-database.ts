import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type pg from 'pg';
import {
  copyStatement,
  csvLines,
  typeParsers,
  type CopyRows,
  type Database,
  type Queryable,
  type SqlParam,
} from './database.js';

/** The part of pg's PoolClient that we use. */
interface PgRunner {
  query<R extends object>(sql: string, params?: unknown[]): Promise<pg.QueryResult<R>>;
  query<S extends NodeJS.WritableStream>(stream: S): S;
}

/** About 64 KiB per write: one network write per line would dominate a large load. */
function* chunked(lines: Iterable<string>): Generator<string> {
  let chunk = '';
  for (const line of lines) {
    chunk += line;
    if (chunk.length >= 65_536) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk) yield chunk;
}

type Pg = typeof pg;

/**
 * pg is loaded on first use: a store on embedded PGlite (the default) never needs the server
 * driver.
 */
async function loadPg(): Promise<Pg> {
  return (await import('pg')).default;
}

/** pg hands every column type to this; ours first, then pg's defaults (text, jsonb, arrays…). */
function typesFor(driver: Pg): pg.CustomTypesConfig {
  return {
    getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
      const own = typeParsers[oid];
      if (own && format !== 'binary') return own;
      const fallback: unknown = driver.types.getTypeParser(oid, format);
      return fallback;
    }) as pg.CustomTypesConfig['getTypeParser'],
  };
}

/** Runs statements on one checked-out client inside BEGIN … COMMIT; nested calls join it. */
class PostgresTransaction implements Queryable {
  constructor(private readonly client: PgRunner) {}

  async query<R extends object>(sql: string, params: readonly SqlParam[] = []): Promise<R[]> {
    return (await this.client.query<R>(sql, [...params])).rows;
  }

  async exec(sql: string): Promise<void> {
    await this.client.query(sql);
  }

  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
    return fn(this);
  }

  async copyFrom(
    table: string,
    columns: readonly string[],
    rows: CopyRows | string,
  ): Promise<void> {
    // Loaded on first use like pg: only a server store that bulk-loads needs it.
    const { from } = await import('pg-copy-streams');
    const copy = this.client.query(from(copyStatement(table, columns, 'STDIN')));
    // The stream finishes when the server has confirmed the COPY, and errors when it refused it.
    await pipeline(Readable.from(chunked(csvLines(rows))), copy);
  }
}

export interface PostgresOptions {
  /** `postgres://user@host:port/database`. */
  readonly url: string;
  /**
   * Schema to work in (created when missing), set as the search_path of every pooled
   * connection. Tests give each case its own; a deployment normally leaves it out (public).
   */
  readonly schema?: string;
  readonly maxConnections?: number;
}

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/** A PostgreSQL server through a pg connection pool. */
export class PostgresDatabase implements Database {
  readonly engine = 'postgres';

  private constructor(private readonly pool: pg.Pool) {}

  static async open(options: PostgresOptions): Promise<PostgresDatabase> {
    const { url, schema } = options;
    const driver = await loadPg();
    if (schema !== undefined && !SCHEMA_NAME.test(schema))
      throw new Error(`"${schema}" is not a plain lower-case schema name`);
    if (schema !== undefined) {
      // Created on a one-off connection: the pool's connections already expect it to exist.
      const client = new driver.Client({ connectionString: url });
      await client.connect();
      try {
        await client.query(`create schema if not exists ${schema}`).catch((e: unknown) => {
          // Two processes creating it at once: the loser sees a duplicate, which is fine.
          const code = (e as { code?: string }).code;
          if (code !== '42P06' && code !== '23505') throw e;
        });
      } finally {
        await client.end();
      }
    }
    const pool = new driver.Pool({
      connectionString: url,
      max: options.maxConnections ?? 10,
      types: typesFor(driver),
      ...(schema !== undefined && { options: `-c search_path=${schema}` }),
    });
    // An idle client that loses its server connection emits 'error'; unhandled, that would
    // kill the process. The next query on the pool reports the failure instead.
    pool.on('error', () => undefined);
    const db = new PostgresDatabase(pool);
    await db.query('select 1'); // fail at open, not at first use, when the server is unreachable
    return db;
  }

  async query<R extends object>(sql: string, params: readonly SqlParam[] = []): Promise<R[]> {
    return (await this.pool.query<R>(sql, [...params])).rows;
  }

  async exec(sql: string): Promise<void> {
    await this.pool.query(sql);
  }

  async transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    // A client whose rollback failed is in an unknown state: destroy it rather than reuse it.
    let broken = false;
    try {
      await client.query('begin');
      const result = await fn(new PostgresTransaction(client));
      await client.query('commit');
      return result;
    } catch (e) {
      await client.query('rollback').catch(() => {
        broken = true;
      });
      throw e;
    } finally {
      client.release(broken);
    }
  }

  copyFrom(table: string, columns: readonly string[], rows: CopyRows | string): Promise<void> {
    // COPY needs one connection for its whole stream: a pooled client in a transaction.
    return this.transaction((tx) => tx.copyFrom(table, columns, rows));
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}
