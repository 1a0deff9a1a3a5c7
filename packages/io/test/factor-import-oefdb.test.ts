import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import type { FactorRecord } from '@carbonbase/factors';
import {
  importFactorFile,
  loadFactorSetDirectory,
  writeFactorSet,
  type ImportReport,
} from '../src/index.js';

// The OEFDB snapshot is CC BY-SA 4.0 and stays outside the repository: ../shared beside the repo.
const FILE = fileURLToPath(
  new URL(
    '../../../../shared/data/oefdb-climatiq-2022-05/OpenEmissionFactorsDB.csv',
    import.meta.url,
  ),
);

/** Expectations computed from the raw CSV with plain logic, independently of the importer. */
interface Expected {
  rows: number;
  noTotal: number;
  unknownUnit: Record<string, number>;
  badRegion: number;
  rejected: number;
  firstNoTotalLine: number;
}

function expectations(text: string): Expected {
  const raw = parse<Record<string, string>>(text, { columns: true });
  const empty = (v: string | undefined) =>
    v === undefined || v.trim() === '' || v.trim() === 'not-supplied';
  // The registry holds no data-storage or compute units (documented in docs/formats/factor-import.md).
  const cloudUnits = new Set(['TB-hour', 'GB-hour', 'CPU-hour', 'GB']);
  const regionCode = /^(GLOBAL|EU|[A-Z]{2}(-[A-Z0-9]+)*)$/;
  const e: Expected = {
    rows: raw.length,
    noTotal: 0,
    unknownUnit: {},
    badRegion: 0,
    rejected: 0,
    firstNoTotalLine: 0,
  };
  raw.forEach((r, i) => {
    const noTotal = empty(r['kgCO2e-AR5']) && empty(r['kgCO2e-AR4']);
    const unit = r.activity_unit!;
    const badUnit = cloudUnits.has(unit);
    const badRegion = !regionCode.test(r.region!);
    if (noTotal) e.noTotal++;
    if (noTotal && !e.firstNoTotalLine) e.firstNoTotalLine = i + 2; // no cell holds a line break
    if (badUnit) e.unknownUnit[unit] = (e.unknownUnit[unit] ?? 0) + 1;
    if (badRegion) e.badRegion++;
    if (noTotal || badUnit || badRegion) e.rejected++;
  });
  return e;
}

