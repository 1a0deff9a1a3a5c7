import { quantity, type Quantity } from '@carbonbase/quantity';
import { parseDecimal } from './decimal.js';
import { fromPactDeclaredUnit } from './declared-unit.js';
import type {
  AssuranceCoverage,
  Geography,
  IpccReport,
  ProductFootprintInput,
  SectorRule,
} from './input.js';
import type { PactV2ProductFootprint, PactV3ProductFootprint, PactVersion } from './pact-types.js';
import { CARBON_UNIT, CO2E_UNIT, MASS_UNIT, optional, PERCENT_UNIT } from './quantities.js';
import type { PactSchemas } from './schemas.js';
import { validatePact, type PactValidationError } from './validate.js';

export type PactImportResult =
  | {
      readonly ok: true;
      readonly version: PactVersion;
      readonly footprint: ProductFootprintInput;
      /**
       * JSON Pointers of properties present in the document that carbonbase does not carry
       * (e.g. /pcf/ccsTechnologicalCO2Capture, /extensions): reported, so nothing is lost unseen.
       */
      readonly unmapped: readonly string[];
    }
  | {
      readonly ok: false;
      readonly version?: PactVersion;
      readonly errors: readonly PactValidationError[];
    };

/**
 * Reads a partner's ProductFootprint (JSON text, or the parsed value): detects the version from
 * `specVersion` (or, failing that, from the shape of `pcf`), validates it against that version's
 * official schema and maps it to carbonbase's input with Quantities.
 */
export function importPact(json: unknown, schemas: PactSchemas): PactImportResult {
  let doc: unknown = json;
  if (typeof json === 'string') {
    try {
      doc = JSON.parse(json) as unknown;
    } catch (e) {
      return { ok: false, errors: [{ path: '', message: `not JSON: ${(e as Error).message}` }] };
    }
  }
  const version = detectPactVersion(doc);
  if (version === undefined) {
    return {
      ok: false,
      errors: [{ path: '/specVersion', message: 'neither a PACT v2 nor a v3 ProductFootprint' }],
    };
  }
  const result = validatePact(doc, version, schemas);
  if (!result.valid) return { ok: false, version, errors: result.errors };
  // The schema check above is what makes these casts sound.
  const footprint =
    version === '2' ? fromV2(doc as PactV2ProductFootprint) : fromV3(doc as PactV3ProductFootprint);
  return { ok: true, version, footprint, unmapped: unmappedProperties(doc as object, version) };
}

/** The properties each version's mapping reads (top level, then pcf). */
const MAPPED: Readonly<
  Record<PactVersion, { top: ReadonlySet<string>; pcf: ReadonlySet<string> }>
> = {
  '2': {
    top: new Set([
      'id',
      'specVersion',
      'precedingPfIds',
      'version',
      'created',
      'updated',
      'status',
      'statusComment',
      'validityPeriodStart',
      'validityPeriodEnd',
      'companyName',
      'companyIds',
      'productDescription',
      'productIds',
      'productClassifications',
      'productCategoryCpc',
      'productNameCompany',
      'comment',
      'pcf',
    ]),
    pcf: new Set([
      'declaredUnit',
      'unitaryProductAmount',
      'productMassPerDeclaredUnit',
      'pCfExcludingBiogenic',
      'pCfIncludingBiogenic',
      'fossilGhgEmissions',
      'fossilCarbonContent',
      'biogenicCarbonContent',
      'dLucGhgEmissions',
      'biogenicCarbonWithdrawal',
      'aircraftGhgEmissions',
      'packagingEmissionsIncluded',
      'packagingGhgEmissions',
      'characterizationFactors',
      'ipccCharacterizationFactorsSources',
      'crossSectoralStandardsUsed',
      'crossSectoralStandards',
      'productOrSectorSpecificRules',
      'boundaryProcessesDescription',
      'referencePeriodStart',
      'referencePeriodEnd',
      'geographyRegionOrSubregion',
      'geographyCountry',
      'geographyCountrySubdivision',
      'secondaryEmissionFactorSources',
      'exemptedEmissionsPercent',
      'exemptedEmissionsDescription',
      'allocationRulesDescription',
      'primaryDataShare',
      'dqi',
      'assurance',
    ]),
  },
  '3': {
    top: new Set([
      'id',
      'specVersion',
      'precedingPfIds',
      'created',
      'status',
      'validityPeriodStart',
      'validityPeriodEnd',
      'companyName',
      'companyIds',
      'productDescription',
      'productIds',
      'productClassifications',
      'productNameCompany',
      'comment',
      'pcf',
    ]),
    pcf: new Set([
      'declaredUnitOfMeasurement',
      'declaredUnitAmount',
      'productMassPerDeclaredUnit',
      'referencePeriodStart',
      'referencePeriodEnd',
      'geographyRegionOrSubregion',
      'geographyCountry',
      'geographyCountrySubdivision',
      'boundaryProcessesDescription',
      'pcfExcludingBiogenicUptake',
      'pcfIncludingBiogenicUptake',
      'fossilCarbonContent',
      'biogenicCarbonContent',
      'fossilGhgEmissions',
      'landUseChangeGhgEmissions',
      'biogenicCO2Uptake',
      'aircraftGhgEmissions',
      'packagingEmissionsIncluded',
      'packagingGhgEmissions',
      'ipccCharacterizationFactors',
      'crossSectoralStandards',
      'productOrSectorSpecificRules',
      'exemptedEmissionsPercent',
      'exemptedEmissionsDescription',
      'allocationRulesDescription',
      'secondaryEmissionFactorSources',
      'primaryDataShare',
      'dqi',
      'verification',
    ]),
  },
};

