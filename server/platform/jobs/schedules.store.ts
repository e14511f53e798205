import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../db/database.ts';
import { queryRows } from '../db/rows.ts';

const ts = (at: Date): SQL => sql`${at.toISOString()}::timestamptz`;

/**
 * One row per manifest job: a new one is first due one interval from now (as the in-process timer was); a
 * changed interval takes effect at once (the next run comes no later than one new interval from now).
 */
export async function ensureSchedules(
  db: Db,
  regionCode: string,
  schedules: readonly { name: string; everyMs: number }[],
  now: Date,
): Promise<void> {
  if (schedules.length === 0) return;
  const values = sql.join(
    schedules.map(
      (s) =>
        sql`(${regionCode}, ${s.name}, ${s.everyMs}::bigint, ${ts(now)} + ${s.everyMs}::bigint * interval '1 millisecond')`,
    ),
    sql`, `,
  );
  await db.execute(
    sql`insert into jobs_schedule as s (region_code, name, every_ms, next_run_at) values ${values}
        on conflict (region_code, name) do update set every_ms = excluded.every_ms,
          next_run_at = least(s.next_run_at, excluded.next_run_at)
        where s.every_ms <> excluded.every_ms`,
  );
}

/**
 * Claims the due ticks of the named schedules in one conditional UPDATE: only a row whose `next_run_at` has come
 * and that no live run holds matches, so of several processes asking at once exactly one gets each tick. The
 * next run is set from `now`, not stepped from the missed one: ticks missed while no server ran collapse to one.
 */
export async function claimDueTicks(
  db: Db,
  claim: { regionCode: string; names: readonly string[]; now: Date; leaseUntil: Date },
): Promise<string[]> {
  if (claim.names.length === 0) return [];
  const { regionCode, now } = claim;
  const names = sql.join(
    claim.names.map((name) => sql`${name}`),
    sql`, `,
  );
  const rows = await queryRows<{ name: string }>(
    db,
    sql`update jobs_schedule set next_run_at = ${ts(now)} + every_ms * interval '1 millisecond',
          locked_until = ${ts(claim.leaseUntil)}, last_started_at = ${ts(now)}
        where region_code = ${regionCode} and name in (${names}) and next_run_at <= ${ts(now)}
          and (locked_until is null or locked_until <= ${ts(now)})
        returning name`,
  );
  return rows.map((row) => row.name);
}

/** Records how a run ended and frees the schedule for its next tick. */
export async function finishTick(
  db: Db,
  regionCode: string,
  tick: { name: string; now: Date; error: string | null },
): Promise<void> {
  await db.execute(
    sql`update jobs_schedule set locked_until = null, last_finished_at = ${ts(tick.now)},
          last_outcome = ${tick.error === null ? 'ok' : 'failed'}, last_error = ${tick.error}
        where region_code = ${regionCode} and name = ${tick.name}`,
  );
}

/** Keeps a long run's hold on its schedule. */
export async function extendTickLease(db: Db, regionCode: string, name: string, until: Date): Promise<void> {
  await db.execute(
    sql`update jobs_schedule set locked_until = ${ts(until)}
        where region_code = ${regionCode} and name = ${name} and locked_until is not null`,
  );
}
