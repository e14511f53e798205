import { readOfficialCalendar } from './official-holidays.ts';
import type { LocalDate } from './shanghai-time.ts';
import type { CalendarEntry, WorkingCalendar } from './working-time.ts';

/** Test helpers: the official calendar as loadCalendar would build it, and Shanghai wall-clock instants. */
export function officialCalendar(extra: Iterable<[LocalDate, CalendarEntry]> = []): WorkingCalendar {
  const days = new Map<LocalDate, CalendarEntry>(
    readOfficialCalendar().rows.map((r) => [r.day, { kind: r.kind, name: r.name }]),
  );
  for (const [day, entry] of extra) days.set(day, entry);
  return { days };
}

/** '2026-02-13 17:00' in Asia/Shanghai. */
export function cst(wallClock: string): Date {
  return new Date(`${wallClock.replace(' ', 'T')}:00+08:00`);
}
