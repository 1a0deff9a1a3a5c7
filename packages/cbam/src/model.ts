import type { FactorQuery, Verification } from '@carbonbase/factors';
import type { Quantity } from '@carbonbase/quantity';
import type { CnCode } from './goods.js';

/**
 * The installation model: what an operator knows about one installation in one reporting period,
 * organised by production process as CBAM attributes emissions (IR (EU) 2023/1773 Annex III,
 * methods.md §8). Amounts are Quantities; factors are named, never bare numbers.
 */
export interface CbamInstallation {
  readonly format: 'carbonbase.cbam-installation/v1';
  readonly installation: InstallationInfo;
  readonly period: ReportingPeriod;
  readonly processes: readonly ProductionProcess[];
}

export interface InstallationInfo {
  readonly name: string;
  readonly nameEn?: string;
  /** Operator's installation identifier (in the CBAM registry or the operator's own). */
  readonly id?: string;
  /** Country of origin, ISO 3166-1 alpha-2: the default values are looked up for it. */
  readonly country: string;
  /** Finer region for factor resolution (e.g. CN-GX for a Guangxi grid factor). */
  readonly region?: string;
  readonly address?: string;
  readonly operator?: string;
  readonly contact?: string;
}

export interface ReportingPeriod {
  /** Year the emissions data describe. */
  readonly year: number;
  /** ISO dates of the reporting period, when it is not the calendar year. */
  readonly from?: string;
  readonly to?: string;
}

/**
 * A factor used by the calculation: a factor-base record (by `id@version` or by a query) or a
 * value the operator measured or was given, with its source. Results cite either kind.
 */
export type FactorInput =
  | { readonly ref: string }
  | { readonly query: FactorQuery }
  | {
      readonly value: Quantity;
      readonly source: string;
      readonly verification?: Verification;
    };

/** Calcination by the output method: CO2 from the CaO and MgO of the clinker. */
export interface CalcinationOutputMethod {
  readonly method: 'output';
  readonly cao: Quantity;
  readonly mgo: Quantity;
  /** CaO/MgO from non-carbonate sources (slags, fly ash); taken as 0 when absent (conservative). */
  readonly caoNonCarbonate?: Quantity;
  readonly mgoNonCarbonate?: Quantity;
  /** tCO2 per t CaO; default: factor base `cao` / `ef`. */
  readonly caoFactor?: FactorInput;
  /** tCO2 per t MgO; default: factor base `mgo` / `ef`. */
  readonly mgoFactor?: FactorInput;
}

/** Calcination with a clinker emission factor the operator determined or chose (tCO2/t clinker). */
export interface CalcinationFactorMethod {
  readonly method: 'factor';
  readonly factor: FactorInput;
}

export type Calcination = CalcinationOutputMethod | CalcinationFactorMethod;

/** Kiln dust leaving the kiln system (not returned to the kiln). */
export interface KilnDust {
  readonly amount: Quantity;
  /** Degree of calcination d; default: factor base `ckd` / `calcination-rate`. */
  readonly calcination?: FactorInput;
}

/** A fuel burnt in the process: E = AD × [NCV ×] EF × (1 − biomass share). */
export interface FuelStream {
  readonly id: string;
  readonly name: string;
  readonly amount: Quantity;
  /** Net calorific value, when the factor is per unit of energy. */
  readonly ncv?: Quantity;
  readonly emissionFactor: FactorInput;
  /** Share of the carbon that is biomass, counted as zero. */
  readonly biomassFraction?: Quantity;
}

/** Direct emissions determined elsewhere (e.g. a carbonbase inventory line), stated with their source. */
export interface OtherDirectEmission {
  readonly id: string;
  readonly name: string;
  readonly emissions: Quantity;
  readonly source: string;
}

export interface DirectData {
  /** Required for clinker; not allowed for goods that are not kiln products. */
  readonly calcination?: Calcination;
  readonly kilnDust?: readonly KilnDust[];
  readonly fuels?: readonly FuelStream[];
  readonly other?: readonly OtherDirectEmission[];
}

/** Electricity consumed by the process: E = MWh × EF. */
export interface ElectricityUse {
  readonly id: string;
  readonly name: string;
  readonly amount: Quantity;
  readonly factor: FactorInput;
}

export interface IndirectData {
  readonly electricity: readonly ElectricityUse[];
}

/**
 * A precursor's specific embedded emissions for a purchased precursor: the supplier's actual
 * value (from its communication), or the default value for the supplier's country.
 */
export type SeeSource =
  | { readonly basis: 'actual'; readonly value: Quantity; readonly source: string }
  | { readonly basis: 'default'; readonly country: string; readonly route?: string };

export type PrecursorOrigin =
  | { readonly process: string }
  | {
      readonly supplier: string;
      readonly direct: SeeSource;
      readonly indirect: SeeSource;
    };

/** A precursor consumed by a complex good's process: M_p and where its SEE_p comes from. */
export interface PrecursorUse {
  readonly good: CnCode;
  readonly amount: Quantity;
  readonly from: PrecursorOrigin;
}

/**
 * One production process, producing one good. `direct` or `indirect` may be left out: that part
 * then falls back to the default value for the good (with the year's mark-up), labelled as such.
 */
export interface ProductionProcess {
  readonly id: string;
  readonly name: string;
  readonly good: CnCode;
  /** Production route of the default-value rows, (A) grey or (B) white clinker/cement (routes.ts), where the factor base has routes. */
  readonly route?: string;
  /** AL_g: total production of the good in the period, including what the installation consumes itself. */
  readonly production: Quantity;
  readonly direct?: DirectData;
  readonly indirect?: IndirectData;
  /** Precursors consumed (complex goods only). */
  readonly precursors?: readonly PrecursorUse[];
}
