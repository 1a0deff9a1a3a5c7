import { describe, expect, it } from 'vitest';
import { formatEmissions, formatTonnes, fractionOf, notePart } from './scopeFormat.js';

describe('notePart: the reader’s half of an API note', () => {
  it('keeps codes and units in Latin letters inside the Chinese half', () => {
    // the overview's transfer note (packages/app analysis.ts) as the API writes it
    const note =
      'DEMO-PWR-01 向本地区 DEMO-AUT-01、DEMO-CHM-01 供电（热）：其排放已在 DEMO-PWR-01 的直接排放中，合计扣除购买企业对应的间接排放 50.42万 tCO2e。 ' +
      "DEMO-PWR-01 supplies DEMO-AUT-01, DEMO-CHM-01 of the region: those emissions are in DEMO-PWR-01's direct emissions, so the net total leaves out the buyers' 504,200 tCO2e of indirect emissions for it.";
    expect(notePart(note, 'zh')).toBe(
      'DEMO-PWR-01 向本地区 DEMO-AUT-01、DEMO-CHM-01 供电（热）：其排放已在 DEMO-PWR-01 的直接排放中，合计扣除购买企业对应的间接排放 50.42万 tCO2e。',
    );
    expect(notePart(note, 'en')).toMatch(
      /^DEMO-PWR-01 supplies .* 504,200 tCO2e of indirect emissions for it\.$/,
    );
  });

  it('splits a plain note at the last Chinese character, and leaves a one-language note whole', () => {
    const note =
      '综合能耗为各企业之和，内部购电 61.5万 MWh 既计入电厂燃料也计入购电企业用电。 Energy is the plain sum.';
    expect(notePart(note, 'zh')).toBe(
      '综合能耗为各企业之和，内部购电 61.5万 MWh 既计入电厂燃料也计入购电企业用电。',
    );
    expect(notePart(note, 'en')).toBe('Energy is the plain sum.');
    expect(
      notePart('每家企业取该年最新一次全年核算 each enterprise is taken from its latest run', 'zh'),
    ).toBe('每家企业取该年最新一次全年核算');
    // figures after the last Chinese character stay with it
    const ranked = '按总量排名：排放最多者为第 1 by total: rank 1 is the largest emitter';
    expect(notePart(ranked, 'zh')).toBe('按总量排名：排放最多者为第 1');
    expect(notePart(ranked, 'en')).toBe('by total: rank 1 is the largest emitter');
    expect(notePart('only English here', 'zh')).toBe('only English here');
    expect(notePart('只有中文', 'en')).toBe('只有中文');
  });
});

describe('formatTonnes', () => {
  it('rounds by magnitude and keeps kilograms of a small emitter', () => {
    expect(formatTonnes({ value: 1234.5678, unit: 't' }, 'zh')).toBe('1,235');
    expect(formatTonnes({ value: 56.78, unit: 't' }, 'en')).toBe('56.8');
    expect(formatTonnes({ value: 0.0124, unit: 't' }, 'en')).toBe('0.012');
    // 万 in Chinese from 10 000 t, like the emission figures
    expect(formatTonnes({ value: 123456, unit: 't' }, 'zh')).toBe('12.35万');
    expect(formatTonnes({ value: 123456, unit: 't' }, 'en')).toBe('123,456');
    expect(formatTonnes({ value: 12.3, unit: 't' }, 'zh', { signed: true })).toBe('+12.3');
    expect(formatTonnes({ value: -12.3, unit: 't' }, 'zh', { signed: true, withUnit: true })).toBe(
      '-12.3 t',
    );
    expect(formatTonnes({ value: 500, unit: 'kg' }, 'en')).toBe('500 kg');
  });
});

describe('fractionOf: a change as a fraction of the year before', () => {
  it('takes the year before as this year less the change', () => {
    // 80 t this year after −20 t: 100 t before, −20 %
    expect(fractionOf({ value: -20, unit: 't' }, { value: 80, unit: 't' })).toBeCloseTo(-0.2, 12);
    expect(fractionOf({ value: 30, unit: 't' }, { value: 130, unit: 't' })).toBeCloseTo(0.3, 12);
  });
  it('has no rate from zero, or across units, or without this year’s figure', () => {
    expect(fractionOf({ value: 5, unit: 't' }, { value: 5, unit: 't' })).toBeUndefined();
    expect(fractionOf({ value: 5, unit: 't' }, { value: 50, unit: 'kg' })).toBeUndefined();
    expect(fractionOf({ value: 5, unit: 't' }, null)).toBeUndefined();
  });
});

describe('formatEmissions', () => {
  it('writes 万 in Chinese and whole tonnes in English', () => {
    const q = { value: -192484.46, unit: 'tCO2e' };
    expect(formatEmissions(q, 'zh')).toBe('-19.25万 tCO2e');
    expect(formatEmissions(q, 'en')).toBe('-192,484 tCO2e');
    expect(formatEmissions({ value: 2_345_678, unit: 'tCO2e' }, 'en')).toBe('2.35 million tCO2e');
  });
});
