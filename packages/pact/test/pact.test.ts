import { listUnits, parseUnit, valueIn, type Quantity } from '@carbonbase/quantity';
import { describe, expect, it } from 'vitest';
import {
  fromPactDeclaredUnit,
  importPact,
  loadPactSchemas,
  PACT_DECLARED_UNITS,
  PactExportError,
  parseDecimal,
  toDecimalString,
  toPactDeclaredUnit,
  toPactV2,
  toPactV3,
  validatePact,
  formatPactErrors,
  type ProductFootprintInput,
} from '../src/index.js';
import { fixtures } from './fixtures.js';
import { readOpenApiSources } from './spec-files.js';

const schemas = loadPactSchemas(readOpenApiSources());

describe('decimal strings', () => {
  it('drops binary floating-point artefacts', () => {
    expect(toDecimalString(0.1 + 0.2)).toBe('0.3');
    expect(toDecimalString(0.7012 * 1000)).toBe('701.2');
    expect(toDecimalString(1.005 * 1000)).toBe('1005');
  });
  it('writes plain decimals without exponent, trailing zeros or negative zero', () => {
    expect(toDecimalString(1e21)).toBe('1000000000000000000000');
    expect(toDecimalString(1.5e-7)).toBe('0.00000015');
    expect(toDecimalString(-14.22)).toBe('-14.22');
    expect(toDecimalString(-0)).toBe('0');
    expect(toDecimalString(120)).toBe('120');
  });
  it('reads only PACT decimals', () => {
    expect(parseDecimal('-4.34')).toBe(-4.34);
    expect(() => parseDecimal('1e3')).toThrow();
    expect(() => parseDecimal('12,5')).toThrow();
    expect(() => toDecimalString(Number.NaN)).toThrow();
  });
});

describe('declared units', () => {
  it('maps every PACT declared unit the registry has, and names the ones it lacks', () => {
    const missing = PACT_DECLARED_UNITS.filter((r) => r.unit === null).map((r) => r.pact);
    expect(missing).toEqual(['megabit second']);
    for (const row of PACT_DECLARED_UNITS) {
      if (row.unit !== null) expect(parseUnit(row.unit).text).toBe(row.unit);
    }
    expect(listUnits().some((u) => u.symbol === 'bit')).toBe(false);
    expect(() => fromPactDeclaredUnit('megabit second')).toThrow(/registry/);
  });
  it('converts the declared amount into the PACT unit', () => {
    expect(toPactDeclaredUnit({ value: 1, unit: 't' }, '3')).toEqual({
      unit: 'kilogram',
      amount: 1000,
    });
    expect(toPactDeclaredUnit({ value: 2, unit: 'MJ' }, '2')).toEqual({
      unit: 'megajoule',
      amount: 2,
    });
    expect(toPactDeclaredUnit({ value: 1, unit: 'MWh' }, '3')).toEqual({
      unit: 'kilowatt hour',
      amount: 1000,
    });
    expect(toPactDeclaredUnit({ value: 5, unit: 't·km' }, '2').unit).toBe('ton kilometer');
    expect(toPactDeclaredUnit({ value: 3, unit: 'item' }, '3').unit).toBe('piece');
    // v2 has no "piece".
    expect(() => toPactDeclaredUnit({ value: 3, unit: 'item' }, '2')).toThrow(/v2/);
  });
});

describe('schemas', () => {
  it('are read from the OpenAPI documents, which must not be swapped', () => {
    expect(schemas.specVersions).toEqual({ '2': '2.3.3', '3': '3.0.4' });
    const { v2, v3 } = readOpenApiSources();
    expect(() => loadPactSchemas({ v2: v3, v3: v2 })).toThrow(
      /v2 source is the PACT API spec 3.0.4/,
    );
  });
});

