import { describe, expect, it } from 'vitest';
import { FactorBase, FactorNotFoundError, parseFactorSet } from './index.js';
import { HEADER, fixtureSet } from '../test/fixtures.js';

// Grid values from shared/methods.md §3 (MEE/NBS announcements): national 2021 0.5568,
// 2022 0.5366, 2023 0.5306; excl. market non-fossil 2023 0.6096; 华东 2022 0.5617, 2023 0.5500;
// 广西 2022 0.4044; 南方 2023 0.4042.
const gridCsv = [
  HEADER,
  'cn.2021,grid,electricity,ef,全国电网平均排放因子 2021,National grid average 2021,全国,0.5568,tCO2/MWh,CO2,CN,2021,,,average,m,,,verified,',
  'cn.2022,grid,electricity,ef,全国电网平均排放因子 2022,National grid average 2022,全国,0.5366,tCO2/MWh,CO2,CN,2022,,,average,m,,,verified,',
  'cn.2023,grid,electricity,ef,全国电网平均排放因子 2023,National grid average 2023,全国,0.5306,tCO2/MWh,CO2,CN,2023,,,average,m,,,verified,',
  'cn.2023.nf,grid,electricity,ef,全国电网排放因子（不含市场化非化石）2023,National excl. market non-fossil 2023,,0.6096,tCO2/MWh,CO2,CN,2023,,,excl-market-nonfossil,m,,,verified,',
  'east.2022,grid,electricity,ef,华东电网平均排放因子 2022,East China grid 2022,,0.5617,tCO2/MWh,CO2,CN-GRID-EAST,2022,,,average,m,,,verified,',
  'east.2023,grid,electricity,ef,华东电网平均排放因子 2023,East China grid 2023,,0.5500,tCO2/MWh,CO2,CN-GRID-EAST,2023,,,average,m,,,verified,',
  'south.2023,grid,electricity,ef,南方电网平均排放因子 2023,China Southern grid 2023,,0.4042,tCO2/MWh,CO2,CN-GRID-SOUTH,2023,,,average,m,,,verified,',
  'gx.2022,grid,electricity,ef,广西电网排放因子 2022,Guangxi 2022,,0.4044,tCO2/MWh,CO2,CN-GX,2022,,,average,m,,,verified,',
  'bit.ncv,fuel-property,bituminous-coal,ncv,烟煤 低位发热量,Bituminous coal NCV,烟煤|bituminous coal,19.570,GJ/t,,CN,,,,,m,表C.1,,secondary,',
  'ng.ncv,fuel-property,natural-gas,ncv,天然气 低位发热量,Natural gas NCV,天然气|natural gas,389.31,GJ/万Nm3,,CN,,,,,m,表C.1,,secondary,',
].join('\n');
// A second, older table with a conflicting bituminous-coal NCV (methods-verification §4 lists
// tables that disagree); used to show pinning and preference.
const oldCsv = [
  HEADER,
  'bit.ncv,fuel-property,bituminous-coal,ncv,烟煤 低位发热量,Bituminous coal NCV,烟煤,22.3,GJ/t,,CN,,,,,m,,,recalled,other table',
].join('\n');

const grid = fixtureSet(gridCsv, { id: 'grid' });
const old = fixtureSet(oldCsv, { id: 'old-table', version: '2015.1' });
const base = new FactorBase([
  parseFactorSet(grid.manifest, grid.files),
  parseFactorSet(old.manifest, old.files),
]);

const ef = (region: string, year?: number, extra = {}) =>
  base.resolve({ code: 'electricity', parameter: 'ef', region, ...(year && { year }), ...extra });

