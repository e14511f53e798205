import type { Ctx } from '../context.ts';

/** Work a module runs on a timer in the server process (the 督办 sweep, later retention and reminders). */
export interface PeriodicJob {
  name: string;
  everyMs: number;
  run(ctx: Ctx): Promise<unknown>;
}

export interface JobLog {
  info(details: object, message: string): void;
  error(details: object, message: string): void;
}

/**
 * Runs each job every `everyMs`, never two runs of one job at once (a slow run skips the next tick). Timers are
 * unref'd so they never keep the process alive; the returned function stops them for a clean shutdown.
 */
export function startPeriodicJobs(jobs: readonly PeriodicJob[], ctxOf: () => Ctx, log: JobLog): () => void {
  const timers = jobs.map((job) => {
    let running = false;
    const tick = async () => {
      if (running) return;
      running = true;
      try {
        const result = await job.run(ctxOf());
        if (!idle(result)) log.info({ job: job.name, result }, 'periodic job ran');
      } catch (error) {
        log.error({ job: job.name, err: error }, 'periodic job failed');
      } finally {
        running = false;
      }
    };
    const timer = setInterval(() => void tick(), job.everyMs);
    timer.unref();
    return timer;
  });
  return () => {
    for (const timer of timers) clearInterval(timer);
  };
}

/**
 * A run that found nothing to do (0, nothing, an empty list) is not logged: the rollup fold runs every 30 s and
 * would otherwise write two lines a minute that say nothing. Failures are always logged.
 */
function idle(result: unknown): boolean {
  return result === undefined || result === null || result === 0 || (Array.isArray(result) && result.length === 0);
}
