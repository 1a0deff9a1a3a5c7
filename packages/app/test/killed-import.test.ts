import { execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { openStore, type Store } from '@carbonbase/store';
import { engines, unique } from './harness.js';
import { E1_ROWS, workbook } from './fixtures.js';

const SCRIPT = fileURLToPath(new URL('./killed-import.script.mjs', import.meta.url));
const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** The script runs the built packages; CI builds before testing, a fresh checkout may not have. */
function ensureBuilt(): void {
  const built = ['packages/app/dist/index.js', 'packages/store/dist/index.js'];
  if (built.every((f) => existsSync(join(ROOT, f)))) return;
  execFileSync('npx', ['tsc', '-b', 'packages/app'], { cwd: ROOT, stdio: 'inherit' });
}

/** Runs the script to its death; its output lines (JSON) and how it ended. */
function runScript(
  args: object,
): Promise<{ lines: unknown[]; signal: NodeJS.Signals | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [SCRIPT, JSON.stringify(args)], { cwd: ROOT });
    let out = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (_code, signal) =>
      resolve({
        lines: out
          .split('\n')
          .filter((l) => l.startsWith('{'))
          .map((l) => JSON.parse(l) as unknown),
        signal,
        stderr,
      }),
    );
  });
}

const count = async (store: Store, table: string, tenantId: string) => {
  const [row] = await store.db.query<{ n: number }>(
    `select count(*)::int as n from ${table} where tenant_id = $1`,
    [tenantId],
  );
  return row!.n;
};

/**
 * An import is one transaction: a process killed in the middle of one (power cut, OOM killer,
 * kill -9) leaves the store as it was before the import began.
 */
describe.each(engines)('an import killed half way on %s', (engine) => {
  it('leaves no activity version, no import batch and an intact audit chain', async () => {
    ensureBuilt();
    const dir = await mkdtemp(join(tmpdir(), 'cb-killed-import-'));
    const schema = unique('cb_killed_');
    const tenantId = unique('k');
    const where =
      engine === 'postgres'
        ? { databaseUrl: process.env.DATABASE_URL!, schema }
        : { dataDir: join(dir, 'data') };
    try {
      // twelve months of one coal stream: the kill comes after the sixth row is written
      const rows = Array.from({ length: 12 }, (_, i) => ({ ...E1_ROWS[0]!, month: i + 1 }));
      const file = join(dir, 'year.xlsx');
      await writeFile(file, await workbook(rows));

      const run = await runScript({ ...where, tenantId, file, year: 2024 });
      expect(run.signal, run.stderr).toBe('SIGKILL');
      expect(run.lines).toEqual([
        { seeded: expect.any(String) as string },
        { killedAt: 6, of: 12 },
      ]);
      const enterpriseId = (run.lines[0] as { seeded: string }).seeded;

      const store = await openStore(where);
      try {
        // what was committed before the import is there…
        expect((await store.organisations.getEnterprise(tenantId, enterpriseId))?.code).toBe('K1');
        expect(await store.access.findUserByLogin(tenantId, 'clerk')).toBeDefined();
        // …and nothing of the import is
        expect(await count(store, 'activity_data', tenantId)).toBe(0);
        expect(await count(store, 'import_batches', tenantId)).toBe(0);
        expect(await count(store, 'emission_sources', tenantId)).toBe(0);
        expect(await count(store, 'facilities', tenantId)).toBe(0);
        const audit = await store.auditLog.list(tenantId);
        expect(audit.map((e) => e.action)).toEqual(['user.create', 'login']);
        expect((await store.auditLog.verify(tenantId)).ok).toBe(true);
      } finally {
        if (engine === 'postgres') await store.db.exec(`drop schema if exists ${schema} cascade`);
        await store.close();
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 180_000);
});
