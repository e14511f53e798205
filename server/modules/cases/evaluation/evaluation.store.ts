import { and, eq, type SQL, sql } from 'drizzle-orm';
import { casesCase } from '../../../db/schema/cases.ts';
import type { Db } from '../../../platform/db/database.ts';
import type { CaseVisibility } from '../case-scope.ts';
import { visibilityFilter } from '../case-scope.store.ts';
import { type MonthSpan, monthCover, rollupServes } from './evaluation-rollup.ts';
import { addRollupCounts } from './evaluation-rollup.store.ts';
import {
  type CountsByKey,
  type Dimension,
  type EventRange,
  type GroupCounts,
  periodEvents,
  toGroups,
} from './evaluation-rows.ts';
import { addEventCounts, addOverdueCounts } from './evaluation-rows.store.ts';

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
 * - 核实数: reports whose last 核实 on site (属实 or 不属实, report_verified_at) lies in the period — a report
 *   sent to 核实 again counts where its last answer lies, so it is counted once.
 * - 按时核实数: of the 核实, those answered no later than the 核实 clock's due time (the category's limit, else
 *   the county's default; verify-report.ts). 按时核实率 = 按时核实数 / 核实数.
 * - 超期未结: open cases whose running stage clock is past due now and not suspended (the list's `overdue`
 *   filter): a snapshot of now, not of the period.
 */
export interface EvaluationWindow {
  start: Date;
  end: Date;
  now: Date;
}

/**
 * One dimension's counts over the actor's cases. The period's months come from the month rollup
 * (cases_evaluation_month, kept exactly in step with the rows by a trigger): its whole months, and a month at
 * either end it mostly covers. The rollup holds a month's every event, so what lies outside the period is
 * taken away again from the case rows — the days of a covered month before or after the period, and the
 * deadlines still to come in a month not over yet (not due yet). The period's days outside those months, and
 * any period the rollup cannot serve (village or own-reports scope), are counted from the rows, one indexed
 * range per event (evaluation-rows.ts). evaluation.rollup.test.ts holds the result to a plain recount.
 * JIT is off for these statements: compiling them costs ~100 ms, more than they take to run.
 */
export async function countByGroup(
  db: Db,
  countyCode: string,
  visibility: CaseVisibility,
  dimension: Dimension,
  w: EvaluationWindow,
): Promise<GroupCounts[]> {
  const scope = and(eq(casesCase.regionCode, countyCode), visibilityFilter(visibility)) as SQL;
  const counts: CountsByKey = new Map();
  await db.transaction(async (t) => {
    await t.execute(sql`set local jit = off`);
    const cover = rollupServes(visibility) ? monthCover(w.start, w.end) : undefined;
    if (!cover) {
      await addEventCounts(t, counts, scope, dimension, periodEvents(w.start, w.end, w.now));
    } else {
      await addRollupCounts(t, counts, countyCode, visibility, dimension, cover);
      await addEventCounts(t, counts, scope, dimension, outsideThePeriod(cover, w), -1);
      const edges = [...periodEvents(w.start, cover.start, w.now), ...periodEvents(cover.end, w.end, w.now)];
      await addEventCounts(t, counts, scope, dimension, edges.filter(inRollup));
      // 核实 is not in the month rollup (a few reports, one indexed range): the whole period from the rows.
      await addEventCounts(t, counts, scope, dimension, [{ event: 'verified', from: w.start, to: w.end }]);
    }
    await addOverdueCounts(t, counts, scope, dimension, w.now);
  });
  return toGroups(counts, dimension);
}

/** The events cases_evaluation_month holds. */
const inRollup = (range: EventRange) => range.event !== 'verified';

/** What the covered months hold beyond the period: events before or after it, and settling instants after now. */
function outsideThePeriod(cover: MonthSpan, w: EvaluationWindow): EventRange[] {
  // The period's settling instants end at min(end, now); the cover's after that are not the period's (and
  // those before the cover's start are not in the rollup to take away).
  const settledUntil = new Date(
    Math.max(cover.start.getTime(), w.start.getTime(), Math.min(w.end.getTime(), w.now.getTime())),
  );
  return [
    ...(['reported', 'registered'] as const).flatMap((event) => [
      { event, from: cover.start, to: w.start },
      { event, from: w.end, to: cover.end },
    ]),
    { event: 'settled', from: cover.start, to: w.start },
    { event: 'settled', from: settledUntil, to: cover.end },
  ];
}

/** The same figures from the case rows alone, whatever the scope: what the rollup must always agree with. */
export async function countByGroupFromRows(
  db: Db,
  countyCode: string,
  visibility: CaseVisibility,
  dimension: Dimension,
  w: EvaluationWindow,
): Promise<GroupCounts[]> {
  const scope = and(eq(casesCase.regionCode, countyCode), visibilityFilter(visibility)) as SQL;
  const counts: CountsByKey = new Map();
  await addEventCounts(db, counts, scope, dimension, periodEvents(w.start, w.end, w.now));
  await addOverdueCounts(db, counts, scope, dimension, w.now);
  return toGroups(counts, dimension);
}
