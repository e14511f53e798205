import { describe, expect, it, onTestFinished, vi } from 'vitest';
import { useTestDatabase } from '../../testing/test-database.ts';
import { tx } from '../db/tx.ts';
import { jobNameProblems } from '../modules/manifest-check.ts';
import { jobRunnerOf } from './job-runner.ts';
import { enqueueJob, type QueuedJob } from './queue.ts';
import { idle, startJobWorker } from './worker.ts';

describe('the server job worker', () => {
  const t = useTestDatabase();

  it('runs queued jobs and due ticks in the background, logs failures, and stop() waits for the runs in flight', async () => {
    const seen: number[] = [];
    let slowStarted = false;
    let release: () => void = () => {};
    const slow = new Promise<void>((resolve) => (release = resolve));
    const work: QueuedJob<{ n: number }> = {
      name: 'test.work',
      retry: { limit: 0, backoffMs: 0 },
      async run(_w, payload) {
        if (payload.n === 99) {
          slowStarted = true;
          await slow;
        }
        if (payload.n === 13) throw new Error('unlucky');
        seen.push(payload.n);
      },
    };
    const tick = vi.fn(async () => 3);
    const runner = jobRunnerOf([
      { key: 'jobs-test', queues: [work], jobs: [{ name: 'test.tick', everyMs: 50, run: tick }] },
    ]);
    const log = { info: vi.fn(), error: vi.fn() };
    const enqueue = (numbers: number[]) =>
      tx(t.ctx(), async (w) => {
        for (const n of numbers) await enqueueJob(w, work, { n });
      });
    await enqueue([1, 2, 13, 3]);
    const worker = await startJobWorker(runner, () => t.ctx(), log, { pollMs: 20, concurrency: 2 });
    // Whatever fails below, the slow job is let go and the worker stopped, or the database cannot be dropped.
    onTestFinished(async () => {
      release();
      await worker.stop();
    });
    await vi.waitFor(() => expect(seen.sort()).toEqual([1, 2, 3]), { timeout: 10_000 });
    await vi.waitFor(() => expect(tick).toHaveBeenCalled(), { timeout: 10_000 });
    await vi.waitFor(
      () =>
        expect(log.error).toHaveBeenCalledWith(
          expect.objectContaining({ job: 'test.work', err: 'Error: unlucky' }),
          'job dead',
        ),
      { timeout: 10_000 },
    );
    await vi.waitFor(() => expect(log.info).toHaveBeenCalledWith({ job: 'test.tick', result: 3 }, 'periodic job ran'), {
      timeout: 10_000,
    });

    // The slow job is queued only now: on PGlite its open transaction holds the one connection, so a tick that
    // came after it would wait for it.
    await enqueue([99]);
    await vi.waitFor(() => expect(slowStarted).toBe(true), { timeout: 10_000 });
    let stopped = false;
    const stopping = worker.stop().then(() => (stopped = true));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(stopped).toBe(false);
    release();
    await stopping;
    expect(seen).toContain(99);
    const states = await t.database.query<{ state: string; n: number }>(
      "select state, (payload->>'n')::int as n from jobs_job order by id",
    );
    expect(states.map((row) => `${row.n}:${row.state}`)).toEqual(['1:done', '2:done', '13:dead', '3:done', '99:done']);
    const calls = tick.mock.calls.length;
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(tick.mock.calls.length).toBe(calls);
  });

  it('stop(drainMs) stops claiming, waits for a running job up to the bound, and says whether it drained', async () => {
    let started = false;
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    const hold: QueuedJob<{ n: number }> = {
      name: 'test.hold',
      retry: { limit: 0, backoffMs: 0 },
      async run(_w, { n }) {
        if (n !== 1) throw new Error('claimed after stop');
        started = true;
        await held;
      },
    };
    const runner = jobRunnerOf([{ key: 'jobs-drain-test', queues: [hold] }]);
    await tx(t.ctx(), (w) => enqueueJob(w, hold, { n: 1 }));
    const worker = await startJobWorker(runner, () => t.ctx(), { info: vi.fn(), error: vi.fn() }, { pollMs: 20 });
    onTestFinished(async () => {
      release();
      await worker.stop();
    });
    await vi.waitFor(() => expect(started).toBe(true), { timeout: 10_000 });
    expect(await worker.stop(50)).toBe(false);
    // Stopped: a job queued now is not claimed (its run would throw and mark it dead).
    release();
    expect(await worker.stop(10_000)).toBe(true);
    await tx(t.ctx(), (w) => enqueueJob(w, hold, { n: 2 }));
    await new Promise((resolve) => setTimeout(resolve, 100));
    const states = await t.database.query<{ n: number; state: string }>(
      "select (payload->>'n')::int as n, state from jobs_job where name = 'test.hold' order by id",
    );
    expect(states).toEqual([
      { n: 1, state: 'done' },
      { n: 2, state: 'pending' },
    ]);
  });

  it('refuses manifests that give two jobs or queues one name', () => {
    const job = { name: 'dup.name', everyMs: 1000, run: async () => 0 };
    const manifests = [
      { key: 'a', jobs: [job] },
      { key: 'b', queues: [{ name: 'dup.name', run: async () => 0 }] },
    ];
    expect(jobNameProblems(manifests)).toEqual(['job dup.name is declared twice']);
    expect(() => jobRunnerOf(manifests)).toThrow('job dup.name is declared twice');
  });

  it('does not log a run that found nothing to do', () => {
    expect([0, null, undefined, [], 3, ['x']].map(idle)).toEqual([true, true, true, true, false, false]);
  });
});
