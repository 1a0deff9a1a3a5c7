/**
 * Sparse LU benchmark: carbonbase's solver against SciPy's SuperLU (scipy.sparse.linalg.splu, what
 * Brightway uses) on identical inputs, reported as a ratio with the residual of each side.
 *
 *   npx vitest bench --run bench/footprint-solver.bench.ts
 *
 * Systems: the US LCI technosphere (766 processes) solved for every one of its products, and a
 * generated ecoinvent-sized system (20 000 processes, 10–15 non-zeros per column) solved for 200
 * unit demands. Without python3 + SciPy (Debian: python3-scipy) the comparison falls back to dense
 * Gaussian elimination in JS, and only where n is small enough for it.
 * Not part of `npm test` (vitest only runs *.bench.ts under `vitest bench`).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bench, describe } from 'vitest';
import { readOlcaJsonLdZip } from '../packages/io/src/lca/olca-jsonld.js';
import {
  denseSolve,
  nnz,
  ProductSystemModel,
  residualOf,
  SparseLu,
  toDense,
  type CscMatrix,
} from '@carbonbase/footprint';
import { generatedTechnosphere, rng } from './footprint-systems.js';

const REPEATS = 3;
// The generated system takes seconds per factorization: time it once.
const REPEATS_LARGE = 1;
const here = fileURLToPath(new URL('.', import.meta.url));
const USLCI = join(here, '../../shared/data/uslci-jsonld-2017/uslci_olca1_5_0_json_ld.zip');

interface SideResult {
  readonly factorS: number;
  readonly solveS: number;
  readonly fill: number;
  /** Worst ‖b − A·x‖∞/‖b‖∞ over the demands. */
  readonly residual: number;
  /** Worst normwise backward error ‖b − A·x‖∞ / (‖A‖∞‖x‖∞ + ‖b‖∞). */
  readonly backward: number;
}

function time<T>(f: () => T): [T, number] {
  const t0 = performance.now();
  const out = f();
  return [out, (performance.now() - t0) / 1000];
}

function unit(n: number, j: number): Float64Array {
  const e = new Float64Array(n);
  e[j] = 1;
  return e;
}

function runJs(a: CscMatrix, demands: Int32Array, repeats: number): SideResult {
  let best: SideResult | undefined;
  for (let r = 0; r < repeats; r++) {
    const [lu, factorS] = time(() => new SparseLu(a));
    const [[residual, backward], solveS] = time(() => {
      let worst = 0;
      let worstBackward = 0;
      for (const j of demands) {
        const r = lu.solve(unit(a.cols, j)).residual;
        worst = Math.max(worst, r.relative);
        worstBackward = Math.max(worstBackward, r.backward);
      }
      return [worst, worstBackward];
    });
    const run = { factorS, solveS, fill: lu.fill, residual, backward };
    if (!best || factorS + solveS < best.factorS + best.solveS) best = run;
  }
  return best!;
}

function scipyAvailable(): string | undefined {
  try {
    return execFileSync('python3', ['-c', 'import scipy; print(scipy.__version__)'], {
      encoding: 'utf8',
    }).trim();
  } catch {
    return undefined;
  }
}

/** SciPy modes (footprint-scipy.py): splu defaults, and SuperLU's symmetric mode (like ours). */
const SCIPY_MODES = ['default', 'symmetric'] as const;
/** A SciPy run that takes longer than this is reported as not finished. */
const SCIPY_TIMEOUT_MS = 600_000;

function writeSystem(a: CscMatrix, demands: Int32Array, prefix: string): void {
  const bytes = (t: Int32Array | Float64Array): Uint8Array =>
    new Uint8Array(t.buffer, t.byteOffset, t.byteLength);
  writeFileSync(`${prefix}.json`, JSON.stringify({ n: a.cols }));
  writeFileSync(`${prefix}.indptr`, bytes(a.colPtr));
  writeFileSync(`${prefix}.indices`, bytes(a.rowIndex));
  writeFileSync(`${prefix}.data`, bytes(a.values));
  writeFileSync(`${prefix}.demands`, bytes(demands));
}

function runScipy(prefix: string, repeats: number, mode: string): SideResult | string {
  try {
    const out = execFileSync(
      'python3',
      [join(here, 'footprint-scipy.py'), prefix, String(repeats), mode],
      { encoding: 'utf8', maxBuffer: 1 << 24, timeout: SCIPY_TIMEOUT_MS },
    );
    const r = JSON.parse(out) as {
      factor_s: number;
      solve_s: number;
      fill: number;
      residual: number;
      backward: number;
    };
    return {
      factorS: r.factor_s,
      solveS: r.solve_s,
      fill: r.fill,
      residual: r.residual,
      backward: r.backward,
    };
  } catch (e) {
    return `did not finish within ${SCIPY_TIMEOUT_MS / 1000} s (${(e as Error).message.split('\n')[0]})`;
  }
}

