// The benchmark runner: `npm run bench` (1 M rows, short HTTP runs, a small generated footprint
// system: a few minutes) or `npm run bench -- --full` (1 M, 10 M and 24 M rows, the 20 000-process
// system). Each workload times carbonbase and its comparators on identical inputs in the same run,
// each side in its own process, several repetitions, and reports medians and ratios. Results go
// to bench/results/<date>-<quick|full>.json and .md. Uses the built packages (npm ci builds them).
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem, platform, release } from 'node:os';
import { fileURLToPath } from 'node:url';
import { median } from './data.mjs';

const args = process.argv.slice(2);
const full = args.includes('--full');
const only = args
  .find((a) => a.startsWith('--only='))
  ?.slice(7)
  .split(',');
const repsArg = args.find((a) => a.startsWith('--reps='));
const reps = repsArg ? Number(repsArg.slice(7)) : 3;
const want = (w) => !only || only.includes(w);
const here = (f) => fileURLToPath(new URL(f, import.meta.url));
const sizesArg = args.find((a) => a.startsWith('--sizes='));
const SIZES = sizesArg
  ? sizesArg.slice(8).split(',').map(Number)
  : full
    ? [1_000_000, 10_000_000, 24_000_000]
    : [1_000_000];
const PGLITE_MAX_ROWS = 1_000_000;
const started = new Date();

const machine = {
  cpu: cpus()[0]?.model ?? 'unknown',
  cores: cpus().length,
  memoryGiB: Math.round(totalmem() / 2 ** 30),
  os: `${platform()} ${release()}`,
  node: process.version,
  loadAverageAtStart: loadavg().map((x) => Number(x.toFixed(2))),
};
console.log(
  `carbonbase benchmarks, ${started.toISOString()} — ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB, Node ${machine.node}`,
);
if (machine.loadAverageAtStart[0] > machine.cores)
  console.log(
    `  note: load average ${machine.loadAverageAtStart[0]} on ${machine.cores} cores — other work is running; timings will be noisy`,
  );