function unmappedProperties(doc: object, version: PactVersion): string[] {
  const { top, pcf } = MAPPED[version];
  const out = Object.keys(doc)
    .filter((k) => !top.has(k))
    .map((k) => `/${k}`);
  const carbon = (doc as { pcf?: object }).pcf ?? {};
  out.push(
    ...Object.keys(carbon)
      .filter((k) => !pcf.has(k))
      .map((k) => `/pcf/${k}`),
  );
  return out;
}

/** '2' or '3' from specVersion's major number, else from v2's `declaredUnit` or v3's `declaredUnitOfMeasurement`. */
export function detectPactVersion(doc: unknown): PactVersion | undefined {
  if (doc === null || typeof doc !== 'object') return undefined;
  const record = doc as Record<string, unknown>;
  const major =
    typeof record.specVersion === 'string' ? record.specVersion.split('.')[0] : undefined;
  if (major === '2' || major === '3') return major;
  const pcf = record.pcf;
  if (pcf !== null && typeof pcf === 'object') {
    if ('declaredUnitOfMeasurement' in pcf) return '3';
    if ('declaredUnit' in pcf) return '2';
  }
  return undefined;
}

const co2e = (text: string): Quantity => quantity(parseDecimal(text), CO2E_UNIT);
const carbon = (text: string): Quantity => quantity(parseDecimal(text), CARBON_UNIT);
const kg = (text: string): Quantity => quantity(parseDecimal(text), MASS_UNIT);
const percent = (value: string | number): Quantity =>
  quantity(typeof value === 'number' ? value : parseDecimal(value), PERCENT_UNIT);
const opt = <T, R>(value: T | undefined, f: (v: T) => R): R | undefined =>
  value === undefined ? undefined : f(value);

function geography(pcf: {
  geographyRegionOrSubregion?: string;
  geographyCountry?: string;
  geographyCountrySubdivision?: string;
}): Geography {
  if (pcf.geographyCountrySubdivision !== undefined)
    return { scope: 'subdivision', subdivision: pcf.geographyCountrySubdivision };
  if (pcf.geographyCountry !== undefined)
    return { scope: 'country', country: pcf.geographyCountry };
  if (pcf.geographyRegionOrSubregion !== undefined)
    return { scope: 'region', region: pcf.geographyRegionOrSubregion };
  return { scope: 'global' };
}

function rules(
  list: PactV3ProductFootprint['pcf']['productOrSectorSpecificRules'],
): SectorRule[] | undefined {
  return list?.map((r) => ({
    operator: r.operator,
    ruleNames: [...r.ruleNames],
    ...optional('otherOperatorName', r.otherOperatorName),
  }));
}

