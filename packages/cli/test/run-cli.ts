import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildProgram } from '../src/program.js';
import { createContext } from '../src/context.js';

/** Runs the CLI in-process with its own data folder; returns what it printed. */
export async function runCli(
  args: string[],
  dataDir = mkdtempSync(join(tmpdir(), 'carbonbase-cli-')),
): Promise<{ out: string; err: string; dataDir: string }> {
  let out = '';
  let err = '';
  const program = buildProgram({
    contextFor: (dir) => ({
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
  }
  return { out, err, dataDir };
}
