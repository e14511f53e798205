import { type SQL, sql } from 'drizzle-orm';
import { casesEvaluationMonth } from '../../../db/schema/cases-evaluation.ts';
import { addDays, type LocalDate, shanghaiDayOf, startOfDayMs } from '../../../platform/calendar/shanghai-time.ts';
import type { Db } from '../../../platform/db/database.ts';
import { queryRows } from '../../../platform/db/rows.ts';
import { regionSubtree } from '../../../platform/regions/region-scope.sql.ts';
import type { CaseVisibility } from '../case-scope.ts';
import { addInto, type CountsByKey, type Dimension } from './evaluation-rows.ts';

const m = casesEvaluationMonth;

const rollupColumns = sql.raw(
  'region_code, month, township_code, department, category_code, reported, registered, due, closed, closed_on_time, reworked, timed, handling_minutes, rated, satisfaction_sum',
);

/**
 * The rollup as of now: the folded months and the case changes not folded yet (evaluation-fold.ts), under the
 * month table's own name so its columns can be named as usual. Readers see a fold whole or not at all.
 */
export const liveRollup = sql`(select ${rollupColumns} from cases_evaluation_month union all select ${rollupColumns} from cases_evaluation_change) as ${m}`;

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

const groupKey: Record<Dimension, SQL> = {
  township: sql`${m.townshipCode}`,
  department: sql`nullif(${m.department}, '')`,
  category: sql`${m.categoryCode}`,
  month: sql`to_char(${m.month}, 'YYYY-MM')`,
};

/** Adds the rollup's months [span.from, span.to) for the actor's scope into `into`, by the dimension. */
export async function addRollupCounts(
  db: Db,
  into: CountsByKey,
  countyCode: string,
  visibility: CaseVisibility,
  dimension: Dimension,
  span: MonthSpan,
): Promise<void> {
  const department = visibility.department === null ? sql`` : sql` and ${m.department} = ${visibility.department}`;
  const rows = await queryRows<Record<string, unknown>>(
    db,
    sql`select ${groupKey[dimension]} as "key",
          sum(${m.reported})::int8 as "reported", sum(${m.registered})::int8 as "registered", sum(${m.due})::int8 as "due",
          sum(${m.closed})::int8 as "closed", sum(${m.closedOnTime})::int8 as "closedOnTime", sum(${m.reworked})::int8 as "reworked",
          sum(${m.timed})::int8 as "timed", sum(${m.handlingMinutes})::float8 as "handlingMinutes", sum(${m.rated})::int8 as "rated",
          sum(${m.satisfactionSum})::int8 as "satisfactionSum"
        from ${liveRollup}
        where ${m.regionCode} = ${countyCode} and ${m.month} >= ${span.from} and ${m.month} < ${span.to}
          and ${regionSubtree(m.townshipCode, visibility.region)}${department}
        group by 1
        having sum(${m.reported}) <> 0 or sum(${m.registered}) <> 0 or sum(${m.due}) <> 0`,
  );
  for (const row of rows) addInto(into, row);
}
