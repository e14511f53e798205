import { shanghaiOffsetMs } from '../calendar/shanghai-time.ts';
import type { Ctx } from '../context.ts';
import { tx } from '../db/tx.ts';
import { emitEvent } from '../delivery/outbox.ts';
import type { PeriodicJob } from '../jobs/periodic.ts';
import { readSetting } from '../settings/settings.store.ts';
import { recordAudit } from './audit.ts';
import { actorsAlertedSince, type RevealRow, revealsBetween } from './reveal-alerts.store.ts';

/**
 * AUD-06 alert rule (等保 2.0 L3 安全审计: 对审计记录进行分析并对异常行为告警): a person who reveals many personal
 * values in a short time, or reveals them at night, is reported to the audit and security administrators.
 * Kept in `app_setting` under `audit.reveal_alerts`; out-of-range values fall back to the defaults.
 */
export interface RevealAlertSettings {
  /** The sliding window counted, minutes. */
  windowMinutes: number;
  /** More reveals than this in one window raise the 'volume' rule. */
  maxRevealsPerWindow: number;
  /** Night in Asia/Shanghai wall-clock time, 'HH:MM'; the window may wrap midnight. */
  nightStart: string;
  nightEnd: string;
  /** This many reveals at night in one window raise the 'night' rule. */
  nightMinimum: number;
}

export type RevealAlertRule = 'volume' | 'night';

export const revealAlertSettingKey = 'audit.reveal_alerts';
export const defaultRevealAlertSettings: RevealAlertSettings = {
  windowMinutes: 60,
  maxRevealsPerWindow: 30,
  nightStart: '22:00',
  nightEnd: '06:00',
  nightMinimum: 1,
};
export const alertEventType = 'audit.reveal_alert';

const inRange = (value: unknown, min: number, max: number): value is number =>
  typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max;
const wallClock = (value: unknown): value is string =>
  typeof value === 'string' && /^([01]\d|2[0-3]):[0-5]\d$/.test(value);

export async function loadRevealAlertSettings(ctx: Ctx): Promise<RevealAlertSettings> {
  const saved = (await readSetting<Partial<RevealAlertSettings>>(ctx.db, ctx.countyCode, revealAlertSettingKey)) ?? {};
  const d = defaultRevealAlertSettings;
  return {
    windowMinutes: inRange(saved.windowMinutes, 10, 1440) ? saved.windowMinutes : d.windowMinutes,
    maxRevealsPerWindow: inRange(saved.maxRevealsPerWindow, 1, 100_000)
      ? saved.maxRevealsPerWindow
      : d.maxRevealsPerWindow,
    nightStart: wallClock(saved.nightStart) ? saved.nightStart : d.nightStart,
    nightEnd: wallClock(saved.nightEnd) ? saved.nightEnd : d.nightEnd,
    nightMinimum: inRange(saved.nightMinimum, 1, 100_000) ? saved.nightMinimum : d.nightMinimum,
  };
}

const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** Whether an instant falls in the night window, in Shanghai wall-clock time (UTC+8 all year). */
export function isNight(instant: Date, settings: Pick<RevealAlertSettings, 'nightStart' | 'nightEnd'>): boolean {
  const local = new Date(instant.getTime() + shanghaiOffsetMs);
  const minute = local.getUTCHours() * 60 + local.getUTCMinutes();
  const [start, end] = [minutesOf(settings.nightStart), minutesOf(settings.nightEnd)];
  return start <= end ? minute >= start && minute < end : minute >= start || minute < end;
}

export interface RevealAlert {
  actor: string;
  count: number;
  nightCount: number;
  rule: RevealAlertRule;
}

/** Pure: the alerts the reveals of one window call for, one per actor ('volume' first when both rules hold). */
export function revealAlertsOf(reveals: readonly RevealRow[], settings: RevealAlertSettings): RevealAlert[] {
  const byActor = new Map<string, { count: number; nightCount: number }>();
  for (const reveal of reveals) {
    const tally = byActor.get(reveal.actorId) ?? { count: 0, nightCount: 0 };
    tally.count += 1;
    if (isNight(reveal.occurredAt, settings)) tally.nightCount += 1;
    byActor.set(reveal.actorId, tally);
  }
  const alerts: RevealAlert[] = [];
  for (const [actor, { count, nightCount }] of byActor) {
    const rule = count > settings.maxRevealsPerWindow ? 'volume' : nightCount >= settings.nightMinimum ? 'night' : null;
    if (rule) alerts.push({ actor, count, nightCount, rule });
  }
  return alerts.sort((a, b) => a.actor.localeCompare(b.actor));
}

/** 'YYYY-MM-DD HH:MM–HH:MM' in Shanghai time: what the alert's reader sees as the window. */
export function windowLabel(from: Date, to: Date): string {
  const local = (d: Date) => new Date(d.getTime() + shanghaiOffsetMs).toISOString();
  return `${local(from).slice(0, 10)} ${local(from).slice(11, 16)}–${local(to).slice(11, 16)}`;
}

/**
 * Every 10 minutes: counts each person's reveals in the last window and raises an alert for whoever crosses a
 * rule, at most one per person per window (an alert already in the trail for that person within the window
 * holds the next one back). Each alert is an audit row and an `audit.reveal_alert` event; neither carries a
 * revealed value or the records revealed — the auditor follows the trail. Returns how many alerts it raised.
 */
export async function raiseRevealAlerts(ctx: Ctx): Promise<number> {
  const to = ctx.clock();
  const settings = await loadRevealAlertSettings(ctx);
  const from = new Date(to.getTime() - settings.windowMinutes * 60_000);
  const alerts = revealAlertsOf(await revealsBetween(ctx.db, ctx.countyCode, from, to), settings);
  if (alerts.length === 0) return 0;
  return tx(ctx, async (t) => {
    const already = await actorsAlertedSince(t.db, t.countyCode, alertEventType, from);
    const fresh = alerts.filter((a) => !already.has(a.actor));
    for (const alert of fresh) await recordAlert(t, alert, { from, to }, settings);
    return fresh.length;
  });
}

async function recordAlert(t: Ctx, alert: RevealAlert, span: { from: Date; to: Date }, settings: RevealAlertSettings) {
  const window = windowLabel(span.from, span.to);
  await recordAudit(t, {
    eventType: alertEventType,
    action: 'alert',
    reasonCode: alert.rule,
    objectType: 'user',
    objectId: alert.actor,
    details: {
      rule: alert.rule,
      count: alert.count,
      nightCount: alert.nightCount,
      from: span.from.toISOString(),
      to: span.to.toISOString(),
      limit: alert.rule === 'volume' ? settings.maxRevealsPerWindow : settings.nightMinimum,
    },
  });
  await emitEvent(t, {
    topic: alertEventType,
    objectType: 'user',
    objectId: alert.actor,
    payload: { actor: alert.actor, count: alert.count, window, rule: alert.rule },
  });
}

export const revealAlertsJob: PeriodicJob = {
  name: 'audit.reveal-alerts',
  everyMs: 10 * 60_000,
  run: raiseRevealAlerts,
};
