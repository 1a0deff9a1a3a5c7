import { parseFactorSet, sha256, type FactorSet } from '@carbonbase/factors';
import { ACTIVITY_COLUMNS, activityTemplateWorkbook, type ActivityColumnKey } from '@carbonbase/io';
import type { RoleScope, Store } from '@carbonbase/store';
import { login, provisionUser, type Actor } from '../src/index.js';
import { unique } from './harness.js';

export const PASSWORD = 'correct horse battery staple';

/**
 * A grid factor set for Guangxi with one value, so expected emissions are plain arithmetic;
 * `version` lets a test load a revision of the same set. Factor sets are shared by every
 * tenant of a store, so a test that revises one uses a year no other test reports.
 */
export function gridSet(id: string, version: string, tco2PerMwh: number, year = 2024): FactorSet {
  const csv = [
    'id,kind,code,parameter,name,name_en,aliases,value,unit,gas,region,year,valid_from,valid_to,basis,source,clause,url,verification,notes',
    `grid.gx.${year},grid,electricity,ef,广西电网 ${year}（测试）,Guangxi grid ${year} (test),,${tco2PerMwh},tCO2/MWh,CO2,CN-GX,${year},,,average,test,,,secondary,`,
  ].join('\n');
  const manifest = {
    formatVersion: 1,
    id,
    version,
    name: '测试电网因子',
    nameEn: 'Test grid factors',
    publisher: 'carbonbase tests',
    licence: 'CC0-1.0',
    released: '2025-01-01',
    sources: [{ id: 'test', title: 'test values' }],
    files: [{ path: 'factors.csv', sha256: sha256(csv) }],
  };
  return parseFactorSet(JSON.stringify(manifest), { 'factors.csv': csv });
}

export interface World {
  readonly tenantId: string;
  readonly regionId: string;
  readonly districtId: string;
  readonly parkA: string;
  readonly parkB: string;
  /** In park A, under GB/T 32150. */
  readonly e1: string;
  /** In park B. */
  readonly e2: string;
  /** In the district, outside any park. */
  readonly e3: string;
  readonly gridSetId: string;
  readonly as: Record<
    'admin' | 'regulator' | 'parkA' | 'manager1' | 'clerk1' | 'verifier1' | 'clerk2',
    Actor
  >;
  readonly tokens: Record<keyof World['as'], string>;
}

/** A tenant with a province, a district, two parks, three enterprises and a user per role. */
export async function seedWorld(store: Store): Promise<World> {
  const tenantId = unique('t');
  const o = store.organisations;
  await o.createTenant(tenantId, '测试区 Test district');
  const region = await o.createRegion(tenantId, { code: 'CN-GX', name: '广西' });
  const district = await o.createRegion(tenantId, {
    code: '450102',
    name: '兴宁区',
    parentId: region.id,
  });
  const parkA = await o.createPark(tenantId, { code: 'PA', name: '甲园区', regionId: district.id });
  const parkB = await o.createPark(tenantId, { code: 'PB', name: '乙园区', regionId: region.id });
  const enterprise = (code: string, regionId: string, parkId?: string) =>
    o.createEnterprise(tenantId, {
      code,
      name: `企业 ${code}`,
      regionId,
      ...(parkId && { parkId }),
      industry: '通用制造 general manufacturing',
    });
  const e1 = await enterprise('E1', district.id, parkA.id);
  const e2 = await enterprise('E2', region.id, parkB.id);
  const e3 = await enterprise('E3', district.id);
  const gridSetId = 'test-grid';
  await store.factorSets.load(gridSet(gridSetId, '2024.1', 0.5));

  const users: Record<keyof World['as'], RoleScope[]> = {
    admin: [{ role: 'platform-admin' }],
    regulator: [{ role: 'regulator', regionId: district.id }],
    parkA: [{ role: 'park-admin', parkId: parkA.id }],
    manager1: [{ role: 'enterprise-manager', enterpriseId: e1.id }],
    clerk1: [{ role: 'data-clerk', enterpriseId: e1.id }],
    verifier1: [{ role: 'verifier', enterpriseId: e1.id }],
    clerk2: [{ role: 'data-clerk', enterpriseId: e2.id }],
  };
  const as = {} as Record<keyof World['as'], Actor>;
  const tokens = {} as Record<keyof World['as'], string>;
  for (const [name, roles] of Object.entries(users) as [keyof World['as'], RoleScope[]][]) {
    await provisionUser(store, tenantId, {
      login: name,
      displayName: name,
      password: PASSWORD,
      roles,
    });
    const session = await login(store, tenantId, name, PASSWORD);
    as[name] = session.actor;
    tokens[name] = session.token;
  }
  return {
    tenantId,
    regionId: region.id,
    districtId: district.id,
    parkA: parkA.id,
    parkB: parkB.id,
    e1: e1.id,
    e2: e2.id,
    e3: e3.id,
    gridSetId,
    as,
    tokens,
  };
}

export type TemplateRow = Partial<Record<ActivityColumnKey, string | number>>;

/** A filled copy of the activity template, cells placed by their column's header. */
export async function workbook(rows: readonly TemplateRow[]): Promise<Uint8Array> {
  const wb = activityTemplateWorkbook();
  const ws = wb.worksheets[0]!;
  const col = new Map<string, number>();
  ws.getRow(1).eachCell((cell, n) => col.set(cell.text, n));
  rows.forEach((r, i) => {
    const row = ws.getRow(i + 2);
    for (const c of ACTIVITY_COLUMNS) {
      const v = r[c.key];
      if (v !== undefined) row.getCell(col.get(c.header)!).value = v;
    }
  });
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/**
 * Two months of coal with measured NCV, carbon content and oxidation, and one month of grid
 * electricity. By hand (GB/T 32150-2015, E = AD × NCV × CC × OF × 44/12):
 *   Jan: 1000 t × 20 GJ/t = 20 000 GJ × 0.0261 tC/GJ = 522 tC × 0.98 = 511.56 tC × 44/12 = 1875.72 tCO2
 *   Feb:  500 t → half of January                                                      = 937.86 tCO2
 *   electricity: 100 MWh × 0.5 tCO2/MWh                                                    = 50 tCO2
 *   total 2863.58 tCO2
 */
export const E1_ROWS: TemplateRow[] = [
  {
    id: 'coal-b1',
    kind: 'fuel-combustion',
    month: 1,
    facility: 'boiler-1',
    fuel: 'bituminous-coal',
    amount: 1000,
    unit: 't',
    ncv: 20,
    ncvUnit: 'GJ/t',
    carbonContent: 26.1,
    carbonContentUnit: 'tC/TJ',
    oxidation: 98,
  },
  {
    id: 'coal-b1',
    kind: 'fuel-combustion',
    month: 2,
    facility: 'boiler-1',
    fuel: 'bituminous-coal',
    amount: 500,
    unit: 't',
    ncv: 20,
    ncvUnit: 'GJ/t',
    carbonContent: 26.1,
    carbonContentUnit: 'tC/TJ',
    oxidation: 98,
  },
  { id: 'power', kind: 'electricity-purchased', month: 1, amount: 100, unit: 'MWh' },
];
export const E1_TOTAL_TCO2 = 2863.58;
