import { MatrixShapeError } from './csc.js';
import { SingularMatrixError } from './lu.js';

/**
 * Dense Gaussian elimination with partial pivoting: the textbook reference the sparse LU is tested
 * against, and the fallback the benchmark compares with when SciPy is missing. O(n³): small n only.
 * `rows` is row-major and is not modified.
 */
export function denseSolve(rows: readonly Float64Array[], b: ArrayLike<number>): Float64Array {
  const n = rows.length;
  if (b.length !== n)
    throw new MatrixShapeError(`right-hand side has ${b.length} entries, need ${n}`);
  const m = rows.map((r) => {
    if (r.length !== n) throw new MatrixShapeError(`dense solve needs a square matrix`);
    return Float64Array.from(r);
  });
  const x = Float64Array.from({ length: n }, (_, i) => b[i] ?? 0);
  for (let k = 0; k < n; k++) {
    let piv = k;
    let best = Math.abs(m[k]?.[k] ?? 0);
    for (let i = k + 1; i < n; i++) {
      const t = Math.abs(m[i]?.[k] ?? 0);
      if (t > best) {
        best = t;
        piv = i;
      }
    }
    if (best === 0) throw new SingularMatrixError(k);
    if (piv !== k) {
      const t = m[k];
      const s = m[piv];
      if (t && s) {
        m[k] = s;
        m[piv] = t;
      }
      const xv = x[k] ?? 0;
      x[k] = x[piv] ?? 0;
      x[piv] = xv;
    }
    const rk = m[k];
    if (!rk) continue;
    const d = rk[k] ?? 1;
    for (let i = k + 1; i < n; i++) {
      const ri = m[i];
      if (!ri) continue;
      const f = (ri[k] ?? 0) / d;
      if (f === 0) continue;
      for (let j = k; j < n; j++) ri[j] = (ri[j] ?? 0) - f * (rk[j] ?? 0);
      x[i] = (x[i] ?? 0) - f * (x[k] ?? 0);
    }
  }
  for (let k = n - 1; k >= 0; k--) {
    const rk = m[k];
    if (!rk) continue;
    let s = x[k] ?? 0;
    for (let j = k + 1; j < n; j++) s -= (rk[j] ?? 0) * (x[j] ?? 0);
    x[k] = s / (rk[k] ?? 1);
  }
  return x;
}
