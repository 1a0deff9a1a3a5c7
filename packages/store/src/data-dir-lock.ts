import { open, readFile, rm } from 'node:fs/promises';

/**
 * An embedded database folder may be open in one process only: PGlite has no locking of its
 * own, and two processes writing the same files would corrupt them. The lock is a file holding
 * the owner's pid; a lock left by a process that no longer runs is taken over.
 */
export class DataDirLockedError extends Error {
  override readonly name = 'DataDirLockedError';
}

export interface DataDirLock {
  release(): Promise<void>;
}

export async function lockDataDir(lockPath: string): Promise<DataDirLock> {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const handle = await open(lockPath, 'wx');
      await handle.writeFile(`${process.pid}\n`);
      await handle.close();
      return { release: () => rm(lockPath, { force: true }) };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const owner = Number((await readFile(lockPath, 'utf8').catch(() => '')).trim());
      if (isRunning(owner))
        throw new DataDirLockedError(
          `the data folder is in use by process ${owner} (${lockPath}); ` +
            'stop it, or use a PostgreSQL server (DATABASE_URL) for several processes',
        );
      await rm(lockPath, { force: true }); // stale: its process is gone
    }
  }
  throw new DataDirLockedError(`could not lock ${lockPath}`);
}

function isRunning(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0); // signal 0 only checks that the process exists
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}
