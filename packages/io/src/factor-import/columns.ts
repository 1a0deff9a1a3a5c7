import { autoMapping, IMPORT_FIELDS, type ColumnMapping, type ImportField } from './fields.js';
import type { ImportPreset } from './preset.js';
import type { FieldCells, ImportIssue, ImportOptions, ReportIssue, SourceTable } from './types.js';

/** How rows of one table become field cells, decided once from the headers. */
export interface ColumnPlan {
  readonly mapping: ColumnMapping;
  readonly ignored: string[];
  toFields(get: (header: string) => string, issue: ReportIssue): FieldCells;
}

/**
 * Defaults of a generic import. `kind` and `verification` have safe defaults (an imported table
 * is a transcription: `secondary`, as in shared/methods.md V-sec); region and source do not,
 * because guessing them would misplace every factor.
 */
const GENERIC_DEFAULTS = {
  kind: 'emission-factor',
  parameter: 'ef',
  verification: 'secondary',
} as const;

/**
 * Chooses the columns each field is read from: the preset's, the caller's mapping, or the
 * automatic one. Columns the import cannot do without are reported as file-level issues on the
 * header row; then the plan is undefined and no row is imported.
 */
export function planColumns(
  table: SourceTable,
  options: ImportOptions,
  preset: ImportPreset | undefined,
  issues: ImportIssue[],
): ColumnPlan | undefined {
  const fileIssue = (column: string, reason: string) =>
    issues.push({ file: table.file, row: table.headerRow, column, reason, code: 'missing-column' });
  const has = new Set(table.headers);
  const before = issues.length;

  if (preset) {
    const missing = preset.columns.filter((c) => !has.has(c));
    for (const c of missing)
      fileIssue(c, `必需列缺失 required column missing: "${c}" (preset ${preset.id})`);
    if (missing.length) return undefined;
    const used = new Set<string>(preset.columns);
    return {
      mapping: preset.mapping,
      ignored: table.headers.filter((h) => !used.has(h)),
      toFields: (get, issue) => preset.toFields(get, issue),
    };
  }

  let mapping: ColumnMapping;
  let ignored: string[];
  if (options.mapping) {
    mapping = options.mapping;
    const used = new Set(Object.values(mapping));
    ignored = table.headers.filter((h) => !used.has(h));
    for (const [field, header] of Object.entries(mapping))
      if (!has.has(header))
        fileIssue(header, `列不存在 column not found: "${header}" (mapped to ${field})`);
  } else {
    ({ mapping, ignored } = autoMapping(table.headers));
  }
  const defaults: Partial<Record<ImportField, string>> = {
    ...GENERIC_DEFAULTS,
    ...options.defaults,
  };
  const need = (field: ImportField, label: string, hint: string) => {
    if (mapping[field] === undefined && defaults[field] === undefined)
      fileIssue(field, `必需列缺失 required column missing: ${label} ${field} (${hint})`);
  };
  need('value', '数值', 'map a column to value');
  need('unit', '单位', 'map a column to unit');
  if (mapping.name === undefined && mapping.name_en === undefined)
    fileIssue('name', '必需列缺失 required column missing: 名称 name or name_en');
  need('region', '地区', 'map a column or give a default region');
  if (mapping.source === undefined && !options.source)
    fileIssue(
      'source',
      '必需列缺失 required column missing: 来源 source (map a column or give the source)',
    );
  if (issues.length > before) return undefined;

  return {
    mapping,
    ignored,
    toFields(get) {
      const fields: FieldCells = {};
      for (const field of IMPORT_FIELDS) {
        const header = mapping[field];
        const text = header === undefined ? '' : get(header);
        const fallback = defaults[field];
        if (text !== '' || fallback === undefined) {
          if (header !== undefined) fields[field] = { text, column: header };
        } else fields[field] = { text: fallback, ...(header !== undefined && { column: header }) };
      }
      // Our format wants both names; a table with one language gives its name to both fields.
      if (!fields.name?.text && fields.name_en?.text) fields.name = fields.name_en;
      if (!fields.name_en?.text && fields.name?.text) fields.name_en = fields.name;
      // Without a code column the factor is known by its name.
      if (!fields.code?.text) fields.code = fields.name_en?.text ? fields.name_en : fields.name;
      return fields;
    },
  };
}
