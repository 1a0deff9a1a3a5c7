import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  DimensionError,
  QuantityParseError,
  UnknownUnitError,
  add,
  convert,
  divide,
  multiply,
  parseQuantity,
  parseUnit,
  quantity,
  valueIn,
} from './index.js';

describe('parseQuantity', () => {
  it('reads the forms used in documents and factor tables', () => {
    expect(parseQuantity('150000 t')).toEqual({ value: 150000, unit: 't' });
    expect(parseQuantity('389.31 GJ/万Nm3')).toEqual({ value: 389.31, unit: 'GJ/万Nm3' });
    expect(parseQuantity('0.5306 tCO2/MWh')).toEqual({ value: 0.5306, unit: 'tCO2/MWh' });
    expect(parseQuantity('20 %')).toEqual({ value: 20, unit: '%' });
    expect(parseQuantity('20%')).toEqual({ value: 20, unit: '%' });
    expect(parseQuantity('1,200,000 t')).toEqual({ value: 1_200_000, unit: 't' });
    expect(parseQuantity('-5e3 kWh')).toEqual({ value: -5000, unit: 'kWh' });
    expect(parseQuantity('12 万元')).toEqual({ value: 12, unit: '万CNY' });
    expect(parseQuantity('300 10^4 Nm3')).toEqual({ value: 300, unit: '万Nm3' });
  });

  it('refuses a bare number or an unknown unit', () => {
    expect(() => parseQuantity('150000')).toThrow(QuantityParseError);
    expect(() => parseQuantity('t')).toThrow(QuantityParseError);
    expect(() => parseQuantity('5 furlongs')).toThrow(UnknownUnitError);
    expect(() => parseQuantity('5 furlongs')).toThrow(/furlongs/);
  });
});

describe('conversions', () => {
  it('converts mass and energy, including 万 prefixes', () => {
    expect(valueIn(parseQuantity('1.5 万t'), 't')).toBe(15000);
    expect(valueIn(parseQuantity('2500 kg'), 't')).toBeCloseTo(2.5, 12);
    expect(valueIn(parseQuantity('1 MWh'), 'GJ')).toBeCloseTo(3.6, 12);
    expect(valueIn(parseQuantity('1 万kWh'), 'MWh')).toBeCloseTo(10, 12);
    expect(valueIn(parseQuantity('1 GWh'), 'kWh')).toBeCloseTo(1e6, 6);
    expect(valueIn(parseQuantity('1 TJ'), 'GJ')).toBe(1000);
  });

  it('uses 29.3076 GJ per tce (GB/T 2589: 1 kgce = 7000 kcal = 29 307.6 kJ)', () => {
    expect(valueIn(parseQuantity('1 tce'), 'GJ')).toBeCloseTo(29.3076, 10);
    expect(valueIn(parseQuantity('7000 kcal'), 'kgce')).toBeCloseTo(1, 10);
    // 3.6 MJ per kWh / 29.3076 MJ per kgce = 0.12284 kgce/kWh (methods.md A9)
    expect(valueIn(parseQuantity('1 kWh'), 'kgce')).toBeCloseTo(0.12284, 5);
  });

  it('converts gas volumes in 万Nm3 and per-volume heat values', () => {
    expect(valueIn(parseQuantity('300 万Nm3'), 'Nm3')).toBe(3_000_000);
    // 389.31 GJ/万Nm3 = 0.038931 GJ/Nm3 = 38.931 MJ/Nm3
    expect(valueIn(parseQuantity('389.31 GJ/万Nm3'), 'MJ/Nm3')).toBeCloseTo(38.931, 10);
  });

  it('converts compound units: grid factors and the tC/GJ vs tC/TJ trap', () => {
    expect(valueIn(parseQuantity('0.5306 tCO2/MWh'), 'kgCO2/kWh')).toBeCloseTo(0.5306, 12);
    // Fuel tables print carbon content as 10^-3 tC/GJ = tC/TJ: 26.1 tC/TJ is 0.0261 tC/GJ.
    expect(valueIn(parseQuantity('26.1 tC/TJ'), 'tC/GJ')).toBeCloseTo(0.0261, 12);
    expect(valueIn(parseQuantity('26.1 10^-3 tC/GJ'), 'tC/GJ')).toBeCloseTo(0.0261, 12);
    // Reading the column as 10^-2 would be ten times too large — and is a different unit.
    expect(valueIn(parseQuantity('26.1 10^-2 tC/GJ'), 'tC/GJ')).toBeCloseTo(0.261, 12);
  });

  it('converts percent to a fraction', () => {
    expect(valueIn(parseQuantity('93 %'), '1')).toBeCloseTo(0.93, 12);
    expect(valueIn(quantity(0.93, '1'), '%')).toBeCloseTo(93, 10);
  });

  it('refuses to convert across dimensions and names both units', () => {
    expect(() => convert(parseQuantity('1 t'), 'GJ')).toThrow(DimensionError);
    expect(() => convert(parseQuantity('1 t'), 'GJ')).toThrow(/"t".*"GJ"/);
    expect(() => convert(parseQuantity('1 m3'), 'Nm3')).toThrow(DimensionError);
    expect(() => convert(parseQuantity('1 tC'), 'tCO2')).toThrow(/mass of|carbon/);
    expect(() => convert(parseQuantity('1 tC/GJ'), 'tC/t')).toThrow(/carbon\/energy.*carbon\/mass/);
    expect(() => add(parseQuantity('1 t'), parseQuantity('1 GJ'))).toThrow(DimensionError);
  });
});

