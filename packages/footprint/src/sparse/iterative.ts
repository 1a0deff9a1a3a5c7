import type { CscMatrix } from './csc.js';
import { MatrixShapeError, transpose } from './csc.js';

/**
 * ILU(0)-preconditioned iteration for technosphere systems A·x = b (and Aᵀ·x = b), many
 * right-hand sides at once.
 *
 * Why: a technosphere matrix I − A whose inputs per unit of output sum to less than one (in
 * absolute value) is strictly column diagonally dominant, and the iteration x ← x + M⁻¹(b − A·x)
 * with M the incomplete LU factorization of A on A's own pattern (ILU(0); Meijerink & van der
 * Vorst 1977, stable for such matrices) contracts the error by a large factor per step. Each step
 * costs one product with A and two triangular sweeps over nnz(A) entries, against a complete LU
 * whose fill on ecoinvent-sized systems with hub processes runs into millions of entries. The
 * iteration is stopped on the true residual b − A·x, computed every step, never on an estimate.
 *
 * Several right-hand sides are stored interleaved (entry i of column c at i·m + c), so every
 * matrix entry loaded from memory is used m times; columns are independent.
 *
 * When the contraction is too weak (matrices that are not dominant: co-products, mixed units) the
 * solve gives up early and says why; `LinearSolver` (solver.ts) then falls back to the LU.
 */
export interface IterativeOptions {
  /** Stop when ‖b − A·x‖∞ ≤ tolerance·‖b‖∞ for every column. Default 1e-12. */
  readonly tolerance?: number;
  /** Give up after this many steps (or sooner, when the observed contraction predicts more). Default 100. */
  readonly maxIterations?: number;
}

/** A solve that reached the tolerance. */
export interface IterativeSolution {
  readonly converged: true;
  /** Interleaved solutions, entry i of column c at i·m + c. */
  readonly x: Float64Array;
  /** Relative residual ‖b − A·x‖∞/‖b‖∞ of each column. */
  readonly relative: Float64Array;
  readonly iterations: number;
}

/** A solve that gave up, with the reason (for the fallback report). */
export interface IterativeFailure {
  readonly converged: false;
  readonly reason: string;
  readonly iterations: number;
}

/** Steps observed before the contraction is judged (early steps of non-normal iterations can grow). */
const JUDGE_AFTER = 4;

/**
 * ILU(0) of A, computed as the ILU(0) of Aᵀ: A's CSC arrays are Aᵀ's CSR arrays, and the row
 * (IKJ) algorithm runs on them. With Aᵀ ≈ L′U′ (L′ unit lower, U′ upper), A ≈ U′ᵀL′ᵀ: the
 * incomplete factors satisfy the same equations on the same pattern, so M is A's ILU(0).
 */
export class Ilu0 {
  readonly n: number;
  /** Row pointers, column indices (sorted) and values of L′ and U′ together, Aᵀ's pattern. */
  private readonly ptr: Int32Array;
  private readonly idx: Int32Array;
  private readonly val: Float64Array;
  /** Position of the diagonal in each row. */
  private readonly diag: Int32Array;

  private constructor(
    n: number,
    ptr: Int32Array,
    idx: Int32Array,
    val: Float64Array,
    diag: Int32Array,
  ) {
    this.n = n;
    this.ptr = ptr;
    this.idx = idx;
    this.val = val;
    this.diag = diag;
  }

  /** The factorization, or the reason it broke down (a zero or missing pivot). */
  static of(a: CscMatrix): Ilu0 | string {
    if (a.rows !== a.cols)
      throw new MatrixShapeError(`ILU(0) needs a square matrix, got ${a.rows}×${a.cols}`);
    const n = a.cols;
    // Transposing twice gives a copy with sorted row indices in every column.
    const b = transpose(transpose(a));
    const ptr = b.colPtr;
    const idx = b.rowIndex;
    const val = b.values;
    const diag = new Int32Array(n).fill(-1);
    const where = new Int32Array(n).fill(-1);
    for (let i = 0; i < n; i++) {
      const start = ptr[i] ?? 0;
      const end = ptr[i + 1] ?? 0;
      for (let p = start; p < end; p++) where[idx[p] ?? 0] = p;
      for (let p = start; p < end; p++) {
        const k = idx[p] ?? 0;
        if (k >= i) break;
        const dk = diag[k] ?? 0;
        const lik = (val[p] ?? 0) / (val[dk] ?? 1);
        val[p] = lik;
        if (lik === 0) continue;
        for (let q = dk + 1; q < (ptr[k + 1] ?? 0); q++) {
          const w = where[idx[q] ?? 0] ?? -1;
          if (w >= 0) val[w] = (val[w] ?? 0) - lik * (val[q] ?? 0);
        }
      }
      const d = where[i] ?? -1;
      for (let p = start; p < end; p++) where[idx[p] ?? 0] = -1;
      if (d < 0) return `ILU(0) broke down: no diagonal entry in column ${i}`;
      if (!((val[d] ?? 0) !== 0 && Number.isFinite(val[d])))
        return `ILU(0) broke down: zero pivot in column ${i}`;
      diag[i] = d;
    }
    return new Ilu0(n, ptr, idx, val, diag);
  }

