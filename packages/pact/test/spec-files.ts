import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The PACT specification files live in shared/ beside the repository (../shared/data/... from the
 * repo root); this file is packages/pact/test/, four levels below that parent.
 */
export const PACT_SPEC_DIR = resolve(
  dirname(fileURLToPath(import.meta.url)),
  '../../../../shared/data/pact-tech-spec',
);

export function readSpecFile(name: string): string {
  return readFileSync(resolve(PACT_SPEC_DIR, name), 'utf8');
}

export function readOpenApiSources(): { v2: string; v3: string } {
  return { v2: readSpecFile('openapi_v2_3.yaml'), v3: readSpecFile('openapi_v3_0.yaml') };
}
