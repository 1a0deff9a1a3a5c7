import type { Citation } from '../explain/types.js';
import type { LineKind } from '../document/schema.js';
import type { MethodConstant } from './constants.js';

/** Where a line's figure goes in the results. */
export type ScopeKey =
  /** Direct emissions (fuel, process, non-CO2). */
  | 'scope1'
  /** Purchased electricity and heat. */
  | 'scope2'
  /** Value-chain emissions (category 1, spend-based). */
  | 'scope3'
  /** Exported electricity and heat, deducted by the Chinese methods. */
  | 'exported'
  /** Captured CO2 deducted under the method's conditions. */
  | 'ccus';

/** How a method treats a kind of line. */
export interface KindRule {
  readonly scope: ScopeKey;
  /** +1 adds to the total, −1 deducts from it. */
  readonly sign: 1 | -1;
  readonly citation: Citation;
}

export interface StandardReference {
  readonly id: string;
  readonly title: string;
  readonly issuer: string;
  readonly year: number;
  readonly verification: Citation['verification'];
  readonly url?: string;
}

/** A versioned accounting method: which lines count, how, with which constants and citations. */
export interface MethodSet {
  readonly id: string;
  readonly version: string;
  readonly aliases: readonly string[];
  readonly name: string;
  readonly nameEn: string;
  readonly standards: readonly StandardReference[];
  /** Rules per line kind; a kind without a rule is outside the method and excluded with a warning. */
  readonly kinds: Partial<Record<LineKind, KindRule>>;
  /** Kinds calculated and reported as memo items, outside the total, with the reason. */
  readonly memoKinds?: { readonly kinds: readonly LineKind[]; readonly reason: string };
  /** Why kinds without a rule are left out. */
  readonly excludedReason: string;
  /**
   * Clinker process CO2: `output` = CaO/MgO output method (required measurements);
   * `default-factor` = default factor by clinker type from the factor base;
   * `output-else-default` = output method when CaO is measured, else the CSI default.
   */
  readonly clinker: 'output' | 'default-factor' | 'output-else-default';
  readonly stoichiometry: { readonly cao: MethodConstant; readonly mgo: MethodConstant };
  /** Fuel-property factor sets, most preferred first. */
  readonly fuelSets: readonly string[];
  /** Process factor sets (clinker defaults, deductions), most preferred first. */
  readonly processSets: readonly string[];
  readonly grid: {
    /** `site`: the reporter's (or facility's) region, widened by the resolver; `national`: CN. */
    readonly region: 'site' | 'national';
    readonly basis: string;
    readonly citation: Citation;
  };
  readonly gwp: 'AR4' | 'AR5' | 'AR6';
  /** Contractual instruments (green certificates, PPAs): counted market-based, or ignored. */
  readonly contracts: 'market-based' | 'ignored';
  /** Whether the CETS clinker-production boundary is reported beside the enterprise total. */
  readonly clinkerBoundary: boolean;
  /** CCUS: which destinations are deducted; others are reported as memo items. */
  readonly ccusDeducted: readonly ('geological-storage' | 'used-outside' | 'used-inside')[];
  readonly ccusCondition: string;
  /** How figures are rounded for presentation (results keep full precision). */
  readonly rounding: { readonly decimals: number; readonly rule: string };
  /** Formula citations by formula id. */
  readonly formulas: Readonly<Record<FormulaId, Citation>>;
}

export type FormulaId =
  | 'fuel-combustion'
  | 'alternative-fuel'
  | 'clinker-output'
  | 'clinker-default'
  | 'non-carbonate-deduction'
  | 'kiln-dust'
  | 'raw-meal-organic-carbon'
  | 'process-emission'
  | 'electricity'
  | 'heat'
  | 'ccus'
  | 'non-co2'
  | 'spend'
  | 'electricity-generated'
  | 'total';
