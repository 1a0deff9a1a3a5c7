/**
 * Region names for people, as in packages/factors/src/regions.json. The API does not serve the
 * region table yet and the web may import only types from other packages, so the table is copied
 * here; test/regions.test.ts fails when the two drift apart. A `GET /api/v1/regions` route would
 * replace this file.
 */
export type RegionGroup = 'wide' | 'grid' | 'province';

export interface RegionName {
  readonly code: string;
  readonly name: string;
  readonly nameEn: string;
  /** How the region select groups it: world/national, grid regions, provinces. */
  readonly group: RegionGroup;
}

export const REGIONS: readonly RegionName[] = [
  { code: 'GLOBAL', name: '全球', nameEn: 'Global', group: 'wide' },
  { code: 'EU', name: '欧盟', nameEn: 'European Union', group: 'wide' },
  { code: 'CN', name: '中国', nameEn: 'China', group: 'wide' },
  { code: 'CN-GRID-NORTH', name: '华北电网', nameEn: 'North China grid', group: 'grid' },
  { code: 'CN-GRID-NORTHEAST', name: '东北电网', nameEn: 'Northeast China grid', group: 'grid' },
  { code: 'CN-GRID-EAST', name: '华东电网', nameEn: 'East China grid', group: 'grid' },
  { code: 'CN-GRID-CENTRAL', name: '华中电网', nameEn: 'Central China grid', group: 'grid' },
  { code: 'CN-GRID-NORTHWEST', name: '西北电网', nameEn: 'Northwest China grid', group: 'grid' },
  { code: 'CN-GRID-SOUTH', name: '南方电网', nameEn: 'China Southern grid', group: 'grid' },
  { code: 'CN-GRID-SOUTHWEST', name: '西南电网', nameEn: 'Southwest China grid', group: 'grid' },
  { code: 'CN-BJ', name: '北京', nameEn: 'Beijing', group: 'province' },
  { code: 'CN-TJ', name: '天津', nameEn: 'Tianjin', group: 'province' },
  { code: 'CN-HE', name: '河北', nameEn: 'Hebei', group: 'province' },
  { code: 'CN-SX', name: '山西', nameEn: 'Shanxi', group: 'province' },
  { code: 'CN-SD', name: '山东', nameEn: 'Shandong', group: 'province' },
  { code: 'CN-NM', name: '内蒙古', nameEn: 'Inner Mongolia', group: 'province' },
  { code: 'CN-LN', name: '辽宁', nameEn: 'Liaoning', group: 'province' },
  { code: 'CN-JL', name: '吉林', nameEn: 'Jilin', group: 'province' },
  { code: 'CN-HL', name: '黑龙江', nameEn: 'Heilongjiang', group: 'province' },
  { code: 'CN-SH', name: '上海', nameEn: 'Shanghai', group: 'province' },
  { code: 'CN-JS', name: '江苏', nameEn: 'Jiangsu', group: 'province' },
  { code: 'CN-ZJ', name: '浙江', nameEn: 'Zhejiang', group: 'province' },
  { code: 'CN-AH', name: '安徽', nameEn: 'Anhui', group: 'province' },
  { code: 'CN-FJ', name: '福建', nameEn: 'Fujian', group: 'province' },
  { code: 'CN-HA', name: '河南', nameEn: 'Henan', group: 'province' },
  { code: 'CN-HB', name: '湖北', nameEn: 'Hubei', group: 'province' },
  { code: 'CN-HN', name: '湖南', nameEn: 'Hunan', group: 'province' },
  { code: 'CN-JX', name: '江西', nameEn: 'Jiangxi', group: 'province' },
  { code: 'CN-SN', name: '陕西', nameEn: 'Shaanxi', group: 'province' },
  { code: 'CN-GS', name: '甘肃', nameEn: 'Gansu', group: 'province' },
  { code: 'CN-QH', name: '青海', nameEn: 'Qinghai', group: 'province' },
  { code: 'CN-NX', name: '宁夏', nameEn: 'Ningxia', group: 'province' },
  { code: 'CN-XJ', name: '新疆', nameEn: 'Xinjiang', group: 'province' },
  { code: 'CN-GD', name: '广东', nameEn: 'Guangdong', group: 'province' },
  { code: 'CN-GX', name: '广西', nameEn: 'Guangxi', group: 'province' },
  { code: 'CN-YN', name: '云南', nameEn: 'Yunnan', group: 'province' },
  { code: 'CN-GZ', name: '贵州', nameEn: 'Guizhou', group: 'province' },
  { code: 'CN-HI', name: '海南', nameEn: 'Hainan', group: 'province' },
  { code: 'CN-SC', name: '四川', nameEn: 'Sichuan', group: 'province' },
  { code: 'CN-CQ', name: '重庆', nameEn: 'Chongqing', group: 'province' },
  { code: 'CN-XZ', name: '西藏', nameEn: 'Tibet', group: 'province' },
  { code: 'CN-HK', name: '香港', nameEn: 'Hong Kong', group: 'province' },
  { code: 'CN-MO', name: '澳门', nameEn: 'Macao', group: 'province' },
  { code: 'CN-TW', name: '台湾', nameEn: 'Taiwan', group: 'province' },
];

const byCode = new Map(REGIONS.map((r) => [r.code, r]));

export function regionName(code: string): RegionName | undefined {
  return byCode.get(code);
}

/** "华东电网" / "East China grid"; an unknown code (from an imported set) is shown as is. */
export function regionLabel(code: string, lang: 'zh' | 'en'): string {
  const r = byCode.get(code);
  if (!r) return code;
  return lang === 'zh' ? r.name : r.nameEn;
}
