/**
 * The shapes of the PACT documents carbonbase writes and reads. They follow the official schemas
 * (openapi_v2_3.yaml, openapi_v3_0.yaml, components/schemas) for the properties carbonbase uses;
 * the schemas themselves stay the authority and are checked by validatePact.
 */

export interface PactV2ProductFootprint {
  id: string;
  specVersion: string;
  precedingPfIds?: string[];
  version: number;
  created: string;
  updated?: string;
  status: 'Active' | 'Deprecated';
  statusComment?: string;
  validityPeriodStart?: string;
  validityPeriodEnd?: string;
  companyName: string;
  companyIds: string[];
  productDescription: string;
  productIds: string[];
  productClassifications?: string[];
  productCategoryCpc: string;
  productNameCompany: string;
  comment: string;
  pcf: PactV2CarbonFootprint;
}

export interface PactV2CarbonFootprint {
  declaredUnit: string;
  unitaryProductAmount: string;
  productMassPerDeclaredUnit?: string;
  pCfExcludingBiogenic: string;
  pCfIncludingBiogenic?: string;
  fossilGhgEmissions: string;
  fossilCarbonContent: string;
  biogenicCarbonContent: string;
  dLucGhgEmissions?: string;
  biogenicCarbonWithdrawal?: string;
  aircraftGhgEmissions?: string;
  packagingEmissionsIncluded: boolean;
  packagingGhgEmissions?: string;
  characterizationFactors: 'AR5' | 'AR6';
  ipccCharacterizationFactorsSources: string[];
  crossSectoralStandardsUsed: string[];
  crossSectoralStandards?: string[];
  productOrSectorSpecificRules?: PactSectorRule[];
  boundaryProcessesDescription: string;
  referencePeriodStart: string;
  referencePeriodEnd: string;
  geographyRegionOrSubregion?: string;
  geographyCountry?: string;
  geographyCountrySubdivision?: string;
  secondaryEmissionFactorSources?: { name: string; version: string }[];
  exemptedEmissionsPercent: number;
  exemptedEmissionsDescription: string;
  allocationRulesDescription?: string;
  primaryDataShare?: number;
  dqi?: {
    coveragePercent: number;
    technologicalDQR: number;
    temporalDQR: number;
    geographicalDQR: number;
    completenessDQR: number;
    reliabilityDQR: number;
  };
  assurance?: {
    assurance: boolean;
    providerName: string;
    coverage?: string;
    level?: 'limited' | 'reasonable';
    boundary?: 'Gate-to-Gate' | 'Cradle-to-Gate';
    completedAt?: string;
    standardName?: string;
    comments?: string;
  };
}

export interface PactV3ProductFootprint {
  id: string;
  specVersion: string;
  precedingPfIds?: string[];
  created: string;
  status: 'Active' | 'Deprecated';
  validityPeriodStart?: string;
  validityPeriodEnd?: string;
  companyName: string;
  companyIds: string[];
  productDescription: string;
  productIds: string[];
  productClassifications?: string[];
  productNameCompany: string;
  comment?: string;
  pcf: PactV3CarbonFootprint;
}

export interface PactV3CarbonFootprint {
  declaredUnitOfMeasurement: string;
  declaredUnitAmount: string;
  productMassPerDeclaredUnit: string;
  referencePeriodStart: string;
  referencePeriodEnd: string;
  geographyRegionOrSubregion?: string;
  geographyCountry?: string;
  geographyCountrySubdivision?: string;
  boundaryProcessesDescription?: string;
  pcfExcludingBiogenicUptake: string;
  pcfIncludingBiogenicUptake: string;
  fossilCarbonContent: string;
  biogenicCarbonContent?: string;
  fossilGhgEmissions: string;
  landUseChangeGhgEmissions?: string;
  biogenicCO2Uptake?: string;
  aircraftGhgEmissions?: string;
  packagingEmissionsIncluded?: boolean;
  packagingGhgEmissions?: string;
  ipccCharacterizationFactors: string[];
  crossSectoralStandards: string[];
  productOrSectorSpecificRules?: PactSectorRule[];
  exemptedEmissionsPercent: string;
  exemptedEmissionsDescription?: string;
  allocationRulesDescription?: string;
  secondaryEmissionFactorSources?: { name: string; version: string }[];
  primaryDataShare?: string;
  dqi?: { technologicalDQR: string; geographicalDQR: string; temporalDQR: string };
  verification?: {
    coverage?: string;
    providerName?: string;
    completedAt?: string;
    standardName?: string;
    comments?: string;
  };
}

export interface PactSectorRule {
  operator: 'PEF' | 'EPD International' | 'Other';
  ruleNames: string[];
  otherOperatorName?: string;
}

export type PactVersion = '2' | '3';
export type PactProductFootprint = PactV2ProductFootprint | PactV3ProductFootprint;