function side(script, params) {
  const r = spawnSync(
    process.execPath,
    ['--max-old-space-size=16384', here(script), ...params.map(String)],
    {
      encoding: 'utf8',
      maxBuffer: 64 << 20,
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const last = r.stdout.trim().split('\n').pop() ?? '';
  try {
    return JSON.parse(last);
  } catch {
    return { skipped: `exited with ${r.status}: ${last.slice(0, 200)}` };
  }
}

const results = {
  date: started.toISOString(),
  mode: full ? 'full' : 'quick',
  machine,
  accounting: [],
  http: undefined,
  footprint: undefined,
};
const rows = [];

if (want('accounting')) {
  for (const n of SIZES) {
    console.log(
      `\n== bulk accounting, ${n.toLocaleString('en-US')} rows (${reps} repetitions, medians)`,
    );
    const ours = side('accounting-side.mjs', ['carbonbase', n, reps]);
    const oursMedian = median(ours.times);
    console.log(
      `  carbonbase batch (worker threads): ${oursMedian.toFixed(2)} s, peak RSS ${Math.round(ours.maxRssMiB)} MiB (${ours.note})`,
    );
    const entry = { rows: n, carbonbase: { ...ours, median: oursMedian }, comparators: {} };
    const comparators = ['duckdb', 'postgres', 'js', ...(n <= PGLITE_MAX_ROWS ? ['pglite'] : [])];
    for (const c of comparators) {
      const r = side('accounting-side.mjs', [c, n, reps]);
      if (r.skipped) {
        console.log(`  ${c}: skipped (${r.skipped})`);
        entry.comparators[c] = r;
        rows.push([`accounting ${n / 1e6} M rows`, c, '—', '—', `skipped: ${r.skipped}`]);
        continue;
      }
      const m = median(r.times);
      const agree = Math.abs(r.total - ours.total) <= 1e-9 * Math.abs(ours.total);
      const ratio = oursMedian / m;
      console.log(
        `  ${c}: ${m.toFixed(2)} s → carbonbase ÷ ${c} = ${ratio.toFixed(2)}${agree ? '' : ` (TOTALS DIFFER: ${r.total} vs ${ours.total})`}${r.note ? `; ${r.note}` : ''}`,
      );
      entry.comparators[c] = { ...r, median: m, ratio, totalsAgree: agree };
      rows.push([
        `accounting ${n / 1e6} M rows`,
        c,
        `${oursMedian.toFixed(2)} s`,
        `${m.toFixed(2)} s`,
        ratio.toFixed(2),
      ]);
    }
    results.accounting.push(entry);
  }
}

if (want('http')) {
  const seconds = full ? 15 : 5;
  console.log(`\n== HTTP factor lookup, autocannon 50 connections, ${seconds} s per server`);
  const r = side('http-side.mjs', [seconds]);
  results.http = r;
  if (r.skipped) console.log(`  skipped (${r.skipped})`);
  else {
    const share = r.ours.requestsPerSecond / r.bare.requestsPerSecond;
    r.share = share;
    console.log(
      `  carbonbase: ${Math.round(r.ours.requestsPerSecond)} req/s, p99 ${r.ours.p99Ms} ms; bare Fastify: ${Math.round(r.bare.requestsPerSecond)} req/s, p99 ${r.bare.p99Ms} ms → ${(share * 100).toFixed(0)} %`,
    );
    rows.push([
      'HTTP GET /api/v1/factors/:id',
      'bare Fastify + Map',
      `${Math.round(r.ours.requestsPerSecond)} req/s, p99 ${r.ours.p99Ms} ms`,
      `${Math.round(r.bare.requestsPerSecond)} req/s, p99 ${r.bare.p99Ms} ms`,
      `${(share * 100).toFixed(0)} % of req/s`,
    ]);
  }
}

if (want('footprint')) {
  const n = full ? 20_000 : 3_000;
  console.log(
    `\n== footprint solver vs SciPy (bench/footprint-solver.bench.ts, generated system n = ${n})`,
  );
  let out;
  try {
    out = execFileSync(
      process.execPath,
      [
        here('../node_modules/vitest/vitest.mjs'),
        'bench',
        '--run',
        'bench/footprint-solver.bench.ts',
      ],
      {
        cwd: here('..'),
        encoding: 'utf8',
        env: { ...process.env, BENCH_GENERATED_N: String(n) },
        maxBuffer: 64 << 20,
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
  } catch (e) {
    out = String(e.stdout ?? '');
  }
  // Vitest colours the start of each console block: strip the escape codes before parsing.
  // eslint-disable-next-line no-control-regex
  const lines = out.replace(/\u001b\[[0-9;]*m/g, '').split('\n');
  // footprint-solver.bench.ts prints one `BENCH_JSON {…}` line per system.
  const systems = lines
    .filter((l) => l.startsWith('BENCH_JSON '))
    .map((l) => JSON.parse(l.slice('BENCH_JSON '.length)));
  const ratios = systems.flatMap((s) =>
    s.comparisons.map((c) => ({ system: s.system, demands: s.demands, ...c })),
  );
  results.footprint = {
    generatedN: n,
    systems,
    ratios,
    output: lines.filter((l) => /^(==|carbonbase|SciPy|dense| {2}ratio)/.test(l)),
  };
  const fmt = (x) => (x >= 1 ? `${x.toFixed(2)} s` : `${(x * 1000).toFixed(1)} ms`);
  for (const s of systems) {
    const ours = s.sides.carbonbase;
    for (const c of s.comparisons) {
      const other = s.sides[c.comparator];
      if (c.one === null) {
        console.log(`  ${s.system} — ${c.comparator}: ${c.note}`);
        rows.push([`footprint: ${s.system}`, c.comparator, '', '', `comparator ${c.note}`]);
        continue;
      }
      console.log(
        `  ${s.system} — ${c.comparator}: carbonbase ÷ other = ${c.one.toFixed(3)} (one demand), ${c.many.toFixed(3)} (${s.demands} demands)`,
      );
      rows.push([
        `footprint: ${s.system}, one demand`,
        c.comparator,
        `${fmt(ours.oneS)}, residual ${ours.residual.toExponential(1)}`,
        `${fmt(other.oneS)}, residual ${other.residual.toExponential(1)}`,
        c.one.toFixed(3),
      ]);
      rows.push([
        `footprint: ${s.system}, ${s.demands} demands`,
        c.comparator,
        fmt(ours.manyS),
        fmt(other.manyS),
        c.many.toFixed(3),
      ]);
    }
  }
  if (!ratios.length) console.log('  no ratios found in the output (see above)');
}

if (want('bulk-import')) {
  const n = full ? 1_000_000 : 200_000;
  console.log(
    `\n== bulk import into PostgreSQL, ${n.toLocaleString('en-US')} rows (bench/bulk-import-side.mjs, ${reps} repetitions, medians)`,
  );
  const r = side('bulk-import-side.mjs', [n, reps]);
  results.bulkImport = r;
  if (r.skipped) {
    console.log(`  skipped (${r.skipped})`);
    rows.push([`bulk import ${n / 1e6} M rows`, 'plain COPY', '—', '—', `skipped: ${r.skipped}`]);
  } else {
    const ours = median(r.ours.times);
    const copy = median(r.copy.times);
    r.share = copy / ours;
    console.log(
      `  carbonbase bulkLoad: ${ours.toFixed(2)} s (${Math.round(n / ours)} rows/s); plain COPY: ${copy.toFixed(2)} s (${Math.round(n / copy)} rows/s) → ${(r.share * 100).toFixed(0)} % of COPY's rows/s`,
    );
    rows.push([
      `bulk import ${n / 1e6} M rows`,
      'plain COPY',
      `${ours.toFixed(2)} s`,
      `${copy.toFixed(2)} s`,
      `${(ours / copy).toFixed(2)} (${(r.share * 100).toFixed(0)} % of COPY's rows/s)`,
    ]);
  }
}

results.machine.loadAverageAtEnd = loadavg().map((x) => Number(x.toFixed(2)));
const table = [
  `Run ${results.date.slice(0, 16).replace('T', ' ')} UTC (${results.mode}), ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB, Node ${machine.node}, load average ${machine.loadAverageAtStart[0]} → ${results.machine.loadAverageAtEnd[0]}`,
  '',
  '| workload | comparator | carbonbase | comparator | ratio (carbonbase ÷ comparator time) |',
  '| --- | --- | --- | --- | --- |',
  ...rows.map((r) => `| ${r.join(' | ')} |`),
].join('\n');
const dir = here('results');
mkdirSync(dir, { recursive: true });
const stem = `${results.date.slice(0, 10)}-${results.mode}${only ? `-${only.join('+')}` : ''}`;
// Written as Prettier writes them, so that `npm run format:check` stays clean.
const prettier = await import('prettier');
const write = async (file, text) =>
  writeFileSync(
    file,
    await prettier.format(text, { filepath: file, ...(await prettier.resolveConfig(file)) }),
  );
await write(`${dir}/${stem}.json`, JSON.stringify(results, null, 2));
await write(`${dir}/${stem}.md`, table + '\n');
console.log(`\n${table}\n\nwritten: bench/results/${stem}.json, .md`);
