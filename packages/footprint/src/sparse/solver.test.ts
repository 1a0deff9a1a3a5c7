import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readOlcaJsonLdZip } from '@carbonbase/io';
import { ProductSystemModel } from '../calc/product-system.js';
import {
  cscFromTriplets,
  multiply,
  multiplyTransposed,
  type CscMatrix,
  type Triplet,
} from './csc.js';
import { SparseLu } from './lu.js';
import { IterationFailedError, LinearSolver } from './solver.js';

const unit = (n: number, j: number): Float64Array => {
  const e = new Float64Array(n);
  e[j] = 1;
  return e;
};

/** ‖x − y‖∞ / ‖y‖∞. */
function difference(x: ArrayLike<number>, y: ArrayLike<number>): number {
  let d = 0;
  let m = 0;
  for (let i = 0; i < y.length; i++) {
    d = Math.max(d, Math.abs((x[i] ?? 0) - (y[i] ?? 0)));
    m = Math.max(m, Math.abs(y[i] ?? 0));
  }
  return m === 0 ? d : d / m;
}

/** ‖b − A·x‖∞ / ‖b‖∞, computed here independently of the solver. */
function relativeResidual(
  a: CscMatrix,
  x: ArrayLike<number>,
  b: ArrayLike<number>,
  t = false,
): number {
  const ax = t ? multiplyTransposed(a, x) : multiply(a, x);
  let r = 0;
  let bn = 0;
  for (let i = 0; i < b.length; i++) {
    r = Math.max(r, Math.abs((b[i] ?? 0) - (ax[i] ?? 0)));
    bn = Math.max(bn, Math.abs(b[i] ?? 0));
  }
  return r / bn;
}

/**
 * A technosphere with unit outputs on the diagonal and inputs of either sign (co-products give
 * positive entries) whose absolute column sums stay below `margin`: column dominant.
 */
const dominantSystem = fc.integer({ min: 2, max: 120 }).chain((n) =>
  fc.record({
    n: fc.constant(n),
    margin: fc.double({ min: 0.05, max: 0.95, noNaN: true }),
    entries: fc.array(
      fc.record({
        row: fc.integer({ min: 0, max: n - 1 }),
        col: fc.integer({ min: 0, max: n - 1 }),
        weight: fc.double({ min: -1, max: 1, noNaN: true }),
      }),
      { maxLength: 8 * n },
    ),
  }),
);

function build(s: {
  n: number;
  margin: number;
  entries: { row: number; col: number; weight: number }[];
}): CscMatrix {
  const sums = new Float64Array(s.n);
  const off = s.entries.filter((e) => e.row !== e.col);
  for (const e of off) sums[e.col] = (sums[e.col] ?? 0) + Math.abs(e.weight);
  const triplets: Triplet[] = off.map((e) => ({
    row: e.row,
    col: e.col,
    value: (s.margin * e.weight) / ((sums[e.col] ?? 0) || 1),
  }));
  for (let j = 0; j < s.n; j++) triplets.push({ row: j, col: j, value: 1 });
  return cscFromTriplets(s.n, s.n, triplets);
}

