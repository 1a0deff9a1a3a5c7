import { describe, expect, it } from 'vitest';
import { asExplanation } from './explanation.js';

const t = (value: number, unit = 'tCO2e') => ({ value, unit });

describe('asExplanation', () => {
  it('accepts the engine explanation shape and refuses one without its figures', () => {
    const line = {
      subject: 'power.m01',
      title: 'purchased electricity',
      formula: {
        id: 'e',
        text: 'E = AD × EF_grid',
        citation: { standard: 's', clause: 'c', verification: 'verified' },
      },
      inputs: [{ symbol: 'AD', name: 'electricity', value: t(30000, 'MWh'), origin: 'activity' }],
      factors: [],
      conversions: [],
      steps: [],
      result: t(15918),
      treatment: 'included',
      notes: [],
    };
    expect(asExplanation(line)).toBe(line);
    expect(() => asExplanation({ ...line, result: 15918 })).toThrow(/expected fields/);
    expect(() => asExplanation({ ...line, inputs: [{ symbol: 'AD', value: 30000 }] })).toThrow();
    expect(() => asExplanation(null)).toThrow();
  });
});
