import { describe, expect, it } from 'vitest';
import { parseQuantity as q, valueIn } from '@carbonbase/quantity';
import { checkNeutrality, parseNeutralityRules, type NeutralityInput } from '../src/index.js';
import { readJson } from './data.js';

const rules = parseNeutralityRules(readJson('data/indicator-systems/carbon-neutrality-check.json'));
const t = (x: { value: number; unit: string }) => valueIn(x, 'tCO2e');

const input: NeutralityInput = {
  period: { from: 2025, to: 2025 },
  inventory: { scope1: q('8000 tCO2e'), 'scope2-electricity': q('2000 tCO2e') },
  inventoryVerified: true,
  reductions: [
    { id: 'r1', amount: q('500 tCO2e'), verified: true },
    { id: 'r2', amount: q('300 tCO2e'), verified: false },
  ],
  offsets: [
    { id: 'ccer-1', type: 'ccer', amount: q('6000 tCO2e'), vintage: 2024, retired: true },
    {
      id: 'gec-1',
      type: 'green-electricity-certificate',
      amount: q('5000 MWh'),
      vintage: 2025,
      retired: true,
    },
    { id: 'ccer-2', type: 'ccer', amount: q('9999 tCO2e'), vintage: 2024, retired: false },
  ],
  gridFactor: q('0.5306 tCO2/MWh'),
};

describe('carbon-neutrality check', () => {
  it('net = inventory − verified reductions − accepted offsets, worked by hand', () => {
    const r = checkNeutrality(rules, input);
    // Inventory 8000 + 2000 = 10 000; reductions: only r1 (500) is verified.
    // GEC: 5000 MWh × 0.5306 = 2653 t, capped at the 2000 t of scope-2 electricity.
    // CCER-2 is not retired: refused. Net = 10 000 − 500 − 6000 − 2000 = 1500 > 0.
    expect(t(r.inventory)).toBe(10_000);
    expect(t(r.reductions)).toBe(500);
    expect(t(r.offsets)).toBeCloseTo(8000, 9);
    expect(t(r.net)).toBeCloseTo(1500, 9);
    expect(r.claimable).toBe(false);
    const by = (id: string) => r.decisions.find((d) => d.id === id)!;
    expect(by('r2').reasons).toEqual(['reduction not verified']);
    expect(t(by('gec-1').counted)).toBeCloseTo(2000, 9);
    expect(by('gec-1').reasons[0]).toMatch(/capped/);
    expect(by('ccer-2').reasons[0]).toMatch(/not retired/);
    expect(r.unverifiedRules.length).toBeGreaterThan(0);
    expect(r.notice).toMatch(/not found/);
  });

  it('claims when net ≤ 0 and the inventory is verified; not when it is unverified', () => {
    const more: NeutralityInput = {
      ...input,
      offsets: [
        ...input.offsets,
        { id: 'ccer-3', type: 'ccer', amount: q('1500 tCO2e'), vintage: 2025, retired: true },
      ],
    };
    const r = checkNeutrality(rules, more);
    expect(t(r.net)).toBeCloseTo(0, 9);
    expect(r.claimable).toBe(true);
    const unverified = checkNeutrality(rules, { ...more, inventoryVerified: false });
    expect(unverified.claimable).toBe(false);
    expect(unverified.reasons).toEqual(['inventory not verified by a third party']);
  });

  it('green certificates may not be set against scope 1', () => {
    const r = checkNeutrality(rules, {
      ...input,
      offsets: [
        {
          id: 'gec-2',
          type: 'green-electricity-certificate',
          amount: q('10 MWh'),
          vintage: 2025,
          retired: true,
          against: 'scope1',
        },
      ],
    });
    expect(r.decisions.find((d) => d.id === 'gec-2')!.reasons[0]).toMatch(
      /may not be set against scope1/,
    );
  });
});
