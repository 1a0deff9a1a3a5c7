import {
  DECIMAL,
  FACTOR_ID,
  FACTOR_KINDS,
  REGION_CODE,
  REQUIRED_FACTOR_COLUMNS,
  VERIFICATION_STATUSES,
  listRegions,
} from '@carbonbase/factors';
import { parseUnit } from '@carbonbase/quantity';
import { IMPORT_FIELDS, type ImportField } from './fields.js';
import { shortHash, slug } from './slug.js';
import type { FieldCells, ImportSource, ReportIssue } from './types.js';

/** A row that passed every check, as the cells of our data-file format. */
export type FormatCells = Record<ImportField, string>;

export interface CheckContext {
  readonly unitMap: Readonly<Record<string, string>>;
  /** Cited by rows without a source cell. */
  readonly source?: ImportSource;
}

// The factor-set loader's rules (packages/factors/src/factor-set.ts), checked here so that the
// report names the source column instead of a column of a file not yet written.
const ID = FACTOR_ID;
const REGION = REGION_CODE;
const NUMBER = DECIMAL;

const LABELS: Partial<Record<ImportField, string>> = {
  id: '编号',
  kind: '类型',
  code: '代码',
  parameter: '参数',
  name: '名称',
  name_en: '英文名称',
  value: '数值',
  unit: '单位',
  region: '地区',
  source: '来源',
  verification: '核验状态',
};
// Row ids are derived when the source has none, so `id` is not required of a source row.
const REQUIRED = REQUIRED_FACTOR_COLUMNS.filter((c) => c !== 'id');

/** Chinese (and short) spellings of kinds and verification marks seen in factor tables. */
const KIND_ALIASES: Readonly<Record<string, string>> = {
  排放因子: 'emission-factor',
  燃料参数: 'fuel-property',
  燃料特性: 'fuel-property',
  过程因子: 'process-factor',
  原料扣减: 'raw-material-deduction',
  电网: 'grid',
  电力: 'grid',
  热力: 'heat',
  全球变暖潜势: 'gwp',
  折标系数: 'standard-coal',
  折标准煤系数: 'standard-coal',
  支出: 'spend',
  阈值: 'threshold',
};
const VERIFICATION_ALIASES: Readonly<Record<string, string>> = {
  v: 'verified',
  'v-sec': 'secondary',
  r: 'recalled',
  已核验: 'verified',
  二手来源: 'secondary',
  回忆: 'recalled',
};

let regionNames: Map<string, string> | undefined;
/** Region names and aliases (华东, East China grid, 广西) → code. Built once, on first use. */
function regionByName(text: string): string | undefined {
  if (!regionNames) {
    regionNames = new Map();
    for (const r of listRegions()) {
      for (const n of [r.name, r.nameEn, ...(r.aliases ?? [])])
        regionNames.set(n.toLowerCase(), r.code);
    }
  }
  return regionNames.get(text.toLowerCase());
}

function isoDate(text: string): string | undefined {
  const m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(text);
  if (!m?.[1] || !m[2] || !m[3]) return undefined;
  return `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}`;
}

/**
 * Checks one row's field cells and writes them in our format. Every problem is reported (not just
 * the first), located at the source column the field came from. Returns undefined for a bad row.
 */
export function checkRow(
  fields: FieldCells,
  ctx: CheckContext,
  issue: ReportIssue,
): FormatCells | undefined {
  let bad = false;
  const text = (f: ImportField) => fields[f]?.text.trim() ?? '';
  const column = (f: ImportField) => fields[f]?.column ?? f;
  const report: ReportIssue = (col, code, reason, unit) => {
    bad = true;
    issue(col, code, reason, unit);
  };
  const out: Partial<FormatCells> = {};
  for (const f of IMPORT_FIELDS) if (fields[f]) out[f] = text(f);

  for (const f of REQUIRED) {
    if (text(f) === '' && !fields[f]?.reported) {
      if (f === 'source' && ctx.source) out.source = ctx.source.title;
      else
        report(
          column(f),
          'missing-value',
          `${LABELS[f] ?? f}缺失 ${f === 'name_en' ? 'English name' : f} missing`,
        );
    }
  }
  if (fields.value?.reported || fields.unit?.reported) bad = true;

  const kind = text('kind');
  if (kind) {
    const k = KIND_ALIASES[kind] ?? kind.toLowerCase();
    if ((FACTOR_KINDS as readonly string[]).includes(k)) out.kind = k;
    else report(column('kind'), 'bad-kind', `类型无效 unknown kind: "${kind}"`);
  }
  const verification = text('verification');
  if (verification) {
    const v = VERIFICATION_ALIASES[verification.toLowerCase()] ?? verification.toLowerCase();
    if ((VERIFICATION_STATUSES as readonly string[]).includes(v)) out.verification = v;
    else
      report(
        column('verification'),
        'bad-verification',
        `核验状态无效 "${verification}" is not verified, secondary or recalled`,
      );
  }
  const value = text('value');
  if (value && (!NUMBER.test(value) || !Number.isFinite(Number(value))))
    report(column('value'), 'bad-number', `数值无效 not a number: "${value}"`);
  else if (value) out.value = String(Number(value));
  const unit = text('unit');
  if (unit && !fields.unit?.reported) {
    try {
      out.unit = parseUnit(ctx.unitMap[unit] ?? unit).text;
    } catch {
      report(
        column('unit'),
        'unknown-unit',
        `单位无法识别 unit not in the registry: "${unit}"`,
        unit,
      );
    }
  }
  const region = text('region');
  if (region) {
    const code = REGION.test(region) ? region : regionByName(region);
    if (code) out.region = code;
    else
      report(
        column('region'),
        'bad-region',
        `地区代码无效 "${region}" is not a region code (CN, CN-GX, GB, US-CA, GLOBAL, …)`,
      );
  }
  const year = text('year').replace(/(\.0+|年)$/, '');
  if (year && !/^\d{4}$/.test(year))
    report(column('year'), 'bad-year', `年份无效 "${text('year')}" is not a year`);
  else out.year = year;
  for (const f of ['valid_from', 'valid_to'] as const) {
    if (!text(f)) continue;
    const d = isoDate(text(f));
    if (d) out[f] = d;
    else report(column(f), 'bad-date', `日期无效 "${text(f)}" is not a date (YYYY-MM-DD)`);
  }
  if (out.valid_from && out.valid_to && out.valid_from > out.valid_to)
    report(
      column('valid_to'),
      'bad-date',
      `日期颠倒 valid_to ${out.valid_to} is before valid_from ${out.valid_from}`,
    );

  const id = text('id');
  if (id && !ID.test(id))
    report(column('id'), 'bad-id', `编号无效 "${id}" may hold only a-z, 0-9, ".", "_", "-"`);
  if (!id) {
    // Without an id column the id is derived from what identifies the factor (not its value),
    // so re-importing an updated file keeps the ids of unchanged factors.
    const key = (
      ['code', 'parameter', 'region', 'year', 'unit', 'gas', 'basis', 'name', 'name_en'] as const
    ).map((f) => out[f] ?? '');
    out.id = `${slug(out.code ?? '', 60) || 'row'}.${shortHash(key)}`;
  }
  if (bad) return undefined;
  return Object.fromEntries(IMPORT_FIELDS.map((f) => [f, out[f] ?? ''])) as FormatCells;
}
