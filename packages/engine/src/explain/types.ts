import type { Quantity } from '@carbonbase/quantity';
import type { Verification } from '@carbonbase/factors';

/** Where a formula or a constant comes from, with the confidence mark of shared/methods.md. */
export interface Citation {
  /** The standard or guideline, e.g. "GB/T 32151.8-2015". */
  readonly standard: string;
  /** Clause, table or section; says so when the clause number itself is not verified. */
  readonly clause: string;
  readonly verification: Verification;
}

/** How an input was obtained. */
export type InputOrigin =
  /** Given in the document as activity data (amounts). */
  | 'activity'
  /** A parameter measured by the reporter and given in the document (overrides a default). */
  | 'measured'
  /** A default taken from the factor base. */
  | 'default'
  /** A constant of the method (stoichiometry, a guideline default written into the method). */
  | 'constant'
  /** Derived from other lines of the document (e.g. the clinker factor used for kiln dust). */
  | 'derived';

export interface ExplainedInput {
  readonly symbol: string;
  readonly name: string;
  readonly value: Quantity;
  readonly origin: InputOrigin;
  /** The document field it came from, when it came from the document. */
  readonly field?: string;
  /** `id@version` of the factor record, when it came from the factor base. */
  readonly factor?: string;
  /** The source of a method constant. */
  readonly citation?: Citation;
}

export interface ExplainedFactor {
  readonly ref: string;
  readonly id: string;
  readonly version: string;
  readonly code: string;
  readonly parameter: string;
  readonly value: Quantity;
  readonly region: string;
  readonly year?: number;
  readonly basis?: string;
  readonly set: string;
  readonly source: { readonly document: string; readonly clause?: string; readonly url?: string };
  readonly verification: Verification;
  /** The resolver's reasons for choosing this record. */
  readonly reasons: readonly string[];
}

export interface UnitConversion {
  readonly what: string;
  readonly from: Quantity;
  readonly to: Quantity;
}

export interface CalculationStep {
  readonly symbol: string;
  readonly description: string;
  /** The arithmetic with the numbers filled in, e.g. "150000 t × 19.57 GJ/t". */
  readonly expression: string;
  readonly value: Quantity;
}

export interface Formula {
  readonly id: string;
  /** The formula in symbols, e.g. "E = AD × NCV × CC × OF × 44/12". */
  readonly text: string;
  readonly citation: Citation;
}

/** The derivation of one result line or one total, as data. */
export interface Explanation {
  /** Line id, or "total", or "total:<part>". */
  readonly subject: string;
  readonly title: string;
  readonly formula: Formula;
  readonly inputs: readonly ExplainedInput[];
  readonly factors: readonly ExplainedFactor[];
  readonly conversions: readonly UnitConversion[];
  readonly steps: readonly CalculationStep[];
  /** What the figure contributes (signed, tCO2e for emissions). */
  readonly result: Quantity;
  /** How the method treats the figure: included, deducted, memo, excluded, and why. */
  readonly treatment: string;
  readonly notes: readonly string[];
}
