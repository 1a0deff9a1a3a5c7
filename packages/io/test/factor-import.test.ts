import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  FactorSetExistsError,
  formatImportReport,
  ImportOptionsError,
  importFactorFile,
  importFactorRows,
  loadFactorSetDirectory,
  readCsvTable,
  writeFactorSet,
  type ImportOptions,
} from '../src/index.js';

const base: ImportOptions = { setId: 'test-import', importDate: '2026-11-24' };
const csv = (text: string, file = 'factors-in.csv') => readCsvTable(text, file);

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'carbonbase-import-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('column mapping', () => {
  it('maps Chinese headers automatically', () => {
    const report = importFactorRows(
      csv(
        [
          '名称,英文名称,类型,代码,参数,数值,单位,地区,年份,来源,表号,备注列',
          '烟煤,Bituminous coal,燃料参数,bituminous-coal,ncv,19.570,GJ/t,CN,2024,GB/T 32151.22-2024,表C.1,x',
          '天然气,Natural gas,fuel-property,natural-gas,ncv,389.31,GJ/万Nm3,中国,2024,GB/T 32151.22-2024,表C.1,y',
        ].join('\n'),
      ),
      base,
    );
    expect(report.issues).toEqual([]);
    expect(report.mapping).toMatchObject({
      name: '名称',
      name_en: '英文名称',
      value: '数值',
      unit: '单位',
      source: '来源',
    });
    expect(report.ignoredColumns).toEqual(['备注列']);
    expect(report).toMatchObject({ rowsRead: 2, rowsGood: 2, rowsRejected: 0, rowsLoaded: 2 });
    const [coal, gas] = report.set!.records;
    expect(coal).toMatchObject({
      kind: 'fuel-property',
      code: 'bituminous-coal',
      parameter: 'ncv',
      name: '烟煤',
      nameEn: 'Bituminous coal',
      value: { value: 19.57, unit: 'GJ/t' },
      region: 'CN',
      year: 2024,
      set: 'test-import',
      version: '2026-11-24',
      source: { document: 'GB/T 32151.22-2024', clause: '表C.1' },
      verification: 'secondary',
    });
    // A region name is turned into its code.
    expect(gas).toMatchObject({ region: 'CN', value: { value: 389.31, unit: 'GJ/万Nm3' } });
    expect(report.set!.manifest).toMatchObject({
      id: 'test-import',
      released: '2026-11-24',
      licence: 'unspecified',
    });
  });

  it('recognises our own format columns, and derives the same ids on every import', () => {
    const text = [
      'name,name_en,value,unit,region,source',
      '电力,Electricity,0.5306,tCO2/MWh,CN,MEE 2023',
      '热力,Heat,0.11,tCO2/GJ,CN,MEE 2023',
    ].join('\n');
    const a = importFactorRows(csv(text), base);
    const b = importFactorRows(csv(text), { ...base, importDate: '2027-01-01' });
    expect(a.set!.records.map((r) => r.id)).toEqual(b.set!.records.map((r) => r.id));
    expect(a.set!.records[0]!.id).toMatch(/^test-import\/electricity\.[0-9a-f]{8}$/);
    // Generic defaults: kind emission-factor, parameter ef, verification secondary.
    expect(a.set!.records[0]).toMatchObject({
      kind: 'emission-factor',
      parameter: 'ef',
      code: 'Electricity',
    });
  });

  it('uses an explicit mapping, defaults, a unit map and a set-level source', () => {
    const report = importFactorRows(
      csv(
        [
          'Fuel,Factor,Units,Notes',
          'Diesel,2.68,kg CO2 per litre,road',
          'Petrol,2.31,kg CO2 per litre,',
        ].join('\n'),
      ),
      {
        ...base,
        mapping: { name_en: 'Fuel', value: 'Factor', unit: 'Units', notes: 'Notes' },
        defaults: { region: 'GB', gas: 'CO2', kind: 'emission-factor' },
        unitMap: { 'kg CO2 per litre': 'kgCO2/L' },
        source: { title: 'Example fuel table', url: 'https://example.org/fuels' },
        licence: 'CC-BY-4.0',
      },
    );
    expect(report.issues).toEqual([]);
    expect(report.set!.records[0]).toMatchObject({
      name: 'Diesel',
      nameEn: 'Diesel',
      value: { value: 2.68, unit: 'kgCO2/L' },
      region: 'GB',
      gas: 'CO2',
      notes: 'road',
      source: { document: 'Example fuel table', url: 'https://example.org/fuels' },
      licence: 'CC-BY-4.0',
    });
  });
});

