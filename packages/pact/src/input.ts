import type { Quantity } from '@carbonbase/quantity';

/**
 * What carbonbase knows about one product footprint, independent of the PACT version it is
 * exchanged in. Emission amounts are Quantities per declared unit (unit kgCO2e or tCO2e, carbon
 * contents kgC or tC); shares are Quantities in %. Dates are ISO 8601 date-time strings in UTC.
 */
export interface ProductFootprintInput {
  /** UUID of this footprint dataset (PACT `id`). */
  readonly id: string;
  readonly created: string;
  /** Last change (PACT v2 `updated`; v3 has none because every change makes a new footprint). */
  readonly updated?: string;
  /** PACT v2 `version` (v3 dropped it); 1 when absent. */
  readonly version?: number;
  readonly status: FootprintStatus;
  readonly statusComment?: string;
  readonly precedingPfIds?: readonly string[];
  /** If absent, PACT reads the footprint as valid for 3 years from the reference period end. */
  readonly validityPeriod?: Period;
  readonly company: { readonly name: string; readonly ids: readonly string[] };
  readonly product: ProductIdentity;
  /** Free-text notes on the calculation (PACT `comment`). */
  readonly comment?: string;

  /** The declared unit and amount, e.g. 1 t of clinker: {value: 1, unit: 't'}. */
  readonly declaredUnit: Quantity;
  /** Mass of the declared unit without packaging; derived from a mass declared unit when absent. */
  readonly productMassPerDeclaredUnit?: Quantity;
  readonly referencePeriod: Period;
  readonly geography: Geography;

  readonly pcfExcludingBiogenic: Quantity;
  readonly pcfIncludingBiogenic: Quantity;
  readonly fossilGhgEmissions: Quantity;
  readonly fossilCarbonContent: Quantity;
  /** Required by PACT v2; give 0 kgC when there is no biogenic carbon. */
  readonly biogenicCarbonContent?: Quantity;
  /** Direct land-use change emissions (v2 `dLucGhgEmissions`, v3 `landUseChangeGhgEmissions`). */
  readonly landUseChangeGhgEmissions?: Quantity;
  /** Biogenic CO2 taken up in the product, ≤ 0 (v2 `biogenicCarbonWithdrawal`, v3 `biogenicCO2Uptake`). */
  readonly biogenicCO2Uptake?: Quantity;
  readonly aircraftGhgEmissions?: Quantity;
  readonly packaging:
    | { readonly included: false }
    | {
        readonly included: true;
        readonly ghgEmissions?: Quantity;
      };

  /** IPCC assessment reports whose GWPs were used, latest last, e.g. ['AR6']. */
  readonly characterizationFactors: readonly IpccReport[];
  /** Cross-sectoral standards in PACT v3 spelling, e.g. ['ISO14067', 'GHGP-Product', 'PACT-3.0']. */
  readonly crossSectoralStandards: readonly string[];
  /** Product category rules (e.g. the cement PCR of EPD International). */
  readonly productOrSectorSpecificRules?: readonly SectorRule[];
  readonly boundaryProcessesDescription: string;
  readonly allocationRulesDescription?: string;
  readonly exemptedEmissions: { readonly percent: Quantity; readonly description: string };
  readonly secondaryEmissionFactorSources?: readonly {
    readonly name: string;
    readonly version: string;
  }[];
  readonly primaryDataShare?: Quantity;
  readonly dqi?: DataQuality;
  readonly assurance?: Assurance;
}

export type FootprintStatus = 'Active' | 'Deprecated';
export type IpccReport = `AR${number}`;

export interface Period {
  readonly start: string;
  readonly end: string;
}

export interface ProductIdentity {
  /** Product ids as URNs, e.g. urn:pact:cement.example:product-id:P-042.5. */
  readonly ids: readonly string[];
  readonly nameCompany: string;
  readonly description: string;
  /** Classifications as URNs, e.g. urn:pact:productclassification:un-cpc:37440. */
  readonly classifications?: readonly string[];
  /** UN CPC code, required by PACT v2 (`productCategoryCpc`), e.g. "37440". */
  readonly cpcCode?: string;
}

/** Exactly one granularity, as PACT requires. */
export type Geography =
  | { readonly scope: 'global' }
  | { readonly scope: 'region'; readonly region: string }
  | { readonly scope: 'country'; readonly country: string }
  | { readonly scope: 'subdivision'; readonly subdivision: string };

export interface SectorRule {
  readonly operator: 'PEF' | 'EPD International' | 'Other';
  readonly ruleNames: readonly string[];
  readonly otherOperatorName?: string;
}

/**
 * The PACT methodology v2 rates data quality on a 1–3 scale with five indicators, v3 on a 1–5
 * scale with three. The scales cannot be converted into each other, so each is carried as
 * assessed and exported only into the version it belongs to.
 */
export interface DataQuality {
  readonly pact2?: {
    readonly coveragePercent: Quantity;
    readonly technologicalDQR: number;
    readonly temporalDQR: number;
    readonly geographicalDQR: number;
    readonly completenessDQR: number;
    readonly reliabilityDQR: number;
  };
  readonly pact3?: {
    readonly technologicalDQR: number;
    readonly geographicalDQR: number;
    readonly temporalDQR: number;
  };
}

/** Third-party verification (v2 `assurance`, v3 `verification`). */
export interface Assurance {
  readonly providerName: string;
  readonly completedAt?: string;
  readonly standardName?: string;
  readonly comments?: string;
  /** Kept only in the version whose vocabulary has it (only "product level" is in both). */
  readonly coverage?: AssuranceCoverage;
  /** v2 only. */
  readonly level?: 'limited' | 'reasonable';
  /** v2 only. */
  readonly boundary?: 'Gate-to-Gate' | 'Cradle-to-Gate';
}

export type AssuranceCoverage =
  | 'product level'
  | 'corporate level'
  | 'product line'
  | 'PCF system'
  | 'PCF calculation model'
  | 'PCF program';
