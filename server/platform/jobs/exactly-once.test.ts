import { execFile, spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { fakeClock } from '../../testing/fake-clock.ts';
import { testEngine, useTestDatabase } from '../../testing/test-database.ts';
import { type Ctx, systemCtx } from '../context.ts';
import type { Database } from '../db/database.ts';
import { openDatabase } from '../db/engine.ts';
import { tx } from '../db/tx.ts';
import { testKeyring } from '../pii/keyring.ts';
import type { PeriodicJob } from './periodic.ts';
import { defaultLeaseMs } from './job-runner.ts';
import { enqueueJob, type QueuedJob } from './queue.ts';
import { runDueJobs, runnerFor } from './run-due.ts';

/**
 * Several workers race for the same jobs and the same schedule tick. On PostgreSQL each worker has its own pool
 * (its own connections, as separate server processes would); on PGlite they share the one session, which still
 * checks the claim logic. Every job and every tick must run exactly once.
 */
describe('several workers on one database', () => {
  const t = useTestDatabase();
  const clock = fakeClock('2026-06-01T00:00:00Z');
  const workers: Database[] = [];
  const ranJobs = new Map<number, number>();
  const ranTicks: string[] = [];

  const count: QueuedJob<{ n: number }> = {
    name: 'test.count',
    async run(w, payload) {
      ranJobs.set(payload.n, (ranJobs.get(payload.n) ?? 0) + 1);
      await w.db.execute(sql`insert into jobs_test_once values (${w.countyCode}, ${payload.n})`);
      // A little work outside the database, so that claims interleave.
      await new Promise((resolve) => setTimeout(resolve, payload.n % 3));
    },
  };
  const sweep: PeriodicJob = {
    name: 'test.sweep',
    everyMs: 60_000,
    async run() {
      ranTicks.push(clock().toISOString());
      await new Promise((resolve) => setTimeout(resolve, 20));
    },
  };
  const manifest = { key: 'jobs-test', queues: [count], jobs: [sweep] };
  const ctxOn = (database: Database): Ctx =>
    systemCtx(database, { countyCode: '430225', keyring: testKeyring() }, { clock });
  const race = () => Promise.all(workers.map((database) => runDueJobs(ctxOn(database), runnerFor([manifest], 60_000))));

  beforeAll(async () => {
    await t.database.exec('create table jobs_test_once (region_code text not null, n int not null)');
    for (let i = 0; i < 4; i++)
      workers.push(t.url ? await openDatabase({ databaseUrl: t.url, poolSize: 2 }) : t.database);
  });
  afterAll(async () => {
    for (const database of workers) if (database !== t.database) await database.close();
  });

  it('runs each of 200 jobs exactly once when four workers drain the queue at the same time', async () => {
    await tx(t.ctx({ clock }), async (w) => {
      for (let n = 0; n < 200; n++) await enqueueJob(w, count, { n });
    });
    const runs = await race();
    expect(ranJobs.size).toBe(200);
    expect([...ranJobs.values()].every((times) => times === 1)).toBe(true);
    const done = runs.flatMap((run) => run.jobs).filter((job) => job.outcome === 'done');
    expect(done).toHaveLength(200);
    const [row] = await t.database.query<{ rows: number; distinct: number }>(
      'select count(*)::int as rows, count(distinct n)::int as distinct from jobs_test_once',
    );
    expect(row).toEqual({ rows: 200, distinct: 200 });
    if (t.url) expect(runs.filter((run) => run.jobs.length > 0).length).toBeGreaterThan(1);
  });

  it('runs a schedule tick once across workers, and ticks missed while no server ran only once', async () => {
    await race(); // writes the schedule row: first due one interval from now
    expect(ranTicks).toEqual([]);
    clock.advance(60_000);
    await race();
    expect(ranTicks).toHaveLength(1);
    await race();
    expect(ranTicks).toHaveLength(1);
    // Every server down for ten intervals: at the restart the tick runs once, then one interval later.
    clock.advance(10 * 60_000);
    await race();
    expect(ranTicks).toHaveLength(2);
    clock.advance(59_999);
    await race();
    expect(ranTicks).toHaveLength(2);
    clock.advance(1);
    await race();
    expect(ranTicks).toHaveLength(3);
    const [schedule] = await t.database.query<{ last_outcome: string; next_run_at: Date }>(
      "select last_outcome, next_run_at from jobs_schedule where name = 'test.sweep'",
    );
    expect(schedule).toEqual({ last_outcome: 'ok', next_run_at: new Date(clock().getTime() + 60_000) });
  });
});

/** Server processes of their own: three child processes race for 300 jobs and one due tick on PostgreSQL. */
describe.runIf(testEngine() === 'postgres')('several worker processes on one PostgreSQL', () => {
  const t = useTestDatabase();
  const child = path.join(path.dirname(fileURLToPath(import.meta.url)), 'race-worker.test-support.ts');
  const race = (url: string, start: number) =>
    new Promise<{ jobs: number; ticks: number }>((resolve, reject) => {
      execFile(process.execPath, ['--import', 'tsx', child, url, String(start)], (error, stdout) =>
        error ? reject(error) : resolve(JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}')),
      );
    });

  it('runs each job and the tick exactly once across the processes', async () => {
    await t.database.exec('create table jobs_test_race (region_code text not null, n int not null, pid int not null)');
    await t.database.query(
      `insert into jobs_schedule (region_code, name, every_ms, next_run_at) values ('430225', 'test.race-tick', 3600000, now() - interval '1 minute')`,
    );
    const raceJob = { name: 'test.race', run: async () => {} };
    await tx(t.ctx(), async (w) => {
      for (let n = 0; n < 300; n++) await enqueueJob(w, raceJob, { n });
    });
    const start = Date.now() + 8000;
    const runs = await Promise.all([1, 2, 3].map(() => race(t.url as string, start)));
    expect(runs.reduce((sum, run) => sum + run.ticks, 0)).toBe(1);
    expect(runs.reduce((sum, run) => sum + run.jobs, 0)).toBe(300);
    const [row] = await t.database.query<{ rows: number; distinct: number; pids: number }>(
      'select count(*)::int as rows, count(distinct n)::int as distinct, count(distinct pid)::int as pids from jobs_test_race',
    );
    expect(row).toMatchObject({ rows: 300, distinct: 300 });
    expect(row?.pids).toBeGreaterThan(1);
  }, 60_000);

  it("takes over the job of a process killed in the middle of it, after the lease; the killed attempt's writes are gone", async () => {
    await t.database.exec("delete from jobs_test_race; delete from jobs_job where name = 'test.race'");
    await tx(t.ctx(), (w) => enqueueJob(w, { name: 'test.race', run: async () => {} }, { n: 7 }));
    const doomed = spawn(process.execPath, ['--import', 'tsx', child, t.url as string, '0', 'hang']);
    await new Promise<void>((resolve, reject) => {
      doomed.stdout.on('data', (chunk: Buffer) => chunk.toString().includes('started') && resolve());
      doomed.once('exit', () => reject(new Error('the worker ended before its job started')));
    });
    doomed.kill('SIGKILL');
    const survivor = runnerFor([
      {
        key: 'jobs-test',
        queues: [
          {
            name: 'test.race',
            run: async (w, p: { n: number }) => {
              await w.db.execute(sql`insert into jobs_test_race values (${w.countyCode}, ${p.n}, ${process.pid})`);
            },
          },
        ],
      },
    ]);
    // Inside the lease the job stays with the dead process; past it, the survivor takes it (attempt 2).
    expect((await runDueJobs(t.ctx(), survivor)).jobs).toEqual([]);
    const later = t.ctx({ clock: () => new Date(Date.now() + defaultLeaseMs + 1000) });
    await vi.waitFor(
      async () => {
        const run = await runDueJobs(later, survivor);
        expect(run.jobs.map((j) => [j.outcome, j.attempt])).toEqual([['done', 2]]);
      },
      { timeout: 15_000, interval: 500 },
    );
    const rows = await t.database.query<{ n: number; pid: number }>('select n, pid from jobs_test_race');
    expect(rows).toEqual([{ n: 7, pid: process.pid }]);
  }, 60_000);
});
