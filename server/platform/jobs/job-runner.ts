import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import type { Ctx } from '../context.ts';
import { tx } from '../db/tx.ts';
import type { ModuleManifest } from '../module.ts';
import { jobNameProblems } from '../modules/manifest-check.ts';
import type { PeriodicJob } from './periodic.ts';
import { type QueuedJob, retryDelayMs } from './queue.ts';
import { buryExpiredJobs, type ClaimedJob, claimJobs, completeJob, extendJobLease, failJob } from './jobs.store.ts';

/** What one process runs: the manifests' queues by name and their periodic jobs, under one worker name. */
export interface JobRunner {
  readonly queues: ReadonlyMap<string, QueuedJob<unknown>>;
  readonly schedules: readonly PeriodicJob[];
  /** host:pid:random, written on the jobs it holds. */
  readonly worker: string;
  /** How long a claim holds a job or a tick before another process may take it (renewed while it runs). */
  readonly leaseMs: number;
}

export const defaultLeaseMs = 5 * 60_000;

/** The runner of these manifests; refuses a job or queue name used twice (schedules and jobs are keyed by it). */
export function jobRunnerOf(
  manifests: readonly ModuleManifest[],
  options: { worker?: string; leaseMs?: number } = {},
): JobRunner {
  const problems = jobNameProblems(manifests);
  if (problems.length > 0) throw new Error(problems.join('; '));
  const queues = manifests.flatMap((manifest) => manifest.queues ?? []);
  return {
    queues: new Map(queues.map((queue) => [queue.name, queue as QueuedJob<unknown>])),
    schedules: manifests.flatMap((manifest) => manifest.jobs ?? []),
    worker: options.worker ?? `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`,
    leaseMs: options.leaseMs ?? defaultLeaseMs,
  };
}

/** How one attempt ended: done, to be retried, dead, or lost (its lease passed and another worker took it). */
export interface JobOutcome {
  id: number;
  name: string;
  attempt: number;
  outcome: 'done' | 'retry' | 'dead' | 'lost';
  error?: string;
}

/** What is kept of a failure: the message only, short (no stack, no payload). */
export function errorText(error: unknown): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return text.length > 500 ? `${text.slice(0, 497)}…` : text;
}

const at = (ctx: Ctx, ms: number) => new Date(ctx.clock().getTime() + ms);

/**
 * Claims up to `limit` due jobs of the runner's queues; with `bury` (default) first marks dead the jobs a dead
 * process left on their last attempt (the worker does that every few seconds, not on every claim).
 */
export async function claimDueJobs(ctx: Ctx, runner: JobRunner, limit: number, bury = true): Promise<ClaimedJob[]> {
  // Each is one statement, atomic on its own: no BEGIN/COMMIT round trips around them.
  const now = ctx.clock();
  if (bury) await buryExpiredJobs(ctx.db, ctx.countyCode, now);
  return claimJobs(ctx.db, {
    regionCode: ctx.countyCode,
    names: [...runner.queues.keys()],
    now,
    leaseUntil: at(ctx, runner.leaseMs),
    worker: runner.worker,
    limit,
  });
}

/** Runs one claimed attempt and settles it. Never throws: the failure is the outcome. */
export async function runClaimedJob(ctx: Ctx, runner: JobRunner, job: ClaimedJob): Promise<JobOutcome> {
  const queue = runner.queues.get(job.name);
  const base = { id: job.id, name: job.name, attempt: job.attempts };
  try {
    if (!queue) throw new Error(`no queue named ${job.name} in this process`);
    const done =
      queue.transactional === false ? await runOutside(ctx, runner, queue, job) : await runInside(ctx, queue, job);
    return { ...base, outcome: done ? 'done' : 'lost' };
  } catch (error) {
    const outcome = await settleFailure(ctx, job, error);
    return { ...base, outcome, error: errorText(error) };
  }
}

/**
 * This attempt failed: pending again after its backoff, or dead on the last attempt. Fenced by the attempt, so it
 * is also safe later, for an attempt whose end could not be written (the database was gone): a job whose
 * transaction committed before the link dropped is done and stays so. Throws while the database is away.
 */
export async function settleFailure(ctx: Ctx, job: ClaimedJob, error: unknown): Promise<'retry' | 'dead'> {
  const last = job.attempts >= job.maxAttempts;
  const retryAt = last ? null : at(ctx, retryDelayMs(job.backoffMs, job.attempts));
  await tx(ctx, (t) =>
    failJob(t.db, t.countyCode, {
      id: job.id,
      attempt: job.attempts,
      now: t.clock(),
      error: errorText(error),
      retryAt,
    }),
  );
  return last ? 'dead' : 'retry';
}

/**
 * Marks the job done first — which also locks its row, so no other worker takes it even after the lease — then
 * runs the handler in the same transaction: its writes and the completion commit together, or neither does.
 */
function runInside(ctx: Ctx, queue: QueuedJob<unknown>, job: ClaimedJob): Promise<boolean> {
  return tx(ctx, async (t) => {
    if (!(await completeJob(t.db, t.countyCode, job.id, job.attempts, t.clock()))) return false;
    await queue.run(t, job.payload, { id: String(job.id), attempt: job.attempts });
    return true;
  });
}

/** The handler opens its own transactions; the lease is renewed a few times per lease while it runs. */
async function runOutside(ctx: Ctx, runner: JobRunner, queue: QueuedJob<unknown>, job: ClaimedJob): Promise<boolean> {
  const renew = () =>
    void extendJobLease(ctx.db, ctx.countyCode, {
      id: job.id,
      attempt: job.attempts,
      until: at(ctx, runner.leaseMs),
    }).catch(() => {});
  const timer = setInterval(renew, Math.max(1000, runner.leaseMs / 3));
  timer.unref();
  try {
    await queue.run(ctx, job.payload, { id: String(job.id), attempt: job.attempts });
  } finally {
    clearInterval(timer);
  }
  return tx(ctx, (t) => completeJob(t.db, t.countyCode, job.id, job.attempts, t.clock()));
}
