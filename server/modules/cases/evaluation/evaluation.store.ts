import { and, eq, type SQL, sql } from 'drizzle-orm';
import { casesCase } from '../../../db/schema/cases.ts';
import type { Db } from '../../../platform/db/database.ts';
import { type CaseVisibility, visibilityFilter } from '../cases.store.ts';
import { addRollupCounts, rollupServes, wholeMonths } from './evaluation-rollup.ts';
import { addEventCounts, addOverdueCounts, type CountsByKey, type Dimension, type GroupCounts, periodEvents, toGroups } from './evaluation-rows.ts';

export { type Dimension, dimensions, type GroupCounts } from './evaluation-rows.ts';

/**
 * The period [start, end) — Asia/Shanghai days from..to inclusive — and the instant the figures are taken.
 *
 * Definitions (one case can count in several of them):
 * - 上报数: reported_at in the period (every channel and outcome, 不予立案 and 合并 included).
 * - 立案数: registered_at in the period. registered_at is written once, when 受理 registers the case, and stays
 *   set through dispatch, handling and closing, so it counts every case that reached 立案 in the period.
 * - 应结案数: dispatched cases (handle_due_at set — rejected and merged cases never have one; a case returned
 *   by the department loses it until it is dispatched again) whose settling instant
 *   least(handle_due_at, closed_at) lies in [start, min(end, now)). A case is due in the period its 处置时限
 *   ends in, or in the period it was closed in when it closed before that deadline (early closings count
 *   where they happen, and nowhere else). Every case is due in exactly one period, so months add up to the
 *   quarter; deadlines that have not come yet are not due yet, so the running month is not understated.
 * - 结案数: of the 应结案, those closed now. A case due in March and closed late in April is March's 结案
 *   (not 按期) once it closes, so a past period's 结案率 can still rise while its stragglers close.
 * - 按期结案数: of the 结案, closed_on_time — the feedback came before the 处置时限 (verify-case.ts).
 * - 返工数: of the 结案, rework_count > 0 (at least one failed 核查). 返工率 = 返工数 / 结案数.
 * - 平均处置时长: of the 结案, working time from dispatched_at (the last dispatch) to handled_at (the last
 *   feedback, so rework time is in it), on the county's working calendar and working hours as they stood at
 *   the feedback: handling_minutes, written with handled_at (department-actions.ts; rows from before it was
 *   kept are filled in at start-up, handling-minutes.ts). 挂起 time is included: the row keeps no past
 *   suspension intervals to subtract.
 * - 满意度: the 回访 scores (1–5) of the 结案 that were rated; their count and sum.
 * - 超期未结: open cases whose running stage clock is past due now and not suspended (the list's `overdue`
 *   filter): a snapshot of now, not of the period.
 */
export interface EvaluationWindow {
  start: Date;
  end: Date;
  now: Date;
}

/**
 * One dimension's counts over the actor's cases. The period's whole months come from the month rollup
 * (cases_evaluation_month, kept exactly in step with the rows by a trigger); the days before and after them,
 * and any period the rollup cannot serve (village or own-reports scope), from the case rows, one indexed
 * range per event (evaluation-rows.ts). A month not over yet holds deadlines to come, which are not due yet:
 * those cases (settling instant from now to the month's end — open cases, a few thousand at most) are taken
 * away again. evaluation.rollup.test.ts holds the result to a plain recount from the rows.
 * JIT is off for these statements: compiling them costs ~100 ms, more than they take to run.
 */
export async function countByGroup(db: Db, countyCode: string, visibility: CaseVisibility, dimension: Dimension, w: EvaluationWindow): Promise<GroupCounts[]> {
  const scope = and(eq(casesCase.regionCode, countyCode), visibilityFilter(visibility)) as SQL;
  const counts: CountsByKey = new Map();
  await db.transaction(async (t) => {
    await t.execute(sql`set local jit = off`);
    const span = rollupServes(visibility) ? wholeMonths(w.start, w.end) : undefined;
    if (!span) {
      await addEventCounts(t, counts, scope, dimension, periodEvents(w.start, w.end, w.now));
    } else {
      await addRollupCounts(t, counts, countyCode, visibility, dimension, span);
      const notYetDue = { event: 'settled', from: new Date(Math.max(w.now.getTime(), span.start.getTime())), to: span.end } as const;
      await addEventCounts(t, counts, scope, dimension, [notYetDue], -1);
      await addEventCounts(t, counts, scope, dimension, [...periodEvents(w.start, span.start, w.now), ...periodEvents(span.end, w.end, w.now)]);
    }
    await addOverdueCounts(t, counts, scope, dimension, w.now);
  });
  return toGroups(counts, dimension);
}

/** The same figures from the case rows alone, whatever the scope: what the rollup must always agree with. */
export async function countByGroupFromRows(db: Db, countyCode: string, visibility: CaseVisibility, dimension: Dimension, w: EvaluationWindow): Promise<GroupCounts[]> {
  const scope = and(eq(casesCase.regionCode, countyCode), visibilityFilter(visibility)) as SQL;
  const counts: CountsByKey = new Map();
  await addEventCounts(db, counts, scope, dimension, periodEvents(w.start, w.end, w.now));
  await addOverdueCounts(db, counts, scope, dimension, w.now);
  return toGroups(counts, dimension);
}
