import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { registerCbamCommand } from '../src/commands/cbam.command.js';
import { createContext } from '../src/context.js';

const EXAMPLE = fileURLToPath(
  new URL('../../../examples/cbam/guangxi-cement-cbam.json', import.meta.url),
);
const tmp = () => mkdtempSync(join(tmpdir(), 'carbonbase-cbam-'));

// One context for the file, so the factor base loads once; output is captured per run.
let out = '';
let err = '';
const ctx = {
  ...createContext(tmp()),
  out: (t: string) => {
    out += t.endsWith('\n') ? t : `${t}\n`;
  },
  err: (t: string) => {
    err += t.endsWith('\n') ? t : `${t}\n`;
  },
};

/** The cbam command alone, in-process, as test/run-cli.ts runs the whole program. */
async function run(args: string[]): Promise<{ out: string; err: string }> {
  out = '';
  err = '';
  const program = new Command('carbonbase')
    .exitOverride()
    .configureOutput({ writeOut: (t) => (out += t), writeErr: (t) => (err += t) });
  registerCbamCommand(program, ctx);
  await program.parseAsync(['node', 'carbonbase', ...args]);
  return { out, err };
}

/** The numeric cells of the table row that starts with this process. */
function row(text: string, process: string): number[] {
  const line = text.split('\n').find((l) => l.startsWith(`│ ${process} `))!;
  return line
    .split('│')
    .map((c) => c.trim())
    .filter((c) => /^\d+(\.\d+)?$/.test(c))
    .map(Number);
}

