import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cscFromTriplets, multiply, toDense, type Triplet } from './csc.js';
import { denseSolve } from './dense.js';
import { SparseLu, SingularMatrixError, luFactor } from './lu.js';
import { blockTriangularOrder, stronglyConnected } from './btf.js';
import { approximateMinimumDegreeOrder } from './approximate-degree.js';
import { minimumDegreeOrder } from './ordering.js';

describe('sparse LU', () => {
  it('solves a 2×2 technosphere by hand', () => {
    // Process 1 makes 1 kg of steel and needs 2 kWh; process 2 makes 1 kWh and needs 0.1 kg steel.
    //   A = [[1, -0.1], [-2, 1]], demand f = (1, 0).
    //   s1 − 0.1 s2 = 1 and −2 s1 + s2 = 0 → s2 = 2 s1 → s1 (1 − 0.2) = 1 → s1 = 1.25, s2 = 2.5.
    const a = cscFromTriplets(2, 2, [
      { row: 0, col: 0, value: 1 },
      { row: 1, col: 0, value: -2 },
      { row: 0, col: 1, value: -0.1 },
      { row: 1, col: 1, value: 1 },
    ]);
    const { x, residual } = new SparseLu(a).solve([1, 0]);
    expect(x[0]).toBeCloseTo(1.25, 14);
    expect(x[1]).toBeCloseTo(2.5, 14);
    expect(residual.relative).toBeLessThan(1e-15);
  });

  it('pivots off the diagonal when the diagonal is zero', () => {
    // [[0, 1], [1, 0]] x = (3, 4) → x = (4, 3): no diagonal pivot exists at all.
    const a = cscFromTriplets(2, 2, [
      { row: 1, col: 0, value: 1 },
      { row: 0, col: 1, value: 1 },
    ]);
    const lu = new SparseLu(a);
    expect(Array.from(lu.solve([3, 4]).x)).toEqual([4, 3]);
    expect(lu.factors.offDiagonalPivots).toBeGreaterThan(0);
  });

  it('rejects a singular matrix', () => {
    const a = cscFromTriplets(2, 2, [
      { row: 0, col: 0, value: 1 },
      { row: 1, col: 0, value: 2 },
      { row: 0, col: 1, value: 2 },
      { row: 1, col: 1, value: 4 },
    ]);
    expect(() => luFactor(a)).toThrow(SingularMatrixError);
  });

  it('agrees with dense Gaussian elimination on random sparse well-conditioned systems', () => {
    // Subnormal inputs (below 1e-300) lose relative precision in any solver, which makes the
    // backward-error bound meaningless; such values are rounded to zero.
    const normal = (max: number) =>
      fc.double({ min: -max, max, noNaN: true }).map((v) => (Math.abs(v) < 1e-300 ? 0 : v));
    // Column-diagonally-dominant matrices (|a_jj| > Σ|a_ij|) are non-singular with a condition
    // number bounded by the dominance margin, so both solvers must agree to near rounding.
    const system = fc.integer({ min: 1, max: 40 }).chain((n) =>
      fc.record({
        n: fc.constant(n),
        offDiagonal: fc.array(
          fc.record({
            row: fc.integer({ min: 0, max: n - 1 }),
            col: fc.integer({ min: 0, max: n - 1 }),
            value: normal(1),
          }),
          { maxLength: 4 * n },
        ),
        b: fc.array(normal(10), { minLength: n, maxLength: n }),
        pivotThreshold: fc.constantFrom(0.1, 1),
        order: fc.constantFrom(
          'btf' as const,
          'amd' as const,
          'min-degree' as const,
          'natural' as const,
        ),
      }),
    );
    fc.assert(
      fc.property(system, ({ n, offDiagonal, b, pivotThreshold, order }) => {
        const colAbs = new Float64Array(n);
        const entries: Triplet[] = [];
        for (const e of offDiagonal) {
          if (e.row === e.col) continue;
          entries.push(e);
          colAbs[e.col] = (colAbs[e.col] ?? 0) + Math.abs(e.value);
        }
        // Alternate signs on the diagonal so that pivoting is not trivially the identity.
        for (let j = 0; j < n; j++) {
          entries.push({ row: j, col: j, value: (j % 2 ? -1 : 1) * (1 + 1.5 * (colAbs[j] ?? 0)) });
        }
        const a = cscFromTriplets(n, n, entries);
        const lu = new SparseLu(a, { pivotThreshold, order });
        const { x, residual } = lu.solve(b);
        const ref = denseSolve(toDense(a), b);
        for (let i = 0; i < n; i++) expect(x[i]).toBeCloseTo(ref[i] ?? NaN, 9);
        expect(residual.backward).toBeLessThan(1e-14);
        const t = lu.solveTransposed(b);
        expect(t.residual.backward).toBeLessThan(1e-14);
      }),
      { numRuns: 200 },
    );
  });

  it('reuses one factorization for many demands', () => {
    const n = 30;
    const entries: Triplet[] = [];
    for (let j = 0; j < n; j++) {
      entries.push({ row: j, col: j, value: 2 });
      entries.push({ row: (j * 7 + 3) % n, col: j, value: -0.5 });
    }
    const a = cscFromTriplets(n, n, entries);
    const lu = new SparseLu(a);
    for (let k = 0; k < n; k++) {
      const e = new Float64Array(n);
      e[k] = 1;
      const { x } = lu.solve(e);
      const back = multiply(a, x);
      for (let i = 0; i < n; i++) expect(back[i]).toBeCloseTo(e[i] ?? NaN, 13);
    }
  });
});