  /** Non-zeros of the incomplete factors (those of A). */
  get nonZeros(): number {
    return this.ptr[this.n] ?? 0;
  }

  /** w ← M⁻¹w for m interleaved columns: U′ᵀ (lower, by columns) then L′ᵀ (unit upper). */
  apply(w: Float64Array, m: number): void {
    const { n, ptr, idx, val, diag } = this;
    for (let k = 0; k < n; k++) {
      const dk = diag[k] ?? 0;
      const pivot = val[dk] ?? 1;
      const base = k * m;
      for (let c = 0; c < m; c++) w[base + c] = (w[base + c] ?? 0) / pivot;
      for (let q = dk + 1; q < (ptr[k + 1] ?? 0); q++) {
        const v = val[q] ?? 0;
        const to = (idx[q] ?? 0) * m;
        for (let c = 0; c < m; c++) w[to + c] = (w[to + c] ?? 0) - v * (w[base + c] ?? 0);
      }
    }
    for (let i = n - 1; i >= 0; i--) {
      const base = i * m;
      for (let p = ptr[i] ?? 0; p < (diag[i] ?? 0); p++) {
        const v = val[p] ?? 0;
        const to = (idx[p] ?? 0) * m;
        for (let c = 0; c < m; c++) w[to + c] = (w[to + c] ?? 0) - v * (w[base + c] ?? 0);
      }
    }
  }

  /** w ← M⁻ᵀw for m interleaved columns: L′ (unit lower, by rows) then U′ (upper, by rows). */
  applyTransposed(w: Float64Array, m: number): void {
    const { n, ptr, idx, val, diag } = this;
    for (let i = 0; i < n; i++) {
      const base = i * m;
      for (let p = ptr[i] ?? 0; p < (diag[i] ?? 0); p++) {
        const v = val[p] ?? 0;
        const from = (idx[p] ?? 0) * m;
        for (let c = 0; c < m; c++) w[base + c] = (w[base + c] ?? 0) - v * (w[from + c] ?? 0);
      }
    }
    for (let i = n - 1; i >= 0; i--) {
      const di = diag[i] ?? 0;
      const base = i * m;
      for (let q = di + 1; q < (ptr[i + 1] ?? 0); q++) {
        const v = val[q] ?? 0;
        const from = (idx[q] ?? 0) * m;
        for (let c = 0; c < m; c++) w[base + c] = (w[base + c] ?? 0) - v * (w[from + c] ?? 0);
      }
      const pivot = val[di] ?? 1;
      for (let c = 0; c < m; c++) w[base + c] = (w[base + c] ?? 0) / pivot;
    }
  }
}

/** y ← A·x (or Aᵀ·x) for m interleaved columns; two loops, so neither tests the direction per entry. */
function multiplyInto(
  a: CscMatrix,
  x: Float64Array,
  y: Float64Array,
  m: number,
  transposed: boolean,
): void {
  const { colPtr, rowIndex, values } = a;
  const n = a.cols;
  if (transposed) {
    for (let j = 0; j < n; j++) {
      const to = j * m;
      for (let c = 0; c < m; c++) y[to + c] = 0;
      for (let p = colPtr[j] ?? 0; p < (colPtr[j + 1] ?? 0); p++) {
        const v = values[p] ?? 0;
        const from = (rowIndex[p] ?? 0) * m;
        for (let c = 0; c < m; c++) y[to + c] = (y[to + c] ?? 0) + v * (x[from + c] ?? 0);
      }
    }
    return;
  }
  y.fill(0);
  for (let j = 0; j < n; j++) {
    const from = j * m;
    for (let p = colPtr[j] ?? 0; p < (colPtr[j + 1] ?? 0); p++) {
      const v = values[p] ?? 0;
      const to = (rowIndex[p] ?? 0) * m;
      for (let c = 0; c < m; c++) y[to + c] = (y[to + c] ?? 0) + v * (x[from + c] ?? 0);
    }
  }
}

/** Largest absolute entry of each of m interleaved columns. */
function columnMaxima(w: Float64Array, m: number, out: Float64Array): void {
  out.fill(0);
  for (let p = 0; p < w.length; p += m) {
    for (let c = 0; c < m; c++) {
      const v = Math.abs(w[p + c] ?? 0);
      if (v > (out[c] ?? 0)) out[c] = v;
    }
  }
}

