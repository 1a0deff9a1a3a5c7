import { parseFactorSet, sha256, type FactorSet } from '@carbonbase/factors';
import type { Store } from '../src/open-store.js';
import { unique } from './harness.js';

const HEADER =
  'id,kind,code,parameter,name,name_en,aliases,value,unit,gas,region,year,valid_from,valid_to,basis,source,clause,url,verification,notes';

/**
 * A small factor set through the real parser, with the awkward cases a round trip must keep:
 * values that are not exact in binary (0.1), tiny and huge magnitudes, compound Chinese units,
 * several aliases, and optional fields both present and absent.
 */
export function factorSet(id = unique('set-'), version = '2024.1', extraNote = ''): FactorSet {
  const csv = [
    HEADER,
    'bituminous-coal.ncv,fuel-property,bituminous-coal,ncv,烟煤,Bituminous coal,烟煤|bituminous,23.736,GJ/t,,CN,,,,,gbt,表C.1,,verified,',
    'natural-gas.ncv,fuel-property,natural-gas,ncv,天然气,Natural gas,,389.31,GJ/万Nm3,,CN,,,,,gbt,表C.1,,verified,per 10^4 Nm3',
    'grid.east,grid,electricity,ef,华东电网,East China grid,,0.5306,tCO2/MWh,CO2,CN-GRID-EAST,2022,2024-01-01,2024-12-31,average,mee,,https://example.org/grid,secondary,',
    'oxidation,fuel-property,bituminous-coal,oxidation,碳氧化率,Oxidation rate,,0.1,%,,CN,,,,,gbt,,,verified,',
    'tiny,emission-factor,test-tiny,ef,微小,Tiny,,1e-7,tCO2/t,CO2,GLOBAL,,,,,gbt,,,recalled,' +
      extraNote,
    'huge,emission-factor,test-huge,ef,巨大,Huge,,12345678901.25,kgCO2e/t,CO2e,GLOBAL,,,,fossil,gbt,,,verified,',
  ].join('\n');
  const manifest = {
    formatVersion: 1,
    id,
    version,
    name: '测试因子集',
    nameEn: 'Test factor set',
    publisher: 'carbonbase tests',
    licence: 'CC0-1.0',
    released: '2024-06-01',
    sources: [
      { id: 'gbt', title: 'GB/T 32151.22-2024', publisher: 'SAMR' },
      { id: 'mee', title: 'MEE grid factors 2022', url: 'https://example.org/mee' },
    ],
    files: [{ path: 'factors.csv', sha256: sha256(csv) }],
  };
  return parseFactorSet(JSON.stringify(manifest), { 'factors.csv': csv });
}

export interface OrgTree {
  readonly tenantId: string;
  readonly regionId: string;
  readonly parkId: string;
  readonly enterpriseId: string;
  readonly facilityId: string;
  readonly sourceId: string;
}

/** A tenant with one region, park, enterprise, kiln line and coal source. */
export async function orgTree(store: Store, tenantId = unique('t-')): Promise<OrgTree> {
  const o = store.organisations;
  await o.createTenant(tenantId, '测试区');
  const region = await o.createRegion(tenantId, { code: '450100', name: '南宁市' });
  const park = await o.createPark(tenantId, {
    code: 'P1',
    name: '工业园',
    nameEn: 'Industrial park',
    regionId: region.id,
  });
  const enterprise = await o.createEnterprise(tenantId, {
    code: '91450100MA00000001',
    name: '某水泥有限公司',
    regionId: region.id,
    parkId: park.id,
    industry: 'cement',
  });
  const facility = await o.createFacility(tenantId, {
    code: 'KL1',
    name: '1号熟料生产线',
    enterpriseId: enterprise.id,
    kind: 'kiln-line',
  });
  const source = await o.createSource(tenantId, {
    code: 'KL1-COAL',
    name: '1号线燃煤',
    enterpriseId: enterprise.id,
    facilityId: facility.id,
    category: 'combustion',
    material: 'bituminous-coal',
  });
  return {
    tenantId,
    regionId: region.id,
    parkId: park.id,
    enterpriseId: enterprise.id,
    facilityId: facility.id,
    sourceId: source.id,
  };
}
