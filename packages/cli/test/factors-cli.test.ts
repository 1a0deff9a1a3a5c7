import { describe, expect, it } from 'vitest';
import { valueIn, type Quantity } from '@carbonbase/quantity';
import { runCli } from './run-cli.js';

interface FactorJson {
  id: string;
  name: string;
  nameEn: string;
  kind: string;
  code: string;
  parameter: string;
  value: number;
  unit: string;
  region: string;
  year: number | null;
  set: string;
  version: string;
  source: { document: string; clause?: string };
  verification: string;
}

const q = (f: FactorJson): Quantity => ({ value: f.value, unit: f.unit });

describe('carbonbase factors (bundled sets)', () => {
  it('search 烟煤 --json finds the bituminous-coal defaults with their source', async () => {
    const { out } = await runCli(['factors', 'search', '烟煤', '--json']);
    const found = JSON.parse(out) as FactorJson[];
    const of = (parameter: string) =>
      found.filter(
        (f) =>
          f.code === 'bituminous-coal' &&
          f.parameter === parameter &&
          f.set === 'cn-gbt32151-2024-fuels',
      );
    // shared/methods.md §1.3 (GB/T 32151.22-2024 表C.1): NCV 19.570 GJ/t, CC 0.0261 tC/GJ, OF 93 %.
    const [ncv] = of('ncv');
    const [cc] = of('carbon-content');
    const [ox] = of('oxidation');
    expect(valueIn(q(ncv!), 'GJ/t')).toBeCloseTo(19.57, 10);
    expect(valueIn(q(cc!), 'tC/GJ')).toBeCloseTo(0.0261, 10);
    expect(valueIn(q(ox!), '%')).toBeCloseTo(93, 10);
    for (const f of [ncv!, cc!, ox!]) {
      expect(f.source.document).toMatch(/GB\/T 32151/);
      expect(f).toHaveProperty('nameEn');
      expect(['verified', 'secondary', 'recalled']).toContain(f.verification);
    }
  });

  it('search 华东 --year 2023 --kind grid finds 0.5500 tCO2/MWh', async () => {
    const { out } = await runCli([
      'factors',
      'search',
      '华东',
      '--year',
      '2023',
      '--kind',
      'grid',
      '--json',
    ]);
    const found = JSON.parse(out) as FactorJson[];
    const east = found.filter((f) => f.region === 'CN-GRID-EAST');
    expect(east).toHaveLength(1);
    expect(valueIn(q(east[0]!), 'tCO2/MWh')).toBeCloseTo(0.55, 10);
    expect(found.every((f) => f.kind === 'grid' && f.year === 2023)).toBe(true);
  });

  it('prints a bilingual table and shows one factor', async () => {
    const { out } = await runCli(['factors', 'search', 'natural', 'gas']);
    expect(out).toContain('名称 Name');
    expect(out).toMatch(/389\.31/);
    const { out: json } = await runCli(['factors', 'search', '天然气', '--json']);
    const id = (JSON.parse(json) as FactorJson[])[0]!.id;
    const shown = await runCli(['factors', 'show', id]);
    expect(shown.out).toContain(id);
    expect(shown.out).toContain('来源 Source');
  });

  it('resolves with reasons and lists sets', async () => {
    const { out } = await runCli([
      'factors',
      'resolve',
      'electricity',
      'ef',
      '--region',
      'CN-JS',
      '--year',
      '2024',
      '--json',
    ]);
    const res = JSON.parse(out) as { ref: string; factor: FactorJson; reasons: string[] };
    // 江苏 has no provincial value in the bundled data: East China grid, latest year ≤ 2024 = 2023.
    expect(res.factor.region).toBe('CN-GRID-EAST');
    expect(res.factor.year).toBe(2023);
    expect(res.reasons.join('\n')).toMatch(/CN-JS/);
    const sets = JSON.parse((await runCli(['factors', 'sets', '--json'])).out) as {
      id: string;
      records: number;
    }[];
    expect(sets.map((s) => s.id)).toContain('cn-gbt32151-2024-fuels');
    expect(sets.every((s) => s.records > 0)).toBe(true);
  });

  it('refuses a bad option with a clear message', async () => {
    await expect(runCli(['factors', 'search', 'x', '--kind', 'nonsense'])).rejects.toThrow(
      /nonsense/,
    );
    await expect(runCli(['factors', 'show', 'no/such-factor'])).rejects.toThrow(
      /no factor with id/,
    );
  });
});
