import {
  formatFactorRows,
  sha256,
  type FactorRecord,
  type FactorSet,
  type FactorSetManifest,
} from '@carbonbase/factors';

/** The data file an imported or written set is stored in. */
export const IMPORTED_DATA_FILE = 'factors.csv';

/** The manifest source a record cites: the one whose title (and URL, if any) matches. */
function sourceIdOf(manifest: FactorSetManifest): (r: FactorRecord) => string {
  return (r) => {
    const byTitle = manifest.sources.filter((s) => s.title === r.source.document);
    const s = byTitle.find((d) => d.url === undefined || d.url === r.source.url) ?? byTitle[0];
    if (!s)
      throw new Error(
        `${r.id}: source "${r.source.document}" is not in the manifest of ${manifest.id}`,
      );
    return s.id;
  };
}

/**
 * The exact text of a set in our format: one `factors.csv` and a manifest carrying its checksum.
 * Both the importer (for the set it returns) and `writeFactorSet` use it, so the set an import
 * reports and the files written have the same checksum.
 */
export function serializeFactorSet(set: FactorSet): {
  manifestText: string;
  csv: string;
  manifest: FactorSetManifest;
} {
  const csv = formatFactorRows(set.records, sourceIdOf(set.manifest));
  const manifest: FactorSetManifest = {
    ...set.manifest,
    files: [{ path: IMPORTED_DATA_FILE, sha256: sha256(csv) }],
  };
  return { manifestText: JSON.stringify(manifest, null, 2) + '\n', csv, manifest };
}
