import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { FactorBase } from '@carbonbase/factors';
import { bundledFactorSetsDir, loadFactorSetTree, parseInventoryText } from '@carbonbase/io';
import { valueIn } from '@carbonbase/quantity';
import { METHOD_SETS, account } from '../src/index.js';
import { doc } from './fixtures.js';

/**
 * The one engine test that loads the bundled factor sets: the engine and the data agree on codes,
 * parameters and units, and the examples run under the method sets they are written for.
 */
const base = new FactorBase(await loadFactorSetTree(bundledFactorSetsDir()));
const example = (name: string) => {
  const file = fileURLToPath(new URL(`../../../examples/${name}`, import.meta.url));
  return parseInventoryText(readFileSync(file, 'utf8'), name);
};

describe('with the bundled factor sets', () => {
  it('A4 and A5 come out as in methods.md §11', () => {
    const r = account(
      doc('cn-gbt32150-2015', [
        { id: 'coal', kind: 'fuel-combustion', fuel: 'bituminous-coal', amount: '150000 t' },
        { id: 'diesel', kind: 'fuel-combustion', fuel: 'diesel', amount: '500 t' },
        { id: 'gas', kind: 'fuel-combustion', fuel: 'natural-gas', amount: '300 万Nm3' },
        { id: 'power', kind: 'electricity-purchased', amount: '120000 MWh' },
        { id: 'export', kind: 'electricity-exported', amount: '10000 MWh' },
        { id: 'heat', kind: 'heat-purchased', amount: '200000 GJ' },
      ]),
      base,
    );
    // A4: 269 297.0 t; A5 (2023 national 0.5306, heat 0.11): 63 672 − 5 306 + 22 000 = 80 366 t
    expect(valueIn(r.total, 'tCO2e')).toBeCloseTo(269297.0 + 80366, 0);
  });

  it.each([
    ['guangxi-cement-plant.yaml', ['cn-cement-2015', 'cn-cement-cets-2024', 'ghg-protocol']],
    ['general-industry.yaml', ['cn-gbt32150-2015', 'ghg-protocol']],
    ['ghg-protocol-company.json', ['ghg-protocol']],
  ])('%s runs under %j', (name, methods) => {
    for (const method of methods) {
      const r = account(example(name), base, { method, document: name });
      expect(r.total.unit).toBe('tCO2e');
      expect(r.total.value).toBeGreaterThan(0);
      expect(r.lines.every((l) => l.explanation.subject === l.id)).toBe(true);
    }
  });

  it('every method set names its standards', () => {
    for (const m of METHOD_SETS) expect(m.standards.length).toBeGreaterThan(0);
  });
});
