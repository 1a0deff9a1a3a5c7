import { FactorBase, type FactorRecord, type Verification } from '@carbonbase/factors';
import { parseQuantity } from '@carbonbase/quantity';

/**
 * A small factor base for the CBAM tests, built from literal records. Every value is typed from
 * /work/shared/methods.md or methods-verification.md (section per row), never read from the
 * bundled data files, so that the tests check the code against the notes, not against itself.
 */
interface Row {
  id: string;
  code: string;
  parameter: string;
  value: string;
  kind?: FactorRecord['kind'];
  region?: string;
  year?: number;
  basis?: string;
  verification?: Verification;
}

const SET = 'test-cbam';

function record(r: Row): FactorRecord {
  return {
    id: `${SET}/${r.id}`,
    kind: r.kind ?? 'cbam',
    code: r.code,
    parameter: r.parameter,
    name: r.id,
    nameEn: r.id,
    aliases: [],
    value: parseQuantity(r.value),
    region: r.region ?? 'EU',
    ...(r.year !== undefined ? { year: r.year } : {}),
    ...(r.basis !== undefined ? { basis: r.basis } : {}),
    set: SET,
    version: '1',
    source: { document: 'shared/methods.md' },
    licence: 'test',
    verification: r.verification ?? 'verified',
  };
}

const rows: Row[] = [
  // methods.md §8: mark-ups 10 % (2026), 20 % (2027), 30 % (2028 on).
  { id: 'markup.2026', code: 'cement', parameter: 'markup', value: '10 %', year: 2026 },
  { id: 'markup.2027', code: 'cement', parameter: 'markup', value: '20 %', year: 2027 },
  { id: 'markup.2028', code: 'cement', parameter: 'markup', value: '30 %', year: 2028 },
  // methods.md §8 / A8: Albanian grey clinker 0.87, Algerian grey Portland cement 1.30 (base values).
  {
    id: 'al.clinker',
    code: '2523-10-00.default',
    parameter: 'see-direct',
    value: '0.87 tCO2e/t',
    region: 'AL',
  },
  {
    id: 'dz.cement',
    code: '2523-29-00.default',
    parameter: 'see-direct',
    value: '1.30 tCO2e/t',
    region: 'DZ',
  },
  // methods-verification.md §5: China 2523 29 00 (1.35 / 0.07) and clinker routes (A) 1.35 / 0.04, (B) 1.24 / 0.06.
  {
    id: 'cn.cement.d',
    code: '2523-29-00.default',
    parameter: 'see-direct',
    value: '1.35 tCO2e/t',
    region: 'CN',
    verification: 'secondary',
  },
  {
    id: 'cn.cement.i',
    code: '2523-29-00.default',
    parameter: 'see-indirect',
    value: '0.07 tCO2e/t',
    region: 'CN',
    verification: 'secondary',
  },
  {
    id: 'cn.clinker-a.d',
    code: '2523-10-00.route-a',
    parameter: 'see-direct',
    value: '1.35 tCO2e/t',
    region: 'CN',
    verification: 'secondary',
  },
  {
    id: 'cn.clinker-a.i',
    code: '2523-10-00.route-a',
    parameter: 'see-indirect',
    value: '0.04 tCO2e/t',
    region: 'CN',
    verification: 'secondary',
  },
  {
    id: 'cn.clinker-b.d',
    code: '2523-10-00.route-b',
    parameter: 'see-direct',
    value: '1.24 tCO2e/t',
    region: 'CN',
    verification: 'secondary',
  },
  {
    id: 'cn.clinker-b.i',
    code: '2523-10-00.route-b',
    parameter: 'see-indirect',
    value: '0.06 tCO2e/t',
    region: 'CN',
    verification: 'secondary',
  },
  // methods-verification.md §5: CBAM factor schedule.
  ...(
    [
      [2026, '97.5'],
      [2027, '95'],
      [2028, '90'],
      [2029, '77.5'],
      [2030, '51.5'],
      [2031, '39'],
      [2032, '26.5'],
      [2033, '14'],
      [2034, '0'],
    ] as const
  ).map(([year, v]): Row => ({
    id: `cbam-factor.${year}`,
    code: 'free-allocation',
    parameter: 'cbam-factor',
    value: `${v} %`,
    year,
    verification: 'secondary',
  })),
  // methods.md §3 / A5: 2023 national grid average 0.5306 tCO2/MWh.
  {
    id: 'grid.cn.2023',
    code: 'electricity',
    parameter: 'ef',
    value: '0.5306 tCO2/MWh',
    kind: 'grid',
    region: 'CN',
    year: 2023,
    basis: 'average',
  },
  // methods.md §2.3 / §8: CaO stoichiometric factor 0.785 (IPCC); CSI CKD calcination default 100 %.
  {
    id: 'cao.ef',
    code: 'cao',
    parameter: 'ef',
    value: '0.785 tCO2/t',
    kind: 'process-factor',
    region: 'GLOBAL',
  },
  {
    id: 'ckd.d',
    code: 'ckd',
    parameter: 'calcination-rate',
    value: '100 %',
    kind: 'process-factor',
    region: 'GLOBAL',
  },
];

export const testBase = new FactorBase([
  {
    manifest: {
      formatVersion: 1,
      id: SET,
      version: '1',
      name: SET,
      nameEn: SET,
      publisher: 'test',
      licence: 'test',
      released: '2026-11-24',
      sources: [],
      files: [],
    },
    records: rows.map(record),
  },
]);

export const q = parseQuantity;
