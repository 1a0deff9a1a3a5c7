/**
 * Footprint solver benchmark: carbonbase's `LinearSolver` (ILU(0)-preconditioned GMRES with
 * fallback to the sparse LU, packages/footprint/src/sparse/solver.ts) against SciPy's SuperLU on
 * identical inputs, in one run, with the residual of each side:
 *  - one demand, factorization or preconditioner included: carbonbase vs `spsolve` (Brightway's
 *    call without PARDISO/UMFPACK) and vs `splu` in SuperLU's symmetric mode (its best setting);
 *  - many demands: carbonbase's block solve vs `factorized` + one solve per demand, and vs the
 *    symmetric `splu` + one block solve.
 *
 *   npx vitest bench --run bench/footprint-solver.bench.ts      (BENCH_GENERATED_N=3000 for a quick run)
 *
 * Systems: the US LCI technosphere (766 processes) for every one of its products, and a generated
 * ecoinvent-sized system (20 000 processes, 10–15 non-zeros per column) for 100 demands. Without
 * python3 + SciPy (Debian: python3-scipy) it compares with dense Gaussian elimination where n
 * allows. Each system's figures are also printed as one `BENCH_JSON {…}` line for bench/run.mjs.
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
  LinearSolver,
  nnz,
  ProductSystemModel,
  residualOf,
  SparseLu,
  toDense,
  type CscMatrix,
} from '@carbonbase/footprint';
import { generatedTechnosphere, rng } from './footprint-systems.js';

const REPEATS = 3;
// SciPy's factorization of the generated system takes seconds to minutes: time it once.
const REPEATS_LARGE = 1;
const here = fileURLToPath(new URL('.', import.meta.url));
const USLCI = join(here, '../../shared/data/uslci-jsonld-2017/uslci_olca1_5_0_json_ld.zip');

interface SideResult {
  /** The first demand alone, factorization/preconditioner included. */
  readonly oneS: number;
  /** Factorization (or preconditioner) + every demand. */
  readonly manyS: number;
  /** Worst ‖b − A·x‖∞/‖b‖∞ over the demands. */
  readonly residual: number;
  /** Worst normwise backward error ‖b − A·x‖∞ / (‖A‖∞‖x‖∞ + ‖b‖∞). */
  readonly backward: number;
  /** How: path and steps (carbonbase), fill (SciPy). */
  readonly detail: string;
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

function runCarbonbase(a: CscMatrix, demands: Int32Array, repeats: number): SideResult {
  const bs = Array.from(demands, (j) => unit(a.cols, j));
  let best: SideResult | undefined;
  for (let r = 0; r < repeats; r++) {
    // A fresh solver for each measurement: the preconditioner (or LU) is part of the time.
    const [one, oneS] = time(() => new LinearSolver(a).solve(bs[0] ?? unit(a.cols, 0)));
    const [solver, setupS] = time(() => new LinearSolver(a));
    const [all, solveS] = time(() => solver.solveMany(bs));
    const paths = new Set(all.map((o) => o.path));
    const run: SideResult = {
      oneS,
      manyS: setupS + solveS,
      residual: Math.max(one.residual.relative, ...all.map((o) => o.residual.relative)),
      backward: Math.max(...all.map((o) => o.residual.backward)),
      detail:
        `path ${[...paths].join('+')}` +
        (paths.has('iterative')
          ? `, ${Math.max(...all.map((o) => o.iterations))} GMRES steps at most, nnz(ILU) ${solver.factorNonZeros}`
          : `, nnz(L+U) ${solver.factorNonZeros}`) +
        (solver.fallback ? `, fell back: ${solver.fallback}` : ''),
    };
    if (!best || run.oneS + run.manyS < best.oneS + best.manyS) best = run;
  }
  return best!;
}