describe('LinearSolver: ILU(0)-preconditioned GMRES with fallback to the LU', () => {
  it('agrees with the LU on random dominant systems, both directions, residual ≤ 1e-12', () => {
    fc.assert(
      fc.property(dominantSystem, fc.nat(), (s, pick) => {
        const a = build(s);
        const iterative = new LinearSolver(a, { method: 'iterative' });
        const lu = new SparseLu(a);
        const b = unit(s.n, pick % s.n);
        b[(pick * 7) % s.n] = (b[(pick * 7) % s.n] ?? 0) - 2.5;
        for (const transposed of [false, true]) {
          const it = transposed ? iterative.solveTransposed(b) : iterative.solve(b);
          const direct = transposed ? lu.solveTransposed(b) : lu.solve(b);
          expect(it.path).toBe('iterative');
          expect(it.residual.relative).toBeLessThanOrEqual(1e-12);
          expect(relativeResidual(a, it.x, b, transposed)).toBeLessThanOrEqual(1e-12);
          // ‖A⁻¹‖ ≤ 1/(1 − margin) and ‖A‖ ≤ 1 + margin bound the condition number: the answers
          // agree to the tolerance times it.
          const bound = (1e-12 * (1 + s.margin)) / (1 - s.margin);
          expect(difference(it.x, direct.x)).toBeLessThanOrEqual(Math.max(bound, 1e-12));
        }
      }),
      { numRuns: 150, seed: 20261124 },
    );
  });

  it('solves blocks of right-hand sides like one at a time', () => {
    const a = build({
      n: 60,
      margin: 0.9,
      entries: Array.from({ length: 500 }, (_, k) => ({
        row: (k * 37) % 60,
        col: (k * 11) % 60,
        weight: k % 3 === 0 ? 0.5 : -1,
      })),
    });
    const bs = Array.from({ length: 7 }, (_, j) => unit(60, 5 * j));
    const block = new LinearSolver(a, { method: 'iterative', blockSize: 3 }).solveMany(bs);
    const lu = new SparseLu(a);
    bs.forEach((b, j) => {
      expect(block[j]?.path).toBe('iterative');
      expect(difference(block[j]?.x ?? [], lu.solve(b).x)).toBeLessThan(1e-12);
    });
  });

  it("'auto' keeps small systems on the LU and takes the iteration from `iterativeFrom` on", () => {
    const a = build({ n: 10, margin: 0.5, entries: [{ row: 1, col: 0, weight: -1 }] });
    expect(new LinearSolver(a).solve(unit(10, 0)).path).toBe('lu');
    const large = new LinearSolver(a, { iterativeFrom: 10 }).solve(unit(10, 0));
    expect(large.path).toBe('iterative');
    // s₀ = 1, s₁ − 0.5·s₀ = 0 → s₁ = 0.5: column 0 has the one input −0.5.
    expect(large.x[1]).toBeCloseTo(0.5, 15);
  });

  it('falls back to the LU on a system that is not dominant, and says why', () => {
    // A zero diagonal (a process whose product is made elsewhere): ILU(0) has no pivot.
    const swap = cscFromTriplets(2, 2, [
      { row: 1, col: 0, value: 1 },
      { row: 0, col: 1, value: 1 },
    ]);
    const out = new LinearSolver(swap, { iterativeFrom: 0 }).solve([3, 4]);
    expect(out.path).toBe('lu');
    expect(out.fallback).toMatch(/ILU\(0\) broke down: no diagonal entry in column 0/);
    expect(Array.from(out.x)).toEqual([4, 3]);
    expect(() => new LinearSolver(swap, { method: 'iterative' }).solve([3, 4])).toThrow(
      IterationFailedError,
    );

    // A cycle with gain: x_{j+1} − 3·x_j = b, closed by a wrap-around entry; far from dominant,
    // ILU(0) exists but the iteration hardly contracts.
    const n = 200;
    const t: Triplet[] = [];
    for (let j = 0; j < n; j++) {
      t.push({ row: j, col: j, value: 1 });
      t.push({ row: (j + 1) % n, col: j, value: j % 2 === 0 ? -3 : 2.9 });
      t.push({ row: (j + 17) % n, col: j, value: 1.7 });
    }
    const cyclic = cscFromTriplets(n, n, t);
    const solver = new LinearSolver(cyclic, { iterativeFrom: 0, maxIterations: 40 });
    const first = solver.solve(unit(n, 3));
    expect(first.path).toBe('lu');
    expect(first.fallback).toMatch(/contraction|steps/);
    expect(first.residual.relative).toBeLessThan(1e-12);
    // Once given up, the iteration is not tried again.
    expect(solver.path).toBe('lu');
    expect(solver.solve(unit(n, 4)).fallback).toBe(first.fallback);
  });

  it('the US LCI: both paths within 1e-12 residual, the iteration where it converges, else the LU', () => {
    const zip = readFileSync(
      new URL(
        '../../../../../shared/data/uslci-jsonld-2017/uslci_olca1_5_0_json_ld.zip',
        import.meta.url,
      ),
    );
    const model = new ProductSystemModel(readOlcaJsonLdZip(zip).system, {
      regionPreference: ['US', 'RNA'],
    });
    const a = model.matrices.technosphere;
    const lu = new SparseLu(a);
    // Every 7th product: 110 demands, alone each (a block is judged by its slowest column).
    let iterated = 0;
    for (let j = 0; j < a.cols; j += 7) {
      const b = unit(a.cols, j);
      const auto = new LinearSolver(a, { iterativeFrom: 0, blockSize: 1 }).solve(b);
      const direct = lu.solve(b);
      if (auto.path === 'iterative') {
        iterated++;
        expect(relativeResidual(a, auto.x, b)).toBeLessThan(1e-12);
        // The US LCI mixes units (entries up to 1.19e8): its condition number turns a 1e-12
        // residual into differences up to ~2e-9 of ‖x‖∞ between two exact-to-tolerance answers.
        expect(difference(auto.x, direct.x)).toBeLessThan(1e-8);
      } else {
        expect(auto.fallback).toBeDefined();
        expect(Array.from(auto.x)).toEqual(Array.from(direct.x));
      }
    }
    expect(iterated).toBeGreaterThan(90);
    // The model itself stays on the LU for a system this small.
    expect(
      model.calculate({
        processId: model.linked.processes[0]?.id ?? '',
        amount: { value: 1, unit: model.linked.referenceAmounts[0]?.unit ?? '' },
      }).explanation.solver.path,
    ).toBe('lu');
  });
});
