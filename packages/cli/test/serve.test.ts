import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

// Runs the built binary, as the README's first command does (`npm install` builds it).
const bin = fileURLToPath(new URL('../bin/carbonbase.js', import.meta.url));
const child = spawn(
  process.execPath,
  [bin, '--data', mkdtempSync(join(tmpdir(), 'carbonbase-serve-')), 'serve', '--port', '0'],
  // the embedded store of the data folder, whatever the environment says
  { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, DATABASE_URL: '' } },
);
let printed = '';
// the first start creates the store and seeds the demo district before it listens
const address = new Promise<string>((resolve, reject) => {
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => {
    out += chunk.toString();
    printed = out;
    const m = /running at (http:\/\/\S+)/.exec(out);
    // the demo logins are printed after the address
    if (m?.[1] && out.includes('electronics-manager')) resolve(m[1]);
  });
  child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.on('exit', (code) => reject(new Error(`serve exited with ${code}: ${out}`)));
});

afterAll(() => {
  child.kill('SIGTERM');
});

describe('carbonbase serve', () => {
  it('serves the factor API, the API document and the web app', async () => {
    const base = await address;
    const sets = (await (await fetch(`${base}/api/v1/factor-sets`)).json()) as { id: string }[];
    expect(sets.map((s) => s.id)).toContain('cn-gbt32151-2024-fuels');
    const page = await fetch(`${base}/factors?q=烟煤`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<div id="root">');
    const missing = await fetch(`${base}/api/v1/nothing-here`);
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as { code: string }).code).toBe('not-found');
    expect((await fetch(`${base}/docs/json`)).status).toBe(200);
  }, 120_000);

  it('seeds the demo district on first start and prints its logins, which work', async () => {
    const base = await address;
    expect(printed).toContain('demo district seeded: 12');
    const password = /密码 password: (\S+)\)/.exec(printed)![1]!;
    const res = await fetch(`${base}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ tenant: 'default', login: 'park-bm', password }),
    });
    expect(res.status).toBe(200);
    const { token } = (await res.json()) as { token: string };
    const list = (await (
      await fetch(`${base}/api/v1/enterprises`, { headers: { authorization: `Bearer ${token}` } })
    ).json()) as { total: number };
    expect(list.total).toBe(4);
  }, 120_000);
});
