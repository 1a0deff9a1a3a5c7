import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { runCli } from './run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'carbonbase-pathway-cli-'));

/**
 * By hand (tCO2e/a): "peak" 100, 110, 121, 133.1 (2025–2028, +10 %/a), then flat less a 20 t
 * measure: 113.1 to 2060, so the peak is 2028 at 133.1. "rising": 100 × 1.01^(y − 2025),
 * highest in 2060 at 100 × 1.01^35 = 141.66.
 */
const SCENARIOS = {
  formatVersion: 1,
  scenarios: [
    {
      id: 'peak',
      name: '2028 年达峰',
      nameEn: 'Peak in 2028',
      baseYear: 2025,
      production: '100 t/a',
      intensity: '1 tCO2e/t',
      growth: [
        { from: 2026, to: 2028, ratePerYear: '10 %' },
        { from: 2029, to: 2060, ratePerYear: '0 %' },
      ],
      intensityChange: [],
      measures: [{ id: 'whr', from: 2029, abatement: '20 tCO2e/a' }],
    },
    {
      id: 'rising',
      name: '持续增长',
      nameEn: 'Still rising',
      baseYear: 2025,
      production: '100 t/a',
      intensity: '1 tCO2e/t',
      growth: [{ from: 2026, to: 2060, ratePerYear: '1 %' }],
      intensityChange: [],
      measures: [],
    },
  ],
};

const write = (name: string, value: unknown) => {
  const file = join(dir, name);
  writeFileSync(file, JSON.stringify(value));
  return file;
};

describe('carbonbase pathway', () => {
  const file = write('scenarios.json', SCENARIOS);

  it('prints each pathway with the peak found by hand', async () => {
    const { out } = await runCli(['pathway', file]);
    expect(out).toContain('peak 2028 年达峰');
    expect(out).toMatch(/峰值年份 peak year\s*│ 2028/);
    expect(out).toMatch(/峰值 peak\s*│ 133\.10 tCO2e\/a/);
    expect(out).toMatch(/2028 ▲/);
    expect(out).toMatch(/峰值年份 peak year\s*│ 2060（2060 年仍在上升 still rising）/);
  });

  it('compares side by side, and as JSON', async () => {
    const { out } = await runCli(['pathway', file, '--compare']);
    expect(out).toMatch(/peak 2028 年达峰\s*│ 2028 ✓/);
    expect(out).toContain('least cumulative: peak');
    const c = JSON.parse((await runCli(['pathway', file, '--compare', '--json'])).out) as {
      rows: { scenario: string; peakYear: number; peakValue: { value: number } }[];
    };
    expect(c.rows.map((r) => r.peakYear)).toEqual([2028, 2060]);
    expect(c.rows[1]!.peakValue.value).toBeCloseTo(100 * 1.01 ** 35, 9);
    const p = JSON.parse((await runCli(['pathway', file, '--json'])).out) as {
      value2030: { value: number };
    }[];
    expect(p[0]!.value2030.value).toBeCloseTo(113.1, 9);
  });

  it('lists every problem of a bad file with its path', async () => {
    const bad = write('bad.json', {
      formatVersion: 1,
      scenarios: [
        {
          ...SCENARIOS.scenarios[0],
          production: 100,
          growth: [{ from: 2030, to: 2026, ratePerYear: '1 %' }],
        },
      ],
    });
    await expect(runCli(['pathway', bad])).rejects.toThrow(/problem/);
    const gap = write('gap.json', {
      formatVersion: 1,
      scenarios: [
        { ...SCENARIOS.scenarios[1], growth: [{ from: 2026, to: 2040, ratePerYear: '1 %' }] },
      ],
    });
    await expect(runCli(['pathway', gap])).rejects.toThrow(/no growth rate for 2041/);
  });
});

describe('carbonbase evaluate', () => {
  const data = join(dir, 'data');
  const cli = (...args: string[]) => runCli(args, data);

  beforeAll(async () => {
    vi.stubEnv('DATABASE_URL', '');
    await cli('init', '--demo');
  }, 300_000);
  afterAll(() => void vi.unstubAllEnvs());

  it('lists the systems, and grades the demo clinker plant under GB 16780 from its run', async () => {
    const { out } = await cli('evaluate');
    expect(out).toContain('template-green-factory-gbt36132-2025');
    expect(out).toContain('取自核算 from the run');
    const g = JSON.parse(
      (
        await cli(
          'evaluate',
          '--system',
          'cn-gb16780-2021-cement',
          '--enterprise',
          'DEMO-CEM-A',
          '--year',
          '2025',
          '--json',
        )
      ).out,
    ) as { kind: string; grade: { standard: string; indicators: unknown[] } };
    expect(g.kind).toBe('graded-limit');
    expect(g.grade.standard).toBe('GB 16780-2021');
    expect(g.grade.indicators.length).toBeGreaterThan(0);
  });

  it('checks neutrality of the demo cement plant from its run and an inputs file', async () => {
    const inputs = write('neutrality.json', {
      neutrality: {
        inventoryVerified: true,
        offsets: [
          { id: 'ccer-1', type: 'ccer', amount: '1000 tCO2e', vintage: 2024, retired: false },
        ],
      },
    });
    const args = [
      'evaluate',
      '--system',
      'carbon-neutrality-check-generic',
      '--enterprise',
      'DEMO-CEM-A',
      '--year',
      '2025',
      '--inputs',
      inputs,
    ];
    const { out } = await cli(...args);
    expect(out).toContain('ccer-1: not retired (cancelled) in a registry');
    expect(out).toMatch(/可声明碳中和 claimable\s*│ 否 no/);
    const j = JSON.parse((await cli(...args, '--json')).out) as {
      result: { net: { value: number }; inventory: { value: number }; offsets: { value: number } };
    };
    // the unretired credit is refused, so net = inventory
    expect(j.result.offsets.value).toBe(0);
    expect(j.result.net.value).toBeCloseTo(j.result.inventory.value, 6);
  });

  it('names the missing indicator inputs', async () => {
    await expect(
      cli(
        'evaluate',
        '--system',
        'template-cleaner-production-tongze',
        '--enterprise',
        'DEMO-CEM-A',
        '--year',
        '2025',
      ),
    ).rejects.toThrow(/no input for/);
  });
});