describe('bad rows', () => {
  const bad = [
    'name,name_en,value,unit,region,source,year',
    '烟煤,Bituminous coal,19.570,GJ/t,CN,S1,2024', // line 2: good
    '无烟煤,Anthracite,,GJ/t,CN,S1,2024', // line 3: value missing
    '"焦炭',
    '(冶金)",Coke,28.435,GJ/bushel,CN,S1,2024', // lines 4–5: one record, unit unknown
    '原油,Crude oil,4l.8,GJ/t,Atlantis,S1,24', // line 6: number, region, year
    '',
    '汽油,Gasoline,43.07,GJ/t,CN,S1,2024', // line 8: good (after a blank line)
  ].join('\n');

  it('reports file, row, source column and reason for every bad row, and keeps nothing', () => {
    const report = importFactorRows(csv(bad, 'fuels.csv'), base);
    expect(report.set).toBeUndefined();
    expect(report).toMatchObject({ rowsRead: 5, rowsGood: 2, rowsRejected: 3, rowsLoaded: 0 });
    expect(
      report.issues.map(({ file, row, column, code }) => ({ file, row, column, code })),
    ).toEqual([
      { file: 'fuels.csv', row: 3, column: 'value', code: 'missing-value' },
      { file: 'fuels.csv', row: 4, column: 'unit', code: 'unknown-unit' },
      { file: 'fuels.csv', row: 6, column: 'value', code: 'bad-number' },
      { file: 'fuels.csv', row: 6, column: 'region', code: 'bad-region' },
      { file: 'fuels.csv', row: 6, column: 'year', code: 'bad-year' },
    ]);
    expect(report.issues[0]!.reason).toBe('数值缺失 value missing');
    expect(report.issues[1]!.reason).toContain('GJ/bushel');
    expect(report.byReason).toEqual({
      'missing-value': 1,
      'unknown-unit': 1,
      'bad-number': 1,
      'bad-region': 1,
      'bad-year': 1,
    });
    expect(report.unknownUnits).toEqual({ 'GJ/bushel': 1 });
  });

  it('keeps the good rows when asked, and still lists the rejected ones', () => {
    const report = importFactorRows(csv(bad, 'fuels.csv'), { ...base, keepGoodRows: true });
    expect(report).toMatchObject({ rowsRead: 5, rowsGood: 2, rowsRejected: 3, rowsLoaded: 2 });
    expect(report.set!.records.map((r) => r.nameEn)).toEqual(['Bituminous coal', 'Gasoline']);
    expect(report.issues).toHaveLength(5);
  });

  it('reports duplicate ids at the later row', () => {
    const report = importFactorRows(
      csv(
        ['id,name,value,unit,region,source', 'a,A,1,t,CN,S', 'b,B,2,t,CN,S', 'a,A2,3,t,CN,S'].join(
          '\n',
        ),
      ),
      { ...base, keepGoodRows: true },
    );
    expect(report.issues).toEqual([
      {
        file: 'factors-in.csv',
        row: 4,
        column: 'id',
        code: 'duplicate-id',
        reason: expect.stringContaining('row 2'),
      },
    ]);
    expect(report.rowsLoaded).toBe(2);
  });

  it('stops at the header when a required column is missing', () => {
    const report = importFactorRows(csv(['名称,单位,地区', '烟煤,GJ/t,CN'].join('\n')), {
      ...base,
      keepGoodRows: true,
    });
    expect(report.set).toBeUndefined();
    expect(report.rowsRejected).toBe(1);
    expect(report.issues.map((i) => [i.row, i.column, i.code])).toEqual([
      [1, 'value', 'missing-column'],
      [1, 'source', 'missing-column'],
    ]);
    const mapped = importFactorRows(csv('a,b\n1,2'), {
      ...base,
      mapping: { value: 'Wert', unit: 'b', name: 'a' },
    });
    expect(mapped.issues[0]).toMatchObject({ row: 1, column: 'Wert', code: 'missing-column' });
  });

  it('rejects invalid options before reading rows', () => {
    expect(() => importFactorRows(csv('name\nx'), { ...base, setId: 'Bad Id' })).toThrow(
      ImportOptionsError,
    );
    expect(() => importFactorRows(csv('name\nx'), { ...base, version: '../x' })).toThrow(
      ImportOptionsError,
    );
    expect(() =>
      importFactorRows(csv('name\nx'), { ...base, preset: 'oefdb', mapping: {} }),
    ).toThrow(ImportOptionsError);
  });
});

