import { type SQL, sql } from 'drizzle-orm';
import { casesEvaluationMonth } from '../../../db/schema/cases-evaluation.ts';
import type { Db } from '../../../platform/db/database.ts';
import { queryOne, queryRows } from '../../../platform/db/rows.ts';
import { regionSubtree } from '../../../platform/regions/region-scope.sql.ts';
import type { CaseVisibility } from '../case-scope.ts';
import type { MonthSpan } from './evaluation-rollup.ts';
import { addInto, type CountsByKey, type Dimension } from './evaluation-rows.ts';

/** The trigger and SQL functions that keep these tables are declared, with why they stay in SQL, in rollup-triggers.ts. */
const m = casesEvaluationMonth;

const rollupColumns = sql.raw(
  'region_code, month, township_code, department, category_code, reported, registered, due, closed, closed_on_time, reworked, timed, handling_minutes, rated, satisfaction_sum',
);

/**
 * The rollup as of now: the folded months and the case changes not folded yet (foldEvaluationChanges), under the
 * month table's own name so its columns can be named as usual. Readers see a fold whole or not at all.
 */
export const liveRollup = sql`(select ${rollupColumns} from cases_evaluation_month union all select ${rollupColumns} from cases_evaluation_change) as ${m}`;

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

/**
 * Moves the county's appended case changes into cases_evaluation_month (cases_evaluation_fold, migration 0012)
 * and returns how many it moved. The figures do not change: readers count the changes until they are folded,
 * so this only keeps the change table small. Not audited: it moves derived counts, no record of anyone's.
 */
export async function foldEvaluationChanges(db: Db, countyCode: string): Promise<number> {
  const row = await queryOne<{ moved: number }>(db, sql`select cases_evaluation_fold(${countyCode}) as moved`);
  return Number(row?.moved ?? 0);
}
