import { FactorBase, type FactorSet } from '@carbonbase/factors';
import { bundledFactorSetsDir, loadFactorSetTree } from '@carbonbase/io';
import type { Store } from '@carbonbase/store';

/** Loads the bundled factor sets into the store; sets already there (same checksum) are kept. */
export async function loadBundledFactorSets(
  store: Store,
): Promise<{ loaded: number; kept: number }> {
  const sets = await loadFactorSetTree(bundledFactorSetsDir());
  let loaded = 0;
  for (const set of sets) if ((await store.factorSets.load(set)).status === 'loaded') loaded++;
  return { loaded, kept: sets.length - loaded };
}

/** `id@version` of a set, as runs record it. */
export const setRef = (s: { manifest: { id: string; version: string } }): string =>
  `${s.manifest.id}@${s.manifest.version}`;

/** The sets named by `id@version`, read back from the store (they are immutable there). */
export async function factorSetsByRef(store: Store, refs: readonly string[]): Promise<FactorSet[]> {
  return Promise.all(
    refs.map(async (ref) => {
      const at = ref.lastIndexOf('@');
      const set = await store.factorSets.find(ref.slice(0, at), ref.slice(at + 1));
      if (!set) throw new Error(`factor set ${ref} is no longer in the store`);
      return set;
    }),
  );
}

/** Every factor set in the store: the base new calculations resolve against. */
export async function currentFactorSets(store: Store): Promise<FactorSet[]> {
  const summaries = await store.factorSets.list();
  return factorSetsByRef(
    store,
    summaries.map((s) => `${s.id}@${s.version}`),
  );
}

export const factorBaseOf = (sets: readonly FactorSet[]): FactorBase => new FactorBase(sets);
