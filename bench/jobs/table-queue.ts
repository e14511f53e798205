// The candidate built here: platform/jobs (jobs_job claimed with FOR UPDATE SKIP LOCKED, each job run in a
// transaction that completes it), driven by the server's own worker loop.
import type { Database } from '../../server/platform/db/database.ts';
import { openDatabase } from '../../server/platform/db/engine.ts';
import { tx } from '../../server/platform/db/tx.ts';
import { claimDueJobs, jobRunnerOf, runClaimedJob } from '../../server/platform/jobs/job-runner.ts';
import { enqueueJob, type QueuedJob } from '../../server/platform/jobs/queue.ts';
import { startJobWorker } from '../../server/platform/jobs/worker.ts';
import { benchCtx } from '../lib/engines.ts';
import { sleep } from '../lib/proc.ts';
import { type QueueCandidate, runConcurrently, waitUntil } from './candidate.ts';

const noop: QueuedJob<{ n: number }> = { name: 'bench.noop', retry: { limit: 0, backoffMs: 0 }, run: async () => {} };
const manifests = [{ key: 'bench', queues: [noop] }];
const silent = { info: () => {}, error: () => {} };

async function countDone(database: Database): Promise<number> {
  const [row] = await database.query<{ n: number }>("select count(*)::int as n from jobs_job where state = 'done'");
  return row?.n ?? 0;
}

/** `open(poolSize)` opens another connection pool on the same database (a worker process of its own). */
export function tableQueue(database: Database, open: (poolSize: number) => Promise<Database>): QueueCandidate {
  const ctx = benchCtx(database);
  return {
    label: 'table queue (platform/jobs)',
    async enqueue(count, clients) {
      await runConcurrently(count, clients, (n) => tx(ctx, (t) => enqueueJob(t, noop, { n })));
    },
    async drain(total, workers) {
      const pools = await Promise.all(Array.from({ length: workers }, () => open(4)));
      const running = await Promise.all(
        pools.map((pool, i) =>
          startJobWorker(jobRunnerOf(manifests, { worker: `bench-${i}` }), () => benchCtx(pool), silent, {
            pollMs: 20,
            concurrency: 4,
          }),
        ),
      );
      await waitUntil(async () => (await countDone(database)) >= total);
      await Promise.all(running.map((worker) => worker.stop()));
      await Promise.all(pools.filter((pool) => pool !== database).map((pool) => pool.close()));
    },
    async claimLatency(samples) {
      const runner = jobRunnerOf(manifests, { worker: 'bench-latency' });
      const timings: number[] = [];
      for (let i = 0; i < samples; i++) {
        await tx(ctx, (t) => enqueueJob(t, noop, { n: i }));
        const started = performance.now();
        const [job] = await claimDueJobs(ctx, runner, 1, false);
        timings.push(performance.now() - started);
        if (!job) throw new Error('the enqueued job was not claimed');
        await runClaimedJob(ctx, runner, job);
        await sleep(0);
      }
      return timings;
    },
    async dispose() {},
  };
}

export const openPool = (url: string) => (poolSize: number) => openDatabase({ databaseUrl: url, poolSize });
