import { and, count, eq, sql } from 'drizzle-orm';
import { importsHandout } from '../../db/schema/imports.ts';
import type { Db } from '../db/database.ts';
import { queryRows } from '../db/rows.ts';
import type { RunRow } from './imports.store.ts';

/** What a commit hands out once (initial passwords), sealed until the one download. */
export type HandoutRow = typeof importsHandout.$inferSelect;

export async function insertHandouts(db: Db, rows: readonly HandoutRow[]): Promise<void> {
  if (rows.length > 0) await db.insert(importsHandout).values([...rows]);
}

/** Takes (deletes and returns) a run's handouts: the one download. */
export async function takeHandouts(db: Db, regionCode: string, run: RunRow): Promise<HandoutRow[]> {
  const rows = await db
    .delete(importsHandout)
    .where(and(eq(importsHandout.regionCode, regionCode), eq(importsHandout.runId, run.id)))
    .returning();
  return rows.sort((a, b) => a.rowNumber - b.rowNumber);
}

export async function countHandouts(db: Db, regionCode: string, run: RunRow): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(importsHandout)
    .where(and(eq(importsHandout.regionCode, regionCode), eq(importsHandout.runId, run.id)));
  return row?.n ?? 0;
}

export async function deleteHandouts(db: Db, regionCode: string, runId: string): Promise<void> {
  await db
    .delete(importsHandout)
    .where(and(eq(importsHandout.regionCode, regionCode), eq(importsHandout.runId, runId)));
}

/** Handouts of runs finished before `before` that nobody downloaded: they go (the passwords are reset instead). */
export async function deleteHandoutsOfRunsBefore(db: Db, regionCode: string, before: Date): Promise<number> {
  const rows = await queryRows<{ run_id: string }>(
    db,
    sql`delete from imports_handout h using imports_run r
        where h.region_code = ${regionCode} and r.region_code = h.region_code and r.id = h.run_id
          and r.finished_at < ${before.toISOString()}::timestamptz
        returning h.run_id`,
  );
  return rows.length;
}
