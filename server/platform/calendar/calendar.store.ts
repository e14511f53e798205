import { and, asc, between, eq } from 'drizzle-orm';
import { type CalendarDayKind, calendarDay } from '../../db/schema/calendar.ts';
import type { Db } from '../db/database.ts';
import type { OfficialDayRow } from './official-holidays.ts';
import type { LocalDate } from './shanghai-time.ts';

export type CalendarDayRow = typeof calendarDay.$inferSelect;

/**
 * Replaces the county's official rows with the given ones (a year dropped or corrected in the file must not
 * linger). Local rows are a different key and are never touched. `on conflict` keeps two processes starting
 * at once from failing on each other's insert.
 */
export async function replaceOfficialDays(
  db: Db,
  regionCode: string,
  rows: readonly OfficialDayRow[],
  now: Date,
): Promise<void> {
  await db.delete(calendarDay).where(and(eq(calendarDay.regionCode, regionCode), eq(calendarDay.source, 'official')));
  if (rows.length === 0) return;
  await db
    .insert(calendarDay)
    .values(
      rows.map((r) => ({
        regionCode,
        day: r.day,
        source: 'official' as const,
        kind: r.kind,
        name: r.name,
        provisional: r.provisional,
        updatedAt: now,
      })),
    )
    .onConflictDoNothing();
}

/** Both sources for every day in [from, to], ordered by day. */
export async function listCalendarDays(
  db: Db,
  regionCode: string,
  from: LocalDate,
  to: LocalDate,
): Promise<CalendarDayRow[]> {
  return db
    .select()
    .from(calendarDay)
    .where(and(eq(calendarDay.regionCode, regionCode), between(calendarDay.day, from, to)))
    .orderBy(asc(calendarDay.day), asc(calendarDay.source));
}

export async function findCalendarDays(db: Db, regionCode: string, day: LocalDate): Promise<CalendarDayRow[]> {
  return db
    .select()
    .from(calendarDay)
    .where(and(eq(calendarDay.regionCode, regionCode), eq(calendarDay.day, day)))
    .orderBy(asc(calendarDay.source));
}

export interface LocalDayInput {
  day: LocalDate;
  kind: CalendarDayKind;
  name: string;
  updatedAt: Date;
  updatedBy: string | null;
}

export async function upsertLocalDay(db: Db, regionCode: string, input: LocalDayInput): Promise<void> {
  const change = { kind: input.kind, name: input.name, updatedAt: input.updatedAt, updatedBy: input.updatedBy };
  await db
    .insert(calendarDay)
    .values({ regionCode, day: input.day, source: 'local', provisional: false, ...change })
    .onConflictDoUpdate({ target: [calendarDay.regionCode, calendarDay.day, calendarDay.source], set: change });
}

/** The deleted local row, or undefined when the day had none. */
export async function deleteLocalDay(db: Db, regionCode: string, day: LocalDate): Promise<CalendarDayRow | undefined> {
  const deleted = await db
    .delete(calendarDay)
    .where(and(eq(calendarDay.regionCode, regionCode), eq(calendarDay.day, day), eq(calendarDay.source, 'local')))
    .returning();
  return deleted[0];
}
