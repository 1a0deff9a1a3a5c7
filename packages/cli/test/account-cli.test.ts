import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { sum, valueIn, type Quantity } from '@carbonbase/quantity';
import { createContext } from '../src/context.js';
import { registerAccountCommands } from '../src/commands/account.command.js';

const examples = fileURLToPath(new URL('../../../examples/', import.meta.url));
const plant = join(examples, 'guangxi-cement-plant.yaml');

/** Runs `account` / `explain` in-process against the bundled factor sets. */
async function cli(args: string[]): Promise<{ out: string; error?: Error }> {
  let out = '';
  const dataDir = mkdtempSync(join(tmpdir(), 'carbonbase-account-'));
  const ctx = {
    ...createContext(dataDir),
    out: (t: string) => (out += `${t}\n`),
    err: (t: string) => (out += `${t}\n`),
  };
  const program = new Command('carbonbase')
    .exitOverride()
    .configureOutput({ writeOut: (t) => (out += t), writeErr: (t) => (out += t) });
  registerAccountCommands(program, ctx);
  try {
    await program.parseAsync(['node', 'carbonbase', ...args]);
    return { out };
  } catch (e) {
    return { out, error: e as Error };
  }
}

interface AccountJson {
  method: { id: string };
  period: { year: number };
  total: Quantity;
  byScope: Record<string, Quantity>;
  byGas: Record<string, Quantity>;
  byKind: Record<string, Quantity>;
  lines: {
    id: string;
    kind: string;
    emissions: Quantity;
    explanation: { factors: { ref: string }[] };
  }[];
  intensities: unknown[];
  energy: { calorific: Quantity };
  warnings: unknown[];
  boundaries?: { clinkerProduction: Quantity; enterprise: Quantity };
  biomassCO2: Quantity;
}

describe('carbonbase account (Guangxi cement plant, bundled factors)', () => {
  it.each(['cn-cement-2015', 'cn-cement-cets-2024', 'cn-cement-mee-2025'])(
    '--method %s --json has the issue-3 shape',
    async (method) => {
      const { out, error } = await cli(['account', plant, '--method', method, '--json']);
      expect(error).toBeUndefined();
      const r = JSON.parse(out) as AccountJson;
      expect(Object.keys(r).slice(0, 10)).toEqual([
        'method',
        'period',
        'total',
        'byScope',
        'byGas',
        'byKind',
        'lines',
        'intensities',
        'energy',
        'warnings',
      ]);
      expect(r.total.unit).toBe('tCO2e');
      expect(r.period.year).toBe(2023);
      const lines = sum(
        r.lines.map((l) => l.emissions),
        'tCO2e',
      );
      expect(Math.abs(valueIn(lines, 'tCO2e') - r.total.value)).toBeLessThan(1e-6 * r.total.value);
      expect(r.biomassCO2.value).toBeGreaterThan(0);
      const clinker = r.lines.find((l) => l.id === 'clinker-l1')!;
      if (method === 'cn-cement-2015') {
        // 1 550 000 t × [(65.2 − 0.6) % × 44/56 + (1.8 − 0.1) % × 44/40] = 1 550 000 × 0.526271 = 815 720.7 t
        expect(clinker.emissions.value).toBeCloseTo(815720.71, 1);
      } else {
        // CETS Portland default 0.535 (methods.md §2.2): 1 550 000 × 0.535 = 829 250 t
        expect(clinker.emissions.value).toBeCloseTo(829250, 6);
        expect(clinker.explanation.factors[0]!.ref).toMatch(/^cn-cets-ag-02\.01-2024-cement\/.+@/);
        expect(r.boundaries!.clinkerProduction.value).toBeLessThan(r.boundaries!.enterprise.value);
      }
    },
  );

  it('prints a bilingual table by default', async () => {
    const { out, error } = await cli(['account', plant]);
    expect(error).toBeUndefined();
    expect(out).toContain('总排放 Total');
    expect(out).toContain('熟料生产边界 clinker-production boundary');
    expect(out).toContain('clinker-l1');
  });

  it('explain total:process shows the derivation of every process line', async () => {
    const { out, error } = await cli([
      'explain',
      plant,
      'total:process',
      '--method',
      'cn-cement-2015',
    ]);
    expect(error).toBeUndefined();
    for (const text of [
      'total:process',
      'clinker-l1',
      'EF_cli',
      '44/56',
      'ckd-l1',
      'EF_CKD',
      'raw-meal-l2',
      '缺省 default',
      '实测 measured',
    ]) {
      expect(out).toContain(text);
    }
  });

  it('explain <line> --json gives the explanation as data', async () => {
    const { out } = await cli(['explain', plant, 'coal-l2', '--json']);
    const e = JSON.parse(out) as {
      subject: string;
      factors: { ref: string; verification: string }[];
    };
    expect(e.subject).toBe('coal-l2');
    expect(e.factors.map((f) => f.ref).join(' ')).toMatch(/bituminous-coal\.carbon-content@/);
  });

  it('a bad document fails naming the file, line and field', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'carbonbase-bad-'));
    const file = join(dir, 'bad.yaml');
    writeFileSync(
      file,
      'format: carbonbase.inventory/v1\nreporter: { name: x, region: CN }\nperiod: { year: 2023 }\nmethod: cn-cement-2015\nlines:\n  - { id: coal, kind: fuel-combustion, fuel: bituminous-coal, amount: 5 GJ/t }\n',
    );
    const { error } = await cli(['account', file]);
    expect(error?.message).toMatch(/bad\.yaml.*coal.*amount/);
  });

  it('an unknown subject lists the known ones', async () => {
    const { error } = await cli(['explain', plant, 'nope']);
    expect(error?.message).toMatch(/known: .*clinker-l1.*total/);
  });
});
