import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FactorSetError, parseFactorSet, type FactorSet } from '@carbonbase/factors';

/** Loads one factor-set folder (manifest.json + data files). */
export async function loadFactorSetDirectory(dir: string): Promise<FactorSet> {
  const manifestPath = join(dir, 'manifest.json');
  const manifestText = await readFile(manifestPath, 'utf8');
  let listed: { path: string }[] = [];
  try {
    listed = (JSON.parse(manifestText) as { files?: { path: string }[] }).files ?? [];
  } catch {
    // parseFactorSet reports the invalid JSON with its location.
  }
  const files: Record<string, string> = {};
  for (const f of listed) {
    try {
      files[f.path] = await readFile(join(dir, f.path), 'utf8');
    } catch {
      // A missing file is reported by parseFactorSet against the manifest.
    }
  }
  try {
    return parseFactorSet(manifestText, files, manifestPath);
  } catch (e) {
    // Issues name data files relative to the set folder; say which folder, so that a problem in
    // one of many loaded sets can be found.
    if (!(e instanceof FactorSetError)) throw e;
    const located = e.issues.map((i) =>
      i.file === manifestPath ? i : { ...i, file: join(dir, i.file) },
    );
    throw new FactorSetError(e.set, located);
  }
}

/**
 * Finds every factor-set folder below `root` (any folder holding a manifest.json) and loads them
 * all. Problems in several sets are reported together.
 */
export async function loadFactorSetTree(root: string): Promise<FactorSet[]> {
  const dirs = await findManifestDirs(root);
  const sets: FactorSet[] = [];
  const errors: FactorSetError[] = [];
  for (const dir of dirs) {
    try {
      sets.push(await loadFactorSetDirectory(dir));
    } catch (e) {
      if (e instanceof FactorSetError) errors.push(e);
      else
        throw new Error(`${relative(process.cwd(), dir)}: ${(e as Error).message}`, { cause: e });
    }
  }
  if (errors.length) {
    throw new FactorSetError(
      root,
      errors.flatMap((e) => e.issues),
    );
  }
  return sets;
}

async function findManifestDirs(root: string): Promise<string[]> {
  const out: string[] = [];
  let entries: string[];
  try {
    entries = (await readdir(root)).sort();
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return out;
    throw e;
  }
  if (entries.includes('manifest.json')) out.push(root);
  for (const name of entries) {
    // Dot-folders are work in progress (writeFactorSet's temporary folder), never a set.
    if (name.startsWith('.')) continue;
    const p = join(root, name);
    if ((await stat(p)).isDirectory()) out.push(...(await findManifestDirs(p)));
  }
  return out;
}

/** The factor sets shipped with carbonbase (`data/factor-sets` at the repository root). */
export function bundledFactorSetsDir(): string {
  // src/factor-sets and dist/factor-sets are both four levels below the repository root.
  return fileURLToPath(new URL('../../../../data/factor-sets', import.meta.url));
}
