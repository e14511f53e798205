import { loadCalendar, loadWorkingHours } from '../../platform/calendar/load-calendar.ts';
import { shanghaiYearOf } from '../../platform/calendar/shanghai-time.ts';
import { workingMinutesBetween } from '../../platform/calendar/working-time.ts';
import type { Ctx } from '../../platform/context.ts';
import type { NewCaseRow } from './cases.store.ts';
import { calendarArrays } from './evaluation/working-minutes.sql.ts';
import { anyCaseUnclocked, fillHandlingMinutes } from './handling-minutes.store.ts';
import type { WorkTime } from './sla.ts';

/**
 * 处置时长 of a case: working minutes from its (last) dispatch to its (last) feedback, on the calendar and
 * working hours in force at the feedback. Decided once, when the feedback is written, and kept on the row
 * (handling_minutes), so the 综合评价 adds a column instead of walking the calendar for every closed case.
 * A failed 核查 leaves it in place until the next feedback replaces it: only closed cases count it.
 */
export function handlingMinutesOf(dispatchedAt: Date | null, handledAt: Date, work: WorkTime): number | null {
  return dispatchedAt === null ? null : workingMinutesBetween(dispatchedAt, handledAt, work.calendar, work.hours);
}

/** What a transition knows when it decides (apply-action.ts's CaseEnv): the case before it and the working time. */
export interface TransitionFacts {
  row: { dispatchedAt: Date | null };
  work(): Promise<WorkTime>;
}

/** A transition that writes handled_at (the feedback) writes its handling minutes with it. */
export async function withHandlingMinutes(
  env: TransitionFacts,
  set: Partial<NewCaseRow> | undefined,
): Promise<Partial<NewCaseRow> | undefined> {
  const handledAt = set?.handledAt;
  if (!(handledAt instanceof Date)) return set;
  return {
    ...set,
    handlingMinutes: handlingMinutesOf(set?.dispatchedAt ?? env.row.dispatchedAt, handledAt, await env.work()),
  };
}

/**
 * Cases handled before handling_minutes was kept get it from the calendar in SQL (working-minutes.sql.ts,
 * the same result as workingMinutesBetween). Run at start-up; the partial index cases_case_unclocked_idx keeps
 * it a no-op once done. The rollup follows through its trigger.
 */
export async function backfillHandlingMinutes(ctx: Ctx): Promise<void> {
  if (!(await anyCaseUnclocked(ctx.db, ctx.countyCode))) return;
  const calendar = await loadCalendar(ctx.db, ctx.countyCode, 2000, shanghaiYearOf(ctx.clock()) + 2);
  const arrays = calendarArrays(calendar, await loadWorkingHours(ctx.db, ctx.countyCode));
  await fillHandlingMinutes(ctx.db, ctx.countyCode, arrays);
}
