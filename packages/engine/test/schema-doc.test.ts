import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { LINE_KINDS, inventoryJsonSchema } from '../src/index.js';

/**
 * docs/formats/inventory.schema.json is generated from the zod schema. This test fails when they
 * differ; regenerate with
 * `CARBONBASE_WRITE_SCHEMA=1 npx vitest run packages/engine/test/schema-doc.test.ts`, then Prettier.
 */
const file = fileURLToPath(new URL('../../../docs/formats/inventory.schema.json', import.meta.url));
const generated = `${JSON.stringify(inventoryJsonSchema(), null, 2)}\n`;

describe('docs/formats/inventory.schema.json', () => {
  it('is the schema the engine validates with', () => {
    if (process.env.CARBONBASE_WRITE_SCHEMA) writeFileSync(file, generated);
    // Compared as data, so that Prettier may lay the file out.
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(inventoryJsonSchema());
  });

  it('documents every line kind, and docs/formats/inventory.md names each one', () => {
    const md = readFileSync(
      fileURLToPath(new URL('../../../docs/formats/inventory.md', import.meta.url)),
      'utf8',
    );
    for (const kind of LINE_KINDS) {
      expect(generated).toContain(`"const": "${kind}"`);
      expect(md).toContain(`\`${kind}\``);
    }
  });
});
