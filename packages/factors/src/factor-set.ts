import { createHash } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import { parseUnit, quantity } from '@carbonbase/quantity';
import { FactorSetError, type RowIssue } from './issues.js';
import {
  FACTOR_KINDS,
  VERIFICATION_STATUSES,
  type FactorKind,
  type FactorRecord,
  type FactorSet,
  type FactorSetManifest,
  type Verification,
} from './record.js';

export const FACTOR_COLUMNS = [
  'id',
  'kind',
  'code',
  'parameter',
  'name',
  'name_en',
  'aliases',
  'value',
  'unit',
  'gas',
  'region',
  'year',
  'valid_from',
  'valid_to',
  'basis',
  'source',
  'clause',
  'url',
  'verification',
  'notes',
] as const;
/** Columns every data row must fill. */
export const REQUIRED_FACTOR_COLUMNS = [
  'id',
  'kind',
  'code',
  'parameter',
  'name',
  'name_en',
  'value',
  'unit',
  'region',
  'source',
  'verification',
] as const;

/** Row and set ids: lower-case letters, digits, ".", "_", "-". */
export const FACTOR_ID = /^[a-z0-9][a-z0-9._-]*$/;
/** GLOBAL, EU, an ISO 3166 code or a sub-code such as CN-GX or CN-GRID-EAST. */
export const REGION_CODE = /^(GLOBAL|EU|[A-Z]{2}(-[A-Z0-9]+)*)$/;
/** A plain decimal number, optionally with an exponent; no thousands separators. */
export const DECIMAL = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;
export const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function sha256(text: string | Uint8Array): string {
  return createHash('sha256').update(text).digest('hex');
}

/** Checks a manifest's shape; returns the issues (empty when it is good). */
export function validateManifest(m: unknown, file = 'manifest.json'): RowIssue[] {
  const issues: RowIssue[] = [];
  const bad = (column: string, reason: string) => issues.push({ file, column, reason });
  if (typeof m !== 'object' || m === null) return [{ file, reason: 'not a JSON object' }];
  const o = m as Record<string, unknown>;
  if (o.formatVersion !== 1) bad('formatVersion', 'must be 1');
  for (const k of ['id', 'version', 'name', 'nameEn', 'publisher', 'licence', 'released']) {
    if (typeof o[k] !== 'string' || o[k] === '') bad(k, 'required text is missing');
  }
  if (typeof o.id === 'string' && !FACTOR_ID.test(o.id))
    bad('id', `"${o.id}" is not a valid set id`);
  if (typeof o.released === 'string' && !ISO_DATE.test(o.released))
    bad('released', 'not an ISO date');
  if (!Array.isArray(o.sources) || o.sources.length === 0) bad('sources', 'at least one source');
  else
    o.sources.forEach((s: unknown, i) => {
      const so = s as Record<string, unknown>;
      if (typeof so?.id !== 'string' || typeof so.title !== 'string')
        bad(`sources[${i}]`, 'each source needs id and title');
    });
  if (!Array.isArray(o.files) || o.files.length === 0) bad('files', 'at least one data file');
  else
    o.files.forEach((f: unknown, i) => {
      const fo = f as Record<string, unknown>;
      if (typeof fo?.path !== 'string' || typeof fo.sha256 !== 'string')
        bad(`files[${i}]`, 'each file needs path and sha256');
    });
  return issues;
}

/**
 * Builds a factor set from its manifest and the text of its data files. Pure: the caller reads
 * the files. Throws FactorSetError listing every bad row; a set loads whole or not at all.
 */
export function parseFactorSet(
  manifestText: string,
  files: Readonly<Record<string, string>>,
  where = 'manifest.json',
): FactorSet {
  let raw: unknown;
  try {
    raw = JSON.parse(manifestText);
  } catch (e) {
    throw new FactorSetError(where, [
      { file: where, reason: `invalid JSON: ${(e as Error).message}` },
    ]);
  }
  const manifestIssues = validateManifest(raw, where);
  if (manifestIssues.length) throw new FactorSetError(where, manifestIssues);
  const manifest = raw as FactorSetManifest;
  const issues: RowIssue[] = [];
  const records: FactorRecord[] = [];
  const seen = new Set<string>();
  for (const f of manifest.files) {
    const text = files[f.path];
    if (text === undefined) {
      issues.push({ file: f.path, reason: 'listed in the manifest but not found' });
      continue;
    }
    const actual = sha256(text);
    if (actual !== f.sha256) {
      issues.push({
        file: f.path,
        reason: `checksum mismatch: manifest ${f.sha256}, file ${actual}`,
      });
      continue;
    }
    for (const r of parseFactorRows(text, f.path, manifest, issues)) {
      if (seen.has(r.id)) {
        issues.push({ file: f.path, column: 'id', reason: `duplicate id ${r.id}` });
        continue;
      }
      seen.add(r.id);
      records.push(r);
    }
  }
  if (issues.length) throw new FactorSetError(`${manifest.id}@${manifest.version}`, issues);
  return { manifest, records };
}

