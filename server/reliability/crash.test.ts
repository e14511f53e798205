import { beforeAll, describe, expect, it } from 'vitest';
import { type CrashRunReport, runCrashHarness } from './harness/crash-run.ts';

/**
 * Crash safety and backup under load, short mode (issue #13), in one run so they share a server and a load: a
 * real `wenming serve` on a copy of the test template holding the staff accounts (the checks need no demo county),
 * write load with retries, three SIGKILLs at seeded points, then `wenming backup` under the load (PGlite refuses
 * while served: its copy is taken after the run) and a last SIGKILL right after the last acknowledgement. The
 * database the kill left is checked; the backup is restored into a fresh target and checked there. Only
 * invariants are asserted, never a timing; the long modes are `npm run bench:reliability -- crash backup`.
 */
const engine = process.env.WENMING_TEST_ENGINE === 'postgres' ? 'postgres' : 'pglite';

describe(`crash safety and backup on ${engine}: SIGKILL and wenming backup under write load`, () => {
  let report: CrashRunReport;
  beforeAll(async () => {
    report = await runCrashHarness({
      engine,
      adminUrl: process.env.TEST_DATABASE_URL,
      start: 'template',
      seed: 13,
      kills: 3,
      minFlows: 12,
      workers: 3,
      killAfterMs: [200, 800],
      backup: { writesBefore: 4, flowsAfter: 2 },
    });
  }, 300_000);

  it('keeps every acknowledged write exactly once, numbers unique, timelines replaying to the status, the audit chain whole', () => {
    expect(report.kills).toBe(3);
    expect(report.writes.acknowledged).toBeGreaterThanOrEqual(12);
    expect(report.findings.lost).toEqual([]);
    expect(report.findings.duplicated).toEqual([]);
    expect(report.findings.badNumbers).toEqual([]);
    expect(report.findings.timelineMismatches).toEqual([]);
    expect(report.serverErrors).toEqual([]);
    expect(report.audit.summary).toMatch(/^ok, /);
  });

  it('restores a backup taken under load into a copy whose counts match it, with every earlier write, a whole audit chain and an app that starts', () => {
    const backup = report.backup!;
    // PGlite's folder has one owner: the backup command refuses while the server runs, then runs with it down.
    expect(backup.mode).toBe(engine === 'postgres' ? 'hot' : 'cold');
    if (engine === 'pglite') expect(backup.hotRefusal).toMatch(/in use by process/);
    expect(backup.tables).toBeGreaterThan(20);
    expect(backup.countMismatches).toEqual([]);
    expect(backup.missingAfterRestore).toEqual([]);
    expect(backup.audit.summary).toMatch(/^ok, /);
    expect(backup.restoredAppServes).toBe(true);
  });
});
