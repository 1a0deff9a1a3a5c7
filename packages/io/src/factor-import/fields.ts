import { FACTOR_COLUMNS } from '@carbonbase/factors';

/** The record fields an import can fill: exactly the columns of our factor-set data file. */
export const IMPORT_FIELDS = FACTOR_COLUMNS;
export type ImportField = (typeof IMPORT_FIELDS)[number];

/** Record field → header of the source column that holds it. */
export type ColumnMapping = Partial<Record<ImportField, string>>;

/**
 * Header names recognised by the automatic mapping, besides the field name itself. Chinese names
 * are the ones found in Chinese factor tables and templates; matching ignores case, spaces,
 * underscores, hyphens and full-width brackets, so `Name (EN)` and `name_en` are the same.
 */
export const HEADER_ALIASES: Readonly<Record<ImportField, readonly string[]>> = {
  id: ['id', '编号', '标识', '因子编号'],
  kind: ['kind', 'type', '类型', '因子类型', '类别'],
  code: ['code', '代码', '对象代码', '对象'],
  parameter: ['parameter', '参数', '参数名'],
  name: ['name', '名称', '中文名称', '因子名称', '名称（中文）'],
  name_en: ['name_en', 'name (en)', 'english name', 'name english', '英文名称', '英文名'],
  aliases: ['aliases', 'alias', '别名', '又名'],
  value: ['value', '数值', '值', '因子值', '排放因子', '缺省值'],
  unit: ['unit', 'units', '单位', '计量单位'],
  gas: ['gas', '气体', '温室气体'],
  region: ['region', '地区', '区域', '国家/地区'],
  year: ['year', '年份', '年度', '数据年份'],
  valid_from: ['valid_from', 'valid from', '有效期起', '生效日期', '起始日期'],
  valid_to: ['valid_to', 'valid to', '有效期止', '失效日期', '截止日期'],
  basis: ['basis', '口径', '基准'],
  source: ['source', '来源', '数据来源', '出处'],
  clause: ['clause', 'table', '条款', '表号', '章节'],
  url: ['url', 'link', '链接', '网址'],
  verification: ['verification', '核验', '核验状态', '可信度'],
  notes: ['notes', 'note', 'remarks', '备注', '说明'],
};

/** Header text reduced to what the automatic mapping compares. */
export function normalizeHeader(h: string): string {
  return h
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s_\-()（）]+/g, '');
}

const byAlias = new Map<string, ImportField>();
for (const field of IMPORT_FIELDS) {
  for (const alias of HEADER_ALIASES[field]) byAlias.set(normalizeHeader(alias), field);
}

/**
 * Maps every header that names a record field (in English or Chinese). The first header wins
 * when two name the same field; the others are returned as ignored so the report can show them.
 */
export function autoMapping(headers: readonly string[]): {
  mapping: ColumnMapping;
  ignored: string[];
} {
  const mapping: ColumnMapping = {};
  const ignored: string[] = [];
  for (const h of headers) {
    const field = byAlias.get(normalizeHeader(h));
    if (field && mapping[field] === undefined) mapping[field] = h;
    else if (h.trim() !== '') ignored.push(h);
  }
  return { mapping, ignored };
}