function validity(doc: { validityPeriodStart?: string; validityPeriodEnd?: string }) {
  return doc.validityPeriodStart !== undefined && doc.validityPeriodEnd !== undefined
    ? { validityPeriod: { start: doc.validityPeriodStart, end: doc.validityPeriodEnd } }
    : {};
}

function fromV2(doc: PactV2ProductFootprint): ProductFootprintInput {
  const pcf = doc.pcf;
  const unit = fromPactDeclaredUnit(pcf.declaredUnit);
  const reports = pcf.ipccCharacterizationFactorsSources as IpccReport[];
  return {
    id: doc.id,
    created: doc.created,
    ...optional('updated', doc.updated),
    version: doc.version,
    status: doc.status,
    ...optional('statusComment', doc.statusComment),
    ...optional('precedingPfIds', doc.precedingPfIds),
    ...validity(doc),
    company: { name: doc.companyName, ids: doc.companyIds },
    product: {
      ids: doc.productIds,
      nameCompany: doc.productNameCompany,
      description: doc.productDescription,
      ...optional('classifications', doc.productClassifications),
      cpcCode: doc.productCategoryCpc,
    },
    ...optional('comment', doc.comment === '' ? undefined : doc.comment),
    declaredUnit: quantity(parseDecimal(pcf.unitaryProductAmount), unit),
    ...optional('productMassPerDeclaredUnit', opt(pcf.productMassPerDeclaredUnit, kg)),
    referencePeriod: { start: pcf.referencePeriodStart, end: pcf.referencePeriodEnd },
    geography: geography(pcf),
    pcfExcludingBiogenic: co2e(pcf.pCfExcludingBiogenic),
    // v2 makes the value including biogenic uptake optional; without it, no uptake was reported.
    pcfIncludingBiogenic: co2e(pcf.pCfIncludingBiogenic ?? pcf.pCfExcludingBiogenic),
    fossilGhgEmissions: co2e(pcf.fossilGhgEmissions),
    fossilCarbonContent: carbon(pcf.fossilCarbonContent),
    biogenicCarbonContent: carbon(pcf.biogenicCarbonContent),
    ...optional('landUseChangeGhgEmissions', opt(pcf.dLucGhgEmissions, co2e)),
    ...optional('biogenicCO2Uptake', opt(pcf.biogenicCarbonWithdrawal, co2e)),
    ...optional('aircraftGhgEmissions', opt(pcf.aircraftGhgEmissions, co2e)),
    packaging: pcf.packagingEmissionsIncluded
      ? { included: true, ...optional('ghgEmissions', opt(pcf.packagingGhgEmissions, co2e)) }
      : { included: false },
    characterizationFactors: reports.length > 0 ? reports : [pcf.characterizationFactors],
    crossSectoralStandards:
      pcf.crossSectoralStandards ?? standardsFromUsed(pcf.crossSectoralStandardsUsed),
    ...optional('productOrSectorSpecificRules', rules(pcf.productOrSectorSpecificRules)),
    boundaryProcessesDescription: pcf.boundaryProcessesDescription,
    ...optional('allocationRulesDescription', pcf.allocationRulesDescription),
    exemptedEmissions: {
      percent: percent(pcf.exemptedEmissionsPercent),
      description: pcf.exemptedEmissionsDescription,
    },
    ...optional('secondaryEmissionFactorSources', pcf.secondaryEmissionFactorSources),
    ...optional('primaryDataShare', opt(pcf.primaryDataShare, percent)),
    ...optional(
      'dqi',
      opt(pcf.dqi, (d) => ({
        pact2: {
          coveragePercent: percent(d.coveragePercent),
          technologicalDQR: d.technologicalDQR,
          temporalDQR: d.temporalDQR,
          geographicalDQR: d.geographicalDQR,
          completenessDQR: d.completenessDQR,
          reliabilityDQR: d.reliabilityDQR,
        },
      })),
    ),
    ...optional(
      'assurance',
      opt(pcf.assurance, (a) => ({
        providerName: a.providerName,
        ...optional('coverage', a.coverage as AssuranceCoverage | undefined),
        ...optional('level', a.level),
        ...optional('boundary', a.boundary),
        ...optional('completedAt', a.completedAt),
        ...optional('standardName', a.standardName),
        ...optional('comments', a.comments),
      })),
    ),
  };
}

