import type { Ctx } from '../context.ts';
import type { ClaimedJob } from './jobs.store.ts';
import { claimDueJobs, type JobRunner, runClaimedJob } from './job-runner.ts';
import type { JobLog } from './periodic.ts';
import { claimTicks, runTick, syncSchedules } from './schedules.ts';

export interface WorkerOptions {
  /** How often the worker looks for due work when the last look found none (default 1 s). */
  pollMs?: number;
  /** Queued jobs run at once in this process (default 4). */
  concurrency?: number;
}

export interface JobWorker {
  /** Stops looking for work and waits for the runs in flight to settle. */
  stop(): Promise<void>;
}

/**
 * The server's job loop: writes the schedules, then every `pollMs` claims the due ticks and as many due jobs as
 * it has free slots, and runs them in the background. A full batch polls again at once. Errors of the loop itself
 * (the database went away) are logged and the next poll tries again.
 */
export async function startJobWorker(
  runner: JobRunner,
  ctxOf: () => Ctx,
  log: JobLog,
  options: WorkerOptions = {},
): Promise<JobWorker> {
  const pollMs = options.pollMs ?? 1000;
  const concurrency = options.concurrency ?? 4;
  await syncSchedules(ctxOf(), runner);
  const inFlight = new Set<Promise<unknown>>();
  const ticking = new Set<string>();
  let jobsRunning = 0;
  let stopped = false;
  let polling = false;
  /** The last poll found jobs: when one finishes, look again at once instead of after `pollMs`. */
  let busy = false;
  let timer: NodeJS.Timeout | undefined;
  let lastPeriodic = Number.NEGATIVE_INFINITY;

  const track = (work: Promise<unknown>) => {
    inFlight.add(work);
    void work.finally(() => inFlight.delete(work));
  };
  const startTicks = async (ctx: Ctx) => {
    for (const job of await claimTicks(ctx, runner, ticking)) {
      ticking.add(job.name);
      track(
        runTick(ctx, runner, job)
          .then((tick) => {
            if (tick.outcome === 'failed') log.error({ job: tick.name, err: tick.error }, 'periodic job failed');
            else if (!idle(tick.result)) log.info({ job: tick.name, result: tick.result }, 'periodic job ran');
          })
          .finally(() => ticking.delete(job.name)),
      );
    }
  };
  const startJob = (ctx: Ctx, job: ClaimedJob) => {
    jobsRunning += 1;
    track(
      runClaimedJob(ctx, runner, job)
        .then((outcome) => {
          if (outcome.outcome === 'dead')
            log.error({ job: outcome.name, id: outcome.id, err: outcome.error }, 'job dead');
          else if (outcome.outcome === 'retry')
            log.info({ job: outcome.name, id: outcome.id, err: outcome.error }, 'job failed, will retry');
        })
        .finally(() => {
          jobsRunning -= 1;
          // Claim in batches: look again once half the slots are free (a claim is a commit of its own).
          if (busy && concurrency - jobsRunning >= Math.ceil(concurrency / 2)) wake();
        }),
    );
  };
  const poll = async () => {
    polling = true;
    let full = false;
    try {
      const ctx = ctxOf();
      const now = Date.now();
      // Ticks and the burial of jobs left by dead processes once per interval, not on every immediate re-poll.
      const periodic = now - lastPeriodic >= pollMs;
      if (periodic) {
        lastPeriodic = now;
        await startTicks(ctx);
      }
      const free = concurrency - jobsRunning;
      const claimed = free > 0 ? await claimDueJobs(ctx, runner, free, periodic) : [];
      for (const job of claimed) startJob(ctx, job);
      full = free > 0 && claimed.length === free;
      busy = claimed.length > 0 || (free <= 0 && busy);
    } catch (error) {
      log.error({ err: error }, 'job worker poll failed');
    }
    polling = false;
    if (!stopped) schedule(full ? 0 : pollMs);
  };
  const wake = () => {
    if (stopped || polling) return;
    if (timer) clearTimeout(timer);
    schedule(0);
  };
  const schedule = (ms: number) => {
    timer = setTimeout(() => track(poll()), ms);
    timer.unref();
  };
  schedule(0);
  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
    },
  };
}

/**
 * A run that found nothing to do (0, nothing, an empty list) is not logged: the rollup fold runs every 30 s and
 * would otherwise write two lines a minute that say nothing. Failures are always logged.
 */
export function idle(result: unknown): boolean {
  return result === undefined || result === null || result === 0 || (Array.isArray(result) && result.length === 0);
}