describe('export validates against the official schemas', () => {
  for (const [name, input] of Object.entries(fixtures)) {
    it(`${name} as PACT v2.3`, () => {
      const result = validatePact(toPactV2(input), '2', schemas);
      expect(formatPactErrors(result.errors)).toEqual([]);
      expect(result.valid).toBe(true);
    });
    it(`${name} as PACT v3.0`, () => {
      const result = validatePact(toPactV3(input), '3', schemas);
      expect(formatPactErrors(result.errors)).toEqual([]);
      expect(result.valid).toBe(true);
    });
  }

  it('writes amounts in PACT units as decimal strings', () => {
    const v3 = toPactV3(fixtures.cement);
    expect(v3.pcf.declaredUnitOfMeasurement).toBe('kilogram');
    expect(v3.pcf.declaredUnitAmount).toBe('1000');
    expect(v3.pcf.productMassPerDeclaredUnit).toBe('1000');
    expect(v3.pcf.pcfExcludingBiogenicUptake).toBe('701.2');
    expect(v3.pcf.fossilGhgEmissions).toBe('701.2');
    expect(v3.pcf.primaryDataShare).toBe('0.3');
    expect(v3.pcf.geographyCountrySubdivision).toBe('CN-AH');
    const v2 = toPactV2(fixtures.cement);
    expect(v2.pcf.pCfExcludingBiogenic).toBe('701.2');
    expect(v2.pcf.primaryDataShare).toBe(0.3);
    expect(v2.pcf.characterizationFactors).toBe('AR6');
    expect(v2.pcf.crossSectoralStandardsUsed).toEqual(['ISO Standard 14067']);
    expect(toPactV3(fixtures.gridElectricity).pcf.productMassPerDeclaredUnit).toBe('0');
  });

  it('refuses inputs a version cannot express, naming the field', () => {
    const product = { ...fixtures.clinker.product, cpcCode: undefined };
    expect(() => toPactV2({ ...fixtures.clinker, product })).toThrow(PactExportError);
    expect(() => toPactV2({ ...fixtures.clinker, crossSectoralStandards: ['PAS2050'] })).toThrow(
      /PAS2050/,
    );
    const litre: ProductFootprintInput = {
      ...fixtures.cement,
      declaredUnit: { value: 1, unit: 'L' },
    };
    expect(() => toPactV3(litre)).toThrow(/productMassPerDeclaredUnit/);
  });
});

describe('invalid partner documents give errors with field paths', () => {
  it('v2: an amount as a JSON number', () => {
    const doc = toPactV2(fixtures.clinker) as unknown as { pcf: Record<string, unknown> };
    doc.pcf.pCfExcludingBiogenic = 846.3;
    const result = validatePact(doc, '2', schemas);
    expect(result.valid).toBe(false);
    expect(formatPactErrors(result.errors)).toContain('/pcf/pCfExcludingBiogenic: must be string');
  });
  it('v3: missing, malformed and out-of-vocabulary fields', () => {
    const doc = structuredClone(toPactV3(fixtures.cement)) as unknown as Record<string, unknown> & {
      pcf: Record<string, unknown>;
    };
    delete doc.productNameCompany;
    doc.pcf.declaredUnitAmount = '1.000,5';
    doc.pcf.declaredUnitOfMeasurement = 'tonne';
    doc.pcf.ipccCharacterizationFactors = ['AR6', 'AR6'];
    doc.companyIds = ['6e1f4c0a-2b7d-4f6e-9a51-0c2d3e4f5a6b'];
    const lines = formatPactErrors(validatePact(doc, '3', schemas).errors);
    expect(lines).toContain('/productNameCompany: is required');
    expect(lines).toContain('/pcf/declaredUnitAmount: must match format "decimal"');
    expect(
      lines.some((l) => l.startsWith('/pcf/declaredUnitOfMeasurement: must be equal to one of')),
    ).toBe(true);
    expect(
      lines.some((l) => l.startsWith('/pcf/ipccCharacterizationFactors: must NOT have duplicate')),
    ).toBe(true);
    expect(lines.some((l) => l.startsWith('/companyIds/0: must match'))).toBe(true);
  });
  it('v3: two geographies at once violate the exclusive choice', () => {
    const doc = toPactV3(fixtures.clinker);
    const both = { ...doc, pcf: { ...doc.pcf, geographyRegionOrSubregion: 'Eastern Asia' } };
    const result = validatePact(both, '3', schemas);
    expect(result.valid).toBe(false);
    expect(result.errors.some((e) => e.path === '/pcf')).toBe(true);
  });
  it('importPact reports the errors and the detected version', () => {
    const doc = { ...toPactV3(fixtures.clinker), specVersion: '3.0.0', status: 'Retired' };
    const result = importPact(doc, schemas);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.version).toBe('3');
      expect(formatPactErrors(result.errors)[0]).toMatch(/^\/status: must be equal to one of/);
    }
    expect(importPact('{"not": "pact"', schemas).ok).toBe(false);
    const unknown = importPact({ hello: 'world' }, schemas);
    expect(!unknown.ok && unknown.errors[0]?.path).toBe('/specVersion');
  });
});

