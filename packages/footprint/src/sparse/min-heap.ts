/** Binary min-heap of (key, node), ties to the lower node, with lazy deletion by the caller. */
export class MinHeap {
  private keys: Float64Array;
  private nodes: Int32Array;
  private size = 0;

  constructor(capacity: number) {
    this.keys = new Float64Array(Math.max(16, capacity * 2));
    this.nodes = new Int32Array(this.keys.length);
  }

  push(key: number, node: number): void {
    if (this.size === this.keys.length) {
      const keys = new Float64Array(this.size * 2);
      keys.set(this.keys);
      const nodes = new Int32Array(this.size * 2);
      nodes.set(this.nodes);
      this.keys = keys;
      this.nodes = nodes;
    }
    let i = this.size++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const pk = this.keys[parent] ?? 0;
      const pn = this.nodes[parent] ?? 0;
      if (pk < key || (pk === key && pn <= node)) break;
      this.keys[i] = pk;
      this.nodes[i] = pn;
      i = parent;
    }
    this.keys[i] = key;
    this.nodes[i] = node;
  }

  pop(): [number, number] | undefined {
    if (this.size === 0) return undefined;
    const out: [number, number] = [this.keys[0] ?? 0, this.nodes[0] ?? 0];
    const last = --this.size;
    const key = this.keys[last] ?? 0;
    const node = this.nodes[last] ?? 0;
    let i = 0;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= last) break;
      const ck = (j: number): number => this.keys[j] ?? 0;
      const cn = (j: number): number => this.nodes[j] ?? 0;
      if (c + 1 < last && (ck(c + 1) < ck(c) || (ck(c + 1) === ck(c) && cn(c + 1) < cn(c)))) c++;
      if (ck(c) > key || (ck(c) === key && cn(c) >= node)) break;
      this.keys[i] = ck(c);
      this.nodes[i] = cn(c);
      i = c;
    }
    this.keys[i] = key;
    this.nodes[i] = node;
    return out;
  }
}
