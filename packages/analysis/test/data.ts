import { readFileSync } from 'node:fs';

const root = new URL('../../../', import.meta.url);

/** Reads a JSON data file by its path from the repository root (tests may do I/O). */
export function readJson(path: string): unknown {
  return JSON.parse(readFileSync(new URL(path, root), 'utf8')) as unknown;
}
