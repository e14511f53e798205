import type { Ctx } from '../context.ts';
import { tx } from '../db/tx.ts';
import { errorText, type JobRunner } from './job-runner.ts';
import type { PeriodicJob } from './periodic.ts';
import { claimDueTicks, ensureSchedules, extendTickLease, finishTick } from './schedules.store.ts';

/** How one tick of a manifest job ended; `result` is what `run` answered (logged when it did something). */
export interface TickOutcome {
  name: string;
  outcome: 'ok' | 'failed';
  result?: unknown;
  error?: string;
}

/** Writes the runner's schedules (new ones, changed intervals); idempotent, run at every start. */
export async function syncSchedules(ctx: Ctx, runner: JobRunner): Promise<void> {
  await tx(ctx, (t) => ensureSchedules(t.db, t.countyCode, runner.schedules, t.clock()));
}

/** Claims this process's share of the due ticks: each one is claimed by one process only. */
export async function claimTicks(
  ctx: Ctx,
  runner: JobRunner,
  except: ReadonlySet<string> = new Set(),
): Promise<PeriodicJob[]> {
  const names = runner.schedules.map((job) => job.name).filter((name) => !except.has(name));
  if (names.length === 0) return [];
  const now = ctx.clock();
  const claimed = await tx(ctx, (t) =>
    claimDueTicks(t.db, { regionCode: t.countyCode, names, now, leaseUntil: new Date(now.getTime() + runner.leaseMs) }),
  );
  return runner.schedules.filter((job) => claimed.includes(job.name));
}

/** Runs a claimed tick (its own transactions, as before), renewing its lease, and records how it ended. */
export async function runTick(ctx: Ctx, runner: JobRunner, job: PeriodicJob): Promise<TickOutcome> {
  const renew = () =>
    void extendTickLease(ctx.db, ctx.countyCode, job.name, new Date(ctx.clock().getTime() + runner.leaseMs)).catch(
      () => {},
    );
  const timer = setInterval(renew, Math.max(1000, runner.leaseMs / 3));
  timer.unref();
  let outcome: TickOutcome;
  try {
    outcome = { name: job.name, outcome: 'ok', result: await job.run(ctx) };
  } catch (error) {
    outcome = { name: job.name, outcome: 'failed', error: errorText(error) };
  } finally {
    clearInterval(timer);
  }
  const error = outcome.error ?? null;
  await tx(ctx, (t) => finishTick(t.db, t.countyCode, { name: job.name, now: t.clock(), error }));
  return outcome;
}
