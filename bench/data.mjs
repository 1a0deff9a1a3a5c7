// Shared inputs of the accounting benchmark: the generated activity columns (fixed seed), the
// same rows as CSV for the SQL engines, and the factor tables they join to, resolved once from
// the bundled factor base exactly as the batch path resolves them.
import { createWriteStream, existsSync, mkdirSync, renameSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { FactorBase } from '@carbonbase/factors';
import { bundledFactorSetsDir, loadFactorSetTree } from '@carbonbase/io';
import { accountBatch, generateActivity } from '@carbonbase/batch';
import { valueIn } from '@carbonbase/quantity';

export const SEED = 20240601;
export const YEAR = 2023;
export const METHOD = 'cn-gbt32150-2015';
/** Fuel column of electricity and heat rows (an empty CSV field would read as NULL and not join). */
export const NO_FUEL = '-';

export async function factorBase() {
  return new FactorBase(await loadFactorSetTree(bundledFactorSetsDir()));
}

export function columns(rows, shared = false) {
  return generateActivity({ rows, seed: SEED, years: [YEAR], shared });
}

/** Folder for the CSV files, readable by a local PostgreSQL server (server-side COPY). */
export function dataDir() {
  const dir = join(tmpdir(), 'carbonbase-bench-data');
  mkdirSync(dir, { recursive: true });
  chmodSync(dir, 0o755);
  return dir;
}

/** activity.csv: enterprise, year, month, kind, fuel, unit, amount (written once per size). */
export async function activityCsv(rows) {
  const file = join(dataDir(), `activity-v2-${SEED}-${rows}.csv`);
  if (existsSync(file)) return file;
  const c = columns(rows);
  const tmp = `${file}.part`;
  const out = createWriteStream(tmp, { mode: 0o644 });
  let chunk = [];
  for (let i = 0; i < rows; i++) {
    const kind = c.kinds[c.kind[i]];
    chunk.push(
      `${c.enterprise[i]},${c.year[i]},${c.month[i]},${kind},${kind === 'fuel-combustion' ? c.codes[c.code[i]] : NO_FUEL},${c.units[c.unit[i]]},${c.amount[i]}`,
    );
    if (chunk.length === 100_000) {
      if (!out.write(chunk.join('\n') + '\n')) await once(out, 'drain');
      chunk = [];
    }
  }
  if (chunk.length) out.write(chunk.join('\n') + '\n');
  out.end();
  await once(out, 'finish');
  renameSync(tmp, file);
  chmodSync(file, 0o644);
  return file;
}

/**
 * Factor table for the comparators, from the batch's own plans, so every side multiplies by the
 * same numbers. factors(kind, fuel, region, year, ncv, cc, ox, ef, sign): for fuels NCV in GJ per
 * table unit, CC in tC/GJ, OF as a fraction; for electricity and heat the factor in tCO2 per MWh
 * or GJ; sign −1 for exported energy. units(unit, k): amount → table unit (t, 万Nm3, GJ, MWh).
 */
export function factorTables(base, c) {
  const r = accountBatch(c, base, { method: METHOD });
  const factors = new Map();
  for (const p of r.plan.plans) {
    const key = `${p.kind}|${p.code}|${p.region}|${p.year}`;
    if (factors.has(key)) continue;
    const sign = p.kind.endsWith('exported') ? -1 : 1;
    if (p.kind === 'fuel-combustion') {
      const res = (parameter) =>
        base.resolve({
          code: p.code,
          parameter,
          kind: 'fuel-property',
          region: p.region,
          preferSets: r.plan.method.fuelSets,
        }).record.value;
      const ncv = res('ncv');
      factors.set(key, {
        kind: p.kind,
        fuel: p.code,
        region: p.region,
        year: p.year,
        ncv: valueIn(ncv, ncv.unit.endsWith('/t') ? 'GJ/t' : 'GJ/万Nm3'),
        cc: valueIn(res('carbon-content'), 'tC/GJ'),
        ox: valueIn(res('oxidation'), '1'),
        ef: 0,
        sign,
      });
    } else {
      const electricity = p.kind.startsWith('electricity');
      const ef = electricity
        ? base.resolve({
            code: 'electricity',
            parameter: 'ef',
            kind: 'grid',
            basis: r.plan.method.grid.basis,
            region: p.region,
            year: p.year,
          }).record.value
        : base.resolve({
            code: 'heat',
            parameter: 'ef',
            kind: 'heat',
            region: p.region,
            year: p.year,
          }).record.value;
      factors.set(key, {
        kind: p.kind,
        fuel: NO_FUEL,
        region: p.region,
        year: p.year,
        ncv: 0,
        cc: 0,
        ox: 0,
        ef: valueIn(ef, electricity ? 'tCO2/MWh' : 'tCO2/GJ'),
        sign,
      });
    }
  }
  const units = [
    { unit: 't', k: 1 },
    { unit: '万Nm3', k: 1 },
    { unit: 'GJ', k: 1 },
    { unit: 'MWh', k: 1 },
    { unit: 'kWh', k: 0.001 },
  ];
  const enterprises = c.enterpriseIds.map((_, e) => ({
    id: e,
    region: c.regions[c.enterpriseRegion[e]],
  }));
  return { factors: [...factors.values()], units, enterprises };
}

/** The workload in SQL: equi-joins to the factors, CO2 per row (sums are in accounting-side.mjs). */
export const QUERY_ROWS = `
  SELECT a.enterprise, a.month, a.kind, a.fuel,
         a.amount * u.k * f.sign * CASE WHEN a.kind = 'fuel-combustion'
                 THEN (CASE WHEN a.unit = 'GJ' THEN 1 ELSE f.ncv END) * f.cc * f.ox * 44.0 / 12
                 ELSE f.ef END AS co2
  FROM activity a
  JOIN enterprises e ON e.id = a.enterprise
  JOIN units u ON u.unit = a.unit
  JOIN factors f ON f.kind = a.kind AND f.fuel = a.fuel AND f.region = e.region AND f.year = a.year`;

export const SCHEMA = [
  `CREATE TABLE enterprises (id INTEGER PRIMARY KEY, region TEXT NOT NULL)`,
  `CREATE TABLE units (unit TEXT PRIMARY KEY, k DOUBLE PRECISION NOT NULL)`,
  `CREATE TABLE factors (kind TEXT, fuel TEXT, region TEXT, year INTEGER, ncv DOUBLE PRECISION, cc DOUBLE PRECISION, ox DOUBLE PRECISION, ef DOUBLE PRECISION, sign INTEGER, PRIMARY KEY (kind, fuel, region, year))`,
  `CREATE TABLE activity (enterprise INTEGER, year INTEGER, month INTEGER, kind TEXT, fuel TEXT, unit TEXT, amount DOUBLE PRECISION)`,
];

const lit = (v) => (typeof v === 'number' ? String(v) : `'${String(v).replace(/'/g, "''")}'`);
/** INSERT statements for the small tables. */
export function factorInserts(t) {
  const insert = (table, rows, cols) =>
    rows.length
      ? [
          `INSERT INTO ${table} (${cols.join(', ')}) VALUES ${rows.map((r) => `(${cols.map((k) => lit(r[k])).join(', ')})`).join(', ')}`,
        ]
      : [];
  const out = [];
  for (let i = 0; i < t.enterprises.length; i += 10_000)
    out.push(...insert('enterprises', t.enterprises.slice(i, i + 10_000), ['id', 'region']));
  out.push(...insert('units', t.units, ['unit', 'k']));
  out.push(
    ...insert('factors', t.factors, [
      'kind',
      'fuel',
      'region',
      'year',
      'ncv',
      'cc',
      'ox',
      'ef',
      'sign',
    ]),
  );
  return out;
}

export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
