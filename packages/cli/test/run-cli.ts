import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildProgram } from '../src/program.js';
import { createContext, type CliContext } from '../src/context.js';

/** Runs the CLI in-process with its own data folder; returns what it printed. */
export async function runCli(
  args: string[],
  dataDir = mkdtempSync(join(tmpdir(), 'carbonbase-cli-')),
): Promise<{ out: string; err: string; dataDir: string }> {
  let out = '';
  let err = '';
  let ctx: CliContext | undefined;
  const program = buildProgram({
    contextFor: (dir) =>
      (ctx = {
        ...createContext(dir),
        out: (t) => {
          out += t.endsWith('\n') ? t : `${t}\n`;
        },
        err: (t) => {
          err += t.endsWith('\n') ? t : `${t}\n`;
        },
      }),
    embedded: { writeOut: (t) => (out += t), writeErr: (t) => (err += t) },
  });
  try {
    await program.parseAsync(['node', 'carbonbase', '--data', dataDir, ...args]);
  } catch (e) {
    // Keep what the command printed before it failed: tests check both.
    throw new Error(`${(e as Error).message}\n--- output ---\n${out}${err}`, { cause: e });
  } finally {
    // as bin/carbonbase.js does: the store a command opened is closed when it ends
    await ctx?.closeStore();
  }
  return { out, err, dataDir };
}
