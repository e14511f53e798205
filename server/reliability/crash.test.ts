import { describe, expect, it } from 'vitest';
import { runCrashHarness } from './harness/crash-run.ts';

/**
 * Crash safety, short mode (issue #13): a real `wenming serve` on a throwaway database of the engine under test,
 * write load with retries, three SIGKILLs at seeded points and a last one right after the last acknowledgement.
 * Only invariants are asserted, never a timing; the long mode is `npm run reliability:crash`.
 */
const engine = process.env.WENMING_TEST_ENGINE === 'postgres' ? 'postgres' : 'pglite';

describe(`crash safety on ${engine}: SIGKILL under write load`, () => {
  it('keeps every acknowledged write exactly once, numbers unique, timelines replaying to the status, the audit chain whole', async () => {
    const report = await runCrashHarness({
      engine,
      adminUrl: process.env.TEST_DATABASE_URL,
      seed: 13,
      kills: 3,
      minFlows: 12,
      workers: 3,
      killAfterMs: [200, 800],
    });
    expect(report.kills).toBe(3);
    expect(report.writes.acknowledged).toBeGreaterThanOrEqual(12);
    expect(report.findings.lost).toEqual([]);
    expect(report.findings.duplicated).toEqual([]);
    expect(report.findings.badNumbers).toEqual([]);
    expect(report.findings.timelineMismatches).toEqual([]);
    expect(report.serverErrors).toEqual([]);
    expect(report.audit.code, report.audit.output).toBe(0);
  }, 180_000);
});
