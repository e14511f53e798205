import { addDays, type LocalDate, shanghaiDayOf, startOfDayMs } from '../../../platform/calendar/shanghai-time.ts';
import type { CaseVisibility } from '../case-scope.ts';

/** Length of a township code: the rollup's finest place. A county or township scope is a prefix of it. */
const townshipCodeLength = 9;

/**
 * The rollup (cases_evaluation_month plus the changes not yet folded into it) holds every case by township, department and
 * category, so it answers a county or township scope, narrowed or not to a department. A village scope or
 * an own-reports scope needs the case rows.
 */
export function rollupServes(visibility: CaseVisibility): boolean {
  return visibility.reporterId === null && visibility.region.length <= townshipCodeLength;
}

export interface MonthSpan {
  /** First day of the first month, and the first day after the last one (Asia/Shanghai). */
  from: LocalDate;
  to: LocalDate;
  start: Date;
  end: Date;
}

function firstOfMonth(day: LocalDate): LocalDate {
  return `${day.slice(0, 8)}01`;
}

function nextMonth(first: LocalDate): LocalDate {
  return firstOfMonth(addDays(first, 31));
}

/**
 * The months the rollup is read for: every whole Asia/Shanghai month of [start, end), and a month at either
 * end that the period covers more than half of — its days outside the period are then taken away, fewer rows
 * than adding the days inside. Undefined when no month qualifies (the period is counted from the rows).
 */
export function monthCover(start: Date, end: Date): MonthSpan | undefined {
  const mostlyInside = (first: LocalDate) => {
    const monthStart = startOfDayMs(first);
    const monthEnd = startOfDayMs(nextMonth(first));
    return 2 * (Math.min(monthEnd, end.getTime()) - Math.max(monthStart, start.getTime())) > monthEnd - monthStart;
  };
  let from = firstOfMonth(shanghaiDayOf(start));
  if (!mostlyInside(from)) from = nextMonth(from);
  let to = from;
  while (startOfDayMs(to) < end.getTime() && mostlyInside(to)) to = nextMonth(to);
  if (to === from) return undefined;
  return { from, to, start: new Date(startOfDayMs(from)), end: new Date(startOfDayMs(to)) };
}