describe('unit algebra', () => {
  it('multiplies through a fuel chain: t × GJ/t × tC/GJ → tC', () => {
    const energy = multiply(parseQuantity('150000 t'), parseQuantity('19.570 GJ/t'));
    expect(energy.unit).toBe('GJ');
    expect(energy.value).toBeCloseTo(2_935_500, 6);
    const carbon = multiply(energy, parseQuantity('0.0261 tC/GJ'));
    expect(carbon.unit).toBe('tC');
    expect(carbon.value).toBeCloseTo(76_616.55, 6);
  });

  it('cancels units of one dimension into a number and folds percent', () => {
    const e = multiply(parseQuantity('500 kg'), parseQuantity('42.652 GJ/t'));
    expect(e.unit).toBe('GJ');
    expect(e.value).toBeCloseTo(21.326, 10);
    const f = multiply(parseQuantity('1000 t'), parseQuantity('20 %'));
    expect(f).toEqual({ value: 200, unit: 't' });
    const ratio = divide(parseQuantity('90 t'), parseQuantity('100 t'));
    expect(ratio.unit).toBe('1');
    expect(ratio.value).toBeCloseTo(0.9, 12);
  });

  it('keeps unlike units apart: t × GJ/万Nm3 stays t·GJ/万Nm3', () => {
    expect(multiply(parseQuantity('1 t'), parseQuantity('1 GJ/万Nm3')).unit).toBe('t·GJ/万Nm3');
  });

  it('writes units canonically', () => {
    expect(parseUnit('tCO2 / MWh').text).toBe('tCO2/MWh');
    expect(parseUnit('kgCO2e/t·km').text).toBe('kgCO2e/t·km');
    expect(parseUnit('吨').text).toBe('t');
    expect(parseUnit('万元').text).toBe('万CNY');
    expect(() => parseUnit('t/GJ/a')).toThrow(UnknownUnitError);
  });

  it('round-trips any value through equivalent units (property)', () => {
    const pairs: [string, string][] = [
      ['t', 'kg'],
      ['MWh', '万kWh'],
      ['GJ', 'tce'],
      ['万Nm3', 'Nm3'],
      ['tCO2/MWh', 'kgCO2/kWh'],
      ['tC/GJ', 'tC/TJ'],
    ];
    fc.assert(
      fc.property(
        fc.double({ min: -1e9, max: 1e9, noNaN: true }),
        fc.constantFrom(...pairs),
        (v, [a, b]) => {
          const back = valueIn(convert(quantity(v, a), b), a);
          expect(back).toBeCloseTo(v, Math.abs(v) > 1e6 ? 2 : 6);
        },
      ),
    );
  });
});
