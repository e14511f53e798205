import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { fakeClock } from '../../testing/fake-clock.ts';
import { useTestDatabase } from '../../testing/test-database.ts';
import type { Ctx } from '../context.ts';
import { tx } from '../db/tx.ts';
import { claimDueJobs, runClaimedJob } from './job-runner.ts';
import { type QueuedJob, enqueueJob, retryDelayMs } from './queue.ts';
import { runDueJobs, runnerFor } from './run-due.ts';

describe('queued jobs', () => {
  const t = useTestDatabase();
  const clock = fakeClock('2026-06-01T00:00:00Z');
  const ctx = () => t.ctx({ clock });
  const runs: Array<{ note: string; attempt: number }> = [];
  let failUntilAttempt = 0;

  const record: QueuedJob<{ note: string }> = {
    name: 'test.record',
    retry: { limit: 3, backoffMs: 60_000 },
    async run(t, payload, job) {
      runs.push({ note: payload.note, attempt: job.attempt });
      await t.db.execute(sql`insert into jobs_test_effect values (${t.countyCode}, ${payload.note})`);
      if (job.attempt <= failUntilAttempt) throw new Error(`refused ${payload.note}`);
    },
  };
  const runner = runnerFor([{ key: 'jobs-test', queues: [record] }]);
  const effects = async () =>
    (await t.database.query<{ note: string }>('select note from jobs_test_effect order by note')).map((r) => r.note);
  const jobRows = async () =>
    t.database.query<{ state: string; attempts: number; last_error: string | null; run_at: Date }>(
      'select state, attempts, last_error, run_at from jobs_job order by id',
    );
  const reset = async () => {
    runs.length = 0;
    failUntilAttempt = 0;
    await t.database.exec('delete from jobs_job; delete from jobs_test_effect');
  };

  beforeAll(async () => {
    await t.database.exec('create table jobs_test_effect (region_code text not null, note text not null)');
  });

  it('refuses to enqueue outside a transaction, and a rolled-back enqueue leaves no job', async () => {
    await reset();
    await expect(enqueueJob(ctx(), record, { note: 'a' })).rejects.toThrow(/inside tx/);
    await expect(
      tx(ctx(), async (w) => {
        await enqueueJob(w, record, { note: 'rolled-back' });
        throw new Error('business rule refused');
      }),
    ).rejects.toThrow('business rule refused');
    expect(await jobRows()).toEqual([]);
    expect((await runDueJobs(ctx(), runner)).jobs).toEqual([]);
  });

  it('runs a committed job once, with its payload; a later run finds nothing', async () => {
    await reset();
    await tx(ctx(), (w) => enqueueJob(w, record, { note: 'first' }));
    const run = await runDueJobs(ctx(), runner);
    expect(run.jobs.map((j) => [j.name, j.outcome, j.attempt])).toEqual([['test.record', 'done', 1]]);
    expect(await effects()).toEqual(['first']);
    expect((await jobRows()).map((r) => r.state)).toEqual(['done']);
    expect((await runDueJobs(ctx(), runner)).jobs).toEqual([]);
  });

  it('waits for runAt, and keeps one pending job per key', async () => {
    await reset();
    const later = new Date(clock().getTime() + 10 * 60_000);
    await tx(ctx(), async (w) => {
      await enqueueJob(w, record, { note: 'keyed-1' }, { key: 'case-7', runAt: later });
      await enqueueJob(w, record, { note: 'keyed-2' }, { key: 'case-7', runAt: later });
      await enqueueJob(w, record, { note: 'other-key' }, { key: 'case-8', runAt: later });
    });
    expect(await runDueJobs(ctx(), runner)).toEqual({ jobs: [], ticks: [] });
    clock.advanceMinutes(10);
    await runDueJobs(ctx(), runner);
    expect(await effects()).toEqual(['keyed-1', 'other-key']);
    // Once the keyed job ran, the key is free again.
    await tx(ctx(), (w) => enqueueJob(w, record, { note: 'keyed-3' }, { key: 'case-7' }));
    await runDueJobs(ctx(), runner);
    expect(await effects()).toEqual(['keyed-1', 'keyed-3', 'other-key']);
  });

  it('retries a failing job with exponential backoff; its failed attempts leave no writes', async () => {
    await reset();
    failUntilAttempt = 2;
    await tx(ctx(), (w) => enqueueJob(w, record, { note: 'flaky' }));
    const first = await runDueJobs(ctx(), runner);
    expect(first.jobs.map((j) => [j.outcome, j.error])).toEqual([['retry', 'Error: refused flaky']]);
    expect(await effects()).toEqual([]);
    const [row] = await jobRows();
    expect(row).toMatchObject({ state: 'pending', attempts: 1, last_error: 'Error: refused flaky' });
    expect(row?.run_at.getTime()).toBe(clock().getTime() + 60_000);

    clock.advance(59_999);
    expect((await runDueJobs(ctx(), runner)).jobs).toEqual([]);
    clock.advance(1);
    expect((await runDueJobs(ctx(), runner)).jobs.map((j) => j.outcome)).toEqual(['retry']);
    expect((await jobRows())[0]?.run_at.getTime()).toBe(clock().getTime() + retryDelayMs(60_000, 2));
    clock.advance(120_000);
    expect((await runDueJobs(ctx(), runner)).jobs.map((j) => [j.outcome, j.attempt])).toEqual([['done', 3]]);
    expect(await effects()).toEqual(['flaky']);
    expect(runs.map((r) => r.attempt)).toEqual([1, 2, 3]);
  });

  it('makes a job dead after its last attempt', async () => {
    await reset();
    failUntilAttempt = 99;
    await tx(ctx(), (w) => enqueueJob(w, record, { note: 'doomed' }));
    const outcomes: string[] = [];
    for (let i = 0; i < 6; i++) {
      outcomes.push(...(await runDueJobs(ctx(), runner)).jobs.map((j) => j.outcome));
      clock.advanceMinutes(60);
    }
    expect(outcomes).toEqual(['retry', 'retry', 'retry', 'dead']);
    expect(await jobRows()).toMatchObject([{ state: 'dead', attempts: 4, last_error: 'Error: refused doomed' }]);
    expect(await effects()).toEqual([]);
  });

  it("takes over a crashed worker's job once its lease has passed; the crashed attempt cannot settle it", async () => {
    await reset();
    await tx(ctx(), (w) => enqueueJob(w, record, { note: 'orphan' }));
    const crashed = runnerFor([{ key: 'jobs-test', queues: [record] }], 60_000);
    const [held] = await claimDueJobs(ctx(), crashed, 10);
    expect(held).toMatchObject({ name: 'test.record', attempts: 1 });
    // Inside its lease nobody else takes it.
    expect((await runDueJobs(ctx(), runner)).jobs).toEqual([]);
    clock.advance(60_000);
    const taken = await runDueJobs(ctx(), runner);
    expect(taken.jobs.map((j) => [j.outcome, j.attempt])).toEqual([['done', 2]]);
    // The first holder wakes up late: its attempt no longer holds the job and nothing runs twice.
    expect(await runClaimedJob(ctx(), crashed, held!)).toMatchObject({ outcome: 'lost' });
    expect(await effects()).toEqual(['orphan']);
    expect((await jobRows()).map((r) => r.state)).toEqual(['done']);
  });

  it('buries a job whose process died on its last attempt instead of running it again', async () => {
    await reset();
    const once: QueuedJob<{ note: string }> = { ...record, name: 'test.once', retry: { limit: 0, backoffMs: 0 } };
    const onceRunner = runnerFor([{ key: 'jobs-test', queues: [once] }], 60_000);
    await tx(ctx(), (w) => enqueueJob(w, once, { note: 'last-try' }));
    await claimDueJobs(ctx(), onceRunner, 10);
    clock.advance(60_000);
    expect((await runDueJobs(ctx(), onceRunner)).jobs).toEqual([]);
    expect(await jobRows()).toMatchObject([{ state: 'dead', last_error: 'lease expired on the last attempt' }]);
  });

  it('keeps its state in the table: a new process (a fresh runner) finds what an earlier one left', async () => {
    await reset();
    await tx(ctx(), (w) => enqueueJob(w, record, { note: 'before-restart' }));
    const afterRestart = runnerFor([{ key: 'jobs-test', queues: [record] }]);
    expect((await runDueJobs(ctx(), afterRestart)).jobs.map((j) => j.outcome)).toEqual(['done']);
  });

  it('runs a job its handler enqueues, due now, in the same runDueJobs call', async () => {
    await reset();
    const chain: QueuedJob<{ n: number }> = {
      name: 'test.chain',
      async run(w: Ctx, payload) {
        await enqueueJob(w, record, { note: `from-chain-${payload.n}` });
      },
    };
    const chained = runnerFor([{ key: 'jobs-test', queues: [record, chain] }]);
    await tx(ctx(), (w) => enqueueJob(w, chain, { n: 1 }));
    expect((await runDueJobs(ctx(), chained)).jobs.map((j) => j.name)).toEqual(['test.chain', 'test.record']);
    expect(await effects()).toEqual(['from-chain-1']);
  });
});
