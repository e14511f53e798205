import type { ClockStage } from '../../db/schema/cases.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { workingMinutesBetween } from '../../platform/calendar/working-time.ts';
import type { Ctx } from '../../platform/context.ts';
import { tx } from '../../platform/db/tx.ts';
import { emitEvent } from '../../platform/delivery/outbox.ts';
import type { PeriodicJob } from '../../platform/jobs/periodic.ts';
import { readSetting } from '../../platform/settings/settings.store.ts';
import { loadWorkTime } from './case-setup.ts';
import { CaseScope } from './case-scope.ts';
import type { ScopedCase } from './cases.store.ts';
import { findUnremindedClocks, recordReminder } from './deadline-reminders.store.ts';
import { remainingMinutes, type WorkTime } from './sla.ts';

/**
 * When a handler is reminded: in the last `fraction` of the stage's working time, but never later than
 * `minWorkingMinutes` before the deadline (20% of the 2-hour 派遣 limit would be 24 minutes: too late to act).
 * Kept in `app_setting` under `cases.deadline_reminder`; out-of-range values fall back to the defaults.
 */
export interface ReminderSettings {
  fraction: number;
  minWorkingMinutes: number;
}

export const reminderSettingKey = 'cases.deadline_reminder';
export const defaultReminderSettings: ReminderSettings = { fraction: 0.2, minWorkingMinutes: 60 };

export async function loadReminderSettings(ctx: Ctx): Promise<ReminderSettings> {
  const saved = (await readSetting<Partial<ReminderSettings>>(ctx.db, ctx.countyCode, reminderSettingKey)) ?? {};
  const { fraction, minWorkingMinutes } = saved;
  const d = defaultReminderSettings;
  return {
    fraction: typeof fraction === 'number' && fraction > 0 && fraction < 1 ? fraction : d.fraction,
    minWorkingMinutes:
      typeof minWorkingMinutes === 'number' && minWorkingMinutes >= 0 && minWorkingMinutes <= 60 * 24
        ? minWorkingMinutes
        : d.minWorkingMinutes,
  };
}

/**
 * Working minutes left when a reminder is due: the larger of the stage's last `fraction` and `minWorkingMinutes`.
 * The stage's working time is measured from its start to its deadline as they stand, so an approved 延期 widens it.
 */
export function reminderLeadMinutes(startedAt: Date, dueAt: Date, work: WorkTime, settings: ReminderSettings): number {
  const limit = workingMinutesBetween(startedAt, dueAt, work.calendar, work.hours);
  return Math.max(settings.minWorkingMinutes, Math.round(limit * settings.fraction));
}

/** Pure: whether a running clock's deadline is near at `now` (an overdue clock is the 督办 sweep's, not this). */
export function deadlineNear(now: Date, startedAt: Date, dueAt: Date, work: WorkTime, settings: ReminderSettings) {
  if (dueAt <= now) return false;
  const left = remainingMinutes(now, dueAt, work);
  if (left <= settings.minWorkingMinutes) return true;
  // A stage's working time is at most its calendar time: more left than that share is not near, so most running
  // clocks are decided here without measuring the whole stage in working time.
  const calendarMinutes = (dueAt.getTime() - startedAt.getTime()) / 60_000;
  if (left > Math.ceil(settings.fraction * calendarMinutes)) return false;
  return left <= reminderLeadMinutes(startedAt, dueAt, work, settings);
}

/**
 * Every 5 minutes: each running stage clock whose deadline is near gets one reminder — a row in
 * cases_deadline_reminder (the key is the case and its stage clock, so a second run or process adds nothing),
 * an audit row and `case.deadline_near` for the notifier (notify: a to-do for whoever works the stage).
 * A new stage, or the same stage started again (返工), is a new clock. Returns how many reminders it sent.
 */
export async function remindNearDeadlines(ctx: Ctx, pageSize = 500): Promise<number> {
  const now = ctx.clock();
  const [work, settings] = [await loadWorkTime(ctx), await loadReminderSettings(ctx)];
  const scope = CaseScope.countyWide('deadline-reminders');
  let sent = 0;
  let after: { dueAt: Date; id: number } | null = null;
  for (;;) {
    const page = await findUnremindedClocks(ctx.db, ctx.countyCode, scope, now, { after, limit: pageSize });
    for (const row of page) {
      const { clockStage: stage, stageStartedAt: startedAt, stageDueAt: dueAt } = row;
      if (!stage || !startedAt || !dueAt || !deadlineNear(now, startedAt, dueAt, work, settings)) continue;
      if (await remind(ctx, row, { stage, startedAt, dueAt, left: remainingMinutes(now, dueAt, work) })) sent += 1;
    }
    const last = page.at(-1);
    if (!last?.stageDueAt || page.length < pageSize) return sent;
    after = { dueAt: last.stageDueAt, id: last.id };
  }
}

interface RunningClock {
  stage: ClockStage;
  startedAt: Date;
  dueAt: Date;
  left: number;
}

function remind(ctx: Ctx, row: ScopedCase, clock: RunningClock): Promise<boolean> {
  return tx(ctx, async (t) => {
    const fresh = await recordReminder(t.db, {
      regionCode: t.countyCode,
      caseId: row.id,
      stage: clock.stage,
      stageStartedAt: clock.startedAt,
      dueAt: clock.dueAt,
      remindedAt: t.clock(),
    });
    if (!fresh) return false;
    const deadline = clock.dueAt.toISOString();
    await recordAudit(t, {
      eventType: 'cases.deadline_near',
      action: 'remind',
      objectType: 'case',
      objectId: row.caseNo,
      details: { stage: clock.stage, deadline, workingMinutesLeft: clock.left },
    });
    await emitEvent(t, {
      topic: 'case.deadline_near',
      objectType: 'case',
      objectId: row.caseNo,
      payload: { stage: clock.stage, deadline, department: row.department },
    });
    return true;
  });
}

export const deadlineRemindersJob: PeriodicJob = {
  name: 'cases.deadline-reminders',
  everyMs: 5 * 60_000,
  run: (ctx) => remindNearDeadlines(ctx),
};
