import { toDecimalString } from './decimal.js';
import { toPactDeclaredUnit } from './declared-unit.js';
import {
  copy,
  geographyFields,
  map,
  PactExportError,
  productMass,
  validityFields,
} from './export-common.js';
import type { ProductFootprintInput } from './input.js';
import type { PactV2CarbonFootprint, PactV2ProductFootprint } from './pact-types.js';
import { carbon, co2e, optional, percentNumber } from './quantities.js';

export const PACT_V2_SPEC_VERSION = '2.3.0';

/** The cross-sectoral standards the v2.3 schema enumerates. */
const V2_STANDARDS = new Set([
  'ISO14067',
  'ISO14083',
  'ISO14040-44',
  'GHGP-Product',
  'PEF',
  'PACT-1.0',
  'PACT-2.0',
  'PACT-3.0',
]);

/** v2.3 still requires the deprecated `crossSectoralStandardsUsed`, in its older spelling. */
const V2_STANDARDS_USED: Readonly<Record<string, string>> = {
  'GHGP-Product': 'GHG Protocol Product standard',
  ISO14067: 'ISO Standard 14067',
  'ISO14040-44': 'ISO Standard 14044',
};

/** v2.3 knows only these assurance coverages. */
const V2_COVERAGE = new Set(['corporate level', 'product line', 'PCF system', 'product level']);

/** Writes a PACT v2.3 ProductFootprint. Throws PactExportError when v2 cannot express the input. */
export function toPactV2(input: ProductFootprintInput): PactV2ProductFootprint {
  if (input.product.cpcCode === undefined) {
    throw new PactExportError('product.cpcCode is required by PACT v2 (productCategoryCpc)');
  }
  return {
    id: input.id,
    specVersion: PACT_V2_SPEC_VERSION,
    ...optional('precedingPfIds', copy(input.precedingPfIds)),
    version: input.version ?? 1,
    created: input.created,
    ...optional('updated', input.updated),
    status: input.status,
    ...optional('statusComment', input.statusComment),
    ...validityFields(input),
    companyName: input.company.name,
    companyIds: [...input.company.ids],
    productDescription: input.product.description,
    productIds: [...input.product.ids],
    ...optional('productClassifications', copy(input.product.classifications)),
    productCategoryCpc: input.product.cpcCode,
    productNameCompany: input.product.nameCompany,
    comment: input.comment ?? '',
    pcf: carbonFootprintV2(input),
  };
}

function carbonFootprintV2(input: ProductFootprintInput): PactV2CarbonFootprint {
  const declared = toPactDeclaredUnit(input.declaredUnit, '2');
  if (input.biogenicCarbonContent === undefined) {
    throw new PactExportError('biogenicCarbonContent is required by PACT v2 (give 0 kgC if none)');
  }
  const standards = [...input.crossSectoralStandards];
  const unknown = standards.filter((s) => !V2_STANDARDS.has(s));
  if (unknown.length > 0) {
    throw new PactExportError(
      `crossSectoralStandards ${unknown.join(', ')} do not exist in PACT v2`,
    );
  }
  const standardsUsed = standards.flatMap((s) => V2_STANDARDS_USED[s] ?? []);
  if (standardsUsed.length === 0) {
    throw new PactExportError(
      'PACT v2 requires crossSectoralStandardsUsed: include ISO14067, GHGP-Product or ISO14040-44',
    );
  }
  const reports = [...input.characterizationFactors];
  const packaging = input.packaging;
  const assurance = input.assurance;
  const dqi = input.dqi?.pact2;
  return {
    declaredUnit: declared.unit,
    unitaryProductAmount: toDecimalString(declared.amount),
    ...optional('productMassPerDeclaredUnit', productMass(input)),
    pCfExcludingBiogenic: co2e(input.pcfExcludingBiogenic),
    pCfIncludingBiogenic: co2e(input.pcfIncludingBiogenic),
    fossilGhgEmissions: co2e(input.fossilGhgEmissions),
    fossilCarbonContent: carbon(input.fossilCarbonContent),
    biogenicCarbonContent: carbon(input.biogenicCarbonContent),
    ...optional('dLucGhgEmissions', map(input.landUseChangeGhgEmissions, co2e)),
    ...optional('biogenicCarbonWithdrawal', map(input.biogenicCO2Uptake, co2e)),
    ...optional('aircraftGhgEmissions', map(input.aircraftGhgEmissions, co2e)),
    packagingEmissionsIncluded: packaging.included,
    ...optional(
      'packagingGhgEmissions',
      packaging.included ? map(packaging.ghgEmissions, co2e) : undefined,
    ),
    // The deprecated single value: AR6 when it was used, as the methodology asks for the latest.
    characterizationFactors: reports.includes('AR6') ? 'AR6' : 'AR5',
    ipccCharacterizationFactorsSources: reports,
    crossSectoralStandardsUsed: standardsUsed,
    crossSectoralStandards: standards,
    ...optional(
      'productOrSectorSpecificRules',
      input.productOrSectorSpecificRules?.map((r) => ({
        operator: r.operator,
        ruleNames: [...r.ruleNames],
        ...optional('otherOperatorName', r.otherOperatorName),
      })),
    ),
    boundaryProcessesDescription: input.boundaryProcessesDescription,
    referencePeriodStart: input.referencePeriod.start,
    referencePeriodEnd: input.referencePeriod.end,
    ...geographyFields(input.geography),
    ...optional(
      'secondaryEmissionFactorSources',
      input.secondaryEmissionFactorSources?.map((s) => ({ name: s.name, version: s.version })),
    ),
    exemptedEmissionsPercent: percentNumber(input.exemptedEmissions.percent),
    exemptedEmissionsDescription: input.exemptedEmissions.description,
    ...optional('allocationRulesDescription', input.allocationRulesDescription),
    ...optional('primaryDataShare', map(input.primaryDataShare, percentNumber)),
    ...optional(
      'dqi',
      dqi && {
        coveragePercent: percentNumber(dqi.coveragePercent),
        technologicalDQR: dqi.technologicalDQR,
        temporalDQR: dqi.temporalDQR,
        geographicalDQR: dqi.geographicalDQR,
        completenessDQR: dqi.completenessDQR,
        reliabilityDQR: dqi.reliabilityDQR,
      },
    ),
    ...optional(
      'assurance',
      assurance && {
        assurance: true,
        providerName: assurance.providerName,
        ...optional(
          'coverage',
          assurance.coverage && V2_COVERAGE.has(assurance.coverage)
            ? assurance.coverage
            : undefined,
        ),
        ...optional('level', assurance.level),
        ...optional('boundary', assurance.boundary),
        ...optional('completedAt', assurance.completedAt),
        ...optional('standardName', assurance.standardName),
        ...optional('comments', assurance.comments),
      },
    ),
  };
}
