"""SciPy side of bench/footprint-solver.bench.ts: SuperLU through the calls Brightway makes.

Reads a CSC matrix and unit demands written by the TypeScript bench (raw little-endian arrays) and
prints, as JSON, for one mode:
  one_s        the first demand alone, factorization included;
  factor_s, solve_s  one factorization, then all demands (solved as one block);
with the worst relative residual ‖b − A·x‖∞/‖b‖∞ and normwise backward error. Modes:
  default    `scipy.sparse.linalg.spsolve` for the one demand and `factorized` for all: SuperLU's
             defaults (COLAMD column order, partial pivoting), what Brightway calls when neither
             PARDISO nor UMFPACK is installed;
  symmetric  `splu` with minimum degree on A + A^T and a 0.1 diagonal pivot threshold (SuperLU's
             symmetric mode): the best SuperLU setting for technosphere matrices, like for like
             with carbonbase's LU.
"""
import json
import sys
import time

import numpy as np
import scipy
import scipy.sparse as sp
import scipy.sparse.linalg as sla


SYMMETRIC = {
    "permc_spec": "MMD_AT_PLUS_A",
    "diag_pivot_thresh": 0.1,
    "options": {"SymmetricMode": True},
}


def residuals(a, b, x):
    r = b - a @ x
    rn = np.abs(r).max(axis=0)
    norm_a = float(abs(a).sum(axis=1).max())
    return (
        float(np.max(rn / np.abs(b).max(axis=0))),
        float(np.max(rn / (norm_a * np.abs(x).max(axis=0) + np.abs(b).max(axis=0)))),
    )


def main(prefix: str, repeats: int, mode: str) -> None:
    n = json.load(open(prefix + ".json"))["n"]
    indptr = np.fromfile(prefix + ".indptr", dtype="<i4")
    indices = np.fromfile(prefix + ".indices", dtype="<i4")
    data = np.fromfile(prefix + ".data", dtype="<f8")
    demands = np.fromfile(prefix + ".demands", dtype="<i4")
    a = sp.csc_matrix((data, indices, indptr), shape=(n, n))
    b = np.zeros((n, len(demands)))
    b[demands, np.arange(len(demands))] = 1.0
    b0 = b[:, 0].copy()
    one_times, factor_times, solve_times = [], [], []
    fill = None
    for _ in range(repeats):
        t0 = time.perf_counter()
        if mode == "default":
            x0 = sla.spsolve(a, b0)
        else:
            x0 = sla.splu(a, **SYMMETRIC).solve(b0)
        t1 = time.perf_counter()
        if mode == "default":
            solve = sla.factorized(a)
            t2 = time.perf_counter()
            x = np.column_stack([solve(b[:, k]) for k in range(b.shape[1])])
        else:
            lu = sla.splu(a, **SYMMETRIC)
            fill = int(lu.L.nnz + lu.U.nnz - n)
            t2 = time.perf_counter()
            x = lu.solve(b)
        t3 = time.perf_counter()
        one_times.append(t1 - t0)
        factor_times.append(t2 - t1)
        solve_times.append(t3 - t2)
    residual, backward = residuals(a, b, x)
    residual0, _ = residuals(a, b0[:, None], x0[:, None])
    print(json.dumps({
        "scipy": scipy.__version__,
        "mode": mode,
        "one_s": min(one_times),
        "factor_s": min(factor_times),
        "solve_s": min(solve_times),
        "fill": fill,
        "residual": max(residual, residual0),
        "backward": backward,
    }))


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 3, sys.argv[3] if len(sys.argv) > 3 else "default")
