import { and, asc, eq, gt, isNotNull, isNull, sql } from 'drizzle-orm';
import { casesCase } from '../../db/schema/cases.ts';
import { casesDeadlineReminder } from '../../db/schema/cases-reminders.ts';
import type { Db } from '../../platform/db/database.ts';
import type { CaseScope } from './case-scope.ts';
import { caseScopeFilter } from './case-scope.store.ts';
import type { ScopedCase } from './cases.store.ts';

type Reminder = typeof casesDeadlineReminder.$inferInsert;

/**
 * Cases whose stage clock runs (not suspended, not yet due) and has not been reminded, soonest deadline first, a
 * page at a time (keyset on the deadline and id): the rule itself is working-time arithmetic, decided by the caller
 * (deadline-reminders.ts).
 */
export async function findUnremindedClocks(
  db: Db,
  regionCode: string,
  scope: CaseScope,
  now: Date,
  page: { after: { dueAt: Date; id: number } | null; limit: number },
): Promise<ScopedCase[]> {
  const reminded = sql`exists (select 1 from ${casesDeadlineReminder} r where r.region_code = ${casesCase.regionCode}
    and r.case_id = ${casesCase.id} and r.stage = ${casesCase.clockStage} and r.stage_started_at = ${casesCase.stageStartedAt})`;
  const rows = await db
    .select()
    .from(casesCase)
    .where(
      and(
        eq(casesCase.regionCode, regionCode),
        isNotNull(casesCase.clockStage),
        isNotNull(casesCase.stageStartedAt),
        gt(casesCase.stageDueAt, now),
        isNull(casesCase.suspendedAt),
        sql`not ${reminded}`,
        page.after
          ? sql`(${casesCase.stageDueAt}, ${casesCase.id}) > (${page.after.dueAt.toISOString()}::timestamptz, ${page.after.id})`
          : undefined,
        caseScopeFilter(scope),
      ),
    )
    .orderBy(asc(casesCase.stageDueAt), asc(casesCase.id))
    .limit(page.limit);
  return rows as ScopedCase[];
}

/** Records the reminder of one stage clock; false when it was already recorded (another run got there first). */
export async function recordReminder(db: Db, reminder: Reminder): Promise<boolean> {
  const rows = await db
    .insert(casesDeadlineReminder)
    .values(reminder)
    .onConflictDoNothing()
    .returning({ caseId: casesDeadlineReminder.caseId });
  return rows.length > 0;
}
