import { sql } from 'drizzle-orm';
import { bigint, index, integer, jsonb, pgTable, primaryKey, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { at, regionCode } from './columns.ts';

/**
 * Queued work (platform/jobs/queue.ts): one row per job, enqueued in the business transaction and claimed with
 * `FOR UPDATE SKIP LOCKED`, so several server processes on one PostgreSQL never run a job twice. The state is
 * here, not in a process: a restart loses nothing, and a job a crashed process held is taken again once its
 * lease (`locked_until`) has passed.
 */
export const jobsJob = pgTable(
  'jobs_job',
  {
    regionCode: regionCode('region_code').notNull(),
    id: bigint('id', { mode: 'number' }).generatedByDefaultAsIdentity().notNull(),
    /** The queue (a manifest's `queues` entry) whose handler runs it. */
    name: text('name').notNull(),
    /** At most one pending job per (name, key): enqueueing the same key again while one waits does nothing. */
    key: text('key'),
    payload: jsonb('payload').$type<unknown>().notNull(),
    /** pending (waiting, also between retries) → running → done, or dead after its last attempt failed. */
    state: text('state').notNull(),
    /** Attempts started so far; also the fencing token a completion must match. */
    attempts: integer('attempts').notNull().default(0),
    maxAttempts: integer('max_attempts').notNull(),
    backoffMs: integer('backoff_ms').notNull(),
    runAt: at('run_at').notNull(),
    lockedUntil: at('locked_until'),
    /** Which process holds it (host:pid:random), for the operator. */
    lockedBy: text('locked_by'),
    /** The last failure's message (no payload, no stack). */
    lastError: text('last_error'),
    createdAt: at('created_at').notNull(),
    finishedAt: at('finished_at'),
  },
  (t) => [
    primaryKey({ columns: [t.regionCode, t.id] }),
    uniqueIndex('jobs_job_pending_key_idx')
      .on(t.regionCode, t.name, t.key)
      .where(sql`${t.state} = 'pending' and ${t.key} is not null`),
    index('jobs_job_due_idx').on(t.regionCode, t.runAt).where(sql`${t.state} = 'pending'`),
    index('jobs_job_leased_idx').on(t.regionCode, t.lockedUntil).where(sql`${t.state} = 'running'`),
    index('jobs_job_state_idx').on(t.regionCode, t.state, t.finishedAt),
  ],
);

/**
 * A manifest's `jobs` entry as a durable schedule: a tick is claimed by moving `next_run_at` forward with a
 * conditional UPDATE, so each tick runs in one process only, and a tick missed while every server was down runs
 * once at the next start (next_run_at is set from the claim time, not stepped tick by tick).
 */
export const jobsSchedule = pgTable(
  'jobs_schedule',
  {
    regionCode: regionCode('region_code').notNull(),
    name: text('name').notNull(),
    everyMs: bigint('every_ms', { mode: 'number' }).notNull(),
    nextRunAt: at('next_run_at').notNull(),
    /** Set while a run is going (a lease: a crashed process's run stops blocking the schedule when it passes). */
    lockedUntil: at('locked_until'),
    lastStartedAt: at('last_started_at'),
    lastFinishedAt: at('last_finished_at'),
    /** ok | failed */
    lastOutcome: text('last_outcome'),
    lastError: text('last_error'),
  },
  (t) => [primaryKey({ columns: [t.regionCode, t.name] })],
);
