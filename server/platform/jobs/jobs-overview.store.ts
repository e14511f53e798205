import { sql } from 'drizzle-orm';
import type { Db } from '../db/database.ts';
import { queryRows } from '../db/rows.ts';

export interface ScheduleRow {
  name: string;
  every_ms: number;
  next_run_at: Date;
  locked_until: Date | null;
  last_started_at: Date | null;
  last_finished_at: Date | null;
  last_outcome: string | null;
  last_error: string | null;
}

export function listSchedules(db: Db, regionCode: string): Promise<ScheduleRow[]> {
  return queryRows<ScheduleRow>(
    db,
    sql`select name, every_ms, next_run_at, locked_until, last_started_at, last_finished_at, last_outcome, last_error
        from jobs_schedule where region_code = ${regionCode} order by name`,
  );
}

export async function countJobsByState(db: Db, regionCode: string): Promise<Record<string, number>> {
  const rows = await queryRows<{ state: string; n: number }>(
    db,
    sql`select state, count(*)::int as n from jobs_job where region_code = ${regionCode} group by state`,
  );
  return Object.fromEntries(rows.map((row) => [row.state, row.n]));
}

export interface FailedJobRow {
  id: number;
  name: string;
  state: string;
  attempts: number;
  max_attempts: number;
  last_error: string | null;
  created_at: Date;
  run_at: Date;
  finished_at: Date | null;
}

/** Dead jobs and jobs that failed and wait for a retry, latest first; never the payload. */
export function latestFailedJobs(db: Db, regionCode: string, limit: number): Promise<FailedJobRow[]> {
  return queryRows<FailedJobRow>(
    db,
    sql`select id, name, state, attempts, max_attempts, last_error, created_at, run_at, finished_at
        from jobs_job
        where region_code = ${regionCode} and (state = 'dead' or (state in ('pending', 'running') and last_error is not null))
        order by coalesce(finished_at, run_at) desc, id desc
        limit ${limit}`,
  );
}

/** A job's name and state (for the retry's audit and its refusal), or undefined. */
export async function findJobState(
  db: Db,
  regionCode: string,
  id: number,
): Promise<{ name: string; state: string } | undefined> {
  const [row] = await queryRows<{ name: string; state: string }>(
    db,
    sql`select name, state from jobs_job where region_code = ${regionCode} and id = ${id}`,
  );
  return row;
}
