import {
  FACTOR_COLUMNS,
  FactorSetError,
  parseFactorSet,
  sha256,
  type FactorSet,
  type FactorSetManifest,
  type SourceDocument,
} from '@carbonbase/factors';
import type { FormatCells } from './check-row.js';
import type { ImportPreset } from './preset.js';
import { IMPORTED_DATA_FILE, serializeFactorSet } from './serialize.js';
import { slug } from './slug.js';
import type { ImportIssue, ImportOptions, ImportSource } from './types.js';

/** A row that passed the import checks. */
export interface GoodRow {
  readonly row: number;
  readonly cells: FormatCells;
  /** Field → source column, to place the parser's issues in the source file. */
  readonly columnOf: (field: string) => string;
}

/**
 * Builds the set from the good rows. The format's parser is the final judge: a row it refuses is
 * reported (code `format-rule`) and dropped, and the rest parsed again when good rows may be
 * kept; otherwise nothing is kept. The checks before make this a safety net, not the usual path.
 */
export function buildImportedSet(
  good: readonly GoodRow[],
  file: string,
  options: ImportOptions,
  preset: ImportPreset | undefined,
  issues: ImportIssue[],
  badRows: Set<number>,
): FactorSet | undefined {
  let set: FactorSet | undefined;
  let kept = good;
  while (kept.length > 0 && set === undefined) {
    const built = buildSet(kept, options, preset);
    try {
      const parsed = parseFactorSet(
        built.manifestText,
        { [IMPORTED_DATA_FILE]: built.csv },
        'manifest.json',
      );
      // Re-read the set in its canonical text (the one writeFactorSet writes), so that the
      // manifest's checksum is that of the files a later write produces.
      const canonical = serializeFactorSet(parsed);
      set = parseFactorSet(
        canonical.manifestText,
        { [IMPORTED_DATA_FILE]: canonical.csv },
        'manifest.json',
      );
    } catch (e) {
      if (!(e instanceof FactorSetError)) throw e;
      const refused = new Set<number>();
      for (const i of e.issues) {
        const g =
          i.row !== undefined && i.file === IMPORTED_DATA_FILE ? kept[i.row - 2] : undefined;
        if (!g)
          throw new Error(`import produced an invalid factor set: ${e.message}`, { cause: e });
        refused.add(g.row);
        badRows.add(g.row);
        issues.push({
          file,
          row: g.row,
          ...(i.column !== undefined && { column: g.columnOf(i.column) }),
          reason: `格式规则 format rule: ${i.reason}`,
          code: 'format-rule',
        });
      }
      kept = kept.filter((g) => !refused.has(g.row));
      if (!options.keepGoodRows) break;
    }
  }
  return set;
}

/** Manifest and data-file text for the good rows. */
function buildSet(
  rows: readonly GoodRow[],
  o: ImportOptions,
  preset: ImportPreset | undefined,
): { manifestText: string; csv: string } {
  const setSource: ImportSource | undefined = o.source ?? preset?.source;
  const sources: SourceDocument[] = [];
  const idOfTitle = new Map<string, string>();
  const addSource = (s: ImportSource): string => {
    const known = idOfTitle.get(s.title);
    if (known) return known;
    const base = slug(s.title, 40) || 'source';
    let id = base;
    for (let n = 2; sources.some((d) => d.id === id); n++) id = `${base}-${n}`;
    sources.push({
      id,
      title: s.title,
      ...(s.publisher && { publisher: s.publisher }),
      ...(s.url && { url: s.url }),
    });
    idOfTitle.set(s.title, id);
    return id;
  };
  if (setSource) addSource(setSource);
  const esc = (s: string) => (/[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  const lines = [FACTOR_COLUMNS.join(',')];
  for (const r of rows) {
    const cells = { ...r.cells, source: addSource({ title: r.cells.source }) };
    lines.push(FACTOR_COLUMNS.map((c) => esc(cells[c])).join(','));
  }
  const csv = lines.join('\n') + '\n';
  const manifest: FactorSetManifest = {
    formatVersion: 1,
    id: o.setId,
    version: o.version ?? o.importDate,
    name: o.name ?? preset?.name ?? `导入因子集 ${o.setId}`,
    nameEn: o.nameEn ?? preset?.nameEn ?? `Imported factor set ${o.setId}`,
    ...((o.description ?? preset?.description) && {
      description: o.description ?? preset?.description,
    }),
    publisher:
      o.publisher ?? preset?.publisher ?? setSource?.publisher ?? setSource?.title ?? 'unspecified',
    licence: o.licence ?? preset?.licence ?? 'unspecified',
    released: o.importDate,
    sources,
    files: [{ path: IMPORTED_DATA_FILE, sha256: sha256(csv) }],
  };
  return { manifestText: JSON.stringify(manifest, null, 2) + '\n', csv };
}
