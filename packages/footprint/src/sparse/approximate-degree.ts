import type { CscMatrix } from './csc.js';
import { MinHeap } from './min-heap.js';
import { symmetricGraph } from './ordering.js';

/**
 * Approximate minimum degree on a quotient graph (the core of AMD: Amestoy, Davis & Duff, SIAM J.
 * Matrix Anal. Appl. 17(4), 1996; Davis 2006 §7.1), without AMD's supervariables and aggressive
 * absorption. An eliminated node becomes an *element* that stands for the clique of its
 * neighbours, so no clique is ever written out: eliminating p costs the size of its element plus
 * the adjacency of its members, instead of degree² for the explicit graph (ordering.ts).
 * Degrees are AMD's upper bound d_i ≤ |A_i \ i| + |L_p \ i| + Σ_e |L_e \ L_p|.
 * Dense nodes (as in ordering.ts) are ordered last.
 */
export function approximateMinimumDegreeOrder(a: CscMatrix): Int32Array {
  const { adj, dense } = symmetricGraph(a);
  const n = adj.length;
  const vars: Set<number>[] = adj;
  const elems: Set<number>[] = Array.from({ length: n }, () => new Set<number>());
  const members: (Set<number> | undefined)[] = new Array<Set<number> | undefined>(n);
  const degree = new Int32Array(n);
  const done = new Uint8Array(n);
  for (const d of dense) done[d] = 1;
  const heap = new MinHeap(n);
  for (let v = 0; v < n; v++) {
    degree[v] = vars[v]?.size ?? 0;
    if (done[v] === 0) heap.push(degree[v] ?? 0, v);
  }
  const w = new Int32Array(n).fill(-1);
  const order = new Int32Array(n);
  let k = 0;
  const live = n - dense.length;
  while (k < live) {
    const top = heap.pop();
    if (top === undefined) break;
    const [d, p] = top;
    if (done[p] === 1 || d !== degree[p]) continue;
    done[p] = 1;
    order[k++] = p;
    // L_p: p's variable neighbours and the members of every element adjacent to p.
    const lp = new Set<number>(vars[p]);
    for (const e of elems[p] ?? []) {
      for (const i of members[e] ?? []) if (i !== p && done[i] === 0) lp.add(i);
      // Element e is absorbed into p: every member forgets it.
      for (const i of members[e] ?? []) elems[i]?.delete(e);
      members[e] = undefined;
    }
    members[p] = lp;
    vars[p] = new Set();
    elems[p] = new Set();
    // |L_e \ L_p| for the elements adjacent to members of L_p, by one scan (AMD's w(e)).
    const touched: number[] = [];
    for (const i of lp) {
      for (const e of elems[i] ?? []) {
        if (w[e] === -1) {
          w[e] = members[e]?.size ?? 0;
          touched.push(e);
        }
        w[e] = (w[e] ?? 0) - 1;
      }
    }
    const remaining = live - k;
    for (const i of lp) {
      const vi = vars[i];
      const ei = elems[i];
      if (!vi || !ei) continue;
      vi.delete(p);
      // Edges inside L_p are now represented by element p.
      for (const j of lp) vi.delete(j);
      ei.add(p);
      let ext = 0;
      for (const e of ei) if (e !== p) ext += Math.max(0, w[e] ?? 0);
      const bound = vi.size + (lp.size - 1) + ext;
      const next = Math.max(0, Math.min(remaining - 1, (degree[i] ?? 0) + lp.size - 1, bound));
      degree[i] = next;
      heap.push(next, i);
    }
    for (const e of touched) w[e] = -1;
  }
  for (const d of dense) order[k++] = d;
  return order;
}