describe('carbonbase cbam', () => {
  it('prints SEE per good as in the worked example of docs/methods/cbam.md', async () => {
    const { out } = await run(['cbam', EXAMPLE, '--year', '2026']);
    expect(out).toContain('CN 编码 CN code');
    expect(out).toContain('合计 Total tCO2e/t');
    // Steps 1–2: clinker direct 0.83873, indirect 0.019724, total 0.85846 tCO2e/t.
    const [cd, ci, ct] = row(out, 'clinker');
    expect(cd).toBeCloseTo(0.83873, 5);
    expect(ci).toBeCloseTo(0.019724, 6);
    expect(ct).toBeCloseTo(0.85846, 5);
    // Step 3: CEM I direct 0.79778, indirect 0.039507, total 0.83729 tCO2e/t.
    const [md, mi, mt] = row(out, 'cement');
    expect(md).toBeCloseTo(0.79778, 5);
    expect(mi).toBeCloseTo(0.039507, 6);
    expect(mt).toBeCloseTo(0.83729, 5);
    expect(out).toContain('2523 10 00');
    expect(out).toContain('2523 29 00');
    expect(out).toContain('default (+10 % mark-up 2026)');
    // The explanation summary: formulas with numbers, and the route note.
    expect(out).toContain('SEE_g = (AttrEm_g + Σ M_p × SEE_p) / AL_g');
    expect(out).toMatch(/route/i);
    expect(out).toContain('注意 caveats:');
  });

  it('--json prints the communication data', async () => {
    const { out } = await run(['cbam', EXAMPLE, '--year', '2026', '--json']);
    const c = JSON.parse(out);
    expect(c.format).toBe('carbonbase.cbam-communication/v1');
    expect(c.markUpYear).toBe(2026);
    const [clinker, cement] = c.goods;
    expect(clinker.cn).toBe('2523 10 00');
    // SEE_clinker,direct = 2 432 322.31 / 2 900 000; indirect = 57 198.68 / 2 900 000
    expect(clinker.see.direct.value.value).toBeCloseTo(2432322.31 / 2900000, 8);
    expect(clinker.see.indirect.value.value).toBeCloseTo(57198.68 / 2900000, 10);
    // SEE_cement,indirect = (48 390.72 + 43 786.58 + 2 640.00) / 2 400 000
    expect(cement.see.indirect.value.value).toBeCloseTo(
      (48390.72 + 43786.58 + 2640.0) / 2400000,
      8,
    );
    // Step 4 uses the CEM I total 0.8372857 tCO2e/t.
    expect(cement.see.total.value).toBeCloseTo(0.8372857, 7);
    expect(cement.see.indirect.label).toMatch(
      /^actual \(precursor 2523 10 00 .+: default \(\+10 % mark-up 2026\)\)$/,
    );
  });

  it('--xlsx writes the workbook; with --json, stdout stays JSON', async () => {
    const path = join(tmp(), 'guangxi.xlsx');
    const r = await run(['cbam', EXAMPLE, '--year', '2026', '--xlsx', path, '--json']);
    expect(JSON.parse(r.out).goods).toHaveLength(2);
    expect(r.err).toContain(`written: ${path}`);
    expect(readFileSync(path).subarray(0, 2).toString('latin1')).toBe('PK');

    const table = await run(['cbam', EXAMPLE, '--year', '2026', '--xlsx', path]);
    expect(table.out).toContain(`已写入 written: ${path}`);
  });

  it('without --year, the 2025 reporting year has no mark-up for the purchased default', async () => {
    await expect(run(['cbam', EXAMPLE])).rejects.toThrow(
      /guangxi-cement-cbam\.json: year: no CBAM default-value mark-up .* \(--year <year of import>\)/,
    );
  });

  it("a clinker process without indirect data needs --route, and takes that route's default", async () => {
    const doc = JSON.parse(readFileSync(EXAMPLE, 'utf8'));
    delete doc.processes[0].indirect;
    const path = join(tmp(), 'no-indirect.json');
    writeFileSync(path, JSON.stringify(doc));
    await expect(run(['cbam', path, '--year', '2026'])).rejects.toThrow(
      /2523 10 00 depends on the production route: choose one \(route \/ --route A\|B\) or give actual data/,
    );
    // China clinker route (B) indirect default 0.06 × 1.1 (2026) = 0.066 tCO2e/t
    const { out } = await run(['cbam', path, '--year', '2026', '--route', 'B', '--json']);
    const clinker = (
      JSON.parse(out) as {
        goods: {
          process: string;
          route: string;
          routeMeaning: string;
          see: { indirect: { value: { value: number } } };
        }[];
      }
    ).goods.find((g) => g.process === 'clinker')!;
    expect(clinker.route).toBe('B');
    expect(clinker.routeMeaning).toMatch(/^\(B\) 白色熟料\/水泥 white clinker \/ cement .*V-sec/);
    expect(clinker.see.indirect.value.value).toBeCloseTo(0.066, 12);
    await expect(run(['cbam', path, '--route', 'C'])).rejects.toThrow(/--route must be A .* or B/);
  });

  it('names the file and the field path of a bad document', async () => {
    const doc = JSON.parse(readFileSync(EXAMPLE, 'utf8'));
    delete doc.processes[1].production;
    doc.processes[0].good = '2716 00 00';
    const path = join(tmp(), 'bad.json');
    writeFileSync(path, JSON.stringify(doc));
    const e = await run(['cbam', path, '--year', '2026']).catch((x: Error) => x);
    expect(e).toBeInstanceOf(Error);
    expect((e as Error).message).toContain(`${path}: 2 error(s)`);
    expect((e as Error).message).toContain('$.processes[0].good: 2716 00 00 is not a CBAM');
    expect((e as Error).message).toContain('$.processes[1].production');
  });

  it('names the file when it is not JSON, and refuses a bad --year', async () => {
    const path = join(tmp(), 'broken.json');
    writeFileSync(path, '{ "format": ');
    await expect(run(['cbam', path])).rejects.toThrow(`${path}: 不是有效的 JSON not valid JSON`);
    await expect(run(['cbam', join(tmp(), 'missing.json')])).rejects.toThrow(
      /cannot read .*missing\.json/,
    );
    await expect(run(['cbam', EXAMPLE, '--year', '26'])).rejects.toThrow(/--year must be a year/);
  });
});
