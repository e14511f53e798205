import { type SQL, sql } from 'drizzle-orm';
import { jobsJob } from '../../db/schema/jobs.ts';
import type { Db } from '../db/database.ts';
import { queryRows } from '../db/rows.ts';

export type NewJob = typeof jobsJob.$inferInsert;

/** A job a worker holds: what it needs to run it and to settle it. */
export interface ClaimedJob {
  id: number;
  name: string;
  payload: unknown;
  attempts: number;
  maxAttempts: number;
  backoffMs: number;
}

const list = (values: readonly string[]): SQL =>
  sql.join(
    values.map((value) => sql`${value}`),
    sql`, `,
  );
const ts = (at: Date): SQL => sql`${at.toISOString()}::timestamptz`;

/** Inserts a pending job; with a key that already has a pending job, nothing happens. */
export async function insertJob(db: Db, job: NewJob): Promise<void> {
  await db
    .insert(jobsJob)
    .values(job)
    .onConflictDoNothing({
      target: [jobsJob.regionCode, jobsJob.name, jobsJob.key],
      where: sql`state = 'pending' and key is not null`,
    });
}

/**
 * A running job whose lease passed and that has no attempt left (its process died on the last one) is dead:
 * it is not taken again. A row a live transaction still holds is skipped, not waited for. Answers how many.
 */
export async function buryExpiredJobs(db: Db, regionCode: string, now: Date): Promise<number> {
  const rows = await queryRows<{ id: number }>(
    db,
    sql`with expired as (
          select id from jobs_job
          where region_code = ${regionCode} and state = 'running' and locked_until <= ${ts(now)}
            and attempts >= max_attempts
          for update skip locked
        )
        update jobs_job j set state = 'dead', finished_at = ${ts(now)}, locked_until = null,
          last_error = coalesce(j.last_error || ' · ', '') || 'lease expired on the last attempt'
        from expired where j.region_code = ${regionCode} and j.id = expired.id
        returning j.id`,
  );
  return rows.length;
}

/**
 * Takes up to `limit` due jobs of the named queues — pending ones whose time has come, and running ones whose
 * lease passed (their process died) — skipping rows another worker is taking or holds (SKIP LOCKED), and marks
 * them running under `worker` until `leaseUntil`. Each claim counts an attempt; the count fences the settlement.
 */
export async function claimJobs(
  db: Db,
  claim: { regionCode: string; names: readonly string[]; now: Date; leaseUntil: Date; worker: string; limit: number },
): Promise<ClaimedJob[]> {
  if (claim.names.length === 0 || claim.limit <= 0) return [];
  const { regionCode, now } = claim;
  const rows = await queryRows<{
    id: number;
    name: string;
    payload: unknown;
    attempts: number;
    max_attempts: number;
    backoff_ms: number;
  }>(
    db,
    sql`with next as (
          select id from jobs_job
          where region_code = ${regionCode} and name in (${list(claim.names)})
            and ((state = 'pending' and run_at <= ${ts(now)}) or (state = 'running' and locked_until <= ${ts(now)}))
          order by run_at, id
          limit ${claim.limit}
          for update skip locked
        )
        update jobs_job j set state = 'running', attempts = j.attempts + 1,
          locked_until = ${ts(claim.leaseUntil)}, locked_by = ${claim.worker}
        from next where j.region_code = ${regionCode} and j.id = next.id
        returning j.id, j.name, j.payload, j.attempts, j.max_attempts, j.backoff_ms`,
  );
  return rows.map((row) => ({
    id: Number(row.id),
    name: row.name,
    payload: row.payload,
    attempts: row.attempts,
    maxAttempts: row.max_attempts,
    backoffMs: row.backoff_ms,
  }));
}

const held = (regionCode: string, id: number, attempt: number): SQL =>
  sql`region_code = ${regionCode} and id = ${id} and state = 'running' and attempts = ${attempt}`;

/** Marks this attempt done; false when it no longer held the job. */
export async function completeJob(
  db: Db,
  regionCode: string,
  id: number,
  attempt: number,
  now: Date,
): Promise<boolean> {
  const rows = await queryRows(
    db,
    sql`update jobs_job set state = 'done', finished_at = ${ts(now)}, locked_until = null, last_error = null
        where ${held(regionCode, id, attempt)} returning id`,
  );
  return rows.length > 0;
}

/** This attempt failed: pending again from `retryAt`, or dead when `retryAt` is null. */
export async function failJob(
  db: Db,
  regionCode: string,
  failure: { id: number; attempt: number; now: Date; error: string; retryAt: Date | null },
): Promise<void> {
  const { id, attempt, now, error, retryAt } = failure;
  const next =
    retryAt === null ? sql`state = 'dead', finished_at = ${ts(now)}` : sql`state = 'pending', run_at = ${ts(retryAt)}`;
  await db.execute(
    sql`update jobs_job set ${next}, locked_until = null, last_error = ${error}
        where ${held(regionCode, id, attempt)}`,
  );
}

/** Moves this attempt's lease on (a long, non-transactional run); false when it no longer holds the job. */
export async function extendJobLease(
  db: Db,
  regionCode: string,
  lease: { id: number; attempt: number; until: Date },
): Promise<boolean> {
  const rows = await queryRows(
    db,
    sql`update jobs_job set locked_until = ${ts(lease.until)}
        where ${held(regionCode, lease.id, lease.attempt)} returning id`,
  );
  return rows.length > 0;
}

/** A dead job back to pending, due now, with its attempts counted from zero; false when it is not dead. */
export async function reviveDeadJob(db: Db, regionCode: string, id: number, now: Date): Promise<boolean> {
  const rows = await queryRows(
    db,
    sql`update jobs_job set state = 'pending', attempts = 0, run_at = ${ts(now)}, finished_at = null
        where region_code = ${regionCode} and id = ${id} and state = 'dead' returning id`,
  );
  return rows.length > 0;
}

/** Removes done jobs finished before `before`; answers how many went. Dead ones stay for the operator. */
export async function deleteFinishedJobs(db: Db, regionCode: string, before: Date): Promise<number> {
  const rows = await queryRows(
    db,
    sql`delete from jobs_job where region_code = ${regionCode} and state = 'done' and finished_at < ${ts(before)}
        returning id`,
  );
  return rows.length;
}
