import { randomUUID } from 'node:crypto';
import { mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { FactorSet } from '@carbonbase/factors';
import { IMPORTED_DATA_FILE, serializeFactorSet } from './serialize.js';

export interface WriteFactorSetOptions {
  /** Replace an existing folder for the same set version (default false: refuse). */
  readonly overwrite?: boolean;
}

/** The set version already exists and `overwrite` was not given. */
export class FactorSetExistsError extends Error {
  override readonly name = 'FactorSetExistsError';
  constructor(readonly dir: string) {
    super(
      `因子集版本已存在 factor set version already exists: ${dir} (pass overwrite to replace it)`,
    );
  }
}

// Set ids and versions become folder names; refuse anything that could leave `root`.
const SEGMENT = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

const exists = (p: string) =>
  stat(p).then(
    () => true,
    (e: NodeJS.ErrnoException) => {
      if (e.code === 'ENOENT') return false;
      throw e;
    },
  );

/**
 * Writes a factor set in our on-disk format (docs/formats/factor-set.md) to
 * `<root>/<set id>/<version>/`: `manifest.json` and one data file `factors.csv`, with the
 * manifest's checksum recomputed for that file. `loadFactorSetDirectory` on the returned folder
 * reads the same set back.
 *
 * Atomic: the files go to a temporary sibling folder that is renamed into place, so a reader never
 * sees half a set. An existing folder for the same version is an error unless `overwrite`; then
 * the old folder is moved aside, the new one renamed in, and the old one removed.
 *
 * @param set the set to write (e.g. `ImportReport.set`).
 * @param root the factor-sets folder, e.g. `<data dir>/factor-sets`; created if missing.
 * @returns the folder written.
 * @throws FactorSetExistsError when the version exists and `overwrite` is not set.
 */
export async function writeFactorSet(
  set: FactorSet,
  root: string,
  options: WriteFactorSetOptions = {},
): Promise<string> {
  const { id, version } = set.manifest;
  for (const segment of [id, version])
    if (!SEGMENT.test(segment) || segment.includes('..'))
      throw new Error(`"${segment}" cannot be used as a folder name for a factor set`);
  const parent = join(root, id);
  const dir = join(parent, version);
  if (!options.overwrite && (await exists(dir))) throw new FactorSetExistsError(dir);

  const { csv, manifestText } = serializeFactorSet(set);
  await mkdir(parent, { recursive: true });
  const tag = randomUUID().slice(0, 8);
  const tmp = join(parent, `.${version}.tmp-${tag}`);
  try {
    await mkdir(tmp);
    await writeFile(join(tmp, IMPORTED_DATA_FILE), csv, 'utf8');
    await writeFile(join(tmp, 'manifest.json'), manifestText, 'utf8');
    if (await exists(dir)) {
      if (!options.overwrite) throw new FactorSetExistsError(dir);
      const old = join(parent, `.${version}.old-${tag}`);
      await rename(dir, old);
      await rename(tmp, dir);
      await rm(old, { recursive: true, force: true });
    } else {
      await rename(tmp, dir);
    }
  } catch (e) {
    await rm(tmp, { recursive: true, force: true });
    throw e;
  }
  return dir;
}
