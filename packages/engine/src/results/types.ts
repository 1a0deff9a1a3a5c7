import type { Quantity } from '@carbonbase/quantity';
import type { Warning } from '../calc/context.js';
import type { LineKind } from '../document/schema.js';
import type { Explanation } from '../explain/types.js';
import type { ScopeKey } from '../methods/method-set.js';

export const RESULT_FORMAT = 'carbonbase.result/v1';

/** What the method does with a line's figure. */
export type Treatment = 'included' | 'deducted' | 'memo' | 'excluded';

export interface LineResult {
  readonly id: string;
  readonly kind: LineKind;
  readonly facility?: string;
  readonly month?: number;
  readonly gas: string;
  readonly scope?: ScopeKey;
  readonly treatment: Treatment;
  /** Contribution to the total in tCO2e, signed (deductions negative, memo and excluded 0). */
  readonly emissions: Quantity;
  /** The figure as calculated, unsigned, tCO2e (present when the line was calculated). */
  readonly calculated?: Quantity;
  /** Contribution under market-based Scope 2 (GHG Protocol), signed, tCO2e. */
  readonly marketBased?: Quantity;
  readonly gasMass?: Quantity;
  readonly biomassCO2?: Quantity;
  readonly energy?: { readonly calorific: Quantity; readonly equivalent?: Quantity };
  readonly inClinkerBoundary?: boolean;
  readonly explanation: Explanation;
}

export interface Intensity {
  readonly id: string;
  readonly name: string;
  readonly value: Quantity;
  /** What was divided by what, and where the denominator came from. */
  readonly numerator: Quantity;
  readonly denominator: Quantity;
  readonly denominatorSource: string;
}

export interface MemoItem {
  readonly line: string;
  readonly kind: LineKind;
  readonly value: Quantity;
  readonly reason: string;
}

export interface EnergyResult {
  /** 综合能耗 当量值 (calorific equivalent), tce. */
  readonly calorific: Quantity;
  /** 综合能耗 等价值 (equal value), tce; null when a line lacks its coefficient. */
  readonly equivalent: Quantity | null;
  readonly notes: readonly string[];
}

export interface InventoryResult {
  readonly format: typeof RESULT_FORMAT;
  readonly document: string;
  readonly method: {
    readonly id: string;
    readonly version: string;
    readonly name: string;
    readonly nameEn: string;
    readonly standards: readonly string[];
    readonly rounding: { readonly decimals: number; readonly rule: string };
  };
  readonly reporter: { readonly name: string; readonly region: string };
  readonly period: { readonly year: number; readonly months: readonly number[] };
  readonly total: Quantity;
  readonly byScope: Readonly<Record<string, Quantity>>;
  /** GHG Protocol dual reporting. */
  readonly scope2?: {
    readonly locationBased: Quantity;
    readonly marketBased: Quantity;
    readonly inTotal: 'location' | 'market';
  };
  readonly byGas: Readonly<Record<string, Quantity>>;
  readonly byKind: Readonly<Record<string, Quantity>>;
  readonly byFacility: Readonly<Record<string, Quantity>>;
  readonly byMonth: Readonly<Record<string, Quantity>>;
  /** CETS-AG-02.01-V01-2024: the clinker-production boundary beside the enterprise. */
  readonly boundaries?: {
    readonly clinkerProduction: Quantity;
    readonly clinkerProductionIndirect: Quantity;
    readonly enterprise: Quantity;
    readonly note: string;
  };
  /** Biomass CO2, reported separately and outside every total. */
  readonly biomassCO2: Quantity;
  readonly memo: readonly MemoItem[];
  readonly intensities: readonly Intensity[];
  readonly energy: EnergyResult;
  readonly lines: readonly LineResult[];
  /** Explanations of the total and its parts: `total`, `total:scope1`, … */
  readonly totals: readonly Explanation[];
  readonly warnings: readonly Warning[];
}