describe('XLSX', () => {
  async function workbook(path: string): Promise<void> {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('说明').addRow(['This sheet explains the table']);
    const ws = wb.addWorksheet('因子');
    ws.addRow(['名称', 'Name (EN)', '数值', '单位', '地区', '来源', '生效日期']);
    ws.addRow([
      '烟煤',
      'Bituminous coal',
      0.0261,
      'tC/GJ',
      'CN',
      'GB/T 32151.22-2024',
      new Date(Date.UTC(2024, 0, 1)),
    ]);
    ws.addRow([]); // sheet row 3 stays empty
    ws.addRow(['褐煤', 'Lignite', 'n/a', 'tC/GJ', 'CN', 'GB/T 32151.22-2024', null]); // row 4
    ws.addRow(['焦炭', 'Coke', 2.95e-2, 'tC/GJ', '华东', 'GB/T 32151.22-2024', null]); // row 5
    await wb.xlsx.writeFile(path);
  }

  it('reads a named sheet with sheet row numbers and typed cells', async () => {
    const path = join(dir, 'factors.xlsx');
    await workbook(path);
    const report = await importFactorFile(path, { ...base, sheet: '因子', keepGoodRows: true });
    expect(report.sheet).toBe('因子');
    expect(report.issues).toEqual([
      {
        file: path,
        row: 4,
        column: '数值',
        code: 'missing-value',
        reason: '数值缺失 value missing',
      },
    ]);
    expect(report.set!.records.map((r) => [r.nameEn, r.value, r.region, r.validFrom])).toEqual([
      ['Bituminous coal', { value: 0.0261, unit: 'tC/GJ' }, 'CN', '2024-01-01'],
      ['Coke', { value: 0.0295, unit: 'tC/GJ' }, 'CN-GRID-EAST', undefined],
    ]);
  });

  it('reads the first sheet by default', async () => {
    const path = join(dir, 'factors.xlsx');
    await workbook(path);
    const report = await importFactorFile(path, base);
    expect(report.sheet).toBe('说明');
    expect(report.issues.map((i) => i.code)).toContain('missing-column');
  });
});

describe('writeFactorSet', () => {
  const text = [
    'name,name_en,kind,code,parameter,value,unit,gas,region,year,valid_from,valid_to,basis,source,url,notes',
    '华东电网,East China grid,grid,electricity,ef,0.5500,tCO2/MWh,CO2,华东,2023,2023-01-01,2023-12-31,average,MEE 2023,https://example.org/a,"note, with comma"',
    '热力,Heat,heat,heat,ef,1.1E-1,tCO2/GJ,CO2,CN,,,,,MEE 2023,,',
  ].join('\n');

  it('round-trips through loadFactorSetDirectory', async () => {
    const report = importFactorRows(csv(text), {
      ...base,
      source: { title: 'MEE 2023', url: 'https://example.org' },
    });
    expect(report.issues).toEqual([]);
    const written = await writeFactorSet(report.set!, join(dir, 'factor-sets'));
    expect(written).toBe(join(dir, 'factor-sets', 'test-import', '2026-11-24'));
    expect(await loadFactorSetDirectory(written)).toEqual(report.set);
    expect((await readdir(join(dir, 'factor-sets', 'test-import'))).sort()).toEqual(['2026-11-24']);
  });

  it('refuses to overwrite a version unless asked', async () => {
    const root = join(dir, 'factor-sets');
    const first = importFactorRows(csv(text), base).set!;
    await writeFactorSet(first, root);
    await expect(writeFactorSet(first, root)).rejects.toBeInstanceOf(FactorSetExistsError);
    const second = importFactorRows(csv(text.split('\n').slice(0, 2).join('\n')), base).set!;
    const written = await writeFactorSet(second, root, { overwrite: true });
    expect((await loadFactorSetDirectory(written)).records).toHaveLength(1);
    expect(await readdir(join(root, 'test-import'))).toEqual(['2026-11-24']);
  });

  it('reads a CSV saved by Chinese Excel in GBK', async () => {
    const path = join(dir, 'gbk.csv');
    // "名称,英文名称,数值,单位,地区,来源\n烟煤,Bituminous coal,19.570,GJ/t,CN,GB/T 32151.22-2024\n" in GBK.
    const gbk =
      'c3fbb3c62cd3a2cec4c3fbb3c62ccafdd6b52cb5a5cebb2cb5d8c7f82cc0b4d4b40ad1ccc3ba2c426974756d696e6f757320636f616c2c31392e3537302c474a2f742c434e2c47422f542033323135312e32322d323032340a';
    await writeFile(path, Buffer.from(gbk, 'hex'));
    const report = await importFactorFile(path, base);
    expect(report.issues).toEqual([]);
    expect(report.set!.records[0]).toMatchObject({
      name: '烟煤',
      value: { value: 19.57, unit: 'GJ/t' },
    });
  });

  it('imports a file from disk and writes it', async () => {
    const path = join(dir, 'in.csv');
    await writeFile(path, '\uFEFF' + text, 'utf8');
    const report = await importFactorFile(path, { setId: 'disk', version: '1.0' });
    expect(report.set!.manifest.released).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const written = await writeFactorSet(report.set!, dir);
    expect(await loadFactorSetDirectory(written)).toEqual(report.set);
  });
});

