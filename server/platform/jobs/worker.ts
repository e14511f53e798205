import type { Ctx } from '../context.ts';
import { claimDueJobs, type JobRunner, runClaimedJob, settleFailure } from './job-runner.ts';
import type { ClaimedJob } from './jobs.store.ts';
import type { JobLog } from './periodic.ts';
import { claimTicks, runTick, syncSchedules } from './schedules.ts';

export interface WorkerOptions {
  /** How often the worker looks for due work when the last look found none (default 1 s). */
  pollMs?: number;
  /** Queued jobs run at once in this process (default 4). */
  concurrency?: number;
}

export interface JobWorker {
  /**
   * Stops looking for work and waits for the runs in flight to settle, at most `drainMs` (unbounded when not
   * given); answers whether they all did. A run still going when it gives up keeps its lease: if the process then
   * exits, its transaction rolls back and another process takes the job once the lease passes.
   */
  stop(drainMs?: number): Promise<boolean>;
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
  await syncSchedules(ctxOf(), runner);
  const loop = new WorkerLoop(runner, ctxOf, log, options.pollMs ?? 1000, options.concurrency ?? 4);
  loop.schedule(0);
  return { stop: (drainMs) => loop.stop(drainMs) };
}

class WorkerLoop {
  private readonly inFlight = new Set<Promise<unknown>>();
  /** Schedules this process is running a tick of: not claimed again until it ends. */
  private readonly ticking = new Set<string>();
  /** Jobs whose failure could not be written (the database went away mid-run): released on the next poll. */
  private readonly unsettled = new Map<number, { job: ClaimedJob; error: unknown }>();
  private jobsRunning = 0;
  private stopped = false;
  private polling = false;
  /** The last poll found jobs: when half the slots are free again, look at once instead of after `pollMs`. */
  private busy = false;
  private timer: NodeJS.Timeout | undefined;
  private lastPeriodic = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly runner: JobRunner,
    private readonly ctxOf: () => Ctx,
    private readonly log: JobLog,
    private readonly pollMs: number,
    private readonly concurrency: number,
  ) {}

  schedule(ms: number): void {
    this.timer = setTimeout(() => this.track(this.poll()), ms);
    this.timer.unref();
  }

  async stop(drainMs?: number): Promise<boolean> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    const drained = (async () => {
      while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
      return true;
    })();
    if (drainMs === undefined) return drained;
    let timer: NodeJS.Timeout | undefined;
    const gaveUp = new Promise<boolean>((resolve) => {
      timer = setTimeout(() => resolve(false), drainMs);
    });
    try {
      return await Promise.race([drained, gaveUp]);
    } finally {
      clearTimeout(timer);
    }
  }

  private async poll(): Promise<void> {
    this.polling = true;
    let full = false;
    try {
      const ctx = this.ctxOf();
      await this.releaseUnsettled(ctx);
      // Ticks and the burial of jobs left by dead processes once per interval, not on every immediate re-poll.
      const periodic = Date.now() - this.lastPeriodic >= this.pollMs;
      if (periodic) {
        this.lastPeriodic = Date.now();
        await this.startTicks(ctx);
      }
      const free = this.concurrency - this.jobsRunning;
      const claimed = free > 0 ? await claimDueJobs(ctx, this.runner, free, periodic) : [];
      for (const job of claimed) this.startJob(ctx, job);
      full = free > 0 && claimed.length === free;
      this.busy = claimed.length > 0 || (free <= 0 && this.busy);
    } catch (error) {
      this.log.error({ err: error }, 'job worker poll failed');
    }
    this.polling = false;
    if (!this.stopped) this.schedule(full ? 0 : this.pollMs);
  }

  private wake(): void {
    if (this.stopped || this.polling) return;
    if (this.timer) clearTimeout(this.timer);
    this.schedule(0);
  }

  private track(work: Promise<unknown>): void {
    this.inFlight.add(work);
    void work.finally(() => this.inFlight.delete(work));
  }

  /**
   * A run cut by an outage could not record its failure; once the database answers it goes back to pending
   * (after its backoff), or dead on its last attempt. Fenced by the attempt: if its transaction did commit before
   * the link dropped, the job is done and this changes nothing, so it never runs twice. Still failing: next poll.
   */
  private async releaseUnsettled(ctx: Ctx): Promise<void> {
    for (const [id, { job, error }] of this.unsettled) {
      await settleFailure(ctx, job, error);
      this.unsettled.delete(id);
    }
  }

  private async startTicks(ctx: Ctx): Promise<void> {
    for (const job of await claimTicks(ctx, this.runner, this.ticking)) {
      this.ticking.add(job.name);
      // Recording the tick's end can fail with the database gone: logged, and the tick's lease lets it run again.
      const run = runTick(ctx, this.runner, job).then(
        (tick) => {
          if (tick.outcome === 'failed') this.log.error({ job: tick.name, err: tick.error }, 'periodic job failed');
          else if (!idle(tick.result)) this.log.info({ job: tick.name, result: tick.result }, 'periodic job ran');
        },
        (error: unknown) => this.log.error({ job: job.name, err: error }, 'periodic job could not be recorded'),
      );
      this.track(run.finally(() => this.ticking.delete(job.name)));
    }
  }

  private startJob(ctx: Ctx, job: ClaimedJob): void {
    this.jobsRunning += 1;
    const run = runClaimedJob(ctx, this.runner, job).then(
      (outcome) => {
        const details = { job: outcome.name, id: outcome.id, err: outcome.error };
        if (outcome.outcome === 'dead') this.log.error(details, 'job dead');
        else if (outcome.outcome === 'retry') this.log.info(details, 'job failed, will retry');
      },
      (error: unknown) => {
        // Its failure could not be written either: an unhandled rejection would end the process.
        this.log.error({ job: job.name, id: job.id, err: error }, 'job cut off, released when the database answers');
        this.unsettled.set(job.id, { job, error });
      },
    );
    this.track(
      run.finally(() => {
        this.jobsRunning -= 1;
        // Claim in batches: look again once half the slots are free (a claim is a statement of its own).
        if (this.busy && this.concurrency - this.jobsRunning >= Math.ceil(this.concurrency / 2)) this.wake();
      }),
    );
  }
}

/**
 * A run that found nothing to do (0, nothing, an empty list) is not logged: the rollup fold runs every 30 s and
 * would otherwise write two lines a minute that say nothing. Failures are always logged.
 */
export function idle(result: unknown): boolean {
  return result === undefined || result === null || result === 0 || (Array.isArray(result) && result.length === 0);
}