describe('block triangular order', () => {
  it('finds the supply loops as strongly connected components, providers first', () => {
    // 0 ← 1 ← 2 (2 buys from 1, 1 from 0), and 3 ⇄ 4 buy from each other and from 2.
    //   A(i, j) ≠ 0 means j consumes i; components: {0}, {1}, {2}, {3, 4} in that order.
    const a = cscFromTriplets(5, 5, [
      ...[0, 1, 2, 3, 4].map((j) => ({ row: j, col: j, value: 1 })),
      { row: 0, col: 1, value: -0.5 },
      { row: 1, col: 2, value: -0.5 },
      { row: 2, col: 3, value: -0.5 },
      { row: 4, col: 3, value: -0.5 },
      { row: 3, col: 4, value: -0.5 },
    ]);
    expect(stronglyConnected(a)).toEqual([[0], [1], [2], [3, 4]]);
    expect(blockTriangularOrder(a).blockSizes).toEqual([1, 1, 1, 2]);
  });

  it('factors an acyclic (permuted triangular) system without any fill', () => {
    // Process j buys from processes 3j+1 and 3j+2 (a supply tree, numbered consumers first):
    // no loops, so every block is 1×1 and L is the identity.
    const n = 40;
    const entries: Triplet[] = [];
    for (let j = 0; j < n; j++) {
      entries.push({ row: j, col: j, value: 1 });
      for (const i of [3 * j + 1, 3 * j + 2])
        if (i < n) entries.push({ row: i, col: j, value: -0.7 });
    }
    const a = cscFromTriplets(n, n, entries);
    const btf = luFactor(a);
    expect(btf.l.values.length).toBe(n);
    expect(btf.offDiagonalPivots).toBe(0);
    const lu = new SparseLu(a);
    expect(lu.fill).toBe(entries.length);
    expect(lu.solve(new Float64Array(n).fill(1)).residual.relative).toBeLessThan(1e-15);
  });
});

describe('fill-reducing orders', () => {
  // An "arrow": hub process 0 supplies and is supplied by every other process. Eliminating the hub
  // first fills the whole matrix; any minimum-degree order eliminates the leaves first (degree 1)
  // and the hub last, so L + U keeps exactly the pattern of A: 3n − 2 entries.
  const n = 50;
  const arrow = cscFromTriplets(n, n, [
    ...Array.from({ length: n }, (_, j) => ({ row: j, col: j, value: 4 })),
    ...Array.from({ length: n - 1 }, (_, k) => ({ row: 0, col: k + 1, value: -0.05 })),
    ...Array.from({ length: n - 1 }, (_, k) => ({ row: k + 1, col: 0, value: -0.05 })),
  ]);

  it.each([
    ['approximate minimum degree', approximateMinimumDegreeOrder],
    ['minimum degree', minimumDegreeOrder],
  ])('%s puts the hub last and adds no fill', (_name, order) => {
    const q = order(arrow);
    expect([...q].sort((x, y) => x - y)).toEqual(Array.from({ length: n }, (_, i) => i));
    expect(q[n - 1]).toBe(0);
    expect(new SparseLu(arrow, { order: q }).fill).toBe(3 * n - 2);
    expect(new SparseLu(arrow, { order: 'natural' }).fill).toBe(n * n);
  });
});
