import fs from 'node:fs';
import path from 'node:path';

/**
 * PGlite has no data-directory lock: two processes opening one folder both write and corrupt it.
 * We hold `<dir>.lock` (pid inside) while open; a lock whose pid is gone is stale and taken over.
 */
export class DataDirLockedError extends Error {
  constructor(
    readonly dir: string,
    readonly pid: number,
  ) {
    super(
      `The database folder ${dir} is in use by process ${pid}. Stop it first (or point WENMING_DATA_DIR elsewhere).`,
    );
  }
}

export function lockPathFor(dir: string): string {
  return `${path.resolve(dir)}.lock`;
}

export function acquireDataDirLock(dir: string): () => void {
  const lockPath = lockPathFor(dir);
  fs.mkdirSync(path.dirname(lockPath), { recursive: true });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(lockPath, String(process.pid), { flag: 'wx' });
      return () => releaseIfOurs(lockPath);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = readHolder(lockPath);
      if (holder !== null && holder !== process.pid && isProcessAlive(holder))
        throw new DataDirLockedError(dir, holder);
      if (holder === process.pid) throw new DataDirLockedError(dir, holder);
      fs.rmSync(lockPath, { force: true }); // stale: its process died without releasing
    }
  }
  throw new Error(`Could not take the lock ${lockPath}`);
}

function readHolder(lockPath: string): number | null {
  try {
    const pid = Number(fs.readFileSync(lockPath, 'utf8').trim());
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function releaseIfOurs(lockPath: string): void {
  if (readHolder(lockPath) === process.pid) fs.rmSync(lockPath, { force: true });
}
