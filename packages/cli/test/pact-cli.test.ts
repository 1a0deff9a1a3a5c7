import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { CementFootprint } from '@carbonbase/footprint';
import type { PactV2ProductFootprint, PactV3ProductFootprint } from '@carbonbase/pact';
import { runCli } from './run-cli.js';

const file = (p: string) => fileURLToPath(new URL(`../../../${p}`, import.meta.url));
const PLANT = file('examples/guangxi-cement-plant.yaml');
const INPUTS = file('examples/footprint/guangxi-cement-footprint.yaml');
const dir = mkdtempSync(join(tmpdir(), 'carbonbase-pact-'));

describe('carbonbase pact export | import | validate', () => {
  it('exports an inventory’s cement footprint as PACT v3 and v2, equal to carbonbase footprint', async () => {
    const { out } = await runCli(['footprint', PLANT, '--inputs', INPUTS, '--json']);
    const f = JSON.parse(out) as CementFootprint;
    const v3file = join(dir, 'cement-v3.json');
    const written = await runCli(['pact', 'export', PLANT, '--inputs', INPUTS, '-o', v3file]);
    expect(written.out).toMatch(/written .*cement-v3\.json: PACT v3\.0/);
    const v3 = JSON.parse(readFileSync(v3file, 'utf8')) as PactV3ProductFootprint;
    // tCO2e/t → kgCO2e per 1 t, as a decimal string
    expect(Number(v3.pcf.pcfExcludingBiogenicUptake)).toBeCloseTo(f.total.value * 1000, 6);
    expect(v3.pcf.declaredUnitOfMeasurement).toBe('kilogram');
    expect(v3.productClassifications).toEqual(['urn:pact:productclassification:un-cpc:37440']);
    const v2 = JSON.parse(
      (await runCli(['pact', 'export', PLANT, '--inputs', INPUTS, '--pact-version', '2'])).out,
    ) as PactV2ProductFootprint;
    expect(v2.specVersion).toMatch(/^2\./);
    expect(Number(v2.pcf.pCfExcludingBiogenic)).toBeCloseTo(f.total.value * 1000, 6);
    // the same file, product and allocation keep their id
    expect(v2.id).toBe(v3.id);
  });

  it('exports a saved `carbonbase footprint --json` result as it is', async () => {
    const { out } = await runCli(['footprint', PLANT, '--product', 'clinker', '--json']);
    const saved = join(dir, 'clinker-footprint.json');
    writeFileSync(saved, out);
    const doc = JSON.parse((await runCli(['pact', 'export', saved])).out) as PactV3ProductFootprint;
    const f = JSON.parse(out) as CementFootprint;
    expect(Number(doc.pcf.pcfExcludingBiogenicUptake)).toBeCloseTo(f.total.value * 1000, 6);
    expect(doc.productIds[0]).toMatch(/:clinker$/);
  });

  it('imports a partner’s document: validated, then summarized', async () => {
    const v3file = join(dir, 'partner.json');
    await runCli(['pact', 'export', PLANT, '--product', 'clinker', '-o', v3file]);
    const { out } = await runCli(['pact', 'import', v3file]);
    expect(out).toContain('PACT');
    expect(out).toContain('v3');
    // PACT states 1 t as 1000 kilogram
    expect(out).toMatch(/声明单位 declared unit\s*│\s*1000 kg/);
    expect(out).toMatch(/pCfExcludingBiogenic\s*│\s*[0-9.]+ kgCO2e \/ 1000 kg/);
    const json = JSON.parse((await runCli(['pact', 'import', v3file, '--json'])).out) as {
      version: string;
      footprint: { declaredUnit: unknown };
    };
    expect(json.version).toBe('3');
    expect(json.footprint.declaredUnit).toEqual({ value: 1000, unit: 'kg' });
  });

  it('validate: passes a valid document, names the JSON path of each error and fails otherwise', async () => {
    const good = join(dir, 'good.json');
    await runCli([
      'pact',
      'export',
      PLANT,
      '--product',
      'clinker',
      '--pact-version',
      '2',
      '-o',
      good,
    ]);
    expect((await runCli(['pact', 'validate', good])).out).toMatch(/valid PACT v2/);
    const doc = JSON.parse(readFileSync(good, 'utf8')) as Record<string, unknown> & {
      pcf: Record<string, unknown>;
    };
    const bad = join(dir, 'bad.json');
    delete doc.pcf.pCfExcludingBiogenic;
    writeFileSync(bad, JSON.stringify({ ...doc, companyIds: ['not a urn'] }));
    await expect(runCli(['pact', 'validate', bad])).rejects.toThrow(
      /fails the PACT v2 schema[\s\S]*\/companyIds\/0: [\s\S]*\/pcf\/pCfExcludingBiogenic: /,
    );
    await expect(runCli(['pact', 'import', bad])).rejects.toThrow(/is not a valid PACT/);
  });

  it('says where the official schemas are expected when they are missing', async () => {
    const good = join(dir, 'spec-test.json');
    await runCli(['pact', 'export', PLANT, '--product', 'clinker', '-o', good]);
    await expect(runCli(['pact', 'validate', good, '--spec', dir])).rejects.toThrow(
      /official PACT schemas are not in .*--spec/,
    );
  });
});
