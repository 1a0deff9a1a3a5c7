import {
  FactorBase,
  type FactorRecord,
  type FactorSet,
  type Verification,
} from '@carbonbase/factors';
import { parseQuantity } from '@carbonbase/quantity';

/**
 * Small factor bases for engine tests, built from literal records. Values are typed from
 * /work/shared/methods.md (section noted per record), never read from the bundled data files.
 */
interface Row {
  set: string;
  id: string;
  kind: FactorRecord['kind'];
  code: string;
  parameter: string;
  value: string;
  region?: string;
  year?: number;
  basis?: string;
  verification?: Verification;
  document: string;
}

function toRecord(r: Row): FactorRecord {
  return {
    id: `${r.set}/${r.id}`,
    kind: r.kind,
    code: r.code,
    parameter: r.parameter,
    name: r.id,
    nameEn: r.id,
    aliases: [],
    value: parseQuantity(r.value),
    region: r.region ?? 'CN',
    ...(r.year !== undefined ? { year: r.year } : {}),
    ...(r.basis !== undefined ? { basis: r.basis } : {}),
    set: r.set,
    version: 'test.1',
    source: { document: r.document },
    licence: 'test',
    verification: r.verification ?? 'secondary',
  };
}

export function factorBase(rows: readonly Row[]): FactorBase {
  const bySet = new Map<string, Row[]>();
  for (const r of rows) bySet.set(r.set, [...(bySet.get(r.set) ?? []), r]);
  const sets: FactorSet[] = [...bySet].map(([id, rs]) => ({
    manifest: {
      formatVersion: 1,
      id,
      version: 'test.1',
      name: id,
      nameEn: id,
      publisher: 'test',
      licence: 'test',
      released: '2026-01-01',
      sources: [{ id: 'methods', title: 'shared/methods.md' }],
      files: [{ path: 'factors.csv', sha256: '0' }],
    },
    records: rs.map(toRecord),
  }));
  return new FactorBase(sets);
}

const FUELS = 'cn-gbt32151-2024-fuels';
const T_C1 = 'GB/T 32151.22-2024 表C.1 (methods.md §1.3, V-sec)';

/** methods.md §1.3: GB/T 32151.x Table C.1 rows used by A4. */
export const fuelRows: Row[] = [
  {
    set: FUELS,
    id: 'bituminous-coal.ncv',
    kind: 'fuel-property',
    code: 'bituminous-coal',
    parameter: 'ncv',
    value: '19.570 GJ/t',
    document: T_C1,
  },
  {
    set: FUELS,
    id: 'bituminous-coal.cc',
    kind: 'fuel-property',
    code: 'bituminous-coal',
    parameter: 'carbon-content',
    value: '0.0261 tC/GJ',
    document: T_C1,
  },
  {
    set: FUELS,
    id: 'bituminous-coal.of',
    kind: 'fuel-property',
    code: 'bituminous-coal',
    parameter: 'oxidation',
    value: '93 %',
    document: T_C1,
  },
  {
    set: FUELS,
    id: 'diesel.ncv',
    kind: 'fuel-property',
    code: 'diesel',
    parameter: 'ncv',
    value: '42.652 GJ/t',
    document: T_C1,
  },
  // Stored as the table prints it, 10^-3 tC/GJ = tC/TJ, to exercise the unit path of the trap.
  {
    set: FUELS,
    id: 'diesel.cc',
    kind: 'fuel-property',
    code: 'diesel',
    parameter: 'carbon-content',
    value: '20.2 tC/TJ',
    document: T_C1,
  },
  {
    set: FUELS,
    id: 'diesel.of',
    kind: 'fuel-property',
    code: 'diesel',
    parameter: 'oxidation',
    value: '98 %',
    document: T_C1,
  },
  {
    set: FUELS,
    id: 'natural-gas.ncv',
    kind: 'fuel-property',
    code: 'natural-gas',
    parameter: 'ncv',
    value: '389.31 GJ/万Nm3',
    document: T_C1,
  },
  {
    set: FUELS,
    id: 'natural-gas.cc',
    kind: 'fuel-property',
    code: 'natural-gas',
    parameter: 'carbon-content',
    value: '0.0153 tC/GJ',
    document: T_C1,
  },
  {
    set: FUELS,
    id: 'natural-gas.of',
    kind: 'fuel-property',
    code: 'natural-gas',
    parameter: 'oxidation',
    value: '99 %',
    document: T_C1,
  },
];

const GRID = 'cn-mee-electricity-heat';
const MEE = 'MEE/NBS electricity CO2 factors (methods.md §3, V)';