/** The old v2 spellings of cross-sectoral standards, in the current vocabulary. */
function standardsFromUsed(used: readonly string[]): string[] {
  const names: Readonly<Record<string, string>> = {
    'GHG Protocol Product standard': 'GHGP-Product',
    'ISO Standard 14067': 'ISO14067',
    'ISO Standard 14044': 'ISO14040-44',
  };
  return used.map((u) => names[u] ?? u);
}

function fromV3(doc: PactV3ProductFootprint): ProductFootprintInput {
  const pcf = doc.pcf;
  const unit = fromPactDeclaredUnit(pcf.declaredUnitOfMeasurement);
  return {
    id: doc.id,
    created: doc.created,
    status: doc.status,
    ...optional('precedingPfIds', doc.precedingPfIds),
    ...validity(doc),
    company: { name: doc.companyName, ids: doc.companyIds },
    product: {
      ids: doc.productIds,
      nameCompany: doc.productNameCompany,
      description: doc.productDescription,
      ...optional('classifications', doc.productClassifications),
    },
    ...optional('comment', doc.comment),
    declaredUnit: quantity(parseDecimal(pcf.declaredUnitAmount), unit),
    // v3 writes 0 when mass is not relevant (energy, transport); 0 kg is not a mass to keep.
    ...optional(
      'productMassPerDeclaredUnit',
      parseDecimal(pcf.productMassPerDeclaredUnit) === 0
        ? undefined
        : kg(pcf.productMassPerDeclaredUnit),
    ),
    referencePeriod: { start: pcf.referencePeriodStart, end: pcf.referencePeriodEnd },
    geography: geography(pcf),
    pcfExcludingBiogenic: co2e(pcf.pcfExcludingBiogenicUptake),
    pcfIncludingBiogenic: co2e(pcf.pcfIncludingBiogenicUptake),
    fossilGhgEmissions: co2e(pcf.fossilGhgEmissions),
    fossilCarbonContent: carbon(pcf.fossilCarbonContent),
    ...optional('biogenicCarbonContent', opt(pcf.biogenicCarbonContent, carbon)),
    ...optional('landUseChangeGhgEmissions', opt(pcf.landUseChangeGhgEmissions, co2e)),
    ...optional('biogenicCO2Uptake', opt(pcf.biogenicCO2Uptake, co2e)),
    ...optional('aircraftGhgEmissions', opt(pcf.aircraftGhgEmissions, co2e)),
    packaging: pcf.packagingEmissionsIncluded
      ? { included: true, ...optional('ghgEmissions', opt(pcf.packagingGhgEmissions, co2e)) }
      : { included: false },
    characterizationFactors: pcf.ipccCharacterizationFactors as IpccReport[],
    crossSectoralStandards: pcf.crossSectoralStandards,
    ...optional('productOrSectorSpecificRules', rules(pcf.productOrSectorSpecificRules)),
    boundaryProcessesDescription: pcf.boundaryProcessesDescription ?? '',
    ...optional('allocationRulesDescription', pcf.allocationRulesDescription),
    exemptedEmissions: {
      percent: percent(pcf.exemptedEmissionsPercent),
      description: pcf.exemptedEmissionsDescription ?? '',
    },
    ...optional('secondaryEmissionFactorSources', pcf.secondaryEmissionFactorSources),
    ...optional('primaryDataShare', opt(pcf.primaryDataShare, percent)),
    ...optional(
      'dqi',
      opt(pcf.dqi, (d) => ({
        pact3: {
          technologicalDQR: parseDecimal(d.technologicalDQR),
          geographicalDQR: parseDecimal(d.geographicalDQR),
          temporalDQR: parseDecimal(d.temporalDQR),
        },
      })),
    ),
    ...optional(
      'assurance',
      opt(pcf.verification, (v) => ({
        providerName: v.providerName ?? '',
        ...optional('coverage', v.coverage as AssuranceCoverage | undefined),
        ...optional('completedAt', v.completedAt),
        ...optional('standardName', v.standardName),
        ...optional('comments', v.comments),
      })),
    ),
  };
}
