import type { CscMatrix } from './csc.js';
import { cscFromTriplets, MatrixShapeError, type Triplet } from './csc.js';
import { approximateMinimumDegreeOrder } from './approximate-degree.js';

/**
 * Block triangular form by strongly connected components (Tarjan 1972; Duff & Reid 1978), then
 * approximate minimum degree inside each block: the default order of the LU.
 *
 * Why: most processes of an LCA database take part in no supply loop. Ordered so that every
 * provider comes before its consumers, the technosphere matrix is block upper triangular; a
 * process outside any loop is a 1×1 block whose column adds no fill at all, and only the loops
 * (the strongly connected components) need a fill-reducing order and real elimination. KLU and
 * UMFPACK's BTF step do the same. The zero-free diagonal BTF needs is what every process's
 * reference product gives (a structurally zero diagonal still works: the LU then pivots off it).
 */
export interface BlockOrder {
  /** Column (and preferred pivot row) order. */
  readonly order: Int32Array;
  /** Sizes of the diagonal blocks, in order. */
  readonly blockSizes: readonly number[];
}

export function blockTriangularOrder(a: CscMatrix): BlockOrder {
  if (a.rows !== a.cols)
    throw new MatrixShapeError(`BTF needs a square matrix, got ${a.rows}×${a.cols}`);
  const blocks = stronglyConnected(a);
  const order = new Int32Array(a.cols);
  const sizes: number[] = [];
  let k = 0;
  for (const block of blocks) {
    sizes.push(block.length);
    if (block.length === 1) {
      order[k++] = block[0] ?? 0;
      continue;
    }
    for (const local of approximateMinimumDegreeOrder(submatrix(a, block)))
      order[k++] = block[local] ?? 0;
  }
  return { order, blockSizes: sizes };
}

/**
 * Tarjan's algorithm, iterative, on the graph j → i for every entry A(i, j) ≠ 0 (consumer to
 * provider). Components come out in reverse topological order of that graph: providers first,
 * which is the order that makes A block *upper* triangular.
 */
export function stronglyConnected(a: CscMatrix): number[][] {
  const n = a.cols;
  const index = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const onStack = new Uint8Array(n);
  const stack: number[] = [];
  const call: number[] = [];
  const edge = new Int32Array(n);
  const out: number[][] = [];
  let counter = 0;
  for (let root = 0; root < n; root++) {
    if (index[root] !== -1) continue;
    call.push(root);
    while (call.length > 0) {
      const v = call[call.length - 1] ?? 0;
      if (index[v] === -1) {
        index[v] = low[v] = counter++;
        edge[v] = a.colPtr[v] ?? 0;
        stack.push(v);
        onStack[v] = 1;
      }
      let descended = false;
      const end = a.colPtr[v + 1] ?? 0;
      while ((edge[v] ?? 0) < end) {
        const w = a.rowIndex[edge[v] ?? 0] ?? 0;
        edge[v] = (edge[v] ?? 0) + 1;
        if (index[w] === -1) {
          call.push(w);
          descended = true;
          break;
        }
        if (onStack[w] === 1) low[v] = Math.min(low[v] ?? 0, index[w] ?? 0);
      }
      if (descended) continue;
      call.pop();
      const parent = call[call.length - 1];
      if (parent !== undefined) low[parent] = Math.min(low[parent] ?? 0, low[v] ?? 0);
      if (low[v] === index[v]) {
        const comp: number[] = [];
        let w: number | undefined;
        do {
          w = stack.pop();
          if (w === undefined) break;
          onStack[w] = 0;
          comp.push(w);
        } while (w !== v);
        comp.sort((x, y) => x - y);
        out.push(comp);
      }
    }
  }
  return out;
}

/** A(block, block) renumbered 0…b−1, for ordering one diagonal block. */
function submatrix(a: CscMatrix, block: readonly number[]): CscMatrix {
  const local = new Map(block.map((g, l) => [g, l]));
  const entries: Triplet[] = [];
  block.forEach((g, l) => {
    for (let p = a.colPtr[g] ?? 0; p < (a.colPtr[g + 1] ?? 0); p++) {
      const r = local.get(a.rowIndex[p] ?? 0);
      if (r !== undefined) entries.push({ row: r, col: l, value: 1 });
    }
  });
  return cscFromTriplets(block.length, block.length, entries);
}
