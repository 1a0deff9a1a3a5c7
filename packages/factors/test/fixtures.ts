import { sha256 } from '../src/factor-set.js';
import type { FactorSetManifest } from '../src/record.js';

/** A manifest + CSV pair for tests, with the checksum filled in. */
export function fixtureSet(
  csv: string,
  overrides: Partial<FactorSetManifest> = {},
): { manifest: string; files: Record<string, string> } {
  const manifest: FactorSetManifest = {
    formatVersion: 1,
    id: 'test-set',
    version: '1.0',
    name: '测试',
    nameEn: 'Test',
    publisher: 'carbonbase tests',
    licence: 'CC0-1.0',
    released: '2026-01-01',
    sources: [{ id: 'm', title: 'shared/methods.md', url: 'https://example.org/methods' }],
    files: [{ path: 'factors.csv', sha256: sha256(csv) }],
    ...overrides,
  };
  return { manifest: JSON.stringify(manifest), files: { 'factors.csv': csv } };
}

export const HEADER =
  'id,kind,code,parameter,name,name_en,aliases,value,unit,gas,region,year,valid_from,valid_to,basis,source,clause,url,verification,notes';
