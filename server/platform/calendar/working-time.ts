import type { CalendarDayKind } from '../../db/schema/calendar.ts';
import { addDays, isWeekend, type LocalDate, shanghaiDayOf, startOfDayMs } from './shanghai-time.ts';
import { type MinutePeriod, type WorkingHours, workingMinutesPerDay, workingPeriodsOf } from './working-hours.ts';

/**
 * Working time for time limits in 工作时 / 工作日 (DESIGN rule 6). Pure: the calendar and the working hours
 * are passed in as data (see loadCalendar), instants are UTC `Date`s, and days are Asia/Shanghai dates.
 */

export interface CalendarEntry {
  readonly kind: CalendarDayKind;
  readonly name: string;
}

/**
 * The exceptions to the weekly rule (Monday–Friday work), keyed by date: holidays, and 调休 weekends that
 * are working days. Days absent from the map — including years never loaded — follow the weekly rule.
 */
export interface WorkingCalendar {
  readonly days: ReadonlyMap<LocalDate, CalendarEntry>;
}

/** A suspension (挂起/暂停/延期) of a clock; `to: null` means it is still running. */
export interface Pause {
  readonly from: Date;
  readonly to: Date | null;
}

/**
 * Ten years without a single working day: no real calendar has that, so reaching it means the data is broken
 * (every day marked a holiday). Only idle days count, so a long amount on short working days still completes.
 */
const maxIdleDays = 3660;
const minuteMs = 60_000;

export function isWorkingDay(day: LocalDate | Date, calendar: WorkingCalendar): boolean {
  const date = typeof day === 'string' ? day : shanghaiDayOf(day);
  const entry = calendar.days.get(date);
  return entry ? entry.kind === 'workday' : !isWeekend(date);
}

/**
 * The n-th working day after `day` (n = 0: `day` itself when it is a working day, else the next one). For
 * rules counted in whole days, like "records are due within 10 working days of the activity".
 */
export function workingDayAfter(day: LocalDate, n: number, calendar: WorkingCalendar): LocalDate {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`a number of working days must be a whole number, got ${n}`);
  if (n === 0 && isWorkingDay(day, calendar)) return day;
  let current = day;
  let remaining = Math.max(n, 1);
  for (let idle = 0; idle < maxIdleDays; ) {
    current = addDays(current, 1);
    const working = isWorkingDay(current, calendar);
    idle = working ? 0 : idle + 1;
    if (working && --remaining === 0) return current;
  }
  throw noWorkingTime();
}

/** The working periods of one day as [start, end) in epoch milliseconds; none on a non-working day. */
function periodsOn(
  day: LocalDate,
  calendar: WorkingCalendar,
  periods: readonly MinutePeriod[],
): Array<[number, number]> {
  if (!isWorkingDay(day, calendar)) return [];
  const midnight = startOfDayMs(day);
  return periods.map((p) => [midnight + p.start * minuteMs, midnight + p.end * minuteMs]);
}

/**
 * The deadline for `minutes` of working time counted from `start`: the earliest instant by which that much
 * working time has passed. Time before the first working minute does not count, so a case filed on a
 * Saturday starts its clock on the next working morning. The result always lies inside a working period
 * (its end included), so it is never a night, a weekend or a holiday.
 */
export function addWorkingMinutes(start: Date, minutes: number, calendar: WorkingCalendar, hours: WorkingHours): Date {
  assertAmount(minutes);
  const periods = workingPeriodsOf(hours);
  const from = start.getTime();
  let remaining = Math.round(minutes * minuteMs);
  let day = shanghaiDayOf(start);
  for (let idle = 0; idle < maxIdleDays; day = addDays(day, 1)) {
    const working = periodsOn(day, calendar, periods);
    idle = working.length > 0 ? 0 : idle + 1;
    for (const [periodStart, periodEnd] of working) {
      if (periodEnd < from) continue;
      const begin = Math.max(periodStart, from);
      if (remaining <= periodEnd - begin) return new Date(begin + remaining);
      remaining -= periodEnd - begin;
    }
  }
  throw noWorkingTime();
}

/** A limit in 工作时. */
export function addWorkingHours(
  start: Date,
  hours: number,
  calendar: WorkingCalendar,
  workingHours: WorkingHours,
): Date {
  assertAmount(hours);
  return addWorkingMinutes(start, hours * 60, calendar, workingHours);
}

/**
 * A limit in 工作日, counted as n whole working days of working time: 2 工作日 from Friday 10:00 ends on
 * Tuesday 10:00. Counting in working minutes (rather than "end of the n-th day") keeps days, hours and
 * suspensions on one clock, so an SLA measured by workingMinutesBetween reaches exactly the limit.
 */
export function addWorkingDays(start: Date, days: number, calendar: WorkingCalendar, hours: WorkingHours): Date {
  assertAmount(days);
  return addWorkingMinutes(start, days * workingMinutesPerDay(hours), calendar, hours);
}

/**
 * Working minutes elapsed from `a` to `b`, less the working time inside `pauses` (what an SLA clock shows
 * for a case that was suspended). 0 when `b` is not after `a`. Fractions of a minute are kept.
 */
export function workingMinutesBetween(
  a: Date,
  b: Date,
  calendar: WorkingCalendar,
  hours: WorkingHours,
  pauses: readonly Pause[] = [],
): number {
  const from = a.getTime();
  const to = b.getTime();
  if (!(to > from)) return 0;
  const periods = workingPeriodsOf(hours);
  const paused = mergePauses(pauses, from, to);
  let total = 0;
  for (let day = shanghaiDayOf(a); startOfDayMs(day) < to; day = addDays(day, 1)) {
    for (const [periodStart, periodEnd] of periodsOn(day, calendar, periods)) {
      const begin = Math.max(periodStart, from);
      const end = Math.min(periodEnd, to);
      if (end > begin) total += end - begin - overlapWith(paused, begin, end);
    }
  }
  return total / minuteMs;
}

/** Pauses clipped to [from, to], sorted and merged, so overlapping suspensions are not subtracted twice. */
function mergePauses(pauses: readonly Pause[], from: number, to: number): Array<[number, number]> {
  const clipped = pauses
    .map((p): [number, number] => [Math.max(p.from.getTime(), from), Math.min(p.to?.getTime() ?? to, to)])
    .filter(([begin, end]) => end > begin)
    .sort((x, y) => x[0] - y[0]);
  const merged: Array<[number, number]> = [];
  for (const [begin, end] of clipped) {
    const last = merged.at(-1);
    if (last && begin <= last[1]) last[1] = Math.max(last[1], end);
    else merged.push([begin, end]);
  }
  return merged;
}

function overlapWith(intervals: ReadonlyArray<readonly [number, number]>, begin: number, end: number): number {
  let sum = 0;
  for (const [from, to] of intervals) sum += Math.max(0, Math.min(to, end) - Math.max(from, begin));
  return sum;
}

function assertAmount(amount: number): void {
  if (!Number.isFinite(amount) || amount < 0)
    throw new RangeError(`a working-time amount must be finite and not negative, got ${amount}`);
}

function noWorkingTime(): Error {
  return new Error('no working day within ten years: the calendar marks every day as a holiday');
}
