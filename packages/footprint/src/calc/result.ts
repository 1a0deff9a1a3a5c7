import type { Quantity } from '@carbonbase/quantity';
import type { Residual } from '../sparse/lu.js';
import type { SolvePath } from '../sparse/solver.js';
import type { LinkRule } from '../system/linking.js';
import type { Characterization } from '../impact/gwp.js';

/** A typed array whose entries share one unit; `labels[i]` names entry i. */
export interface LabelledVector {
  readonly unit: string;
  readonly labels: readonly string[];
  readonly values: Float64Array;
}

export interface InventoryEntry {
  readonly flowId: string;
  readonly name: string;
  readonly compartment?: string;
  /** Emissions positive, resources taken from nature negative. */
  readonly amount: Quantity;
}

export interface ProcessContribution {
  readonly processId: string;
  readonly processName: string;
  readonly amount: Quantity;
}

/** One first-tier input of the demanded process, with everything upstream of it. */
export interface InputContribution {
  readonly flowId: string;
  readonly flowName: string;
  readonly providerId: string;
  readonly providerName: string;
  /** Quantity of the input for the demanded amount. */
  readonly input: Quantity;
  readonly amount: Quantity;
}

export interface CutOffEntry {
  readonly consumerId: string;
  readonly consumerName: string;
  readonly flowId: string;
  readonly flowName: string;
  readonly direction: 'input' | 'output';
  /** Per reference amount of the consumer, as in its data set. */
  readonly perReference: Quantity;
  /** For the demanded amount (scaled by the consumer's activity). */
  readonly total: Quantity;
}

export interface LinkEntry {
  readonly consumerId: string;
  readonly consumerName: string;
  readonly flowId: string;
  readonly flowName: string;
  readonly providerId: string;
  readonly providerName: string;
  readonly rule: LinkRule;
  readonly candidates?: readonly string[];
  /** What the provider supplied to this consumer for the demanded amount. */
  readonly supplied: Quantity;
}

export interface SideFlowEntry {
  readonly processId: string;
  readonly processName: string;
  readonly flowId: string;
  readonly flowName: string;
  readonly direction: 'input' | 'output';
  readonly total: Quantity;
}

export interface SolverReport {
  readonly processes: number;
  readonly technosphereNonZeros: number;
  readonly interventionNonZeros: number;
  /** Non-zeros of the factors used: L + U of the LU, or those of the ILU(0) (= the technosphere's). */
  readonly factorNonZeros: number;
  readonly offDiagonalPivots: number;
  /** 'lu' (complete factorization) or 'iterative' (ILU(0)-preconditioned GMRES), sparse/solver.ts. */
  readonly path: SolvePath;
  /** Steps of the iteration (0 on the LU path). */
  readonly iterations: number;
  /** Why the iteration was given up for the LU, when it was tried and failed. */
  readonly fallback?: string;
  readonly residual: Residual;
}

export interface ImpactResult {
  readonly gwpSet: { readonly id: string; readonly version: string; readonly source: string };
  readonly total: Quantity;
  /** Direct emissions of each process, scaled (sums to the total). */
  readonly byProcess: readonly ProcessContribution[];
  /** The demanded process's own emissions… */
  readonly direct: Quantity;
  /** …and each of its linked inputs with all of its upstream (direct + Σ byInput = total). */
  readonly byInput: readonly InputContribution[];
  /** The factor applied to each characterized flow, with its source. */
  readonly characterized: readonly Characterization[];
}

/** The explanation: which process supplied what, by which rule, and what was left out. */
export interface FootprintExplanation {
  readonly links: readonly LinkEntry[];
  readonly cutOffs: readonly CutOffEntry[];
  readonly sideFlows: readonly SideFlowEntry[];
  readonly solver: SolverReport;
}

export interface FootprintResult {
  readonly demand: {
    readonly processId: string;
    readonly processName: string;
    readonly amount: Quantity;
  };
  /** Activity of every process (multiples of its reference amount). */
  readonly scaling: LabelledVector;
  readonly inventory: readonly InventoryEntry[];
  readonly impact?: ImpactResult;
  readonly explanation: FootprintExplanation;
}