describe('FactorBase.resolve', () => {
  it('uses the most specific region that has a value for the year', () => {
    expect(ef('CN-GX', 2022).record.value.value).toBe(0.4044); // province
    // Region comes first: for 2023 the province's latest value (2022) beats the grid region's 2023.
    expect(ef('CN-GX', 2023).record.value.value).toBe(0.4044);
    expect(ef('CN-GD', 2023).record.value.value).toBe(0.4042); // 广东 has no value: 南方 grid
    expect(ef('CN-JS', 2023).record.value.value).toBe(0.55); // 江苏 → 华东
  });

  it('takes the latest year not after the reporting year', () => {
    expect(ef('CN', 2024).record.value.value).toBe(0.5306);
    expect(ef('CN', 2022).record.value.value).toBe(0.5366);
    expect(ef('CN-GRID-EAST', 2024).record.year).toBe(2023);
    // 华东 has nothing for 2021: the rule widens to the national 2021 value.
    expect(ef('CN-GRID-EAST', 2021).record.value.value).toBe(0.5568);
    expect(() => ef('CN', 2019)).toThrow(FactorNotFoundError);
  });

  it('keeps published bases apart and uses the average unless another basis is named', () => {
    expect(ef('CN', 2023).record.basis).toBe('average');
    expect(ef('CN', 2023, { basis: 'excl-market-nonfossil' }).record.value.value).toBe(0.6096);
    expect(() => ef('CN', 2023, { basis: 'fossil' })).toThrow(/basis fossil/);
  });

  it('says why it chose a record', () => {
    const r = ef('CN-GX', 2021);
    expect(r.ref).toBe('grid/cn.2021@1.0');
    expect(r.reasons).toEqual([
      expect.stringMatching(/^口径 basis/),
      expect.stringMatching(
        /^地区 region: 中国 China \(CN\); .*CN-GX \(only later years: 2022\), CN-GRID-SOUTH \(only later years: 2023\)/,
      ),
      expect.stringMatching(/^年份 year: 2021/),
    ]);
  });

  it('breaks ties by preference, then verification; honours a pinned set', () => {
    const q = { code: 'bituminous-coal', parameter: 'ncv', region: 'CN-GX' };
    expect(base.resolve(q).record.value.value).toBe(19.57); // secondary beats recalled
    expect(base.resolve({ ...q, preferSets: ['old-table'] }).record.value.value).toBe(22.3);
    expect(base.resolve({ ...q, set: 'old-table' }).ref).toBe('old-table/bit.ncv@2015.1');
    expect(() => base.resolve({ ...q, set: 'old-table', version: '9' })).toThrow(/pinned set/);
  });

  it('fails clearly for an unknown code', () => {
    expect(() => base.resolve({ code: 'unobtainium', parameter: 'ncv' })).toThrow(
      /no factor for unobtainium ncv/,
    );
  });

  it('finds records by id and id@version', () => {
    expect(base.get('grid/cn.2023')?.value.value).toBe(0.5306);
    expect(base.get('grid/cn.2023@1.0')?.year).toBe(2023);
    expect(base.get('grid/cn.2023@2.0')).toBeUndefined();
  });
});

describe('FactorBase.search', () => {
  const ids = (text: string, o = {}) => base.search(text, o).map((r) => r.id);

  it('finds by Chinese or English name and alias', () => {
    expect(ids('烟煤')).toEqual(['grid/bit.ncv', 'old-table/bit.ncv']);
    expect(ids('bituminous')).toContain('grid/bit.ncv');
    expect(ids('natural gas')).toEqual(['grid/ng.ncv']);
    expect(ids('天然气')).toEqual(['grid/ng.ncv']);
  });

  it('finds grid factors by region name and filters by year and kind', () => {
    expect(ids('华东', { year: 2023, kind: 'grid' })).toEqual(['grid/east.2023']);
    expect(ids('East China', { kind: 'grid' })).toEqual(['grid/east.2022', 'grid/east.2023']);
    expect(ids('ncv', { kind: 'grid' })).toEqual([]);
  });

  it('filters by region chain: a Guangxi site sees Guangxi, southern grid and national values', () => {
    const found = ids('electricity', { region: 'CN-GX', year: 2023 });
    expect(found.sort()).toEqual(['grid/cn.2023', 'grid/cn.2023.nf', 'grid/south.2023'].sort());
  });
});
