import type { CscMatrix } from './csc.js';
import { MatrixShapeError, normInf, transpose } from './csc.js';
import { Ilu0, iterativeSolve, type IterativeOptions } from './iterative.js';
import { SparseLu, type LuOptions, type Residual } from './lu.js';

/**
 * One entry point for technosphere solves: the ILU(0)-preconditioned iteration where it
 * converges fast (large, dominant systems), the sparse LU everywhere else, with the path taken,
 * the residual and, after a fallback, the reason reported with every answer.
 */
export type SolverMethod = 'auto' | 'lu' | 'iterative';
export type SolvePath = 'lu' | 'iterative';

export interface SolverOptions extends LuOptions, IterativeOptions {
  /**
   * 'auto' (default): the iteration for systems of at least `iterativeFrom` processes, falling
   * back to the LU for good when it does not converge fast; 'lu': the LU only; 'iterative': the
   * iteration only (an error when it does not converge).
   */
  readonly method?: SolverMethod;
  /**
   * Smallest system 'auto' tries the iteration on. Default 2000: below that the LU takes
   * milliseconds and answers to rounding level, so there is nothing to gain.
   */
  readonly iterativeFrom?: number;
  /** Right-hand sides iterated together in `solveMany` (memory: about 33 vectors of n × this). Default 16. */
  readonly blockSize?: number;
}

export interface SolveOutcome {
  readonly x: Float64Array;
  readonly residual: Residual;
  readonly path: SolvePath;
  /** Steps of the iteration (0 on the LU path; its refinement steps are in `residual`). */
  readonly iterations: number;
  /** Why the iteration was given up for the LU, when it was tried and failed. */
  readonly fallback?: string;
}

export class IterationFailedError extends Error {
  constructor(readonly reason: string) {
    super(`the iterative solve did not converge: ${reason}`);
    this.name = 'IterationFailedError';
  }
}

const DEFAULT_ITERATIVE_FROM = 2000;
const DEFAULT_BLOCK = 16;

export class LinearSolver {
  private luFactors: SparseLu | undefined;
  private iluFactors: Ilu0 | undefined;
  /** Set once the iteration failed: every later solve goes to the LU. */
  private failure: string | undefined;
  private readonly workspace: Float64Array[] = [];
  private readonly normA: number;
  private readonly normAt: number;

  constructor(
    readonly matrix: CscMatrix,
    private readonly options: SolverOptions = {},
  ) {
    if (matrix.rows !== matrix.cols)
      throw new MatrixShapeError(`a square matrix is needed, got ${matrix.rows}×${matrix.cols}`);
    this.normA = normInf(matrix);
    this.normAt = normInf(transpose(matrix));
  }

  /** The complete LU (factored on first use). */
  get lu(): SparseLu {
    this.luFactors ??= new SparseLu(this.matrix, this.options);
    return this.luFactors;
  }

  /** The path the next solve takes. */
  get path(): SolvePath {
    const method = this.options.method ?? 'auto';
    if (method === 'lu') return 'lu';
    if (method === 'iterative') return 'iterative';
    const from = this.options.iterativeFrom ?? DEFAULT_ITERATIVE_FROM;
    return this.matrix.cols < from || this.failure !== undefined ? 'lu' : 'iterative';
  }

  /** Why the iteration was abandoned, if it was. */
  get fallback(): string | undefined {
    return this.failure;
  }

  /** Non-zeros of the factors in use: L + U of the LU, or the ILU(0)'s (those of A). */
  get factorNonZeros(): number {
    return this.path === 'lu' ? this.lu.fill : (this.iluFactors?.nonZeros ?? 0);
  }

  /** Off-diagonal pivots of the LU (the ILU(0) pivots on the diagonal only). */
  get offDiagonalPivots(): number {
    return this.path === 'lu' ? this.lu.factors.offDiagonalPivots : 0;
  }

  solve(b: ArrayLike<number>): SolveOutcome {
    return this.solveMany([b], false)[0] as SolveOutcome;
  }

  solveTransposed(b: ArrayLike<number>): SolveOutcome {
    return this.solveMany([b], true)[0] as SolveOutcome;
  }

  /** Solves for every right-hand side, the iteration taking them in blocks. */
  solveMany(bs: readonly ArrayLike<number>[], transposed = false): SolveOutcome[] {
    const n = this.matrix.cols;
    for (const b of bs)
      if (b.length !== n)
        throw new MatrixShapeError(`right-hand side has ${b.length} entries, need ${n}`);
    const out: SolveOutcome[] = [];
    const block = Math.max(1, this.options.blockSize ?? DEFAULT_BLOCK);
    for (let start = 0; start < bs.length; start += block) {
      const chunk = bs.slice(start, start + block);
      const iterated = this.path === 'iterative' ? this.iterate(chunk, transposed) : undefined;
      if (iterated) out.push(...iterated);
      else out.push(...chunk.map((b) => this.direct(b, transposed)));
    }
    return out;
  }

  private direct(b: ArrayLike<number>, transposed: boolean): SolveOutcome {
    const { x, residual } = transposed ? this.lu.solveTransposed(b) : this.lu.solve(b);
    return {
      x,
      residual,
      path: 'lu',
      iterations: 0,
      ...(this.failure !== undefined ? { fallback: this.failure } : {}),
    };
  }

  /** The iteration for one block, or undefined after recording why it failed (auto only). */
  private iterate(
    chunk: readonly ArrayLike<number>[],
    transposed: boolean,
  ): SolveOutcome[] | undefined {
    const n = this.matrix.cols;
    const m = chunk.length;
    if (!this.iluFactors) {
      const ilu = Ilu0.of(this.matrix);
      if (typeof ilu === 'string') return this.give(ilu);
      this.iluFactors = ilu;
    }
    const b = new Float64Array(n * m);
    chunk.forEach((col, c) => {
      for (let i = 0; i < n; i++) b[i * m + c] = col[i] ?? 0;
    });
    const result = iterativeSolve(
      this.matrix,
      this.iluFactors,
      b,
      m,
      transposed,
      this.options,
      this.workspace,
    );
    if (!result.converged) return this.give(result.reason);
    const norm = transposed ? this.normAt : this.normA;
    return chunk.map((col, c) => {
      const x = new Float64Array(n);
      let xMax = 0;
      let bMax = 0;
      for (let i = 0; i < n; i++) {
        const v = result.x[i * m + c] ?? 0;
        x[i] = v;
        xMax = Math.max(xMax, Math.abs(v));
        bMax = Math.max(bMax, Math.abs(col[i] ?? 0));
      }
      const relative = result.relative[c] ?? 0;
      const absolute = bMax === 0 ? relative : relative * bMax;
      return {
        x,
        residual: {
          relative,
          backward: absolute / (norm * xMax + bMax || 1),
          refinementSteps: 0,
        },
        path: 'iterative' as const,
        iterations: result.iterations,
      };
    });
  }

  private give(reason: string): undefined {
    if ((this.options.method ?? 'auto') === 'iterative') throw new IterationFailedError(reason);
    this.failure = reason;
    this.workspace.length = 0;
    return undefined;
  }
}
