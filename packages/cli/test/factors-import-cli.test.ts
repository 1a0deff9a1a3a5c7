import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { runCli } from './run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'carbonbase-import-'));
const header = '名称,英文名称,数值,单位,地区,来源';
const goodRow = '外购蒸汽,Purchased steam,0.11,tCO2/GJ,CN-GX,供热公司合同 heat supply contract';

describe('carbonbase factors import', () => {
  // the embedded store of each test's data folder, whatever the environment says
  beforeAll(() => void vi.stubEnv('DATABASE_URL', ''));
  afterAll(() => void vi.unstubAllEnvs());

  it('refuses a file with a bad cell, naming file, row and column, and keeps nothing', async () => {
    const file = join(dir, 'bad.csv');
    writeFileSync(file, [header, goodRow, '某燃料,Some fuel,abc,t/t,CN,x'].join('\n'));
    const data = mkdtempSync(join(tmpdir(), 'carbonbase-data-'));
    const failure = runCli(['factors', 'import', file, '--set', 'acme'], data);
    await expect(failure).rejects.toThrow(/import refused: 1 bad row/);
    // The report locates the bad cell: file, row 3 (header = row 1), column 数值.
    await expect(failure).rejects.toThrow(/bad\.csv.*row 3.*column 数值/);
    // Nothing was written: the set is unknown to search.
    const after = await runCli(['factors', 'search', 'steam', '--set', 'acme', '--json'], data);
    expect(JSON.parse(after.out)).toEqual([]);
  });

  it('loads a good file into the store and the data folder, where search finds it with its source', async () => {
    const file = join(dir, 'good.csv');
    writeFileSync(file, [header, goodRow].join('\n'));
    const data = mkdtempSync(join(tmpdir(), 'carbonbase-data-'));
    await runCli(['init'], data);
    const { out } = await runCli(
      ['factors', 'import', file, '--set', 'acme', '--set-version', '2026.1', '--kind', 'heat'],
      data,
    );
    expect(out).toMatch(/loaded into the store/);
    // the tenant has no runs yet, so none used an earlier version
    expect(out).toMatch(/runs on an earlier version: 0; 结果变化 changed: 0/);
    const found = JSON.parse((await runCli(['factors', 'search', '蒸汽', '--json'], data)).out) as {
      set: string;
      version: string;
      value: number;
      unit: string;
      kind: string;
      source: { document: string };
    }[];
    const mine = found.filter((f) => f.set === 'acme');
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({
      version: '2026.1',
      value: 0.11,
      unit: 'tCO2/GJ',
      kind: 'heat',
      source: { document: '供热公司合同 heat supply contract' },
    });
    // The same file again changes nothing; other content under the same version is refused,
    // since runs cite set versions.
    const again = await runCli(
      ['factors', 'import', file, '--set', 'acme', '--set-version', '2026.1', '--kind', 'heat'],
      data,
    );
    expect(again.out).toMatch(/nothing changed/);
    const changed = join(dir, 'changed.csv');
    writeFileSync(changed, [header, goodRow.replace('0.11', '0.12')].join('\n'));
    await expect(
      runCli(
        [
          'factors',
          'import',
          changed,
          '--set',
          'acme',
          '--set-version',
          '2026.1',
          '--kind',
          'heat',
        ],
        data,
      ),
    ).rejects.toThrow(/already exists with other content/);
  }, 120_000);

  it('keeps the good rows only when asked', async () => {
    const file = join(dir, 'mixed.csv');
    writeFileSync(file, [header, goodRow, '某燃料,Some fuel,abc,t/t,CN,x'].join('\n'));
    const data = mkdtempSync(join(tmpdir(), 'carbonbase-data-'));
    const { out } = await runCli(
      ['factors', 'import', file, '--set', 'acme', '--keep-good-rows', '--json'],
      data,
    );
    const report = JSON.parse(out) as {
      rowsRead: number;
      rowsLoaded: number;
      issues: { row: number; column: string }[];
    };
    expect(report.rowsRead).toBe(2);
    expect(report.rowsLoaded).toBe(1);
    expect(report.issues).toEqual([expect.objectContaining({ row: 3, column: '数值' })]);
  });
});
