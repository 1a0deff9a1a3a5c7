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
import type { PactV3CarbonFootprint, PactV3ProductFootprint } from './pact-types.js';
import { carbon, co2e, optional, percentDecimal } from './quantities.js';

export const PACT_V3_SPEC_VERSION = '3.0.0';

/** v3.0 knows only these verification coverages. */
const V3_COVERAGE = new Set(['PCF calculation model', 'PCF program', 'product level']);

/**
 * Declared units for which PACT v3 asks for a mass of 0 because mass is not relevant (energy,
 * transport work, services); for the others the mass must be known.
 */
const MASSLESS_UNITS = new Set([
  'kilowatt hour',
  'megajoule',
  'ton kilometer',
  'hour',
  'megabit second',
]);

/** Writes a PACT v3.0 ProductFootprint. Throws PactExportError when v3 cannot express the input. */
export function toPactV3(input: ProductFootprintInput): PactV3ProductFootprint {
  return {
    id: input.id,
    specVersion: PACT_V3_SPEC_VERSION,
    ...optional('precedingPfIds', copy(input.precedingPfIds)),
    created: input.created,
    status: input.status,
    ...validityFields(input),
    companyName: input.company.name,
    companyIds: [...input.company.ids],
    productDescription: input.product.description,
    productIds: [...input.product.ids],
    ...optional('productClassifications', copy(input.product.classifications)),
    productNameCompany: input.product.nameCompany,
    ...optional('comment', input.comment),
    pcf: carbonFootprintV3(input),
  };
}

function carbonFootprintV3(input: ProductFootprintInput): PactV3CarbonFootprint {
  const declared = toPactDeclaredUnit(input.declaredUnit, '3');
  const massText = productMass(input) ?? (MASSLESS_UNITS.has(declared.unit) ? '0' : undefined);
  if (massText === undefined) {
    throw new PactExportError(
      `productMassPerDeclaredUnit is required by PACT v3 for declared unit "${declared.unit}"`,
    );
  }
  const packaging = input.packaging;
  const assurance = input.assurance;
  const dqi = input.dqi?.pact3;
  return {
    declaredUnitOfMeasurement: declared.unit,
    declaredUnitAmount: toDecimalString(declared.amount),
    productMassPerDeclaredUnit: massText,
    referencePeriodStart: input.referencePeriod.start,
    referencePeriodEnd: input.referencePeriod.end,
    ...geographyFields(input.geography),
    boundaryProcessesDescription: input.boundaryProcessesDescription,
    pcfExcludingBiogenicUptake: co2e(input.pcfExcludingBiogenic),
    pcfIncludingBiogenicUptake: co2e(input.pcfIncludingBiogenic),
    fossilCarbonContent: carbon(input.fossilCarbonContent),
    ...optional('biogenicCarbonContent', map(input.biogenicCarbonContent, carbon)),
    fossilGhgEmissions: co2e(input.fossilGhgEmissions),
    ...optional('landUseChangeGhgEmissions', map(input.landUseChangeGhgEmissions, co2e)),
    ...optional('biogenicCO2Uptake', map(input.biogenicCO2Uptake, co2e)),
    ...optional('aircraftGhgEmissions', map(input.aircraftGhgEmissions, co2e)),
    packagingEmissionsIncluded: packaging.included,
    ...optional(
      'packagingGhgEmissions',
      packaging.included ? map(packaging.ghgEmissions, co2e) : undefined,
    ),
    ipccCharacterizationFactors: [...input.characterizationFactors],
    crossSectoralStandards: [...input.crossSectoralStandards],
    ...optional(
      'productOrSectorSpecificRules',
      input.productOrSectorSpecificRules?.map((r) => ({
        operator: r.operator,
        ruleNames: [...r.ruleNames],
        ...optional('otherOperatorName', r.otherOperatorName),
      })),
    ),
    exemptedEmissionsPercent: percentDecimal(input.exemptedEmissions.percent),
    exemptedEmissionsDescription: input.exemptedEmissions.description,
    ...optional('allocationRulesDescription', input.allocationRulesDescription),
    ...optional(
      'secondaryEmissionFactorSources',
      input.secondaryEmissionFactorSources?.map((s) => ({ name: s.name, version: s.version })),
    ),
    ...optional('primaryDataShare', map(input.primaryDataShare, percentDecimal)),
    ...optional(
      'dqi',
      dqi && {
        technologicalDQR: toDecimalString(dqi.technologicalDQR),
        geographicalDQR: toDecimalString(dqi.geographicalDQR),
        temporalDQR: toDecimalString(dqi.temporalDQR),
      },
    ),
    ...optional(
      'verification',
      assurance && {
        ...optional(
          'coverage',
          assurance.coverage && V3_COVERAGE.has(assurance.coverage)
            ? assurance.coverage
            : undefined,
        ),
        providerName: assurance.providerName,
        ...optional('completedAt', assurance.completedAt),
        ...optional('standardName', assurance.standardName),
        ...optional('comments', assurance.comments),
      },
    ),
  };
}
