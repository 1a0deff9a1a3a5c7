import { describe, expect, it } from 'vitest';
import { valueIn } from '@carbonbase/quantity';
import { communicationData } from '../src/communication.js';
import { communicationWorkbook } from '../src/workbook.js';
import { parseInstallation, CbamDocumentError } from '../src/parse.js';
import { specificEmbeddedEmissions } from '../src/see.js';
import { testBase } from './fixtures.js';

/** The A8 plant as a document, the way an operator writes it (quantities as "72000 t"). */
const grid = { query: { code: 'electricity', parameter: 'ef', region: 'CN', year: 2023 } };
const doc = {
  format: 'carbonbase.cbam-installation/v1',
  installation: { name: 'A8 plant', country: 'CN', id: 'INST-1' },
  period: { year: 2026 },
  processes: [
    {
      id: 'kiln',
      name: 'clinker',
      good: '25231000',
      production: '72000 t',
      direct: { calcination: { method: 'factor', factor: { value: '0.85 tCO2/t', source: 'A8' } } },
      indirect: {
        electricity: [{ id: 'p', name: 'kiln power', amount: '3960 MWh', factor: grid }],
      },
    },
    {
      id: 'mill',
      name: 'cement grinding',
      good: '2523-29-00',
      production: { value: 100000, unit: 't' },
      direct: { other: [{ id: 'o', name: 'other', emissions: '1500 tCO2', source: 'A8' }] },
      precursors: [{ good: '2523 10 00', amount: '72000 t', from: { process: 'kiln' } }],
    },
  ],
};

describe('parseInstallation', () => {
  it('reads quantities, CN codes in any spelling and factor inputs', () => {
    const inst = parseInstallation(doc);
    expect(inst.processes.map((p) => p.good)).toEqual(['2523 10 00', '2523 29 00']);
    expect(inst.processes[1]!.production).toEqual({ value: 100000, unit: 't' });
    expect(inst.processes[0]!.indirect!.electricity[0]!.factor).toEqual(grid);
  });

  it('reports every problem with its path', () => {
    const bad = {
      ...doc,
      installation: { name: 'x', country: 'China' },
      processes: [
        { id: 'k', name: 'k', good: '2523 11 00', production: '72000' },
        {
          id: 'm',
          name: 'm',
          good: '2523 29 00',
          production: '1 t',
          direct: {
            fuels: [{ id: 'f', name: 'f', amount: '1 t', emissionFactor: { value: '3 tCO2/t' } }],
          },
        },
      ],
    };
    try {
      parseInstallation(bad, 'bad.json');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(CbamDocumentError);
      expect((e as CbamDocumentError).issues.map((i) => i.path)).toEqual([
        '$.installation.country',
        '$.processes[0].good',
        '$.processes[0].production',
        '$.processes[1].direct.fuels[0].emissionFactor.source',
      ]);
    }
  });
});

describe('communication data', () => {
  const inst = parseInstallation(doc);
  const result = specificEmbeddedEmissions(inst, testBase);
  const c = communicationData(inst, result, { issued: '2026-11-24' });
  const [kiln, mill] = c.goods;

  it('carries per good SEE direct/indirect with basis and label, survives JSON', () => {
    expect(JSON.parse(JSON.stringify(c))).toEqual(c);
    // mill indirect falls back to the China 2523 29 00 default 0.07 × 1.1 = 0.077
    expect(mill!.see.indirect.label).toBe('default (+10 % mark-up 2026)');
    expect(valueIn(mill!.see.indirect.value, 'tCO2e/t')).toBeCloseTo(0.077, 12);
    // direct: (1 500 + 72 000 × 0.85) / 100 000 = 0.627
    expect(valueIn(mill!.see.direct.value, 'tCO2e/t')).toBeCloseTo(0.627, 12);
    expect(valueIn(mill!.see.total, 'tCO2e/t')).toBeCloseTo(0.704, 12);
    expect(mill!.precursors[0]).toMatchObject({
      cn: '2523 10 00',
      origin: 'own-production',
      process: 'kiln',
    });
    expect(kiln!.electricityConsumed).toEqual({ value: 3960, unit: 'MWh' });
    expect(c.factors.map((f) => f.ref)).toEqual([
      'test-cbam/cn.cement.i@1',
      'test-cbam/grid.cn.2023@1',
      'test-cbam/markup.2026@1',
    ]);
  });

  it('becomes a workbook of plain rows with units in the headers', () => {
    const wb = communicationWorkbook(c);
    expect(wb.sheets.map((s) => s.name)).toEqual([
      'Installation',
      'Summary_Products',
      'Precursors',
      'Emissions',
      'Factors',
      'Explanation',
    ]);
    const products = wb.sheets[1]!.rows;
    const header = products[0]!;
    const row = products[2]!;
    expect(row[header.indexOf('CN code')]).toBe('2523 29 00');
    expect(row[header.indexOf('SEE direct (tCO2e/t)')]).toBeCloseTo(0.627, 12);
    expect(row[header.indexOf('Indirect basis')]).toBe('default (+10 % mark-up 2026)');
    expect(row[header.indexOf('AttrEm indirect (tCO2e)')]).toBeNull();
    const precursors = wb.sheets[2]!.rows;
    expect(precursors[1]!.slice(0, 6)).toEqual([
      'mill',
      '2523 29 00',
      '2523 10 00',
      72000,
      'own-production',
      'kiln',
    ]);
    // every row of a sheet is as wide as its header
    for (const s of wb.sheets.slice(1))
      for (const r of s.rows) expect(r.length).toBe(s.rows[0]!.length);
  });
});
