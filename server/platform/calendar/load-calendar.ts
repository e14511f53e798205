import type { Db } from '../db/database.ts';
import { readSetting } from '../settings/settings.store.ts';
import { type CalendarDayRow, listCalendarDays } from './calendar.store.ts';
import type { LocalDate } from './shanghai-time.ts';
import { defaultWorkingHours, parseWorkingHours, type WorkingHours } from './working-hours.ts';
import type { CalendarEntry, WorkingCalendar } from './working-time.ts';

export const workingHoursSettingKey = 'calendar.working_hours';

/** A day's rows, official and local, with the one in force: the county's local row wins. */
export interface DayRows {
  day: LocalDate;
  effective: CalendarDayRow;
  official: CalendarDayRow | undefined;
}

/** Groups rows (ordered by day) by day and picks the row in force for each. */
export function groupDayRows(rows: readonly CalendarDayRow[]): DayRows[] {
  const byDay = new Map<LocalDate, { local?: CalendarDayRow; official?: CalendarDayRow }>();
  for (const row of rows) {
    const entry = byDay.get(row.day) ?? {};
    entry[row.source] = row;
    byDay.set(row.day, entry);
  }
  return [...byDay].map(([day, { local, official }]) => ({ day, effective: (local ?? official)!, official }));
}

/**
 * The county's working calendar for whole years [fromYear, toYear], for time-limit computations in any module
 * (pass it to the functions of working-time.ts). Load a year beyond the last deadline you expect: days outside
 * the loaded years follow the plain Monday–Friday rule.
 */
export async function loadCalendar(
  db: Db,
  countyCode: string,
  fromYear: number,
  toYear: number,
): Promise<WorkingCalendar> {
  const rows = await listCalendarDays(db, countyCode, `${fromYear}-01-01`, `${toYear}-12-31`);
  const days = new Map<LocalDate, CalendarEntry>();
  for (const { day, effective } of groupDayRows(rows)) days.set(day, { kind: effective.kind, name: effective.name });
  return { days };
}

/** The county's working hours, or the default when none were saved (or the saved ones are unusable). */
export async function loadWorkingHours(db: Db, countyCode: string): Promise<WorkingHours> {
  const saved = await readSetting<WorkingHours>(db, countyCode, workingHoursSettingKey);
  return saved && parseWorkingHours(saved) ? saved : defaultWorkingHours;
}
