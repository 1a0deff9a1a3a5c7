// One side of the accounting benchmark, in its own process so that its time and peak memory are
// its own: node bench/accounting-side.mjs <side> <rows> <repetitions>. Every side runs the
// workload once untimed first (JIT, caches), then <repetitions> timed runs. Prints one JSON line.
import { readFileSync } from 'node:fs';
import { BatchWorkerPool, accountBatch, accountBatchParallel } from '@carbonbase/batch';
import {
  activityCsv,
  columns,
  factorBase,
  factorInserts,
  factorTables,
  METHOD,
  NO_FUEL,
  QUERY_ROWS,
  SCHEMA,
} from './data.mjs';

const [side, rowsArg, repsArg] = process.argv.slice(2);
const rows = Number(rowsArg);
const reps = Number(repsArg ?? 3);

const timeIt = async (f) => {
  const t0 = performance.now();
  const out = await f();
  return [out, (performance.now() - t0) / 1000];
};
const sum = (a) => a.reduce((x, y) => x + y, 0);

const GROUPED = `WITH rows AS (${QUERY_ROWS})
  SELECT enterprise, month, kind, fuel, sum(co2) AS co2 FROM rows
  GROUP BY GROUPING SETS ((enterprise, month), (kind, fuel))`;
// The (kind, fuel) grouping set partitions every row once: its sum is the national total.
const CHECK = `SELECT sum(co2) AS total FROM result WHERE kind IS NOT NULL`;

/**
 * carbonbase: the median is on a worker pool kept open between repetitions (as DuckDB's instance
 * is); a run that starts its own threads and one in a single thread are reported beside it.
 */
async function carbonbase() {
  const base = await factorBase();
  const c = columns(rows, true);
  const pool = new BatchWorkerPool();
  await pool.account(c, base, { method: METHOD }); // warm-up, not counted (as on every side)
  const times = [];
  let total = 0;
  for (let r = 0; r < reps; r++) {
    const [res, s] = await timeIt(() => pool.account(c, base, { method: METHOD }));
    times.push(s);
    total = sum(res.total);
  }
  await pool.close();
  const [, cold] = await timeIt(() => accountBatchParallel(c, base, { method: METHOD }));
  const [, single] = await timeIt(() => accountBatch(c, base, { method: METHOD }));
  return {
    times,
    total,
    coldSeconds: cold,
    singleThreadSeconds: single,
    note: `${pool.threads} worker threads; starting the threads in the run: ${cold.toFixed(2)} s; in one thread: ${single.toFixed(2)} s`,
  };
}

async function duckdb() {
  const { DuckDBInstance } = await import('@duckdb/node-api');
  const base = await factorBase();
  const t = factorTables(base, columns(rows));
  const csv = await activityCsv(rows);
  const db = await DuckDBInstance.create(':memory:');
  const con = await db.connect();
  for (const s of SCHEMA) await con.run(s.replace(/DOUBLE PRECISION/g, 'DOUBLE'));
  for (const s of factorInserts(t)) await con.run(s);
  const [, load] = await timeIt(() =>
    con.run(`COPY activity FROM '${csv}' (FORMAT csv, HEADER false)`),
  );
  const times = [];
  for (let r = -1; r < reps; r++) {
    await con.run('DROP TABLE IF EXISTS result');
    const [, s] = await timeIt(() => con.run(`CREATE TABLE result AS ${GROUPED}`));
    if (r >= 0) times.push(s);
  }
  const reader = await con.runAndReadAll(CHECK);
  const total = Number(reader.getRowObjects()[0].total);
  return { times, total, load, note: `CSV load ${load.toFixed(2)} s, not counted` };
}

