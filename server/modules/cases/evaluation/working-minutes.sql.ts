import { type SQL, sql } from 'drizzle-orm';
import { dayMs, isWeekend, startOfDayMs } from '../../../platform/calendar/shanghai-time.ts';
import { type WorkingHours, workingMinutesPerDay, workingPeriodsOf } from '../../../platform/calendar/working-hours.ts';
import type { WorkingCalendar } from '../../../platform/calendar/working-time.ts';

/**
 * Working minutes between two timestamps in SQL, so handling_minutes can be filled in for many cases at once
 * (older rows at start-up, handling-minutes.ts; the bench's bulk load) without rows in JavaScript. Same result
 * as `workingMinutesBetween` (working-time.ts) without
 * pauses — the property test holds the two together — built from one idea: a "working-minute mark"
 *
 *   W(t) = working days before t's day × minutes per working day + working minutes of t's own day up to t
 *
 * so that the working time between a and b is W(b) − W(a). Days are Asia/Shanghai dates numbered from
 * 1970-01-01 (UTC+8 all year since 1991, so a fixed offset is exact). "Working days before day n" is looked
 * up in a dense array covering the years the calendar holds (a few thousand integers, bound as one
 * parameter: an O(1) subscript per row, which keeps 30,000 cases a month cheap); outside those years it is
 * the plain weekday count, as working-time.ts does for years never loaded. Plain SQL: no join, no function
 * to install, the same on PostgreSQL 15 and PGlite.
 */
export interface CalendarArrays {
  /** Day number of workingDaysBefore[0] (days since 1970-01-01, Shanghai). */
  firstDay: number;
  /** Working days before each day from firstDay on, corrections included (one past the last loaded day too). */
  workingDaysBefore: number[];
  /** The sum of all corrections: what days after the array add to the weekday count. */
  totalCorrection: number;
  minutesPerDay: number;
  /** Working periods as minutes after midnight, end exclusive. */
  periods: ReadonlyArray<{ start: number; end: number }>;
}

const offsetSeconds = 8 * 3600;

export function calendarArrays(calendar: WorkingCalendar, hours: WorkingHours): CalendarArrays {
  const corrections = new Map<number, number>();
  for (const [day, entry] of calendar.days) {
    const correction = correctionOf(entry.kind, isWeekend(day));
    if (correction !== 0) corrections.set(dayNumber(day), correction);
  }
  const base = { minutesPerDay: workingMinutesPerDay(hours), periods: workingPeriodsOf(hours) };
  if (corrections.size === 0) return { ...base, firstDay: 0, workingDaysBefore: [], totalCorrection: 0 };
  // Whole years around the corrections, so a day's value never depends on where the data happens to stop.
  const firstDay = dayNumber(`${new Date(Math.min(...corrections.keys()) * dayMs).getUTCFullYear()}-01-01`);
  const lastDay = dayNumber(`${new Date(Math.max(...corrections.keys()) * dayMs).getUTCFullYear()}-12-31`);
  const workingDaysBefore: number[] = [];
  let running = 0;
  for (let n = firstDay; n <= lastDay + 1; n += 1) {
    workingDaysBefore.push(weekdaysBefore(n) + running);
    running += corrections.get(n) ?? 0;
  }
  return { ...base, firstDay, workingDaysBefore, totalCorrection: running };
}

function correctionOf(kind: 'holiday' | 'workday', weekend: boolean): number {
  if (kind === 'workday' && weekend) return 1;
  if (kind === 'holiday' && !weekend) return -1;
  return 0;
}

function dayNumber(day: string): number {
  return Math.round((startOfDayMs(day) + offsetSeconds * 1000) / dayMs);
}

/**
 * Weekdays before day number n. 1970-01-01 was a Thursday, so n + 3 counts from Monday 1969-12-29; every
 * full week holds five weekdays, and the part week min(rest, 5). The SQL below is the same formula.
 */
function weekdaysBefore(n: number): number {
  return 5 * Math.floor((n + 3) / 7) + Math.min((n + 3) % 7, 5);
}

function workingDaysBeforeSql(n: SQL, cal: CalendarArrays): SQL {
  const weekdays = sql`(5 * ((${n} + 3) / 7) + least(mod(${n} + 3, 7), 5))`;
  if (cal.workingDaysBefore.length === 0) return weekdays;
  const lookup = sql`(${`{${cal.workingDaysBefore.join(',')}}`}::int[])[${n} - ${sql.raw(String(cal.firstDay - 1))}]`;
  // coalesce evaluates the fallback only for days outside the array.
  return sql`coalesce(${lookup}, ${weekdays} + case when ${n} < ${sql.raw(String(cal.firstDay))} then 0 else ${sql.raw(String(cal.totalCorrection))} end)`;
}

/** W(t) for a timestamptz expression; null when t is null. */
export function workingMinuteMark(at: SQL, cal: CalendarArrays): SQL {
  const local = sql`(date_part('epoch', ${at}) + ${sql.raw(String(offsetSeconds))})`;
  const day = sql`(floor(${local} / 86400)::int)`;
  const minuteOfDay = sql`((${local} - floor(${local} / 86400) * 86400) / 60)`;
  const before = workingDaysBeforeSql(day, cal);
  const isWorkingDay = sql`(${workingDaysBeforeSql(sql`(${day} + 1)`, cal)} - ${before})`;
  const intoDay = sql.join(
    cal.periods.map(
      (p) => sql`greatest(0, least(${minuteOfDay}, ${sql.raw(String(p.end))}) - ${sql.raw(String(p.start))})`,
    ),
    sql` + `,
  );
  return sql`(${before}::float8 * ${sql.raw(String(cal.minutesPerDay))} + ${isWorkingDay} * (${intoDay}))`;
}

/** Working minutes from `from` to `to` (0 when `to` is not after `from`), as a float8 SQL expression. */
export function workingMinutesSql(from: SQL, to: SQL, cal: CalendarArrays): SQL {
  return sql`greatest(0, ${workingMinuteMark(to, cal)} - ${workingMinuteMark(from, cal)})`;
}
