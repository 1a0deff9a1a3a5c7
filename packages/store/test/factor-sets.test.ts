import { readdir, readFile } from 'node:fs/promises';
import { factorRef, parseFactorSet, type FactorSet } from '@carbonbase/factors';
import { describe, expect, it } from 'vitest';
import {
  FactorSetConflictError,
  factorSetChecksum,
} from '../src/repositories/factor-set.repository.js';
import { factorSet } from './fixtures.js';
import { engines, useStore } from './harness.js';

const BUNDLED = new URL('../../../data/factor-sets/', import.meta.url);

/** Every factor set shipped in data/factor-sets/<set>/<version>/, parsed by the real loader. */
async function bundledSets(): Promise<FactorSet[]> {
  const dirs = async (url: URL) =>
    (await readdir(url, { withFileTypes: true }))
      .filter((d) => d.isDirectory())
      .map((d) => d.name)
      .sort();
  const sets: FactorSet[] = [];
  for (const id of await dirs(BUNDLED))
    for (const version of await dirs(new URL(`${id}/`, BUNDLED))) {
      const dir = new URL(`${id}/${version}/`, BUNDLED);
      const manifestText = await readFile(new URL('manifest.json', dir), 'utf8');
      const { files } = JSON.parse(manifestText) as { files: { path: string }[] };
      const texts: Record<string, string> = {};
      for (const f of files) texts[f.path] = await readFile(new URL(f.path, dir), 'utf8');
      sets.push(parseFactorSet(manifestText, texts));
    }
  return sets;
}

describe.each(engines)('factor sets on %s', (engine) => {
  const store = useStore(engine);

  it('gives back exactly the records it was given, units and optionals included', async () => {
    const set = factorSet();
    const result = await store().factorSets.load(set);
    expect(result).toMatchObject({ status: 'loaded', recordCount: set.records.length });
    const back = await store().factorSets.find(set.manifest.id, set.manifest.version);
    expect(back).toStrictEqual(set);
    expect(factorSetChecksum(back!)).toBe(result.checksum);
  });

  it('round-trips every bundled factor set exactly', async () => {
    const sets = await bundledSets();
    expect(sets.length).toBeGreaterThan(0);
    for (const set of sets) {
      await store().factorSets.load(set);
      const back = await store().factorSets.find(set.manifest.id, set.manifest.version);
      expect(back).toStrictEqual(set);
    }
  });

  it('keeps values that are not exact in binary, tiny or huge', async () => {
    const set = factorSet();
    await store().factorSets.load(set);
    const back = await store().factorSets.find(set.manifest.id, set.manifest.version);
    const value = (suffix: string) => back!.records.find((r) => r.id.endsWith(`/${suffix}`))?.value;
    expect(value('oxidation')).toStrictEqual({ value: 0.1, unit: '%' });
    expect(value('tiny')).toStrictEqual({ value: 1e-7, unit: 'tCO2/t' });
    expect(value('huge')).toStrictEqual({ value: 12345678901.25, unit: 'kgCO2e/t' });
    expect(value('natural-gas.ncv')?.unit).toBe('GJ/万Nm3');
  });

  it('loads the same set twice as a no-op', async () => {
    const set = factorSet();
    const first = await store().factorSets.load(set);
    const second = await store().factorSets.load(set);
    expect(second).toEqual({ ...first, status: 'unchanged' });
    const rows = await store().db.query<{ n: number }>(
      'select count(*) as n from factors where set_id = $1',
      [set.manifest.id],
    );
    expect(rows).toEqual([{ n: set.records.length }]);
  });

  it('refuses different content under a version already loaded', async () => {
    const set = factorSet();
    await store().factorSets.load(set);
    const changed = factorSet(set.manifest.id, set.manifest.version, 'changed note');
    await expect(store().factorSets.load(changed)).rejects.toThrow(FactorSetConflictError);
    // A new version of the same set loads beside the old one.
    const next = factorSet(set.manifest.id, '2025.1');
    await expect(store().factorSets.load(next)).resolves.toMatchObject({ status: 'loaded' });
    const versions = (await store().factorSets.list())
      .filter((s) => s.id === set.manifest.id)
      .map((s) => s.version);
    expect(versions).toEqual(['2024.1', '2025.1']);
  });

  it('loads a set whole or not at all', async () => {
    const set = factorSet();
    // 600 good records (more than one insert batch), then one the schema refuses (empty unit).
    const many = Array.from({ length: 600 }, (_, i) => ({
      ...set.records[0]!,
      id: `${set.manifest.id}/copy-${i}`,
    }));
    const bad = { ...set.records[0]!, id: `${set.manifest.id}/bad`, value: { value: 1, unit: '' } };
    const broken = { ...set, records: [...many, bad] };
    await expect(store().factorSets.load(broken)).rejects.toThrow();
    expect(
      await store().factorSets.findSummary(set.manifest.id, set.manifest.version),
    ).toBeUndefined();
    const rows = await store().db.query('select 1 from factors where set_id = $1', [
      set.manifest.id,
    ]);
    expect(rows).toEqual([]);
  });

  it('lists loaded sets with their manifests', async () => {
    const set = factorSet();
    await store().factorSets.load(set);
    const summary = (await store().factorSets.list()).find((s) => s.id === set.manifest.id);
    expect(summary).toMatchObject({
      version: '2024.1',
      recordCount: set.records.length,
      manifest: set.manifest,
    });
    expect(summary?.loadedAt).toBeInstanceOf(Date);
  });

  it('resolves the id@version references that runs record', async () => {
    const set = factorSet();
    await store().factorSets.load(set);
    const [a, b] = set.records;
    const refs = [factorRef(b!), `${a!.id}@9.9`, factorRef(a!)];
    const found = await store().factorSets.findByRefs(refs);
    expect([...found.keys()]).toEqual([factorRef(b!), factorRef(a!)]);
    expect(found.get(factorRef(a!))).toStrictEqual(a);
  });

  it('returns nothing for a set that is not loaded', async () => {
    expect(await store().factorSets.find('no-such-set', '1')).toBeUndefined();
  });
});
