/**
 * The generated API types must match docs/api/openapi.yaml: after the API's routes change (and
 * the document is regenerated), `npm run gen:api -w @carbonbase/web` must be run too. This test
 * generates the types the way that script does and compares them with the committed file.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString, COMMENT_HEADER } from 'openapi-typescript';
import { format, resolveConfig } from 'prettier';
import { describe, expect, it } from 'vitest';

const openapiYaml = new URL('../../../docs/api/openapi.yaml', import.meta.url);
const schemaFile = fileURLToPath(new URL('../src/api/schema.d.ts', import.meta.url));

describe('generated API client types', () => {
  it('src/api/schema.d.ts is current with docs/api/openapi.yaml (else: npm run gen:api -w @carbonbase/web)', async () => {
    const generated = `${COMMENT_HEADER}${astToString(await openapiTS(openapiYaml))}`;
    const options = (await resolveConfig(schemaFile)) ?? {};
    const expected = await format(generated, { ...options, filepath: schemaFile });
    // Compared as booleans first: a 300 kB diff in the failure message helps nobody.
    const committed = readFileSync(schemaFile, 'utf8');
    expect(
      committed === expected,
      'schema.d.ts is stale: run npm run gen:api -w @carbonbase/web',
    ).toBe(true);
  }, 60_000);
});
