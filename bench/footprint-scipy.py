"""SciPy side of bench/footprint-solver.bench.ts: SuperLU (scipy.sparse.linalg.splu), as Brightway uses.

Reads a CSC matrix and right-hand-side columns written by the TypeScript bench (raw little-endian
arrays), factorizes, solves all right-hand sides at once, and prints timings and the worst relative
residual as JSON. Modes:
  default    splu's defaults (COLAMD column order, partial pivoting): what `spsolve` does in Brightway
             when no UMFPACK/PARDISO is installed;
  symmetric  minimum degree on A + A^T with a 0.1 diagonal pivot threshold (SuperLU's symmetric
             mode): the same strategy as carbonbase's LU, for a like-for-like comparison.
"""
import json
import sys
import time

import numpy as np
import scipy
import scipy.sparse as sp
import scipy.sparse.linalg as sla


OPTIONS = {
    "default": {},
    "symmetric": {
        "permc_spec": "MMD_AT_PLUS_A",
        "diag_pivot_thresh": 0.1,
        "options": {"SymmetricMode": True},
    },
}


def main(prefix: str, repeats: int, mode: str) -> None:
    meta = json.load(open(prefix + ".json"))
    n = meta["n"]
    indptr = np.fromfile(prefix + ".indptr", dtype="<i4")
    indices = np.fromfile(prefix + ".indices", dtype="<i4")
    data = np.fromfile(prefix + ".data", dtype="<f8")
    demands = np.fromfile(prefix + ".demands", dtype="<i4")
    a = sp.csc_matrix((data, indices, indptr), shape=(n, n))
    b = np.zeros((n, len(demands)))
    b[demands, np.arange(len(demands))] = 1.0
    factor_times, solve_times = [], []
    for _ in range(repeats):
        t0 = time.perf_counter()
        lu = sla.splu(a, **OPTIONS[mode])
        t1 = time.perf_counter()
        x = lu.solve(b)
        t2 = time.perf_counter()
        factor_times.append(t1 - t0)
        solve_times.append(t2 - t1)
    r = b - a @ x
    rn = np.abs(r).max(axis=0)
    residual = float(np.max(rn / np.abs(b).max(axis=0)))
    norm_a = float(abs(a).sum(axis=1).max())
    backward = float(np.max(rn / (norm_a * np.abs(x).max(axis=0) + np.abs(b).max(axis=0))))
    print(json.dumps({
        "scipy": scipy.__version__,
        "mode": mode,
        "factor_s": min(factor_times),
        "solve_s": min(solve_times),
        "fill": int(lu.L.nnz + lu.U.nnz - n),
        "residual": residual,
        "backward": backward,
    }))


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 3, sys.argv[3] if len(sys.argv) > 3 else "default")
