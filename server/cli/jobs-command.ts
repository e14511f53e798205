import type { Ctx } from '../platform/context.ts';
import { jobRunnerOf } from '../platform/jobs/job-runner.ts';
import { jobsOverview } from '../platform/jobs/jobs-overview.ts';
import type { JobsOverview } from '../platform/jobs/jobs.schema.ts';
import { runDueJobs } from '../platform/jobs/run-due.ts';
import type { ModuleManifest } from '../platform/module.ts';

export const jobsUsage = `Usage: wenming jobs run-due   run every due schedule tick and queued job now, once, then exit
       wenming jobs list      schedules, queue counts by state and the latest failed jobs`;

/**
 * `wenming jobs run-due|list`. run-due claims like a server's worker does, so it is safe beside running servers
 * on PostgreSQL (each job and tick still runs once); PGlite's folder lock keeps it from running beside a server.
 */
export async function jobsCommand(
  sub: 'run-due' | 'list',
  ctx: Ctx,
  manifests: readonly ModuleManifest[],
): Promise<number> {
  if (sub === 'list') {
    console.log(describeOverview(await jobsOverview(ctx)));
    return 0;
  }
  const run = await runDueJobs(ctx, jobRunnerOf(manifests, { worker: `cli:${process.pid}` }));
  const outcomes = (kind: string) => run.jobs.filter((job) => job.outcome === kind).length;
  for (const tick of run.ticks)
    console.log(`tick ${tick.name}: ${tick.outcome}${tick.error ? ` (${tick.error})` : ''}`);
  for (const job of run.jobs.filter((j) => j.outcome !== 'done'))
    console.log(
      `job ${job.id} ${job.name} attempt ${job.attempt}: ${job.outcome}${job.error ? ` (${job.error})` : ''}`,
    );
  console.log(
    `Ran ${run.ticks.length} schedule tick(s) and ${run.jobs.length} job attempt(s): ${outcomes('done')} done, ` +
      `${outcomes('retry')} to retry, ${outcomes('dead')} dead.`,
  );
  return run.ticks.some((tick) => tick.outcome === 'failed') || outcomes('dead') > 0 ? 1 : 0;
}

const shown = (at: string | null) => (at ? at.replace('T', ' ').slice(0, 19) : '—');

export function describeOverview(overview: JobsOverview): string {
  const { counts } = overview;
  const lines = [
    `Queue: ${counts.pending} pending, ${counts.running} running, ${counts.done} done, ${counts.dead} dead`,
    '',
    'Schedules (UTC):',
    ...overview.schedules.map(
      (s) =>
        `  ${s.name.padEnd(36)} every ${String(s.everyMs / 1000).padStart(6)} s  last ${shown(s.lastStartedAt)} ` +
        `${s.lastOutcome ?? 'never'}${s.running ? ' (running)' : ''}  next ${shown(s.nextRunAt)}` +
        `${s.lastError ? `\n    ${s.lastError}` : ''}`,
    ),
  ];
  if (overview.failures.length > 0)
    lines.push(
      '',
      'Failed jobs (latest first):',
      ...overview.failures.map(
        (f) => `  #${f.id} ${f.name} ${f.state} after ${f.attempts}/${f.maxAttempts}: ${f.lastError ?? ''}`,
      ),
    );
  return lines.join('\n');
}
