import type { Ctx } from '../context.ts';
import type { ModuleManifest } from '../module.ts';
import { adoptedManifests } from '../modules/adopt.ts';
import { claimDueJobs, type JobOutcome, type JobRunner, jobRunnerOf, runClaimedJob } from './job-runner.ts';
import { claimTicks, runTick, syncSchedules, type TickOutcome } from './schedules.ts';

/** What one `runDueJobs` call ran. */
export interface DueRun {
  jobs: JobOutcome[];
  ticks: TickOutcome[];
}

/**
 * Runs, one after another and to the end, everything due at `ctx.clock()`: the manifest jobs' due ticks and
 * the queued jobs, again and again while running them made more due (a job that enqueues one due now). For
 * tests (`await runDueJobs(t.db.ctx({ clock }))` after `t.clock.advanceMinutes(…)`) and `wenming jobs run-due`.
 * By default the runner of every adopted manifest; pass one to run only some queues.
 */
export async function runDueJobs(
  ctx: Ctx,
  runner: JobRunner = jobRunnerOf(adoptedManifests(), { worker: `run-due:${process.pid}` }),
): Promise<DueRun> {
  const run: DueRun = { jobs: [], ticks: [] };
  await syncSchedules(ctx, runner);
  for (let round = 0; round < 1000; round++) {
    const ticks = await claimTicks(ctx, runner);
    for (const job of ticks) run.ticks.push(await runTick(ctx, runner, job));
    const claimed = await claimDueJobs(ctx, runner, 20);
    for (const job of claimed) run.jobs.push(await runClaimedJob(ctx, runner, job));
    if (ticks.length === 0 && claimed.length === 0) return run;
  }
  throw new Error('runDueJobs: still finding due work after 1000 rounds (a job that re-enqueues itself due now?)');
}

/** The runner of the given manifests (tests that declare their own queues). */
export function runnerFor(manifests: readonly ModuleManifest[], leaseMs?: number): JobRunner {
  return jobRunnerOf(manifests, { worker: `test:${process.pid}`, leaseMs });
}
