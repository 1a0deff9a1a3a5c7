import type { CscMatrix } from './csc.js';
import { MatrixShapeError } from './csc.js';
import { MinHeap } from './min-heap.js';

/**
 * A fill-reducing order: minimum degree on the graph of A + Aᵀ (the pattern of the symmetric part).
 *
 * Why this one: LCA technosphere matrices have a strong, non-zero diagonal (each process makes its
 * reference product) and a few "hub" suppliers (electricity, transport, fuels) used by almost
 * everyone. Ordering rows and columns symmetrically keeps the diagonal on the diagonal, so the LU
 * can nearly always pivot on it (see lu.ts), and minimum degree pushes the hubs to the end, where
 * their fill forms one small dense block instead of spreading through the factors. This is the
 * strategy of UMFPACK's and SuperLU's "symmetric mode" (AMD on A + Aᵀ).
 *
 * This is the classic minimum-degree algorithm on an explicit elimination graph (Tinney–Walker /
 * George & Liu 1989): exact degrees, but eliminating a node writes out the clique of its
 * neighbours (cost degree²), so it is kept for small systems and as the reference the quotient-
 * graph version (approximate-degree.ts, the default inside btf.ts) is compared with.
 * Ties go to the lowest index so that the order, and therefore every result, is reproducible.
 */
export function minimumDegreeOrder(a: CscMatrix): Int32Array {
  const { adj, dense } = symmetricGraph(a);
  const n = adj.length;
  const heap = new MinHeap(n);
  const eliminated = new Uint8Array(n);
  for (const d of dense) eliminated[d] = 1;
  for (let v = 0; v < n; v++) if (eliminated[v] === 0) heap.push(adj[v]?.size ?? 0, v);
  const order = new Int32Array(n);
  let k = 0;
  while (k < n - dense.length) {
    const top = heap.pop();
    if (top === undefined) break;
    const [deg, v] = top;
    const nb = adj[v];
    // Lazy deletion: skip stale heap entries whose degree has changed since they were pushed.
    if (eliminated[v] === 1 || nb === undefined || nb.size !== deg) continue;
    eliminated[v] = 1;
    order[k++] = v;
    const clique = [...nb];
    for (const u of clique) {
      const au = adj[u];
      if (!au) continue;
      au.delete(v);
      for (const w of clique) if (w !== u) au.add(w);
      heap.push(au.size, u);
    }
    adj[v] = new Set();
  }
  for (const d of dense) order[k++] = d;
  return order;
}

/**
 * Reverse Cuthill–McKee (George & Liu 1981, ch. 4) on A + Aᵀ without its dense nodes, which go
 * last. Keeps the fill inside a band (the profile); O(nnz) to compute, so it is the order for large
 * loops, where explicit minimum degree (cost Σ degree² over eliminations) becomes too slow.
 */
export function reverseCuthillMcKeeOrder(a: CscMatrix): Int32Array {
  const { adj, dense } = symmetricGraph(a);
  const n = adj.length;
  const skip = new Uint8Array(n);
  for (const d of dense) skip[d] = 1;
  for (const d of dense) for (const u of adj[d] ?? []) adj[u]?.delete(d);
  const degree = (v: number): number => adj[v]?.size ?? 0;
  const byDegree = Array.from({ length: n }, (_, i) => i).filter((v) => skip[v] === 0);
  byDegree.sort((x, y) => degree(x) - degree(y) || x - y);
  const visited = new Uint8Array(n);
  const out: number[] = [];
  for (const start of byDegree) {
    if (visited[start] === 1) continue;
    visited[start] = 1;
    let head = out.length;
    out.push(start);
    while (head < out.length) {
      const v = out[head++] ?? 0;
      const next = [...(adj[v] ?? [])].filter((u) => visited[u] === 0 && skip[u] === 0);
      next.sort((x, y) => degree(x) - degree(y) || x - y);
      for (const u of next) {
        visited[u] = 1;
        out.push(u);
      }
    }
  }
  out.reverse();
  return Int32Array.from([...out, ...dense]);
}

/**
 * The graph of A + Aᵀ without self loops, and its "dense" nodes: those adjacent to more than
 * max(16, min(10·√n, 8 × the average degree)) others — AMD's 10·√n rule (Amestoy, Davis & Duff
 * 2004), tightened because LCA hubs (electricity, transport) stay under 10·√n yet are what makes
 * explicit cliques expensive. They are ordered last, so that their fill forms one dense block at
 * the end instead of spreading through the factors.
 */
export function symmetricGraph(a: CscMatrix): { adj: Set<number>[]; dense: number[] } {
  if (a.rows !== a.cols)
    throw new MatrixShapeError(`ordering needs a square matrix, got ${a.rows}×${a.cols}`);
  const n = a.cols;
  const adj: Set<number>[] = Array.from({ length: n }, () => new Set<number>());
  for (let j = 0; j < n; j++) {
    for (let p = a.colPtr[j] ?? 0; p < (a.colPtr[j + 1] ?? 0); p++) {
      const i = a.rowIndex[p] ?? 0;
      if (i === j) continue;
      adj[i]?.add(j);
      adj[j]?.add(i);
    }
  }
  let edges = 0;
  for (const s of adj) edges += s.size;
  const limit = Math.max(16, Math.min(10 * Math.sqrt(n), (8 * edges) / Math.max(n, 1)));
  const dense: number[] = [];
  for (let v = 0; v < n; v++) if ((adj[v]?.size ?? 0) > limit) dense.push(v);
  dense.sort((x, y) => (adj[x]?.size ?? 0) - (adj[y]?.size ?? 0) || x - y);
  for (const d of dense) for (const u of adj[d] ?? []) adj[u]?.delete(d);
  return { adj, dense };
}