describe('OEFDB import (Climatiq snapshot 2022-05)', () => {
  let report: ImportReport;
  let expected: Expected;
  let records: readonly FactorRecord[];
  const find = (
    p: Partial<Record<'code' | 'region' | 'parameter' | 'source', string>> & { year?: number },
  ) =>
    records.filter(
      (r) =>
        (!p.code || r.code === p.code) &&
        (!p.region || r.region === p.region) &&
        (!p.parameter || r.parameter === p.parameter) &&
        (!p.source || r.source.document === p.source) &&
        (p.year === undefined || r.year === p.year),
    );

  beforeAll(async () => {
    expected = expectations(await readFile(FILE, 'utf8'));
    report = await importFactorFile(FILE, {
      setId: 'oefdb-climatiq',
      preset: 'oefdb',
      importDate: '2026-11-24',
      version: '2022-05-12',
      keepGoodRows: true,
    });
    records = report.set?.records ?? [];
  });

  it('reads every row and accounts for each one', () => {
    expect(report.rowsRead).toBe(6181);
    expect(expected.rows).toBe(6181);
    expect(report.rowsLoaded + report.rowsRejected).toBe(report.rowsRead);
    expect(report.rowsRejected).toBe(expected.rejected);
    expect(report.rowsLoaded).toBe(6181 - expected.rejected);
    expect(records).toHaveLength(report.rowsLoaded);
  });

  it('rejects rows for the expected reasons, in the expected numbers', () => {
    expect(report.byReason).toEqual({
      'no-co2e-total': expected.noTotal,
      'unknown-unit': Object.values(expected.unknownUnit).reduce((a, b) => a + b, 0),
      'bad-region': expected.badRegion,
    });
    expect(report.unknownUnits).toEqual(expected.unknownUnit);
    // The numbers of the 2022-05 snapshot, as documented in docs/formats/factor-import.md.
    expect(expected).toMatchObject({ noTotal: 884, badRegion: 4, rejected: 1228 });
    expect(expected.unknownUnit).toEqual({ 'TB-hour': 136, 'GB-hour': 68, 'CPU-hour': 68, GB: 68 });
  });

  it('locates a rejected row by file line and source column', () => {
    const issue = report.issues.find((i) => i.code === 'no-co2e-total');
    expect(issue).toMatchObject({
      file: FILE,
      row: expected.firstNoTotalLine,
      column: 'kgCO2e-AR5',
    });
    expect(issue!.reason).toContain('CO2e');
    const unit = report.issues.find((i) => i.code === 'unknown-unit');
    expect(unit).toMatchObject({
      column: 'activity_unit',
      reason: expect.stringMatching(/"(TB|GB|CPU)-hour"|"GB"/),
    });
  });

  it('gives unique ids derived from the unique key', () => {
    expect(new Set(records.map((r) => r.id)).size).toBe(records.length);
    expect(records.every((r) => r.id.startsWith('oefdb-climatiq/'))).toBe(true);
  });

  it('loads known rows with the right value, unit, basis and kind', () => {
    // Line 3: GHG Protocol spend factor, AR4 only, valid 2016-2022.
    const spend = find({
      code: 'agriculture_fishing_forestry-type_agriculture_hunting_forestry_fishing',
      source: 'GHG Protocol',
    });
    expect(spend).toHaveLength(1);
    expect(spend[0]).toMatchObject({
      kind: 'spend',
      value: { value: 2.09, unit: 'kgCO2e/USD' },
      basis: 'AR4',
      gas: 'CO2e',
      region: 'GLOBAL',
      year: 2017,
      validFrom: '2016-01-01',
      validTo: '2022-12-31',
      verification: 'secondary',
      licence: 'CC-BY-SA-4.0',
      source: { document: 'GHG Protocol', url: 'https://quantis-suite.com/Scope-3-Evaluator/' },
    });
    // Line 1141: GHG Protocol US location-based grid mix, AR5 supplied (AR4 ignored).
    const grid = find({
      code: 'electricity-energy_source_grid_mix_location_based',
      region: 'US',
      source: 'GHG Protocol',
    });
    expect(grid).toHaveLength(1);
    expect(grid[0]).toMatchObject({
      kind: 'emission-factor',
      parameter: 'ef.electricity_generation',
      value: { value: 0.432156502, unit: 'kgCO2e/kWh' },
      basis: 'AR5',
    });
    // Line 531: BEIS well-to-tank electricity for Iceland, E-notation.
    const wtt = find({
      code: 'electricity-energy_source_grid_mix',
      region: 'IS',
      parameter: 'ef.well_to_tank',
    });
    expect(wtt.map((r) => r.value)).toEqual([{ value: 3.63e-5, unit: 'kgCO2e/kWh' }]);
    // Line 3676: BEIS air freight per tonne-km.
    // Line 3700 has the same activity from GHG Protocol with an AR5 total.
    const freight = find({
      code: 'freight_flight-route_type_outside_uk-distance_na-weight_na-rf_included',
    });
    expect(freight.map((r) => [r.source.document, r.value, r.region, r.basis])).toEqual([
      ['BEIS', { value: 1.0189, unit: 'kgCO2e/t·km' }, 'GLOBAL', 'AR4'],
      ['GHG Protocol', { value: 1.12757777, unit: 'kgCO2e/t·km' }, 'GLOBAL', 'AR5'],
    ]);
  });

  it('writes the loaded rows as a set that loads back identically', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'carbonbase-oefdb-'));
    try {
      const written = await writeFactorSet(report.set!, dir);
      expect(await loadFactorSetDirectory(written)).toEqual(report.set);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('keeps nothing when the good rows are not asked for', async () => {
    const strict = await importFactorFile(FILE, {
      setId: 'oefdb-climatiq',
      preset: 'oefdb',
      importDate: '2026-11-24',
    });
    expect(strict.set).toBeUndefined();
    expect(strict.rowsLoaded).toBe(0);
    expect(strict.rowsRejected).toBe(expected.rejected);
  });
});