/** Dot products of the m interleaved columns of u and v. */
function columnDots(u: Float64Array, v: Float64Array, m: number, out: Float64Array): void {
  out.fill(0);
  for (let p = 0; p < u.length; p += m) {
    for (let c = 0; c < m; c++) out[c] = (out[c] ?? 0) + (u[p + c] ?? 0) * (v[p + c] ?? 0);
  }
}

/** y ← y + αᶜ·x, column by column. */
function addColumns(y: Float64Array, alpha: Float64Array, x: Float64Array, m: number): void {
  for (let p = 0; p < y.length; p += m)
    for (let c = 0; c < m; c++) y[p + c] = (y[p + c] ?? 0) + (alpha[c] ?? 0) * (x[p + c] ?? 0);
}

/** y ← αᶜ·x, column by column. */
function scaleColumns(y: Float64Array, x: Float64Array, alpha: Float64Array, m: number): void {
  for (let p = 0; p < y.length; p += m)
    for (let c = 0; c < m; c++) y[p + c] = (alpha[c] ?? 0) * (x[p + c] ?? 0);
}

/** Krylov steps between restarts: the basis holds this many + 1 vectors of n·m entries. */
const RESTART = 30;

/**
 * Solves A·X = B (or Aᵀ·X = B) for the m interleaved columns of b with restarted GMRES (Saad &
 * Schultz 1986), right-preconditioned by the ILU(0), each column its own Krylov space. The inner
 * steps run on GMRES's residual estimate; the answer is only accepted after the true residual
 * b − A·x, computed explicitly, is at most the tolerance in every column (otherwise it restarts
 * from there).
 */
