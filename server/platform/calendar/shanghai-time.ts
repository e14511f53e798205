/**
 * Calendar dates and wall-clock times in Asia/Shanghai, computed from UTC instants. China Standard Time has
 * been UTC+8 all year since daylight saving ended in 1991, so a fixed offset is exact for every date the
 * platform handles and needs no time-zone database.
 */
export const shanghaiOffsetMs = 8 * 3_600_000;
export const dayMs = 86_400_000;

/** A calendar date, 'YYYY-MM-DD'. */
export type LocalDate = string;

const localDatePattern = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real date in 'YYYY-MM-DD' form (2026-02-30 is not one). */
export function isLocalDate(text: string): boolean {
  const match = localDatePattern.exec(text);
  if (!match) return false;
  const utc = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  return new Date(utc).toISOString().slice(0, 10) === text;
}

/** Milliseconds since the epoch at 00:00 Shanghai time on `day`. */
export function startOfDayMs(day: LocalDate): number {
  const match = localDatePattern.exec(day);
  if (!match) throw new RangeError(`not a date: ${JSON.stringify(day)}`);
  return Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) - shanghaiOffsetMs;
}

/** The Shanghai calendar date an instant falls on. */
export function shanghaiDayOf(instant: Date | number): LocalDate {
  const ms = typeof instant === 'number' ? instant : instant.getTime();
  return new Date(ms + shanghaiOffsetMs).toISOString().slice(0, 10);
}

export function addDays(day: LocalDate, days: number): LocalDate {
  return shanghaiDayOf(startOfDayMs(day) + days * dayMs);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(day: LocalDate): number {
  return new Date(startOfDayMs(day) + shanghaiOffsetMs).getUTCDay();
}

export function isWeekend(day: LocalDate): boolean {
  const weekday = weekdayOf(day);
  return weekday === 0 || weekday === 6;
}

export function yearOf(day: LocalDate): number {
  return Number(day.slice(0, 4));
}

/** The Shanghai year an instant falls in. */
export function shanghaiYearOf(instant: Date): number {
  return yearOf(shanghaiDayOf(instant));
}
