import { describe, expect, it } from 'vitest';
import {
  formatChange,
  formatCompact,
  formatNumber,
  formatQuantity,
  formatQuantityCompact,
  formatShare,
} from './number.js';

describe('formatNumber', () => {
  it('groups thousands and keeps published decimals without padding', () => {
    expect(formatNumber(1234567.891, 'zh')).toBe('1,234,567.891');
    expect(formatNumber(19.57, 'zh')).toBe('19.57');
    expect(formatNumber(0.0261, 'en')).toBe('0.0261');
    expect(formatNumber(25200, 'en')).toBe('25,200');
    expect(formatNumber(-1500.5, 'zh')).toBe('-1,500.5');
  });

  it('rounds to the fraction digits asked for', () => {
    expect(formatNumber(0.123456789, 'zh')).toBe('0.123457');
    expect(formatNumber(2.005, 'zh', 0)).toBe('2');
  });

  it('prints non-finite values rather than hiding them', () => {
    expect(formatNumber(Number.NaN, 'zh')).toBe('NaN');
  });
});

describe('formatCompact', () => {
  it('uses 万 and 亿 in Chinese', () => {
    expect(formatCompact(9999, 'zh')).toBe('9,999');
    expect(formatCompact(12345, 'zh')).toBe('1.23万');
    expect(formatCompact(12_345_678, 'zh')).toBe('1,234.57万');
    expect(formatCompact(123_456_789, 'zh')).toBe('1.23亿');
    expect(formatCompact(1_234_567_890_000, 'zh')).toBe('12,345.68亿');
    expect(formatCompact(-50_000, 'zh')).toBe('-5万');
  });

  it('uses million and billion in English', () => {
    expect(formatCompact(123_456, 'en')).toBe('123,456');
    expect(formatCompact(12_345_678, 'en')).toBe('12.35 million');
    expect(formatCompact(3_200_000_000, 'en')).toBe('3.2 billion');
  });
});

describe('formatQuantity', () => {
  it('joins value and unit, with per cent written tight', () => {
    expect(formatQuantity(19.57, 'GJ/t', 'zh')).toBe('19.57 GJ/t');
    expect(formatQuantity(0.55, 'tCO2/MWh', 'en')).toBe('0.55 tCO2/MWh');
    expect(formatQuantity(93, '%', 'zh')).toBe('93%');
  });
});

describe('formatQuantityCompact, formatChange, formatShare', () => {
  it('shows a large emission with 万/亿 and its unit', () => {
    expect(formatQuantityCompact({ value: 1_234_567, unit: 'tCO2e' }, 'zh')).toBe('123.46万 tCO2e');
    expect(formatQuantityCompact({ value: 1_234_567, unit: 'tCO2e' }, 'en')).toBe(
      '1.23 million tCO2e',
    );
    expect(formatQuantityCompact({ value: 812.4, unit: 'tCO2e' }, 'zh', 0)).toBe('812 tCO2e');
  });

  it('signs changes and writes shares as per cent', () => {
    expect(formatChange(0.0312, 'zh')).toBe('+3.1%');
    expect(formatChange(-0.2, 'en')).toBe('-20%');
    expect(formatChange(0, 'en')).toBe('±0%');
    expect(formatShare(0.4567, 'zh')).toBe('45.7%');
  });
});
