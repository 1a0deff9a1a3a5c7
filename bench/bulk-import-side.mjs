// The bulk-import workload: `ActivityDataRepository.bulkLoad` (CSV parsed to rows, validated,
// sources checked and locked, current versions read, rows streamed by COPY into activity_data,
// one transaction) against a plain `COPY activity_data FROM STDIN` of the same CSV, on
// PostgreSQL. Each repetition loads into a freshly migrated, empty schema (same partitions, keys
// and foreign keys for both). A second measure, "reload", loads the same cells again with new
// values into a schema already holding them at version 1: bulkLoad finds and numbers version 2
// itself, plain COPY is given version 2 in the file.
// Prints one JSON line: { rows, copy: { times }, ours: { times }, reload } or { skipped }.
import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { openStore } from '@carbonbase/store';

const [rowsArg = '200000', repsArg = '3'] = process.argv.slice(2);
const N = Number(rowsArg);
const reps = Number(repsArg);
const url = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const pg = (await import('pg')).default;
const { from: copyFrom } = await import('pg-copy-streams');

const probe = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
try {
  await probe.connect();
  await probe.end();
} catch (e) {
  console.log(JSON.stringify({ skipped: `no PostgreSQL at ${url}: ${e.message}` }));
  process.exit(0);
}

// 10 sources per enterprise, months from 2021-01 on: N / 10 / months enterprises.
const SOURCES = 10;
const MONTHS = 40;
const ENTERPRISES = Math.ceil(N / SOURCES / MONTHS);
const UNITS = ['t', 't', 't', 'MWh', 'GJ', 'kNm3'];
const TENANT = 'bench-bulk';
const COLUMNS = `tenant_id, enterprise_id, source_id, period_month, version, value, unit,
  recorded_by, reason, source_file, source_sheet, source_row, parameters`;

/** A fresh schema with the tenant's organisation tree; returns the store and the sources. */
async function freshStore() {
  const schema = `bench_bulk_${randomBytes(4).toString('hex')}`;
  const store = await openStore({ databaseUrl: url, schema });
  await store.organisations.createTenant(TENANT, '基准测试');
  const region = await store.organisations.createRegion(TENANT, { code: '450000', name: '广西' });
  // The tree is inserted set-based: building it is not what is measured.
  const sources = await store.db.query(
    `with e as (
       insert into enterprises (tenant_id, region_id, code, name)
       select $1, $2::uuid, 'E' || i, '企业 ' || i from generate_series(1, $3::integer) i
       returning id, code)
     insert into emission_sources (tenant_id, enterprise_id, code, name, category)
     select $1, e.id, e.code || '-S' || s, '源 ' || s, 'combustion'
     from e, generate_series(1, ${SOURCES}) s
     returning enterprise_id, id`,
    [TENANT, region.id, ENTERPRISES],
  );
  return { store, schema, sources };
}

/**
 * The same CSV for both sides, in activity_data's column order: version 1 everywhere, or for a
 * reload version 2 with every value changed.
 */
function csvFor(sources, version = 1) {
  const lines = [];
  let i = 0;
  for (const s of sources)
    for (let m = 0; m < MONTHS && i < N; m++, i++) {
      const month = `${2021 + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}-01`;
      const value = ((i * 7919) % 100000) / 8 + 0.125 * version;
      lines.push(
        `${TENANT},${s.enterprise_id},${s.id},${month},${version},${value},${UNITS[i % UNITS.length]},bench,import,meters.csv,,${i + 2},{}`,
      );
    }
  return lines.join('\n') + '\n';
}

/** Our path from the CSV text: parse, build rows, bulkLoad (validation on). */
async function ours(store, csv) {
  const rows = [];
  for (const line of csv.split('\n')) {
    if (!line) continue;
    const f = line.split(',');
    rows.push({
      tenantId: f[0],
      enterpriseId: f[1],
      sourceId: f[2],
      month: f[3].slice(0, 7),
      quantity: { value: Number(f[5]), unit: f[6] },
      recordedBy: f[7],
      reason: f[8],
      origin: { file: f[9], row: Number(f[11]) },
    });
  }
  const report = await store.activityData.bulkLoad(rows);
  if (report.appended !== rows.length)
    throw new Error(`appended ${report.appended} of ${rows.length}`);
}

async function plainCopy(schema, csv) {
  const client = new pg.Client({ connectionString: url, options: `-c search_path=${schema}` });
  await client.connect();
  try {
    await client.query('begin');
    const stream = client.query(
      copyFrom(`copy activity_data (${COLUMNS}) from stdin with (format csv)`),
    );
    await pipeline(Readable.from([csv]), stream);
    await client.query('commit');
  } finally {
    await client.end();
  }
}

async function timed(side, reload = false) {
  const { store, schema, sources } = await freshStore();
  let csv = csvFor(sources);
  try {
    if (reload) {
      // version 1 of every cell loaded beforehand (not timed) and analysed, as autovacuum would
      await plainCopy(schema, csv);
      await store.db.exec('analyze activity_data');
      csv = csvFor(sources, 2);
    }
    const t0 = performance.now();
    if (side === 'ours') await ours(store, csv);
    else await plainCopy(schema, csv);
    const seconds = (performance.now() - t0) / 1000;
    const [{ n }] = await store.db.query(
      'select count(*)::integer as n from activity_data where version = $1',
      [reload ? 2 : 1],
    );
    if (n !== N) throw new Error(`${side}: ${n} rows loaded, expected ${N}`);
    return seconds;
  } finally {
    await store.db.exec(`drop schema ${schema} cascade`);
    await store.close();
  }
}

const times = { copy: [], ours: [] };
const reload = { copy: [], ours: [] };
// one untimed round first (connections, caches, JIT), then alternating sides
await timed('copy');
await timed('ours');
for (let r = 0; r < reps; r++) {
  times.copy.push(await timed('copy'));
  times.ours.push(await timed('ours'));
}
for (let r = 0; r < reps; r++) {
  reload.copy.push(await timed('copy', true));
  reload.ours.push(await timed('ours', true));
}
console.log(
  JSON.stringify({
    rows: N,
    enterprises: ENTERPRISES,
    copy: { times: times.copy },
    ours: { times: times.ours },
    reload: { copy: { times: reload.copy }, ours: { times: reload.ours } },
  }),
);
