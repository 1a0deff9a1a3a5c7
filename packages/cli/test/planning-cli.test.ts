import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { runCli } from './run-cli.js';

/** macc and optimize on the demo district, as the operator of the local store. */
describe('carbonbase macc and optimize', () => {
  const data = join(mkdtempSync(join(tmpdir(), 'carbonbase-planning-cli-')), 'data');
  const cli = (...args: string[]) => runCli(args, data);

  beforeAll(async () => {
    vi.stubEnv('DATABASE_URL', '');
    await cli('init', '--demo');
  }, 300_000);
  afterAll(() => void vi.unstubAllEnvs());

  it('prints an enterprise MACC, cheapest first; JSON bars add up to the total', async () => {
    const shown = await cli('macc', '--enterprise', 'DEMO-CEM-C', '--rate', '8%');
    expect(shown.out).toContain('DEMO-CEM-C');
    expect(shown.out).toContain('篦冷机');
    const m = JSON.parse(
      (await cli('macc', '--park', 'DEMO-PARK-BM', '--year', '2025', '--json')).out,
    ) as {
      bars: { cost: { value: number }; abatement: { value: number } }[];
      total: { value: number };
      sites: unknown[];
    };
    expect(m.sites).toHaveLength(4);
    const costs = m.bars.map((b) => b.cost.value);
    expect(costs).toEqual([...costs].sort((a, b) => a - b));
    expect(m.bars.reduce((s, b) => s + b.abatement.value, 0)).toBeCloseTo(m.total.value, 6);
  });

  it('optimizes a park cut, and explains one it cannot reach', async () => {
    const plan = await cli('optimize', '--park', 'DEMO-PARK-HT', '--cut', '10%', '--by', '2030');
    expect(plan.out).toContain('折现总成本 present cost');
    const parsed = JSON.parse(
      (await cli('optimize', '--park', 'DEMO-PARK-HT', '--cut', '10%', '--by', '2030', '--json'))
        .out,
    ) as {
      status: string;
      years: { year: number; emissions: { value: number } }[];
      target: { cap: { value: number } };
    };
    expect(parsed.status).toBe('optimal');
    expect(parsed.years.at(-1)!.emissions.value).toBeLessThanOrEqual(
      parsed.target.cap.value + 1e-6,
    );
    const none = await cli('optimize', '--park', 'DEMO-PARK-BM', '--cut', '50%', '--by', '2030');
    expect(none.out).toContain('不可行 infeasible — 约束瓶颈 binding: potential');
    await expect(
      cli('optimize', '--park', 'DEMO-PARK-BM', '--cut', '50', '--by', '2030'),
    ).rejects.toThrow(/unit of measure|dimension|same thing|%/);
  });
});
