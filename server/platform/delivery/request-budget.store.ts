import { and, eq, lt, sql } from 'drizzle-orm';
import { requestBudget } from '../../db/schema/delivery.ts';
import type { Db } from '../db/database.ts';
import { queryRows } from '../db/rows.ts';

/** A budget after spending: what it has used in the window that started at `windowStart`. */
export interface SpentBudget {
  subject: string;
  used: number;
  windowStart: Date;
}

/**
 * Adds `units` to every subject's budget in one statement; a budget whose window started at or before
 * `windowExpiredAt` starts again at `now` with just these units.
 */
export async function addToBudgets(
  db: Db,
  regionCode: string,
  spend: { subjects: readonly string[]; units: number; now: Date; windowExpiredAt: Date },
): Promise<SpentBudget[]> {
  const { subjects, units, now } = spend;
  const expired = spend.windowExpiredAt.toISOString();
  const values = sql.join(
    subjects.map((subject) => sql`(${regionCode}, ${subject}, ${now.toISOString()}::timestamptz, ${units}::int)`),
    sql`, `,
  );
  const rows = await queryRows<{ subject: string; used: number; window_start: string | Date }>(
    db,
    sql`insert into request_budget as b (region_code, subject, window_start, used) values ${values}
      on conflict (region_code, subject) do update set
        used = case when b.window_start <= ${expired}::timestamptz then excluded.used else b.used + excluded.used end,
        window_start = case when b.window_start <= ${expired}::timestamptz then excluded.window_start else b.window_start end
      returning b.subject, b.used, b.window_start`,
  );
  return rows.map((row) => ({ subject: row.subject, used: Number(row.used), windowStart: new Date(row.window_start) }));
}

/** Removes a county's budgets whose window started before `before`; answers how many went. */
export async function deleteBudgetsBefore(db: Db, regionCode: string, before: Date): Promise<number> {
  const rows = await db
    .delete(requestBudget)
    .where(and(eq(requestBudget.regionCode, regionCode), lt(requestBudget.windowStart, before)))
    .returning({ subject: requestBudget.subject });
  return rows.length;
}
