import type { Ctx } from '../context.ts';
import { recordAudit } from '../audit/audit.ts';
import { tx } from '../db/tx.ts';
import { AppError } from '../http/app-error.ts';
import {
  countJobsByState,
  type FailedJobRow,
  findJobState,
  latestFailedJobs,
  listSchedules,
  type ScheduleRow,
} from './jobs-overview.store.ts';
import type { JobsOverview } from './jobs.schema.ts';
import { reviveDeadJob } from './jobs.store.ts';

const iso = (at: Date | null) => (at ? at.toISOString() : null);

function presentSchedule(row: ScheduleRow, now: Date): JobsOverview['schedules'][number] {
  return {
    name: row.name,
    everyMs: row.every_ms,
    lastStartedAt: iso(row.last_started_at),
    lastFinishedAt: iso(row.last_finished_at),
    nextRunAt: row.next_run_at.toISOString(),
    running: row.locked_until !== null && row.locked_until > now,
    lastOutcome: row.last_outcome === 'ok' || row.last_outcome === 'failed' ? row.last_outcome : null,
    lastError: row.last_error,
  };
}

function presentFailure(row: FailedJobRow): JobsOverview['failures'][number] {
  return {
    id: String(row.id),
    name: row.name,
    state: row.state === 'dead' ? 'dead' : row.state === 'running' ? 'running' : 'pending',
    attempts: row.attempts,
    maxAttempts: row.max_attempts,
    lastError: row.last_error,
    createdAt: row.created_at.toISOString(),
    runAt: row.run_at.toISOString(),
    finishedAt: iso(row.finished_at),
  };
}

/** The operator's view: schedules and how their last run went, the queue by state, the latest failures. */
export async function jobsOverview(ctx: Ctx): Promise<JobsOverview> {
  const now = ctx.clock();
  const [schedules, counts, failures] = [
    await listSchedules(ctx.db, ctx.countyCode),
    await countJobsByState(ctx.db, ctx.countyCode),
    await latestFailedJobs(ctx.db, ctx.countyCode, 50),
  ];
  return {
    schedules: schedules.map((row) => presentSchedule(row, now)),
    counts: {
      pending: counts.pending ?? 0,
      running: counts.running ?? 0,
      done: counts.done ?? 0,
      dead: counts.dead ?? 0,
    },
    failures: failures.map(presentFailure),
  };
}

/** Puts a dead job back in the queue, due now, with its attempts counted afresh; audited. */
export async function retryDeadJob(ctx: Ctx, id: string): Promise<{ id: string; state: 'pending' }> {
  return tx(ctx, async (t) => {
    const job = await findJobState(t.db, t.countyCode, Number(id));
    if (!job) throw AppError.notFound('what.job');
    if (!(await reviveDeadJob(t.db, t.countyCode, Number(id), t.clock())))
      throw new AppError(409, 'job_not_dead', 'jobs.not_dead');
    await recordAudit(t, {
      eventType: 'jobs.retry',
      action: 'retry',
      objectType: 'job',
      objectId: id,
      details: { name: job.name },
    });
    return { id, state: 'pending' as const };
  });
}