async function postgres() {
  const pg = (await import('pg')).default;
  const url = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  await client.connect();
  const base = await factorBase();
  const t = factorTables(base, columns(rows));
  const csv = await activityCsv(rows);
  try {
    await client.query('DROP SCHEMA IF EXISTS carbonbase_bench CASCADE');
    await client.query('CREATE SCHEMA carbonbase_bench');
    await client.query('SET search_path TO carbonbase_bench');
    for (const s of SCHEMA)
      await client.query(s.replace('CREATE TABLE activity', 'CREATE UNLOGGED TABLE activity'));
    for (const s of factorInserts(t)) await client.query(s);
    // Server-side COPY: the server reads the file, so this needs a local server and a superuser.
    const [, load] = await timeIt(() => client.query(`COPY activity FROM '${csv}' (FORMAT csv)`));
    await client.query('ANALYZE');
    const times = [];
    for (let r = -1; r < reps; r++) {
      await client.query('DROP TABLE IF EXISTS result');
      const [, s] = await timeIt(() => client.query(`CREATE UNLOGGED TABLE result AS ${GROUPED}`));
      if (r >= 0) times.push(s);
    }
    const total = Number((await client.query(CHECK)).rows[0].total);
    const version = (await client.query('SHOW server_version')).rows[0].server_version;
    return {
      times,
      total,
      load,
      note: `PostgreSQL ${version}; COPY ${load.toFixed(2)} s, not counted`,
    };
  } finally {
    await client.query('DROP SCHEMA IF EXISTS carbonbase_bench CASCADE');
    await client.end();
  }
}

async function pglite() {
  const { PGlite } = await import('@electric-sql/pglite');
  const base = await factorBase();
  const t = factorTables(base, columns(rows));
  const csv = await activityCsv(rows);
  const db = await PGlite.create();
  for (const s of SCHEMA) await db.exec(s);
  for (const s of factorInserts(t)) await db.exec(s);
  const blob = new Blob([readFileSync(csv)]);
  const [, load] = await timeIt(() =>
    db.query(`COPY activity FROM '/dev/blob' (FORMAT csv)`, [], { blob }),
  );
  await db.exec('ANALYZE');
  const times = [];
  for (let r = -1; r < reps; r++) {
    await db.exec('DROP TABLE IF EXISTS result');
    const [, s] = await timeIt(() => db.exec(`CREATE TABLE result AS ${GROUPED}`));
    if (r >= 0) times.push(s);
  }
  const total = Number((await db.query(CHECK)).rows[0].total);
  await db.close();
  return { times, total, load, note: `COPY ${load.toFixed(2)} s, not counted` };
}

/** The plain JavaScript a developer would write: an array of row objects, Maps for factors and sums. */
async function plainJs() {
  const base = await factorBase();
  const c = columns(rows);
  const t = factorTables(base, c);
  const objects = new Array(rows);
  for (let i = 0; i < rows; i++) {
    const kind = c.kinds[c.kind[i]];
    objects[i] = {
      enterprise: c.enterpriseIds[c.enterprise[i]],
      region: c.regions[c.enterpriseRegion[c.enterprise[i]]],
      year: c.year[i],
      month: c.month[i],
      kind,
      fuel: kind === 'fuel-combustion' ? c.codes[c.code[i]] : NO_FUEL,
      unit: c.units[c.unit[i]],
      amount: c.amount[i],
    };
  }
  const times = [];
  let total = 0;
  for (let r = -1; r < reps; r++) {
    const [out, s] = await timeIt(() => {
      const factors = new Map(
        t.factors.map((f) => [`${f.kind}|${f.fuel}|${f.region}|${f.year}`, f]),
      );
      const unitK = new Map(t.units.map((u) => [u.unit, u.k]));
      const byEnterpriseMonth = new Map();
      const bySource = new Map();
      for (const row of objects) {
        const f = factors.get(`${row.kind}|${row.fuel}|${row.region}|${row.year}`);
        const amount = row.amount * unitK.get(row.unit) * f.sign;
        const co2 =
          row.kind === 'fuel-combustion'
            ? amount * (row.unit === 'GJ' ? 1 : f.ncv) * f.cc * f.ox * (44 / 12)
            : amount * f.ef;
        const em = `${row.enterprise}|${row.month}`;
        byEnterpriseMonth.set(em, (byEnterpriseMonth.get(em) ?? 0) + co2);
        const src = `${row.kind}|${row.fuel}`;
        bySource.set(src, (bySource.get(src) ?? 0) + co2);
      }
      return bySource;
    });
    if (r >= 0) times.push(s);
    total = sum([...out.values()]);
  }
  return { times, total };
}

const sides = { carbonbase, duckdb, postgres, pglite, js: plainJs };
try {
  const out = await sides[side]();
  console.log(
    JSON.stringify({ side, rows, ...out, maxRssMiB: process.resourceUsage().maxRSS / 1024 }),
  );
} catch (e) {
  console.log(JSON.stringify({ side, rows, skipped: String(e.message ?? e).split('\n')[0] }));
}