/** methods.md §3: national 2021–2023 on three bases, East China 2023, heat 0.11 (§1.2). */
export const gridRows: Row[] = [
  {
    set: GRID,
    id: 'cn.2021.average',
    kind: 'grid',
    code: 'electricity',
    parameter: 'ef',
    value: '0.5568 tCO2/MWh',
    year: 2021,
    basis: 'average',
    verification: 'verified',
    document: MEE,
  },
  {
    set: GRID,
    id: 'cn.2022.average',
    kind: 'grid',
    code: 'electricity',
    parameter: 'ef',
    value: '0.5366 tCO2/MWh',
    year: 2022,
    basis: 'average',
    verification: 'verified',
    document: MEE,
  },
  {
    set: GRID,
    id: 'cn.2023.average',
    kind: 'grid',
    code: 'electricity',
    parameter: 'ef',
    value: '0.5306 tCO2/MWh',
    year: 2023,
    basis: 'average',
    verification: 'verified',
    document: MEE,
  },
  {
    set: GRID,
    id: 'cn.2023.excl',
    kind: 'grid',
    code: 'electricity',
    parameter: 'ef',
    value: '0.6096 tCO2/MWh',
    year: 2023,
    basis: 'excl-market-nonfossil',
    verification: 'verified',
    document: MEE,
  },
  {
    set: GRID,
    id: 'cn.2023.fossil',
    kind: 'grid',
    code: 'electricity',
    parameter: 'ef',
    value: '0.8273 tCO2/MWh',
    year: 2023,
    basis: 'fossil',
    verification: 'verified',
    document: MEE,
  },
  {
    set: GRID,
    id: 'east.2023.average',
    kind: 'grid',
    code: 'electricity',
    parameter: 'ef',
    value: '0.5500 tCO2/MWh',
    region: 'CN-GRID-EAST',
    year: 2023,
    basis: 'average',
    verification: 'verified',
    document: MEE,
  },
  {
    set: GRID,
    id: 'heat',
    kind: 'heat',
    code: 'heat',
    parameter: 'ef',
    value: '0.11 tCO2/GJ',
    document: 'GB/T 32150-2025 7.5.6 (methods.md §1.2, V-sec)',
  },
];

const CETS = 'cn-cets-ag-02.01-2024-cement';
const CETS_DOC = 'CETS-AG-02.01-V01-2024 (methods.md §2.2, V-sec)';

/** methods.md §2.2: default clinker factors and two deduction factors used by A3. */
export const cementRows: Row[] = [
  {
    set: CETS,
    id: 'clinker.portland',
    kind: 'process-factor',
    code: 'clinker.portland',
    parameter: 'ef',
    value: '0.535 tCO2/t',
    document: CETS_DOC,
  },
  {
    set: CETS,
    id: 'clinker.white-portland',
    kind: 'process-factor',
    code: 'clinker.white-portland',
    parameter: 'ef',
    value: '0.550 tCO2/t',
    document: CETS_DOC,
  },
  {
    set: CETS,
    id: 'altraw.carbide-slag',
    kind: 'raw-material-deduction',
    code: 'altraw.carbide-slag',
    parameter: 'deduction',
    value: '0.480 tCO2/t',
    document: CETS_DOC,
  },
  {
    set: CETS,
    id: 'altraw.steel-slag',
    kind: 'raw-material-deduction',
    code: 'altraw.steel-slag',
    parameter: 'deduction',
    value: '0.215 tCO2/t',
    document: CETS_DOC,
  },
];

const COAL = 'cn-gbt2589-standard-coal';
/** methods-verification.md §1: 0.1229 kgce/kWh (V), raw coal 0.7143 kgce/kg (V-sec). */
export const standardCoalRows: Row[] = [
  {
    set: COAL,
    id: 'electricity.calorific',
    kind: 'standard-coal',
    code: 'electricity',
    parameter: 'coefficient',
    value: '0.1229 kgce/kWh',
    basis: 'calorific',
    verification: 'verified',
    document: 'NBS yearbook note (methods-verification.md §1)',
  },
  {
    set: COAL,
    id: 'raw-coal',
    kind: 'standard-coal',
    code: 'raw-coal',
    parameter: 'coefficient',
    value: '0.7143 kgce/kg',
    document: 'GB/T 2589 (methods-verification.md §1, V-sec)',
  },
];

/** GWP100 AR5: CH4 28, N2O 265 (IPCC AR5 WG1 Table 8.7; recalled for the test). */
export const gwpRows: Row[] = [
  {
    set: 'ipcc-gwp',
    id: 'ar5.ch4',
    kind: 'gwp',
    code: 'CH4',
    parameter: 'gwp100',
    value: '28 1',
    basis: 'AR5',
    document: 'IPCC AR5 WG1 Table 8.7',
  },
  {
    set: 'ipcc-gwp',
    id: 'ar5.n2o',
    kind: 'gwp',
    code: 'N2O',
    parameter: 'gwp100',
    value: '265 1',
    basis: 'AR5',
    document: 'IPCC AR5 WG1 Table 8.7',
  },
];

export const allRows: Row[] = [
  ...fuelRows,
  ...gridRows,
  ...cementRows,
  ...standardCoalRows,
  ...gwpRows,
];
export const testFactors = (): FactorBase => factorBase(allRows);

/** A minimal valid document to build on. */
export function doc(
  method: string,
  lines: unknown[],
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    format: 'carbonbase.inventory/v1',
    reporter: { name: 'Test plant', region: 'CN' },
    period: { year: 2023 },
    method,
    lines,
    ...extra,
  };
}
