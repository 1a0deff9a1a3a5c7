import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { runCli } from './run-cli.js';

type Q = { value: number; unit: string };

/** analyse decompose on the demo district: effects that add up to the overview's change. */
describe('carbonbase analyse decompose', () => {
  const data = join(mkdtempSync(join(tmpdir(), 'carbonbase-decompose-cli-')), 'data');
  const cli = (...args: string[]) => runCli(args, data);

  beforeAll(async () => {
    vi.stubEnv('DATABASE_URL', '');
    await cli('init', '--demo');
  }, 300_000);
  afterAll(() => void vi.unstubAllEnvs());

  it('prints a park’s waterfall by its code; JSON adds up to the overview’s year on year', async () => {
    const args = ['analyse', 'decompose', '--park', 'DEMO-PARK-BM', '--from', '2024', '--to'];
    const shown = await cli(...args, '2025');
    expect(shown.out).toContain('DEMO-PARK-BM');
    expect(shown.out).toContain('结构效应 structure');
    expect(shown.out).toContain('活动量为综合能耗');
    const d = JSON.parse((await cli(...args, '2025', '--json')).out) as {
      effects: Record<string, Q>;
      total: Q;
    };
    const overview = JSON.parse(
      (await cli('analyse', 'park', 'DEMO-PARK-BM', '--year', '2025', '--json')).out,
    ) as { yearOnYear: { net: { delta: Q } } };
    const delta = overview.yearOnYear.net.delta.value;
    const sum = Object.values(d.effects).reduce((x, q) => x + q.value, 0);
    expect(Math.abs(sum - delta)).toBeLessThanOrEqual(1e-9 * Math.abs(delta));
  });

  it('decomposes an enterprise by its production, and refuses two scopes at once', async () => {
    const plant = await cli(
      'analyse',
      'decompose',
      '--enterprise',
      'DEMO-CEM-A',
      '--from',
      '2024',
      '--to',
      '2025',
    );
    expect(plant.out).toContain('per-t-clinker');
    await expect(
      cli(
        'analyse',
        'decompose',
        '--park',
        'DEMO-PARK-BM',
        '--region',
        '451300-DEMO',
        '--from',
        '2024',
        '--to',
        '2025',
      ),
    ).rejects.toThrow(/exactly one of --enterprise, --park, --region/);
  });
});