/** Parses the rows of one data file, pushing issues for bad rows and returning the good ones. */
export function parseFactorRows(
  text: string,
  file: string,
  manifest: FactorSetManifest,
  issues: RowIssue[],
): FactorRecord[] {
  let rows: string[][];
  try {
    rows = parse(text.replace(/^\uFEFF/, ''), { relax_column_count: true, skip_empty_lines: true });
  } catch (e) {
    issues.push({ file, reason: `not valid CSV: ${(e as Error).message}` });
    return [];
  }
  const header = rows[0] ?? [];
  const unknown = header.filter((h) => !(FACTOR_COLUMNS as readonly string[]).includes(h));
  for (const h of unknown) issues.push({ file, row: 1, column: h, reason: 'unknown column' });
  for (const h of REQUIRED_FACTOR_COLUMNS)
    if (!header.includes(h))
      issues.push({ file, row: 1, column: h, reason: 'required column missing' });
  if (unknown.length || REQUIRED_FACTOR_COLUMNS.some((h) => !header.includes(h))) return [];
  const sources = new Map(manifest.sources.map((s) => [s.id, s]));
  const out: FactorRecord[] = [];
  rows.slice(1).forEach((cells, i) => {
    const row = i + 2;
    const cell = (c: string) => (cells[header.indexOf(c)] ?? '').trim();
    const rowIssues: RowIssue[] = [];
    const bad = (column: string, reason: string) => rowIssues.push({ file, row, column, reason });
    for (const c of REQUIRED_FACTOR_COLUMNS)
      if (cell(c) === '') bad(c, 'required value is missing');
    const id = cell('id');
    if (id && !FACTOR_ID.test(id)) bad('id', `"${id}" may hold only a-z, 0-9, ".", "_", "-"`);
    const kind = cell('kind');
    if (kind && !(FACTOR_KINDS as readonly string[]).includes(kind))
      bad('kind', `unknown kind "${kind}"`);
    const verification = cell('verification');
    if (verification && !(VERIFICATION_STATUSES as readonly string[]).includes(verification))
      bad('verification', `"${verification}" is not verified, secondary or recalled`);
    const valueText = cell('value');
    const value = Number(valueText);
    if (valueText && (!DECIMAL.test(valueText) || !Number.isFinite(value)))
      bad('value', `"${valueText}" is not a number`);
    const unit = cell('unit');
    if (unit) {
      try {
        parseUnit(unit);
      } catch (e) {
        bad('unit', (e as Error).message);
      }
    }
    const region = cell('region');
    if (region && !REGION_CODE.test(region)) bad('region', `"${region}" is not a region code`);
    const yearText = cell('year');
    if (yearText && !/^\d{4}$/.test(yearText)) bad('year', `"${yearText}" is not a year`);
    for (const c of ['valid_from', 'valid_to'])
      if (cell(c) && !ISO_DATE.test(cell(c)))
        bad(c, `"${cell(c)}" is not an ISO date (YYYY-MM-DD)`);
    if (cell('valid_from') && cell('valid_to') && cell('valid_from') > cell('valid_to'))
      bad('valid_to', 'ends before valid_from');
    const source = sources.get(cell('source'));
    if (cell('source') && !source)
      bad('source', `"${cell('source')}" is not a source in the manifest`);
    if (rowIssues.length || !source) {
      issues.push(...rowIssues);
      return;
    }
    const opt = (c: string) => cell(c) || undefined;
    const clause = opt('clause');
    const url = opt('url') ?? source.url;
    out.push({
      id: `${manifest.id}/${id}`,
      kind: kind as FactorKind,
      code: cell('code'),
      parameter: cell('parameter'),
      name: cell('name'),
      nameEn: cell('name_en'),
      aliases: cell('aliases')
        .split('|')
        .map((a) => a.trim())
        .filter(Boolean),
      value: quantity(value, unit),
      ...(opt('gas') && { gas: cell('gas') }),
      region,
      ...(yearText && { year: Number(yearText) }),
      ...(opt('valid_from') && { validFrom: cell('valid_from') }),
      ...(opt('valid_to') && { validTo: cell('valid_to') }),
      ...(opt('basis') && { basis: cell('basis') }),
      set: manifest.id,
      version: manifest.version,
      source: {
        document: source.title,
        ...(clause && { clause }),
        ...(url && { url }),
        ...(source.publisher && { publisher: source.publisher }),
      },
      licence: manifest.licence,
      verification: verification as Verification,
      ...(opt('notes') && { notes: cell('notes') }),
    });
  });
  return out;
}

/** Writes records back to the CSV data-file format (used by importers and exports). */
export function formatFactorRows(
  records: readonly FactorRecord[],
  sourceIdOf: (r: FactorRecord) => string,
): string {
  const esc = (s: string) => (/[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  const lines = [FACTOR_COLUMNS.join(',')];
  for (const r of records) {
    const localId = r.id.slice(r.id.indexOf('/') + 1);
    const cells: Record<(typeof FACTOR_COLUMNS)[number], string> = {
      id: localId,
      kind: r.kind,
      code: r.code,
      parameter: r.parameter,
      name: r.name,
      name_en: r.nameEn,
      aliases: r.aliases.join('|'),
      value: String(r.value.value),
      unit: r.value.unit,
      gas: r.gas ?? '',
      region: r.region,
      year: r.year !== undefined ? String(r.year) : '',
      valid_from: r.validFrom ?? '',
      valid_to: r.validTo ?? '',
      basis: r.basis ?? '',
      source: sourceIdOf(r),
      clause: r.source.clause ?? '',
      url: r.source.url ?? '',
      verification: r.verification,
      notes: r.notes ?? '',
    };
    lines.push(FACTOR_COLUMNS.map((c) => esc(cells[c])).join(','));
  }
  return lines.join('\n') + '\n';
}
