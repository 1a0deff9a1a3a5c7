/**
 * The connection port. Repositories talk to this interface only, so the same SQL runs on
 * embedded PGlite and on a PostgreSQL server (docs/adr/0004-store-pglite-and-postgres.md).
 */

/**
 * A query parameter. Only scalars: arrays and objects are passed as JSON text and cast in SQL
 * (`$1::jsonb`), because pg and PGlite serialise JS arrays and objects differently.
 */
export type SqlParam = string | number | boolean | null;

/** Something that runs SQL: the database itself or an open transaction. */
export interface Queryable {
  /**
   * Runs one parameterised statement and returns its rows. The row type is the caller's
   * promise about the SELECT list; repositories map rows to domain types straight away.
   * Column types come back the same on both engines (see `typeParsers`).
   */
  query<R extends object>(sql: string, params?: readonly SqlParam[]): Promise<R[]>;
  /** Runs a script of several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
  /**
   * Runs `fn` in a transaction: committed when it resolves, rolled back when it throws.
   * Called on a transaction, it joins that transaction (no savepoint), so a repository method
   * that needs atomicity works both alone and inside a caller's larger unit of work.
   * Inside `fn`, use `tx` only: on PGlite the database waits for the transaction to end (a
   * deadlock), and on PostgreSQL another connection would not see the uncommitted work.
   */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  /**
   * Bulk-loads rows into `table` through the engine's fastest path: COPY FROM STDIN on a
   * PostgreSQL server, COPY from an in-memory blob on PGlite. Values are the columns' text forms
   * (`null` is SQL NULL, `''` an empty string), or text already in COPY's CSV format (one
   * line per row, each ending in a newline), whole or as pieces of whole lines produced while
   * the server consumes the earlier ones. One COPY is all or nothing; a row the table
   * refuses fails it with the server's error, whose `where` names the COPY line (1-based).
   * On a transaction it runs on that transaction's connection, so it can fill a temporary table.
   */
  copyFrom(table: string, columns: readonly string[], rows: CopyRows | string): Promise<void>;
}

/**
 * Rows for `copyFrom`: each item is a row's values in the order of the columns, or a piece of
 * CSV text holding whole lines (for a caller that writes COPY's text itself and streams it).
 */
export type CopyRows = Iterable<readonly (string | null)[] | string>;

const IDENTIFIER = /^[a-z_][a-z0-9_]{0,62}$/;

/**
 * The COPY statement and its CSV body. Every value is quoted, so an empty string stays an
 * empty string and only an unquoted empty field (our `null`) is NULL.
 */
export function copyStatement(
  table: string,
  columns: readonly string[],
  source: 'STDIN' | "'/dev/blob'",
): string {
  for (const name of [table, ...columns])
    if (!IDENTIFIER.test(name)) throw new Error(`"${name}" is not a plain lower-case identifier`);
  return `copy ${table} (${columns.join(', ')}) from ${source} with (format csv)`;
}

/** A CSV field for `copyFrom`: quoted, so that `''` is not read as NULL. */
export function csvField(value: string | null): string {
  return value === null ? '' : `"${value.replaceAll('"', '""')}"`;
}

export function* csvLines(rows: CopyRows | string): Generator<string> {
  if (typeof rows === 'string') {
    yield rows;
    return;
  }
  for (const row of rows) yield typeof row === 'string' ? row : row.map(csvField).join(',') + '\n';
}

export type Engine = 'pglite' | 'postgres';

export interface Database extends Queryable {
  readonly engine: Engine;
  close(): Promise<void>;
}

/** PostgreSQL type OIDs whose text form we parse ourselves on both engines. */
export const PG_TYPES = {
  INT8: 20,
  NUMERIC: 1700,
  DATE: 1082,
} as const;

/**
 * One set of parsers for both drivers, so a row read from PGlite equals the row read from
 * PostgreSQL:
 * - numeric stays text: it is exact, and repositories turn it into a number deliberately;
 * - bigint becomes a number: we use it for counts and sequence numbers far below 2^53;
 * - date stays `YYYY-MM-DD`: pg would otherwise make a local-midnight Date that shifts by zone.
 * timestamptz is left to the drivers, which both return a Date; the schema has no zone-less
 * timestamps.
 */
export const typeParsers: Readonly<Record<number, (text: string) => unknown>> = {
  [PG_TYPES.INT8]: (t) => Number(t),
  [PG_TYPES.NUMERIC]: (t) => t,
  [PG_TYPES.DATE]: (t) => t,
};
