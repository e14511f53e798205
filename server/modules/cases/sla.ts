import type { ClockStage } from '../../db/schema/cases.ts';
import {
  addWorkingDays,
  addWorkingHours,
  addWorkingMinutes,
  type WorkingCalendar,
  workingMinutesBetween,
} from '../../platform/calendar/working-time.ts';
import type { WorkingHours } from '../../platform/calendar/working-hours.ts';
import type { CasesPolicy, StageLimit } from './case-policy.ts';

/** The calendar data every clock computation needs, loaded once per request. */
export interface WorkTime {
  calendar: WorkingCalendar;
  hours: WorkingHours;
}

/** A catalogue limit row as the clock needs it (cases_stage_limit). */
export interface CodeLimit extends StageLimit {
  stage: string;
  step: string;
}

export interface StageDeadline {
  step: string;
  dueAt: Date;
}

/**
 * The steps of a stage with their deadlines. A code's own limits win over the county default; a staged
 * stage (私搭乱建: 停工 4 工作时 → 处罚 7 工作日 → 拆除 20 工作日, anchors §3.3) counts each step from the end
 * of the one before, so the stage is due when its last step is.
 */
export function stageDeadlines(
  start: Date,
  stage: ClockStage,
  codeLimits: readonly CodeLimit[],
  policy: CasesPolicy,
  work: WorkTime,
): StageDeadline[] {
  const own = codeLimits.filter((l) => l.stage === stage);
  const steps = own.length > 0 ? own : [{ ...policy.defaultLimits[stage], stage, step: 'whole' }];
  const deadlines: StageDeadline[] = [];
  let from = start;
  for (const step of steps) {
    from = addLimit(from, step, work);
    deadlines.push({ step: step.step, dueAt: from });
  }
  return deadlines;
}

export function stageDueAt(
  start: Date,
  stage: ClockStage,
  codeLimits: readonly CodeLimit[],
  policy: CasesPolicy,
  work: WorkTime,
): Date {
  const deadlines = stageDeadlines(start, stage, codeLimits, policy, work);
  return (deadlines[deadlines.length - 1] as StageDeadline).dueAt;
}

export function addLimit(start: Date, limit: StageLimit, work: WorkTime): Date {
  return limit.unit === 'working_days'
    ? addWorkingDays(start, limit.amount, work.calendar, work.hours)
    : addWorkingHours(start, limit.amount, work.calendar, work.hours);
}

/**
 * Working minutes left on a clock at `now`; negative when it is overdue. 挂起 keeps this number and restarts
 * the clock from it on resume, so suspended time never counts against the handler.
 */
export function remainingMinutes(now: Date, dueAt: Date, work: WorkTime): number {
  if (dueAt >= now) return Math.round(workingMinutesBetween(now, dueAt, work.calendar, work.hours));
  return -Math.round(workingMinutesBetween(dueAt, now, work.calendar, work.hours));
}

/** The deadline after a resume: the minutes that were left, counted from now (an overdue clock stays overdue). */
export function resumedDueAt(now: Date, remaining: number, work: WorkTime): Date {
  if (remaining > 0) return addWorkingMinutes(now, remaining, work.calendar, work.hours);
  return new Date(now.getTime() + remaining * 60_000);
}

/** Working hours past the deadline (0 when not overdue). */
export function overdueWorkingHours(now: Date, dueAt: Date, work: WorkTime): number {
  if (now <= dueAt) return 0;
  return workingMinutesBetween(dueAt, now, work.calendar, work.hours) / 60;
}

/** The 督办 step a case should have reached: the highest rung whose overdue threshold has passed. */
export function escalationLevelFor(
  now: Date,
  dueAt: Date | null,
  work: WorkTime,
  ladder: CasesPolicy['escalationLadder'],
): number {
  if (!dueAt || now <= dueAt) return 0;
  const hours = overdueWorkingHours(now, dueAt, work);
  return ladder.reduce(
    (level, rung) => (hours >= rung.overdueWorkingHours && rung.level > level ? rung.level : level),
    0,
  );
}
