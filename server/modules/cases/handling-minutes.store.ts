import { and, eq, isNotNull, isNull, sql } from 'drizzle-orm';
import { casesCase } from '../../db/schema/cases.ts';
import type { Db } from '../../platform/db/database.ts';
import { type CalendarArrays, workingMinutesSql } from './evaluation/working-minutes.sql.ts';

const c = casesCase;

/** Handled cases of the county without handling_minutes (kept since migration 0011): the backfill's rows. */
const unclocked = (regionCode: string) =>
  and(eq(c.regionCode, regionCode), isNotNull(c.handledAt), isNull(c.handlingMinutes), isNotNull(c.dispatchedAt));

/** Whether any case still lacks its handling minutes (the partial index cases_case_unclocked_idx answers). */
export async function anyCaseUnclocked(db: Db, regionCode: string): Promise<boolean> {
  const [any] = await db.select({ one: sql`1` }).from(c).where(unclocked(regionCode)).limit(1);
  return any !== undefined;
}

/** Fills handling_minutes of those cases from the calendar, in SQL (the same result as workingMinutesBetween). */
export async function fillHandlingMinutes(db: Db, regionCode: string, calendar: CalendarArrays): Promise<void> {
  await db
    .update(c)
    .set({ handlingMinutes: sql`${workingMinutesSql(sql`${c.dispatchedAt}`, sql`${c.handledAt}`, calendar)}` })
    .where(unclocked(regionCode));
}
