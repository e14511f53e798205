import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../../server/config.ts';

/**
 * Scratch folders live in bench/.work (git-ignored) rather than os.tmpdir(): the real data folder sits on the
 * project's disk, and a tmpfs /tmp on another machine would make PGlite's file I/O look free.
 */
export const workRoot = path.join(projectRoot, 'bench', '.work');

const live = new Set<string>();

export function makeWorkDir(label: string): string {
  fs.mkdirSync(workRoot, { recursive: true });
  const dir = path.join(workRoot, `${label}-${process.pid}-${randomBytes(3).toString('hex')}`);
  fs.mkdirSync(dir);
  live.add(dir);
  return dir;
}

export function removeWorkDir(dir: string): void {
  fs.rmSync(dir, { recursive: true, force: true });
  live.delete(dir);
}

/** Synchronous, so it can run from an exit or signal handler. */
export function removeAllWorkDirs(): void {
  for (const dir of live) removeWorkDir(dir);
}
