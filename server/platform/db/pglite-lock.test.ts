import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { acquireDataDirLock, DataDirLockedError, lockPathFor } from './pglite-lock.ts';

describe('PGlite data-folder lock', () => {
  const dirs: string[] = [];
  const tempDir = () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wenming-lock-'));
    dirs.push(dir);
    return path.join(dir, 'db');
  };
  afterEach(() => {
    for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('refuses a folder another live process holds', () => {
    const dir = tempDir();
    // pid 1 always exists: it stands for "another process".
    fs.writeFileSync(lockPathFor(dir), '1');
    expect(() => acquireDataDirLock(dir)).toThrow(DataDirLockedError);
    expect(fs.readFileSync(lockPathFor(dir), 'utf8')).toBe('1');
  });

  it('refuses a second open in the same process', () => {
    const dir = tempDir();
    const release = acquireDataDirLock(dir);
    expect(() => acquireDataDirLock(dir)).toThrow(DataDirLockedError);
    release();
  });

  it('takes over a stale lock whose process is gone', () => {
    const dir = tempDir();
    fs.writeFileSync(lockPathFor(dir), '999999999');
    const release = acquireDataDirLock(dir);
    expect(fs.readFileSync(lockPathFor(dir), 'utf8')).toBe(String(process.pid));
    release();
    expect(fs.existsSync(lockPathFor(dir))).toBe(false);
  });
});
