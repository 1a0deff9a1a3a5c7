import { buildImportedSet, type GoodRow } from './build-set.js';
import { checkRow } from './check-row.js';
import { planColumns } from './columns.js';
import { oefdbPreset } from './oefdb.js';
import type { ImportPreset } from './preset.js';
import {
  ImportOptionsError,
  type ImportIssue,
  type ImportOptions,
  type ImportReasonCode,
  type ImportReport,
  type ReportIssue,
  type SourceTable,
} from './types.js';

/** Built-in presets by name. */
export const IMPORT_PRESETS: Readonly<Record<NonNullable<ImportOptions['preset']>, ImportPreset>> =
  {
    oefdb: oefdbPreset,
  };

/** Cell texts meaning "no value" when neither the options nor the preset say otherwise. */
export const DEFAULT_MISSING_TOKENS = ['not-supplied', 'n/a', 'N/A', 'NA', '-', '—', '无'] as const;

/**
 * The preset whose columns a table has, if any: lets `factors import` recognise an OEFDB file
 * without being told. Used only when neither a preset nor a mapping is given.
 */
export function detectPreset(
  headers: readonly string[],
): NonNullable<ImportOptions['preset']> | undefined {
  const has = new Set(headers);
  for (const [id, preset] of Object.entries(IMPORT_PRESETS) as [
    NonNullable<ImportOptions['preset']>,
    ImportPreset,
  ][])
    if (preset.columns.every((c) => has.has(c))) return id;
  return undefined;
}

const SET_ID = /^[a-z0-9][a-z0-9._-]*$/;
// Versions become folder names (<set>/<version>/), so they may not hold separators or "..".
const VERSION = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function checkOptions(o: ImportOptions): void {
  if (!SET_ID.test(o.setId))
    throw new ImportOptionsError(`set id "${o.setId}" may hold only a-z, 0-9, ".", "_", "-"`);
  if (!ISO_DATE.test(o.importDate))
    throw new ImportOptionsError(`importDate "${o.importDate}" is not YYYY-MM-DD`);
  const version = o.version ?? o.importDate;
  if (!VERSION.test(version) || version.includes('..'))
    throw new ImportOptionsError(
      `version "${version}" may hold only letters, digits, ".", "_", "-"`,
    );
  if (o.preset && o.mapping)
    throw new ImportOptionsError('give either a preset or a column mapping, not both');
  if (o.preset && !(o.preset in IMPORT_PRESETS))
    throw new ImportOptionsError(`unknown preset "${String(o.preset)}"`);
}

/**
 * Imports the rows of one table (a CSV file or worksheet already read into text cells) into a
 * factor set. Pure: no files, no clock (the caller passes `importDate`).
 *
 * Every bad row is reported with file, row, source column and reason. All or nothing: when any
 * row is bad the report carries no set, unless `keepGoodRows` is true; then the good rows form
 * the set and the report still lists the rejected ones. The set returned is exactly what
 * `loadFactorSetDirectory` reads back after `writeFactorSet`, because it is built by the
 * format's own parser from the text that would be written.
 *
 * @throws ImportOptionsError when the options themselves are invalid.
 */
export function importFactorRows(table: SourceTable, options: ImportOptions): ImportReport {
  checkOptions(options);
  const presetId = options.preset ?? (options.mapping ? undefined : detectPreset(table.headers));
  const preset = presetId ? IMPORT_PRESETS[presetId] : undefined;
  const missingTokens = new Set<string>(
    options.missingTokens ?? preset?.missingTokens ?? DEFAULT_MISSING_TOKENS,
  );
  const issues: ImportIssue[] = [];
  const unknownUnits: Record<string, number> = {};
  const plan = planColumns(table, options, preset, issues);

  const badRows = new Set<number>();
  const good: GoodRow[] = [];
  const index = new Map<string, number>();
  table.headers.forEach((h, i) => {
    if (!index.has(h)) index.set(h, i);
  });
  if (plan) {
    const seenIds = new Map<string, number>();
    const setSource = options.source ?? preset?.source;
    for (const r of table.rows) {
      const issue: ReportIssue = (column, code, reason, unit) => {
        issues.push({
          file: table.file,
          row: r.row,
          ...(column !== undefined && { column }),
          reason,
          code,
        });
        badRows.add(r.row);
        if (unit !== undefined) unknownUnits[unit] = (unknownUnits[unit] ?? 0) + 1;
      };
      const get = (header: string): string => {
        const i = index.get(header);
        const text = i === undefined ? '' : (r.cells[i] ?? '').trim();
        return missingTokens.has(text) ? '' : text;
      };
      const fields = plan.toFields(get, issue);
      const cells = checkRow(
        fields,
        { unitMap: options.unitMap ?? {}, ...(setSource && { source: setSource }) },
        issue,
      );
      if (!cells) continue;
      const first = seenIds.get(cells.id);
      if (first !== undefined) {
        issue(
          fields.id?.column ?? 'id',
          'duplicate-id',
          `编号重复 duplicate id "${cells.id}" (first at row ${first})`,
        );
        continue;
      }
      seenIds.set(cells.id, r.row);
      good.push({
        row: r.row,
        cells,
        columnOf: (f) => fields[f as keyof typeof fields]?.column ?? f,
      });
    }
  }

  const keep = plan !== undefined && (badRows.size === 0 || options.keepGoodRows === true);
  const set = keep
    ? buildImportedSet(good, table.file, options, preset, issues, badRows)
    : undefined;

  issues.sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
  const byReason: Partial<Record<ImportReasonCode, number>> = {};
  for (const i of issues) byReason[i.code] = (byReason[i.code] ?? 0) + 1;
  const rowsRead = table.rows.length;
  const rowsRejected = plan ? badRows.size : rowsRead;
  return {
    file: table.file,
    ...(table.sheet !== undefined && { sheet: table.sheet }),
    ...(preset && { preset: preset.id }),
    mapping: plan?.mapping ?? {},
    ignoredColumns: plan?.ignored ?? [],
    rowsRead,
    rowsGood: rowsRead - rowsRejected,
    rowsRejected,
    rowsLoaded: set?.records.length ?? 0,
    byReason,
    unknownUnits,
    issues,
    ...(set && { set }),
  };
}
