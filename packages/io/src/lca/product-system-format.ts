import type { Quantity } from '@carbonbase/quantity';

/**
 * The product-system format the LCA importers emit (docs/formats/product-system.md). It is the
 * input type of @carbonbase/footprint (`ProductSystemData`), restated here because io may not
 * depend on footprint (docs/architecture.md); TypeScript's structural typing checks that the two
 * agree wherever an import result is handed to the engine (see packages/io/test/lca-uslci.test.ts).
 */
export interface PsFlow {
  readonly id: string;
  readonly name: string;
  readonly kind: 'product' | 'waste' | 'elementary';
  readonly unit: string;
  readonly compartment?: string;
  readonly cas?: string;
  readonly location?: string;
}

export interface PsExchange {
  readonly flowId: string;
  readonly direction: 'input' | 'output';
  readonly amount: Quantity;
  readonly defaultProvider?: string;
}

export interface PsProcess {
  readonly id: string;
  readonly name: string;
  readonly location?: string;
  readonly referenceFlowId: string;
  readonly exchanges: readonly PsExchange[];
}

export interface PsProductSystem {
  readonly flows: readonly PsFlow[];
  readonly processes: readonly PsProcess[];
}
