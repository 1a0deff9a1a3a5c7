import { homedir } from 'node:os';
import { join } from 'node:path';
import { FactorBase } from '@carbonbase/factors';
import { bundledFactorSetsDir, loadFactorSetTree } from '@carbonbase/io';

/** What every command needs from its surroundings: where data lives, and how to print. */
export interface CliContext {
  /** The user's data folder: `--data`, else CARBONBASE_DATA, else ~/.carbonbase. */
  readonly dataDir: string;
  /** Bundled factor sets plus those imported into the data folder. */
  loadFactorBase(): Promise<FactorBase>;
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
}

export function resolveDataDir(
  flag: string | undefined,
  env: NodeJS.ProcessEnv = process.env,
): string {
  return flag ?? env.CARBONBASE_DATA ?? join(homedir(), '.carbonbase');
}

export function importedFactorSetsDir(dataDir: string): string {
  return join(dataDir, 'factor-sets');
}

export function createContext(dataDir: string): CliContext {
  let base: Promise<FactorBase> | undefined;
  return {
    dataDir,
    loadFactorBase() {
      base ??= (async () => {
        const bundled = await loadFactorSetTree(bundledFactorSetsDir());
        const imported = await loadFactorSetTree(importedFactorSetsDir(dataDir));
        return new FactorBase([...bundled, ...imported]);
      })();
      return base;
    },
    out: (text) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
    err: (text) => process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
  };
}