describe('round trip export → import keeps the values', () => {
  const amounts: (keyof ProductFootprintInput)[] = [
    'pcfExcludingBiogenic',
    'pcfIncludingBiogenic',
    'fossilGhgEmissions',
  ];
  for (const [name, input] of Object.entries(fixtures)) {
    for (const version of ['2', '3'] as const) {
      it(`${name} through PACT v${version}`, () => {
        const doc = version === '2' ? toPactV2(input) : toPactV3(input);
        const result = importPact(JSON.stringify(doc), schemas);
        expect(result.ok).toBe(true);
        if (!result.ok) return;
        const back = result.footprint;
        expect(result.version).toBe(version);
        expect(back.id).toBe(input.id);
        expect(back.status).toBe(input.status);
        expect(back.product.ids).toEqual(input.product.ids);
        expect(back.geography).toEqual(input.geography);
        expect(back.referencePeriod).toEqual(input.referencePeriod);
        expect(back.validityPeriod).toEqual(input.validityPeriod);
        expect(back.characterizationFactors).toEqual(input.characterizationFactors);
        expect(back.crossSectoralStandards).toEqual(input.crossSectoralStandards);
        expect(same(back.declaredUnit, input.declaredUnit)).toBe(true);
        for (const key of amounts) {
          expect(same(back[key] as Quantity, input[key] as Quantity), key).toBe(true);
        }
        expect(same(back.fossilCarbonContent, input.fossilCarbonContent)).toBe(true);
        expect(same(back.exemptedEmissions.percent, input.exemptedEmissions.percent)).toBe(true);
        expect(back.packaging.included).toBe(input.packaging.included);
        if (input.primaryDataShare)
          expect(same(back.primaryDataShare!, input.primaryDataShare)).toBe(true);
        expect(back.assurance?.providerName).toBe(input.assurance?.providerName);
        // Exporting what was imported gives the same document again.
        expect(version === '2' ? toPactV2(back) : toPactV3(back)).toEqual(doc);
      });
    }
  }
  it('reports the partner properties it does not carry', () => {
    const doc = toPactV3(fixtures.clinker);
    const partner = {
      ...doc,
      extensions: [],
      pcf: { ...doc.pcf, ccsTechnologicalCO2CaptureIncluded: false, landAreaOccupation: '0.2' },
    };
    const result = importPact(partner, schemas);
    expect(result.ok && result.unmapped).toEqual([
      '/extensions',
      '/pcf/ccsTechnologicalCO2CaptureIncluded',
      '/pcf/landAreaOccupation',
    ]);
    expect(importPact(doc, schemas)).toMatchObject({ ok: true, unmapped: [] });
  });
  it('imports units as registry Quantities (kilogram → kg, kilowatt hour → kWh)', () => {
    const result = importPact(toPactV3(fixtures.gridElectricity), schemas);
    expect(result.ok && result.footprint.declaredUnit).toEqual({ value: 1000, unit: 'kWh' });
    const cement = importPact(toPactV2(fixtures.cement), schemas);
    expect(cement.ok && cement.footprint.declaredUnit).toEqual({ value: 1000, unit: 'kg' });
    expect(cement.ok && cement.footprint.pcfExcludingBiogenic).toEqual({
      value: 701.2,
      unit: 'kgCO2e',
    });
  });
});

/** Equal after conversion to the first one's unit, to 12 significant digits. */
function same(a: Quantity, b: Quantity): boolean {
  const x = a.value;
  const y = valueIn(b, a.unit);
  return Math.abs(x - y) <= 1e-12 * Math.max(1, Math.abs(x), Math.abs(y));
}