export function iterativeSolve(
  a: CscMatrix,
  ilu: Ilu0,
  b: Float64Array,
  m: number,
  transposed: boolean,
  options: IterativeOptions = {},
  workspace: Float64Array[] = [],
): IterativeSolution | IterativeFailure {
  const n = a.cols;
  if (b.length !== n * m)
    throw new MatrixShapeError(`right-hand sides have ${b.length} entries, need ${n}×${m}`);
  const tol = options.tolerance ?? 1e-12;
  const maxIterations = options.maxIterations ?? 100;
  const precondition = (w: Float64Array): void =>
    transposed ? ilu.applyTransposed(w, m) : ilu.apply(w, m);
  const bMax = new Float64Array(m);
  columnMaxima(b, m, bMax);
  // Work vectors of n·m entries, kept by the caller between solves (slots 0…RESTART: the
  // Krylov basis; RESTART + 1, RESTART + 2: r and w), so repeated solves allocate nothing big.
  const vector = (slot: number): Float64Array => {
    let v = workspace[slot];
    if (v?.length !== n * m) {
      v = new Float64Array(n * m);
      workspace[slot] = v;
    }
    return v;
  };
  const x = new Float64Array(n * m);
  const r = vector(RESTART + 1);
  const w = vector(RESTART + 2);
  const h = new Float64Array((RESTART + 1) * RESTART * m); // h[(i·RESTART + j)·m + c]
  const cs = new Float64Array(RESTART * m);
  const sn = new Float64Array(RESTART * m);
  const g = new Float64Array((RESTART + 1) * m);
  const steps = new Int32Array(m); // Krylov steps taken by each column in this cycle
  const active = new Uint8Array(m);
  const target = new Float64Array(m);
  const dots = new Float64Array(m);
  const rMax = new Float64Array(m);
  const relative = new Float64Array(m);
  let iterations = 0;
  const history: number[] = [];
  for (;;) {
    // True residual of the current x: the only test of convergence.
    multiplyInto(a, x, r, m, transposed);
    for (let p = 0; p < r.length; p++) r[p] = (b[p] ?? 0) - (r[p] ?? 0);
    columnMaxima(r, m, rMax);
    let worst = 0;
    for (let c = 0; c < m; c++) {
      const bn = bMax[c] ?? 0;
      relative[c] = bn === 0 ? (rMax[c] ?? 0) : (rMax[c] ?? 0) / bn;
      worst = Math.max(worst, relative[c] ?? 0);
    }
    if (!Number.isFinite(worst))
      return {
        converged: false,
        reason: `the iteration diverged after ${iterations} steps`,
        iterations,
      };
    if (worst <= tol) return { converged: true, x, relative, iterations };
    if (iterations >= maxIterations)
      return {
        converged: false,
        reason: `residual ${worst.toExponential(2)} after ${iterations} steps`,
        iterations,
      };
    // New cycle: v₀ = r/‖r‖₂ per column; the inner steps aim a little below the tolerance, since
    // the 2-norm estimate and the recomputed ∞-norm residual differ by rounding.
    columnDots(r, r, m, dots);
    g.fill(0);
    steps.fill(0);
    for (let c = 0; c < m; c++) {
      const beta = Math.sqrt(dots[c] ?? 0);
      g[c] = beta;
      active[c] = (relative[c] ?? 0) > tol && beta > 0 ? 1 : 0;
      target[c] = 0.5 * tol * ((bMax[c] ?? 0) || 1);
      dots[c] = beta > 0 ? 1 / beta : 0;
    }
    const v0 = vector(0);
    scaleColumns(v0, r, dots, m);
    for (let j = 0; j < RESTART && iterations < maxIterations; j++) {
      if (!active.some((f) => f === 1)) break;
      iterations++;
      r.set(vector(j));
      precondition(r);
      multiplyInto(a, r, w, m, transposed);
      // Modified Gram–Schmidt against v₀…v_j, every column on its own.
      for (let i = 0; i <= j; i++) {
        const vi = vector(i);
        columnDots(w, vi, m, dots);
        for (let c = 0; c < m; c++) {
          if (active[c] === 0) dots[c] = 0;
          h[(i * RESTART + j) * m + c] = dots[c] ?? 0;
          dots[c] = -(dots[c] ?? 0);
        }
        addColumns(w, dots, vi, m);
      }
      columnDots(w, w, m, dots);
      let estimate = 0;
      for (let c = 0; c < m; c++) {
        if (active[c] === 0) {
          dots[c] = 0;
          continue;
        }
        const norm = Math.sqrt(dots[c] ?? 0);
        // Givens rotations of the earlier steps, then a new one to zero h[j+1, j].
        for (let i = 0; i < j; i++) {
          const a1 = h[(i * RESTART + j) * m + c] ?? 0;
          const a2 = h[((i + 1) * RESTART + j) * m + c] ?? 0;
          const ci = cs[i * m + c] ?? 0;
          const si = sn[i * m + c] ?? 0;
          h[(i * RESTART + j) * m + c] = ci * a1 + si * a2;
          h[((i + 1) * RESTART + j) * m + c] = -si * a1 + ci * a2;
        }
        const hjj = h[(j * RESTART + j) * m + c] ?? 0;
        const d = Math.hypot(hjj, norm);
        const cj = d === 0 ? 1 : hjj / d;
        const sj = d === 0 ? 0 : norm / d;
        cs[j * m + c] = cj;
        sn[j * m + c] = sj;
        h[(j * RESTART + j) * m + c] = d;
        const gj = g[j * m + c] ?? 0;
        g[j * m + c] = cj * gj;
        g[(j + 1) * m + c] = -sj * gj;
        steps[c] = j + 1;
        const left = Math.abs(g[(j + 1) * m + c] ?? 0);
        if (left <= (target[c] ?? 0) || norm === 0) {
          active[c] = 0;
          dots[c] = 0;
        } else {
          dots[c] = 1 / norm;
          estimate = Math.max(estimate, left / ((bMax[c] ?? 0) || 1));
        }
      }
      scaleColumns(vector(j + 1), w, dots, m);
      if (estimate > 0) {
        history.push(estimate);
        if (history.length > JUDGE_AFTER) {
          // Mean contraction over the last steps, and the steps it predicts to reach the tolerance.
          const before = history[history.length - 1 - JUDGE_AFTER] ?? estimate;
          const rate = Math.pow(estimate / before, 1 / JUDGE_AFTER);
          const remaining = rate < 1 ? Math.log(tol / estimate) / Math.log(rate) : Infinity;
          if (iterations + remaining > maxIterations)
            return {
              converged: false,
              reason: `contraction ${rate.toPrecision(3)} per step after ${iterations} steps (residual ${estimate.toExponential(2)}) would need more than ${maxIterations} steps`,
              iterations,
            };
        }
      }
    }
    // y from the triangular system R·y = g of each column; x ← x + M⁻¹·(V·y).
    w.fill(0);
    for (let c = 0; c < m; c++) {
      const k = steps[c] ?? 0;
      for (let i = k - 1; i >= 0; i--) {
        let s = g[i * m + c] ?? 0;
        for (let l = i + 1; l < k; l++)
          s -= (h[(i * RESTART + l) * m + c] ?? 0) * (g[l * m + c] ?? 0);
        g[i * m + c] = s / (h[(i * RESTART + i) * m + c] ?? 1);
      }
    }
    const used = Math.max(...steps);
    for (let i = 0; i < used; i++) {
      const vi = vector(i);
      for (let c = 0; c < m; c++) dots[c] = i < (steps[c] ?? 0) ? (g[i * m + c] ?? 0) : 0;
      addColumns(w, dots, vi, m);
    }
    precondition(w);
    for (let p = 0; p < x.length; p++) x[p] = (x[p] ?? 0) + (w[p] ?? 0);
  }
}
