import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { runCli } from './run-cli.js';

/** analyse park|region on the demo district: the table, and JSON that adds up to the runs. */
describe('carbonbase analyse', () => {
  const data = join(mkdtempSync(join(tmpdir(), 'carbonbase-analyse-cli-')), 'data');
  const cli = (...args: string[]) => runCli(args, data);

  // the embedded store of the data folder, whatever the environment says
  beforeAll(async () => {
    vi.stubEnv('DATABASE_URL', '');
    await cli('init', '--demo');
  }, 300_000);
  afterAll(() => void vi.unstubAllEnvs());

  it('prints a park’s roll-up and ranking by its code; JSON matches the runs’ totals', async () => {
    const shown = await cli('analyse', 'park', 'DEMO-PARK-BM', '--year', '2025');
    expect(shown.out).toContain('DEMO-PARK-BM');
    expect(shown.out).toContain('不重复合计 net');
    expect(shown.out).toMatch(/1\s*│ DEMO-CEM-A/);
    const parsed = JSON.parse(
      (await cli('analyse', 'park', 'DEMO-PARK-BM', '--year', '2025', '--json')).out,
    ) as {
      rollup: { net: { value: number } };
      enterprises: { code: string }[];
    };
    // the saved runs of 2025, listed by `runs`: the park's four add up to its net total
    const runs = JSON.parse((await cli('runs', '--year', '2025', '--json')).out) as {
      enterprise: string;
      total: { value: number };
    }[];
    const park = new Set(parsed.enterprises.map((e) => e.code));
    expect(park.size).toBe(4);
    const sum = runs.filter((r) => park.has(r.enterprise)).reduce((s, r) => s + r.total.value, 0);
    expect(parsed.rollup.net.value).toBeCloseTo(sum, 3);
  });

  it('prints the region park by park, and fails on an unknown park', async () => {
    const region = await cli('analyse', 'region', '451300-DEMO', '--year', '2025');
    expect(region.out).toContain('DEMO-PARK-HT');
    expect(region.out).toContain('outside any park: DEMO-PWR-01');
    await expect(cli('analyse', 'park', 'NO-SUCH-PARK', '--year', '2025')).rejects.toThrow(
      /no park NO-SUCH-PARK/,
    );
  });
});
