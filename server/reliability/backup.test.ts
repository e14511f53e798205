import { describe, expect, it } from 'vitest';
import { runBackupUnderLoad } from './harness/backup-run.ts';

/**
 * Backup and restore under load (issue #13), short mode: `wenming backup` while the crash harness's write load
 * runs, `wenming restore` into a fresh target, then the restored copy checked against the backup's own content,
 * the writes acknowledged before the backup began, the audit chain, and the app started on it. Times go to
 * bench/results (`npm run bench:reliability backup`), never into an assertion.
 *
 * Opt-in for now (WENMING_RELIABILITY_BACKUP=1): with its own server start it takes 65–130 s per engine on the
 * 2-core CI machine, past the suite's budget. To run it in CI, share the crash test's server (issue #13).
 */
const engine = process.env.WENMING_TEST_ENGINE === 'postgres' ? 'postgres' : 'pglite';

describe.skipIf(process.env.WENMING_RELIABILITY_BACKUP !== '1')(`backup and restore under load on ${engine}`, () => {
  it('restores a copy whose counts match the backup, with every earlier write, a whole audit chain and an app that starts', async () => {
    const report = await runBackupUnderLoad({
      engine,
      adminUrl: process.env.TEST_DATABASE_URL,
      seed: 7,
      workers: 3,
      writesBeforeBackup: 4,
      flowsAfterBackup: 2,
    });
    // PGlite's folder has one owner: the backup command refuses while the server runs, then runs with it stopped.
    expect(report.mode).toBe(engine === 'postgres' ? 'hot' : 'cold');
    if (engine === 'pglite') expect(report.hotRefusal).toMatch(/in use by process/);
    expect(report.tables).toBeGreaterThan(20);
    expect(report.countMismatches).toEqual([]);
    expect(report.missingAfterRestore).toEqual([]);
    expect(report.audit.code, report.audit.output).toBe(0);
    expect(report.restoredAppServes).toBe(true);
  }, 240_000);
});
