import type { ProductFootprintInput } from '../src/index.js';

/**
 * Footprints written for these tests from the PACT schemas (the example bodies in the conformance
 * markdown are not schema-valid). Values are plausible for a Chinese dry-process plant; they
 * exercise unit conversion (t → kilogram, tCO2e → kgCO2e) and float artefacts (0.1 + 0.2).
 */
const company = {
  name: 'Example Cement Co., Ltd.',
  ids: [
    'urn:uuid:6e1f4c0a-2b7d-4f6e-9a51-0c2d3e4f5a6b',
    'urn:pact:cement.example.cn:company-id:91340000',
  ],
};

export const clinker: ProductFootprintInput = {
  id: '3f1d2c4b-5a6e-4f70-8b9c-0d1e2f3a4b5c',
  created: '2025-03-01T08:00:00Z',
  status: 'Active',
  company,
  product: {
    ids: ['urn:pact:cement.example.cn:product-id:CLK-01'],
    nameCompany: 'Portland cement clinker',
    description:
      'Portland cement clinker, dry process with 5-stage preheater and precalciner, bulk',
    classifications: ['urn:pact:productclassification:un-cpc:37410'],
    cpcCode: '37410',
  },
  comment: 'Cradle-to-gate footprint from the 2024 enterprise inventory.',
  declaredUnit: { value: 1, unit: 't' },
  referencePeriod: { start: '2024-01-01T00:00:00Z', end: '2025-01-01T00:00:00Z' },
  geography: { scope: 'country', country: 'CN' },
  pcfExcludingBiogenic: { value: 846.3, unit: 'kgCO2e' },
  pcfIncludingBiogenic: { value: 846.3, unit: 'kgCO2e' },
  fossilGhgEmissions: { value: 846.3, unit: 'kgCO2e' },
  fossilCarbonContent: { value: 0, unit: 'kgC' },
  biogenicCarbonContent: { value: 0, unit: 'kgC' },
  packaging: { included: false },
  characterizationFactors: ['AR6'],
  crossSectoralStandards: ['ISO14067', 'GHGP-Product'],
  productOrSectorSpecificRules: [
    { operator: 'EPD International', ruleNames: ['PCR 2019:14 Construction products'] },
  ],
  boundaryProcessesDescription:
    'Quarrying, raw meal preparation, kiln fuels, calcination, electricity from the grid',
  allocationRulesDescription: 'No co-products; kiln dust returned to the kiln.',
  exemptedEmissions: { percent: { value: 0.4, unit: '%' }, description: 'Refractory bricks' },
  secondaryEmissionFactorSources: [{ name: 'carbonbase CN factors', version: '2024.1' }],
  primaryDataShare: { value: 92.5, unit: '%' },
  dqi: {
    pact2: {
      coveragePercent: { value: 99.6, unit: '%' },
      technologicalDQR: 1.2,
      temporalDQR: 1,
      geographicalDQR: 1.1,
      completenessDQR: 1.3,
      reliabilityDQR: 1.5,
    },
    pact3: { technologicalDQR: 1.4, geographicalDQR: 1.2, temporalDQR: 1 },
  },
  assurance: {
    providerName: 'Example Verification GmbH',
    coverage: 'product level',
    level: 'limited',
    boundary: 'Cradle-to-Gate',
    completedAt: '2025-02-20T00:00:00Z',
    standardName: 'ISO 14064-3',
  },
};

export const cement: ProductFootprintInput = {
  id: 'a8b7c6d5-e4f3-4a2b-9c1d-0e9f8a7b6c5d',
  created: '2025-03-02T09:30:00Z',
  status: 'Active',
  validityPeriod: { start: '2025-03-01T00:00:00Z', end: '2026-03-01T00:00:00Z' },
  company,
  product: {
    ids: ['urn:pact:cement.example.cn:product-id:PO-42.5', 'urn:gtin:6901234567892'],
    nameCompany: 'P·O 42.5 ordinary Portland cement',
    description:
      'Ordinary Portland cement (GB 175) with 82 % clinker, 5 % gypsum, limestone and slag',
    classifications: ['urn:pact:productclassification:un-cpc:37440'],
    cpcCode: '37440',
  },
  declaredUnit: { value: 1, unit: 't' },
  referencePeriod: { start: '2024-01-01T00:00:00Z', end: '2025-01-01T00:00:00Z' },
  geography: { scope: 'subdivision', subdivision: 'CN-AH' },
  pcfExcludingBiogenic: { value: 0.7012, unit: 'tCO2e' },
  pcfIncludingBiogenic: { value: 0.7012, unit: 'tCO2e' },
  // 0.1 + 0.2 is 0.30000000000000004 in binary floating point; PACT must see "300".
  fossilGhgEmissions: { value: 0.1 + 0.2 + 0.4012, unit: 'tCO2e' },
  fossilCarbonContent: { value: 0, unit: 'kgC' },
  biogenicCarbonContent: { value: 0, unit: 'kgC' },
  packaging: { included: true, ghgEmissions: { value: 1.85, unit: 'kgCO2e' } },
  characterizationFactors: ['AR5', 'AR6'],
  crossSectoralStandards: ['ISO14067', 'PACT-2.0'],
  boundaryProcessesDescription: 'Clinker (own kiln), gypsum and slag purchase, grinding, packing',
  allocationRulesDescription: 'Slag carries no burden (cut-off, as by-product of steelmaking).',
  exemptedEmissions: { percent: { value: 0, unit: '%' }, description: '' },
  primaryDataShare: { value: 0.1 + 0.2, unit: '%' },
};

/** A footprint in a declared unit that is not a mass, so PACT v3 writes a mass of 0. */
export const gridElectricity: ProductFootprintInput = {
  id: '0b1c2d3e-4f50-4617-8293-a4b5c6d7e8f9',
  created: '2025-01-15T00:00:00Z',
  status: 'Deprecated',
  statusComment: 'Replaced by the 2025 grid factor.',
  company,
  product: {
    ids: ['urn:pact:cement.example.cn:product-id:ELEC-GRID'],
    nameCompany: 'Purchased grid electricity',
    description: 'Electricity from the East China grid, at the plant substation',
    cpcCode: '17100',
  },
  declaredUnit: { value: 1, unit: 'MWh' },
  referencePeriod: { start: '2023-01-01T00:00:00Z', end: '2024-01-01T00:00:00Z' },
  geography: { scope: 'region', region: 'Eastern Asia' },
  pcfExcludingBiogenic: { value: 570.3, unit: 'kgCO2e' },
  pcfIncludingBiogenic: { value: 570.3, unit: 'kgCO2e' },
  fossilGhgEmissions: { value: 570.3, unit: 'kgCO2e' },
  fossilCarbonContent: { value: 0, unit: 'kgC' },
  biogenicCarbonContent: { value: 0, unit: 'kgC' },
  packaging: { included: false },
  characterizationFactors: ['AR5'],
  crossSectoralStandards: ['GHGP-Product'],
  boundaryProcessesDescription: 'Generation mix and transmission losses',
  exemptedEmissions: { percent: { value: 0, unit: '%' }, description: '' },
};

export const fixtures = { clinker, cement, gridElectricity } as const;