function runDense(a: CscMatrix, demands: Int32Array): SideResult | undefined {
  if (a.cols > 3000) return undefined; // O(n³) per solve: not for the 20 000-process system
  const dense = toDense(a);
  const [[residual, backward], solveS] = time(() => {
    let worst = 0;
    let worstBackward = 0;
    for (const j of demands) {
      const b = unit(a.cols, j);
      const r = residualOf(a, denseSolve(dense, b), b);
      worst = Math.max(worst, r.relative);
      worstBackward = Math.max(worstBackward, r.backward);
    }
    return [worst, worstBackward];
  });
  return { factorS: 0, solveS, fill: a.cols * a.cols, residual, backward };
}

const fmt = (s: number): string => `${(s * 1000).toFixed(1)} ms`;

function line(label: string, r: SideResult): string {
  return (
    `${label.padEnd(26)}: factor ${fmt(r.factorS)}, solve ${fmt(r.solveS)}, ` +
    `nnz(L+U) ${r.fill}, worst residual ${r.residual.toExponential(2)} ` +
    `(backward error ${r.backward.toExponential(2)})`
  );
}

function ratio(js: SideResult, other: SideResult): string {
  const total = (js.factorS + js.solveS) / (other.factorS + other.solveS);
  return `  ratio carbonbase/other: ${total.toFixed(2)} (factor + all solves), ${(js.factorS / Math.max(other.factorS, 1e-9)).toFixed(2)} (factor only)`;
}

function report(
  name: string,
  a: CscMatrix,
  demands: Int32Array,
  dir: string,
  scipy: string | undefined,
): void {
  const repeats = a.cols > 5000 ? REPEATS_LARGE : REPEATS;
  const js = runJs(a, demands, repeats);
  const lines = [
    `\n== ${name}: n = ${a.cols}, nnz(A) = ${nnz(a)}, ${demands.length} unit demands, best of ${repeats}`,
    line('carbonbase LU (BTF + AMD)', js),
  ];
  if (scipy) {
    const prefix = join(dir, name.replace(/\W+/g, '-'));
    writeSystem(a, demands, prefix);
    for (const mode of SCIPY_MODES) {
      const r = runScipy(prefix, repeats, mode);
      if (typeof r === 'string') lines.push(`SciPy ${scipy} splu ${mode}: ${r}`);
      else lines.push(line(`SciPy ${scipy} splu ${mode}`, r), ratio(js, r));
    }
  } else {
    const dense = runDense(a, demands);
    if (dense) lines.push(line('dense JS elimination', dense), ratio(js, dense));
    else lines.push('dense JS elimination: skipped (n too large for a dense solve)');
  }
  console.log(lines.join('\n'));
}

const scipy = scipyAvailable();
if (!scipy)
  console.log(
    'python3 with SciPy not found (Debian: apt install python3-scipy): comparing with a dense JS solver',
  );
const dir = mkdtempSync(join(tmpdir(), 'carbonbase-bench-'));

const uslci = new ProductSystemModel(readOlcaJsonLdZip(readFileSync(USLCI)).system, {
  regionPreference: ['US', 'RNA'],
}).matrices.technosphere;
const uslciDemands = Int32Array.from({ length: uslci.cols }, (_, j) => j);
report('USLCI 2017 technosphere, all products', uslci, uslciDemands, dir, scipy);

// BENCH_GENERATED_N shrinks the generated system for a quick run (default: ecoinvent-sized).
const generatedSize = Number(process.env['BENCH_GENERATED_N'] ?? 20_000);
const generated = generatedTechnosphere(generatedSize, 42);
const pick = rng(7);
const generatedDemands = Int32Array.from({ length: 200 }, () =>
  Math.floor(pick() * generated.cols),
);
report(`generated ${generatedSize}-process system`, generated, generatedDemands, dir, scipy);

rmSync(dir, { recursive: true, force: true });

describe('carbonbase sparse LU (tinybench timings)', () => {
  bench('factor USLCI technosphere', () => {
    new SparseLu(uslci);
  });
  const lu = new SparseLu(uslci);
  bench('solve one USLCI demand (with refinement)', () => {
    lu.solve(unit(uslci.cols, 0));
  });
});
