import { mkdir } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { FactorBase } from '@carbonbase/factors';
import { bundledFactorSetsDir, loadFactorSetTree } from '@carbonbase/io';
import { DataDirLockedError, openStore, type Store, type StoreOptions } from '@carbonbase/store';

/** What every command needs from its surroundings: where data lives, and how to print. */
export interface CliContext {
  /** The user's data folder: `--data`, else CARBONBASE_DATA, else ~/.carbonbase. */
  readonly dataDir: string;
  /** Bundled factor sets plus those imported into the data folder. */
  loadFactorBase(): Promise<FactorBase>;
  /**
   * The store: PostgreSQL when DATABASE_URL is set, else PGlite in `<dataDir>/pglite`. Opened
   * (and migrated) on first use; the caller of the program closes it with closeStore.
   */
  openStore(): Promise<Store>;
  closeStore(): Promise<void>;
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
}

export function resolveDataDir(
  flag: string | undefined,
  env: NodeJS.ProcessEnv = process.env,
): string {
  return flag ?? env.CARBONBASE_DATA ?? join(homedir(), '.carbonbase');
}

/** Where the store lives: DATABASE_URL wins over the data folder. */
export function storeOptions(dataDir: string, env: NodeJS.ProcessEnv = process.env): StoreOptions {
  return env.DATABASE_URL ? { databaseUrl: env.DATABASE_URL } : { dataDir };
}

/** Opens the store, creating the data folder first when the store is embedded. */
export async function openDataStore(dataDir: string): Promise<Store> {
  const options = storeOptions(dataDir);
  if (options.dataDir !== undefined) await mkdir(options.dataDir, { recursive: true });
  try {
    return await openStore(options);
  } catch (e) {
    if (e instanceof DataDirLockedError)
      throw new Error(`数据目录正被另一进程使用（如 carbonbase serve） ${e.message}`, { cause: e });
    throw e;
  }
}

export function importedFactorSetsDir(dataDir: string): string {
  return join(dataDir, 'factor-sets');
}

export function createContext(dataDir: string): CliContext {
  let base: Promise<FactorBase> | undefined;
  let store: Promise<Store> | undefined;
  return {
    dataDir,
    openStore() {
      store ??= openDataStore(dataDir);
      return store;
    },
    async closeStore() {
      const opened = store;
      store = undefined;
      if (opened) await (await opened.catch(() => undefined))?.close();
    },
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
