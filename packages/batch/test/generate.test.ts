import { describe, expect, it } from 'vitest';
import { generateActivity, prepareBatch } from '../src/index.js';

describe('the benchmark data generator', () => {
  it('gives identical data for the same seed and different data for another', () => {
    const a = generateActivity({ rows: 50_000, seed: 1 });
    const b = generateActivity({ rows: 50_000, seed: 1 });
    const c = generateActivity({ rows: 50_000, seed: 2 });
    for (const col of ['enterprise', 'year', 'month', 'kind', 'code', 'unit', 'amount'] as const)
      expect(Buffer.from(a[col].buffer).equals(Buffer.from(b[col].buffer))).toBe(true);
    expect(a.enterpriseIds).toEqual(b.enterpriseIds);
    expect(Array.from(a.enterpriseRegion)).toEqual(Array.from(b.enterpriseRegion));
    expect(Buffer.from(a.amount.buffer).equals(Buffer.from(c.amount.buffer))).toBe(false);
  });

  it('writes exactly the rows asked for, grouped by enterprise, on shared memory when asked', () => {
    const g = generateActivity({ rows: 10_001, years: [2022, 2023], shared: true });
    expect(g.amount.length).toBe(10_001);
    expect(g.amount.buffer).toBeInstanceOf(SharedArrayBuffer);
    const p = prepareBatch(g);
    expect(p.columns).toBe(g); // already grouped: used in place
    expect(p.years).toEqual([2022, 2023]);
    expect(Math.min(...g.amount)).toBeGreaterThan(0);
  });
});
