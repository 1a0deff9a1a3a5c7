/**
 * Compressed sparse column (CSC) matrices: the storage every matrix in this package uses.
 *
 * Column j holds rows `rowIndex[colPtr[j]] … rowIndex[colPtr[j+1]-1]` with the matching `values`.
 * CSC is what left-looking LU needs (it walks one column at a time) and what SciPy's `csc_matrix`
 * and Brightway hand to SuperLU/UMFPACK, so benchmarks can feed identical arrays to both.
 */
export interface CscMatrix {
  readonly rows: number;
  readonly cols: number;
  readonly colPtr: Int32Array;
  readonly rowIndex: Int32Array;
  readonly values: Float64Array;
}

/** One matrix entry; duplicates are summed when a matrix is built from triplets. */
export interface Triplet {
  readonly row: number;
  readonly col: number;
  readonly value: number;
}

export class MatrixShapeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MatrixShapeError';
  }
}

/**
 * Builds a CSC matrix from coordinate entries. Duplicates are summed, because several exchanges
 * of one process can name the same flow (openLCA allows it and sums them too), and explicit zeros
 * are kept out so that the sparsity pattern is the true one.
 */
export function cscFromTriplets(rows: number, cols: number, entries: Iterable<Triplet>): CscMatrix {
  const list = [...entries];
  const counts = new Int32Array(cols + 1);
  for (const e of list) {
    if (e.row < 0 || e.row >= rows || e.col < 0 || e.col >= cols) {
      throw new MatrixShapeError(`entry (${e.row}, ${e.col}) outside a ${rows}×${cols} matrix`);
    }
    if (!Number.isFinite(e.value)) {
      throw new MatrixShapeError(`entry (${e.row}, ${e.col}) is not finite: ${e.value}`);
    }
    counts[e.col + 1] = (counts[e.col + 1] ?? 0) + 1;
  }
  for (let j = 0; j < cols; j++) counts[j + 1] = (counts[j + 1] ?? 0) + (counts[j] ?? 0);
  const next = counts.slice(0, cols);
  const ri = new Int32Array(list.length);
  const vx = new Float64Array(list.length);
  for (const e of list) {
    const p = next[e.col] ?? 0;
    ri[p] = e.row;
    vx[p] = e.value;
    next[e.col] = p + 1;
  }
  return compress(rows, cols, counts, ri, vx);
}

/** Sorts rows within each column, sums duplicates and drops exact zeros. */
function compress(
  rows: number,
  cols: number,
  colPtr: Int32Array,
  rowIndex: Int32Array,
  values: Float64Array,
): CscMatrix {
  const outPtr = new Int32Array(cols + 1);
  const outRows = new Int32Array(rowIndex.length);
  const outVals = new Float64Array(rowIndex.length);
  const acc = new Float64Array(rows);
  const seen = new Int32Array(rows).fill(-1);
  const touched: number[] = [];
  let nz = 0;
  for (let j = 0; j < cols; j++) {
    touched.length = 0;
    for (let p = colPtr[j] ?? 0; p < (colPtr[j + 1] ?? 0); p++) {
      const i = rowIndex[p] ?? 0;
      if (seen[i] !== j) {
        seen[i] = j;
        acc[i] = 0;
        touched.push(i);
      }
      acc[i] = (acc[i] ?? 0) + (values[p] ?? 0);
    }
    touched.sort((a, b) => a - b);
    for (const i of touched) {
      const v = acc[i] ?? 0;
      if (v !== 0) {
        outRows[nz] = i;
        outVals[nz] = v;
        nz++;
      }
    }
    outPtr[j + 1] = nz;
  }
  return {
    rows,
    cols,
    colPtr: outPtr,
    rowIndex: outRows.slice(0, nz),
    values: outVals.slice(0, nz),
  };
}

export function nnz(a: CscMatrix): number {
  return a.colPtr[a.cols] ?? 0;
}

/** y = A·x. */
export function multiply(a: CscMatrix, x: ArrayLike<number>): Float64Array {
  if (x.length !== a.cols)
    throw new MatrixShapeError(`A is ${a.rows}×${a.cols}, x has ${x.length}`);
  const y = new Float64Array(a.rows);
  for (let j = 0; j < a.cols; j++) {
    const xj = x[j] ?? 0;
    if (xj === 0) continue;
    for (let p = a.colPtr[j] ?? 0; p < (a.colPtr[j + 1] ?? 0); p++) {
      const i = a.rowIndex[p] ?? 0;
      y[i] = (y[i] ?? 0) + (a.values[p] ?? 0) * xj;
    }
  }
  return y;
}

/** y = Aᵀ·x. */
export function multiplyTransposed(a: CscMatrix, x: ArrayLike<number>): Float64Array {
  if (x.length !== a.rows)
    throw new MatrixShapeError(`Aᵀ is ${a.cols}×${a.rows}, x has ${x.length}`);
  const y = new Float64Array(a.cols);
  for (let j = 0; j < a.cols; j++) {
    let s = 0;
    for (let p = a.colPtr[j] ?? 0; p < (a.colPtr[j + 1] ?? 0); p++) {
      s += (a.values[p] ?? 0) * (x[a.rowIndex[p] ?? 0] ?? 0);
    }
    y[j] = s;
  }
  return y;
}

export function transpose(a: CscMatrix): CscMatrix {
  const counts = new Int32Array(a.rows + 1);
  const n = nnz(a);
  for (let p = 0; p < n; p++) {
    const i = a.rowIndex[p] ?? 0;
    counts[i + 1] = (counts[i + 1] ?? 0) + 1;
  }
  for (let i = 0; i < a.rows; i++) counts[i + 1] = (counts[i + 1] ?? 0) + (counts[i] ?? 0);
  const next = counts.slice(0, a.rows);
  const ri = new Int32Array(n);
  const vx = new Float64Array(n);
  for (let j = 0; j < a.cols; j++) {
    for (let p = a.colPtr[j] ?? 0; p < (a.colPtr[j + 1] ?? 0); p++) {
      const i = a.rowIndex[p] ?? 0;
      const q = next[i] ?? 0;
      ri[q] = j;
      vx[q] = a.values[p] ?? 0;
      next[i] = q + 1;
    }
  }
  return { rows: a.cols, cols: a.rows, colPtr: counts, rowIndex: ri, values: vx };
}

/** ‖A‖∞: the largest absolute row sum. */
export function normInf(a: CscMatrix): number {
  const rowSums = new Float64Array(a.rows);
  const n = nnz(a);
  for (let p = 0; p < n; p++) {
    const i = a.rowIndex[p] ?? 0;
    rowSums[i] = (rowSums[i] ?? 0) + Math.abs(a.values[p] ?? 0);
  }
  let m = 0;
  for (const s of rowSums) m = Math.max(m, s);
  return m;
}

export function vectorNormInf(x: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < x.length; i++) m = Math.max(m, Math.abs(x[i] ?? 0));
  return m;
}

/** A dense row-major copy, for tests and for the dense reference solver. */
export function toDense(a: CscMatrix): Float64Array[] {
  const out = Array.from({ length: a.rows }, () => new Float64Array(a.cols));
  for (let j = 0; j < a.cols; j++) {
    for (let p = a.colPtr[j] ?? 0; p < (a.colPtr[j + 1] ?? 0); p++) {
      const row = out[a.rowIndex[p] ?? 0];
      if (row) row[j] = a.values[p] ?? 0;
    }
  }
  return out;
}