/** carbonbase's LU path alone (no iteration), where it takes seconds rather than minutes. */
function runLu(a: CscMatrix, demands: Int32Array): SideResult {
  const [lu, factorS] = time(() => new SparseLu(a));
  const [one] = time(() => lu.solve(unit(a.cols, demands[0] ?? 0)));
  const [all, solveS] = time(() => Array.from(demands, (j) => lu.solve(unit(a.cols, j))));
  return {
    oneS: factorS + solveS / demands.length,
    manyS: factorS + solveS,
    residual: Math.max(one.residual.relative, ...all.map((o) => o.residual.relative)),
    backward: Math.max(...all.map((o) => o.residual.backward)),
    detail: `nnz(L+U) ${lu.fill}`,
  };
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

/** SciPy modes (footprint-scipy.py): spsolve/factorized defaults, and SuperLU's symmetric mode. */
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
      one_s: number;
      factor_s: number;
      solve_s: number;
      fill: number | null;
      residual: number;
      backward: number;
    };
    return {
      oneS: r.one_s,
      manyS: r.factor_s + r.solve_s,
      residual: r.residual,
      backward: r.backward,
      detail: r.fill === null ? '' : `nnz(L+U) ${r.fill}`,
    };
  } catch (e) {
    return `did not finish within ${SCIPY_TIMEOUT_MS / 1000} s (${(e as Error).message.split('\n')[0]})`;
  }
}

function runDense(a: CscMatrix, demands: Int32Array): SideResult | undefined {
  if (a.cols > 3000) return undefined; // O(n³) per solve: not for the 20 000-process system
  const dense = toDense(a);
  const solveOne = (j: number) => {
    const b = unit(a.cols, j);
    return residualOf(a, denseSolve(dense, b), b);
  };
  const [first, oneS] = time(() => solveOne(demands[0] ?? 0));
  const [all, manyS] = time(() => Array.from(demands, solveOne));
  return {
    oneS,
    manyS,
    residual: Math.max(first.relative, ...all.map((r) => r.relative)),
    backward: Math.max(...all.map((r) => r.backward)),
    detail: 'O(n³) per demand',
  };
}

const fmt = (s: number): string => (s >= 1 ? `${s.toFixed(2)} s` : `${(s * 1000).toFixed(1)} ms`);

function line(label: string, r: SideResult): string {
  return (
    `${label.padEnd(30)}: one demand ${fmt(r.oneS)}, all demands ${fmt(r.manyS)}, ` +
    `worst residual ${r.residual.toExponential(2)} (backward error ${r.backward.toExponential(2)})` +
    (r.detail ? `; ${r.detail}` : '')
  );
}

interface Comparison {
  readonly comparator: string;
  readonly one: number | null;
  readonly many: number | null;
  readonly note?: string;
}

function report(
  name: string,
  a: CscMatrix,
  demands: Int32Array,
  dir: string,
  scipy: string | undefined,
): void {
  const repeats = a.cols > 5000 ? REPEATS_LARGE : REPEATS;
  const ours = runCarbonbase(a, demands, repeats);
  const lines = [
    `\n== ${name}: n = ${a.cols}, nnz(A) = ${nnz(a)}, ${demands.length} unit demands, best of ${repeats}`,
    line('carbonbase LinearSolver (auto)', ours),
  ];
  const sides: Record<string, SideResult | string> = { carbonbase: ours };
  if (a.cols <= 5000) {
    const lu = runLu(a, demands);
    sides['carbonbase LU only'] = lu;
    lines.push(line('carbonbase LU only (BTF + AMD)', lu));
  }
  const comparisons: Comparison[] = [];
  const compare = (label: string, r: SideResult | string) => {
    sides[label] = r;
    if (typeof r === 'string') {
      lines.push(`${label}: ${r}`);
      comparisons.push({ comparator: label, one: null, many: null, note: r });
      return;
    }
    const one = ours.oneS / r.oneS;
    const many = ours.manyS / r.manyS;
    lines.push(
      line(label, r),
      `  ratio carbonbase/other: ${one.toFixed(3)} (one demand), ${many.toFixed(3)} (all ${demands.length} demands)`,
    );
    comparisons.push({ comparator: label, one, many });
  };
  if (scipy) {
    const prefix = join(dir, name.replace(/\W+/g, '-'));
    writeSystem(a, demands, prefix);
    for (const mode of SCIPY_MODES) {
      const label =
        mode === 'default'
          ? `SciPy ${scipy} spsolve / factorized`
          : `SciPy ${scipy} splu symmetric`;
      compare(label, runScipy(prefix, repeats, mode));
    }
  } else {
    const dense = runDense(a, demands);
    if (dense) compare('dense JS elimination', dense);
    else lines.push('dense JS elimination: skipped (n too large for a dense solve)');
  }
  console.log(lines.join('\n'));
  console.log(
    `BENCH_JSON ${JSON.stringify({ system: name, n: a.cols, nnz: nnz(a), demands: demands.length, sides, comparisons })}`,
  );
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
const generatedDemands = Int32Array.from({ length: 100 }, () =>
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
