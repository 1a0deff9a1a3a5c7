import { valueIn, type Quantity } from '@carbonbase/quantity';
import type { CbamCommunication } from './communication.js';

/** One cell: text, number, or empty. */
export type Cell = string | number | null;

export interface Sheet {
  readonly name: string;
  readonly rows: readonly (readonly Cell[])[];
}

/** A workbook as plain data; an Excel writer (exceljs, in packages/io) turns it into .xlsx. */
export interface Workbook {
  readonly sheets: readonly Sheet[];
}

/** A number in a stated unit: the header names the unit, the cell holds the number. */
const n = (q: Quantity | undefined, unit: string): Cell => (q ? valueIn(q, unit) : null);

/**
 * The communication data as sheets, laid out after the EC communication template's content
 * (installation, products, precursors, emissions) but not a copy of it: the official template's
 * cell layout is not reproduced. Every number column names its unit in the header.
 */
export function communicationWorkbook(c: CbamCommunication): Workbook {
  const i = c.installation;
  const installation: Cell[][] = [
    ['Field', 'Value'],
    ['Format', c.format],
    ['Issued', c.issued ?? null],
    ['Installation', i.name],
    ['Installation (EN)', i.nameEn ?? null],
    ['Installation id', i.id ?? null],
    ['Operator', i.operator ?? null],
    ['Country of origin', i.country],
    ['Region', i.region ?? null],
    ['Address', i.address ?? null],
    ['Contact', i.contact ?? null],
    ['Reporting year', c.reportingPeriod.year],
    ['Period from', c.reportingPeriod.from ?? null],
    ['Period to', c.reportingPeriod.to ?? null],
    ['Mark-up year for defaults', c.markUpYear],
    ...c.caveats.map((x, k): Cell[] => [`Caveat ${k + 1}`, x]),
  ];
  const products: Cell[][] = [
    [
      'CN code',
      'Good',
      'Simple/complex',
      'Process',
      'Route',
      'Production (t)',
      'SEE direct (tCO2e/t)',
      'Direct basis',
      'SEE indirect (tCO2e/t)',
      'Indirect basis',
      'SEE total (tCO2e/t)',
      'AttrEm direct (tCO2e)',
      'AttrEm indirect (tCO2e)',
      'Electricity (MWh)',
      'Clinker factor (tCO2/t)',
    ],
    ...c.goods.map((g): Cell[] => [
      g.cn,
      g.name,
      g.kind,
      g.process,
      g.routeMeaning ?? null,
      n(g.activityLevel, 't'),
      n(g.see.direct.value, 'tCO2e/t'),
      g.see.direct.label,
      n(g.see.indirect.value, 'tCO2e/t'),
      g.see.indirect.label,
      n(g.see.total, 'tCO2e/t'),
      n(g.attributed.direct, 'tCO2e'),
      n(g.attributed.indirect, 'tCO2e'),
      n(g.electricityConsumed, 'MWh'),
      n(g.clinkerFactor, 'tCO2/t'),
    ]),
  ];
  const precursors: Cell[][] = [
    [
      'Process',
      'Good CN',
      'Precursor CN',
      'Amount (t)',
      'Origin',
      'From',
      'SEE direct (tCO2e/t)',
      'Direct basis',
      'SEE indirect (tCO2e/t)',
      'Indirect basis',
    ],
    ...c.goods.flatMap((g) =>
      g.precursors.map((p): Cell[] => [
        g.process,
        g.cn,
        p.cn,
        n(p.amount, 't'),
        p.origin,
        p.process ?? p.supplier ?? null,
        n(p.direct.value, 'tCO2e/t'),
        p.direct.label,
        n(p.indirect.value, 'tCO2e/t'),
        p.indirect.label,
      ]),
    ),
  ];
  const emissions: Cell[][] = [
    ['Process', 'Component', 'Source', 'Emissions (tCO2e)'],
    ...c.goods.flatMap((g) =>
      g.sources.map((s): Cell[] => [g.process, s.component, s.id, n(s.emissions, 'tCO2e')]),
    ),
  ];
  const factors: Cell[][] = [
    ['Factor (id@version)', 'Used as', 'Value', 'Unit', 'Mark'],
    ...c.factors.map((f): Cell[] => [
      f.ref,
      f.name,
      f.value.value,
      f.value.unit,
      f.verification ?? null,
    ]),
  ];
  const explanation: Cell[][] = [
    ['Process', 'Line'],
    ...c.goods.flatMap((g) => g.explanation.map((l): Cell[] => [g.process, l])),
  ];
  return {
    sheets: [
      { name: 'Installation', rows: installation },
      { name: 'Summary_Products', rows: products },
      { name: 'Precursors', rows: precursors },
      { name: 'Emissions', rows: emissions },
      { name: 'Factors', rows: factors },
      { name: 'Explanation', rows: explanation },
    ],
  };
}
