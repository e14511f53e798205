import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fakeClock } from '../../testing/fake-clock.ts';
import { useTestDatabase } from '../../testing/test-database.ts';
import { maxBackoffMs, retryDelayMs } from './queue.ts';
import { runDueJobs, runnerFor } from './run-due.ts';

describe('retry delays', () => {
  it('double with each failed attempt from the backoff, never shrink, and stop at a day', () => {
    expect([1, 2, 3, 4].map((attempt) => retryDelayMs(30_000, attempt))).toEqual([30_000, 60_000, 120_000, 240_000]);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 86_400_000 }), fc.integer({ min: 1, max: 200 }), (backoff, attempt) => {
        const delay = retryDelayMs(backoff, attempt);
        expect(delay).toBeGreaterThanOrEqual(Math.min(backoff, maxBackoffMs));
        expect(delay).toBeLessThanOrEqual(maxBackoffMs);
        expect(retryDelayMs(backoff, attempt + 1)).toBeGreaterThanOrEqual(delay);
      }),
    );
  });
});

describe('schedule rows follow the manifests', () => {
  const t = useTestDatabase();
  const clock = fakeClock('2026-06-01T00:00:00Z');
  const ran: string[] = [];
  const job = (everyMs: number) => ({
    name: 'test.resized',
    everyMs,
    run: async () => ran.push(clock().toISOString()),
  });
  const nextRun = async () =>
    (
      await t.database.query<{ next_run_at: Date; every_ms: number }>(
        "select next_run_at, every_ms from jobs_schedule where name = 'test.resized'",
      )
    )[0];

  it('first runs one interval after it is written; a shorter interval takes effect at once; a failure is kept', async () => {
    await runDueJobs(t.ctx({ clock }), runnerFor([{ key: 'jobs-test', jobs: [job(3_600_000)] }]));
    expect(await nextRun()).toEqual({ next_run_at: new Date('2026-06-01T01:00:00Z'), every_ms: 3_600_000 });
    // The release shortens the interval: the next run comes no later than one new interval from now.
    await runDueJobs(t.ctx({ clock }), runnerFor([{ key: 'jobs-test', jobs: [job(600_000)] }]));
    expect(await nextRun()).toEqual({ next_run_at: new Date('2026-06-01T00:10:00Z'), every_ms: 600_000 });
    clock.advanceMinutes(10);
    const failing = { ...job(600_000), run: async () => Promise.reject(new Error('sweep broke')) };
    const run = await runDueJobs(t.ctx({ clock }), runnerFor([{ key: 'jobs-test', jobs: [failing] }]));
    expect(run.ticks).toEqual([{ name: 'test.resized', outcome: 'failed', error: 'Error: sweep broke' }]);
    const [row] = await t.database.query<{ last_outcome: string; last_error: string; locked_until: Date | null }>(
      "select last_outcome, last_error, locked_until from jobs_schedule where name = 'test.resized'",
    );
    expect(row).toEqual({ last_outcome: 'failed', last_error: 'Error: sweep broke', locked_until: null });
    clock.advanceMinutes(10);
    await runDueJobs(t.ctx({ clock }), runnerFor([{ key: 'jobs-test', jobs: [job(600_000)] }]));
    expect(ran).toEqual(['2026-06-01T00:20:00.000Z']);
  });
});
