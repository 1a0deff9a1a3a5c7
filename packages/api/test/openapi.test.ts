import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { FactorBase } from '@carbonbase/factors';
import { bundledFactorSetsDir, loadFactorSetTree } from '@carbonbase/io';
import { openStore } from '@carbonbase/store';
import { buildServer, InMemoryPactRepository } from '../src/index.js';
import { schemas } from './helpers.js';

// The committed OpenAPI document must be what the routes' schemas produce. To refresh it after a
// route change: UPDATE_OPENAPI=1 npx vitest run packages/api/test/openapi.test.ts
const committed = fileURLToPath(new URL('../../../docs/api/openapi.yaml', import.meta.url));

describe('docs/api/openapi.yaml', () => {
  it('matches the document generated from the route schemas', async () => {
    const base = new FactorBase(await loadFactorSetTree(bundledFactorSetsDir()));
    const store = await openStore({ inMemory: true });
    const app = buildServer({
      factors: { factorBase: () => Promise.resolve(base) },
      pact: { footprints: new InMemoryPactRepository([]), credentials: [], schemas },
      store: { store },
    });
    await app.ready();
    const generated = app.swagger({ yaml: true });
    await app.close();
    await store.close();
    if (process.env.UPDATE_OPENAPI) writeFileSync(committed, generated);
    const doc = parse(generated) as { openapi: string; paths: Record<string, unknown> };
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/factors',
        '/api/v1/factor-sets',
        '/api/v1/auth/login',
        '/api/v1/enterprises/{id}/imports',
        '/api/v1/runs/{id}/explanations/{subject}',
        '/auth/token',
        '/3/footprints',
      ]),
    );
    expect(readFileSync(committed, 'utf8')).toBe(generated);
  });
});
