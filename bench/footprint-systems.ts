import { cscFromTriplets, type CscMatrix, type Triplet } from '@carbonbase/footprint';

/** mulberry32: a small seeded PRNG, so the generated system is the same in every run. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * An ecoinvent-sized technosphere: n processes, 10–15 non-zeros per column (the diagonal plus
 * 9–14 inputs). Structure meant to resemble a real database rather than a random matrix (whose LU
 * fills in completely under any ordering):
 *  - 1 % "hub" processes (electricity, transport, fuels) that everyone buys from: 30 % of inputs;
 *  - other inputs come from the same "sector" neighbourhood (the 100 processes before, 5 % after);
 *  - hubs buy from anywhere, which closes supply loops through them, as in ecoinvent, where a large
 *    strongly connected component exists.
 * Inputs are −U(0, 1) scaled so each column's inputs sum to < 0.9 of the unit output: columns are
 * diagonally dominant, the matrix is non-singular and well-conditioned (‖A‖₁‖A⁻¹‖₁ ≤ 1.9/0.1).
 */
export function generatedTechnosphere(n = 20_000, seed = 42): CscMatrix {
  const random = rng(seed);
  const hubs = Math.max(1, Math.round(n / 100));
  const window = 100;
  const entries: Triplet[] = [];
  for (let j = 0; j < n; j++) {
    entries.push({ row: j, col: j, value: 1 });
    const k = 9 + Math.floor(random() * 6);
    const rows = new Set<number>();
    while (rows.size < k) {
      const u = random();
      let i: number;
      if (j < hubs) i = Math.floor(random() * n);
      else if (u < 0.3) i = Math.floor(random() * hubs);
      else if (u < 0.95) i = Math.max(0, j - 1 - Math.floor(random() * window));
      else i = Math.min(n - 1, j + 1 + Math.floor(random() * window));
      if (i !== j) rows.add(i);
    }
    const weights = [...rows].map(() => random());
    const total = weights.reduce((s, w) => s + w, 0);
    [...rows].forEach((i, t) =>
      entries.push({ row: i, col: j, value: (-0.9 * (weights[t] ?? 0)) / total }),
    );
  }
  return cscFromTriplets(n, n, entries);
}
