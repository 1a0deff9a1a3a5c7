import type { Quantity } from '@carbonbase/quantity';

/**
 * The product-system model: flows, and processes with exchanges. Plain data, so that an importer
 * (openLCA JSON-LD, an enterprise inventory) or a test can build it as literals.
 * The format is documented in docs/formats/product-system.md.
 */

/** product: goods and services; waste: goes to treatment; elementary: to or from nature. */
export type FlowKind = 'product' | 'waste' | 'elementary';

export interface Flow {
  /** Stable id (for openLCA data, the flow's UUID). Flows are matched by id, never by name. */
  readonly id: string;
  readonly name: string;
  readonly kind: FlowKind;
  /** The flow's reference unit; every exchange of the flow is expressed in it. */
  readonly unit: string;
  /** Elementary flows: the compartment path, e.g. "Elementary flows/air/low population density". */
  readonly compartment?: string;
  readonly cas?: string;
  readonly location?: string;
}

export type Direction = 'input' | 'output';

export interface Exchange {
  readonly flowId: string;
  readonly direction: Direction;
  /** In the flow's reference unit (importers convert). */
  readonly amount: Quantity;
  /** A provider the data set names for a product input (olca-schema `defaultProvider`). */
  readonly defaultProvider?: string;
  /** Avoided products (olca `avoidedProduct`) are handled as negative inputs. */
  readonly avoided?: boolean;
}

export interface Process {
  readonly id: string;
  readonly name: string;
  readonly location?: string;
  /**
   * The quantitative reference: the product output (or, for a treatment process, the waste input)
   * the process is normalised to. Its exchange is the diagonal of the technosphere matrix.
   */
  readonly referenceFlowId: string;
  readonly exchanges: readonly Exchange[];
}

export interface ProductSystemData {
  readonly flows: readonly Flow[];
  readonly processes: readonly Process[];
}
