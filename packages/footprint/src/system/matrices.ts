import type { CscMatrix, Triplet } from '../sparse/csc.js';
import { cscFromTriplets } from '../sparse/csc.js';
import type { Flow } from './model.js';
import type { LinkedSystem } from './linking.js';

/**
 * The technosphere matrix A (products × processes) and the intervention matrix B
 * (elementary flows × processes), as in Heijungs & Suh (2002), ch. 2.
 *
 * Row i of A is the reference product of process i, so A is square. Signs: a product output is
 * positive and a product input negative; for waste flows it is the other way round (a treatment
 * process "produces" the service of taking waste in, and a waste output consumes that service).
 * B holds outputs to nature as positive numbers and resources taken from nature as negative ones,
 * as openLCA does, so that an inventory row can be read as a net emission.
 */
export interface SystemMatrices {
  readonly technosphere: CscMatrix;
  readonly intervention: CscMatrix;
  /** Row order of B. */
  readonly elementaryFlows: readonly Flow[];
}

export function buildMatrices(system: LinkedSystem): SystemMatrices {
  const n = system.processes.length;
  const a: Triplet[] = [];
  system.referenceAmounts.forEach((q, j) => a.push({ row: j, col: j, value: q.value }));
  for (const link of system.links) {
    const flow = system.flows.get(link.flowId);
    const waste = flow?.kind === 'waste';
    const sign = (link.direction === 'input') !== waste ? -1 : 1;
    // A self-link (e.g. grid losses: a grid buys from itself) lands on the diagonal and nets off.
    a.push({ row: link.provider, col: link.consumer, value: sign * link.amount.value });
  }
  const rowOf = new Map<string, number>();
  const elementaryFlows: Flow[] = [];
  const b: Triplet[] = [];
  for (const e of system.elementary) {
    let row = rowOf.get(e.flowId);
    if (row === undefined) {
      const flow = system.flows.get(e.flowId);
      if (!flow) continue;
      row = elementaryFlows.length;
      rowOf.set(e.flowId, row);
      elementaryFlows.push(flow);
    }
    b.push({ row, col: e.process, value: (e.direction === 'output' ? 1 : -1) * e.amount.value });
  }
  return {
    technosphere: cscFromTriplets(n, n, a),
    intervention: cscFromTriplets(elementaryFlows.length, n, b),
    elementaryFlows,
  };
}
