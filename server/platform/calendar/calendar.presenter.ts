import type { CalendarDayDto } from './calendar.schema.ts';
import type { DayRows } from './load-calendar.ts';

/** The day in force, and — when the county overrides the State Council's day — what the notice says. */
export function presentCalendarDay({ day, effective, official }: DayRows): CalendarDayDto {
  const overridden = effective.source === 'local' && official !== undefined;
  return {
    date: day,
    kind: effective.kind,
    name: effective.name,
    source: effective.source,
    provisional: effective.provisional,
    official: overridden ? { kind: official.kind, name: official.name } : null,
  };
}