describe('OEFDB preset on a small sample', () => {
  const header =
    'sector,category,activity_id,name,activity_unit,kgCO2e-AR5,kgCO2e-AR4,kgCO2,kgCH4,kgN2O,kgCO2e-OtherGHGs-AR5,kgCO2e-OtherGHGs-AR4,uncertainty,scope,lca_activity,source,year_released,years_valid,years_calculated_from,region,data_quality,contributor,date_accessed,description,source_link';
  const sample = [
    header,
    'Energy,Fuel,fuel-type_diesel,Diesel,L,2.5,2.6,2.4,0.0001,0.00002,not-supplied,not-supplied,,1,fuel_combustion,BEIS,2021,2021,,GB,,Climatiq,2022/03/20,Diesel.,https://example.org/beis',
    'Energy,Fuel,fuel-type_gas,Gas,scf,not-supplied,not-supplied,0.05,1E-06,1E-07,not-supplied,not-supplied,,1,fuel_combustion,EPA,2021,,,US,,Climatiq,2022/03/20,Gas.,https://example.org/epa',
    'Cloud,Cloud,cpu-provider_x,CPU,CPU-hour,0.01,not-supplied,not-supplied,not-supplied,not-supplied,not-supplied,not-supplied,,3,electricity_consumption,CCF,2021,2021,,US,,Climatiq,2022/03/20,CPU.,https://example.org/ccf',
  ].join('\n');

  it('is recognised from the headers and reports each rejection', () => {
    const report = importFactorRows(csv(sample, 'oefdb.csv'), { ...base, keepGoodRows: true });
    expect(report.preset).toBe('oefdb');
    expect(report.issues.map((i) => [i.row, i.column, i.code])).toEqual([
      [3, 'kgCO2e-AR5', 'no-co2e-total'],
      [4, 'activity_unit', 'unknown-unit'],
    ]);
    expect(report.set!.records).toHaveLength(1);
    expect(report.set!.records[0]).toMatchObject({
      kind: 'emission-factor',
      value: { value: 2.5, unit: 'kgCO2e/L' },
      basis: 'AR5',
      validFrom: '2021-01-01',
      validTo: '2021-12-31',
      source: { document: 'BEIS', url: 'https://example.org/beis' },
    });
    expect(report.set!.manifest.sources.map((s) => s.id)).toEqual([
      'open-emission-factors-database-oefdb',
      'beis',
    ]);
    const text = formatImportReport(report);
    expect(text).toContain('读取 read 3 · 合格 good 1 · 拒绝 rejected 2 · 导入 loaded 1');
    expect(text).toContain('oefdb.csv, 行 row 4, 列 column activity_unit');
  });
});
