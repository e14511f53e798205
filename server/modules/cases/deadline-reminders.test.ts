import { beforeAll, describe, expect, it } from 'vitest';
import { defaultWorkingHours } from '../../platform/calendar/working-hours.ts';
import { runDueJobs, runnerFor } from '../../platform/jobs/run-due.ts';
import { notifyOutboxJob } from '../../platform/notify/notify.module.ts';
import { writeSetting } from '../../platform/settings/settings.store.ts';
import { useTestApp } from '../../testing/test-app.ts';
import { signIn } from '../../testing/test-auth.ts';
import { casesManifest } from './cases.module.ts';
import { caseHttp, prepareCases, reportBody, xiayang } from './cases.test-support.ts';
import {
  deadlineNear,
  defaultReminderSettings,
  loadReminderSettings,
  reminderLeadMinutes,
  remindNearDeadlines,
} from './deadline-reminders.ts';
import type { WorkTime } from './sla.ts';

/** 2026-03-02 is a Monday. Working hours 08:00–12:00 / 14:30–17:30 Shanghai (UTC+8). */
const shanghai = (local: string) => new Date(`${local}+08:00`);

describe('deadline reminders for handlers (case.deadline_near)', () => {
  const t = useTestApp();
  const { post } = caseHttp(t);
  const remind = () => remindNearDeadlines(t.db.ctx({ clock: t.clock }));
  const events = () =>
    t.db.database.query<{ object_id: string; payload: Record<string, unknown> }>(
      `select object_id, payload from outbox_event where topic = 'case.deadline_near' order by id`,
    );
  const audits = () =>
    t.db.database.query<{ object_id: string; action: string; details: Record<string, unknown> }>(
      `select object_id, action, details from audit_event where event_type = 'cases.deadline_near' order by seq`,
    );
  const people = async () => ({
    dispatcher: await signIn(t.app, { roles: ['dispatcher'] }),
    inspector: await signIn(t.app, { roles: ['inspector'], scopeRegion: xiayang }),
  });
  let waiting: string;
  let dispatched: string;

  beforeAll(async () => {
    await prepareCases(t);
    t.clock.set(shanghai('2026-03-02T09:00:00'));
    const who = await people();
    waiting = (await post('/api/cases', who.inspector, await reportBody())).json().caseNo;
    dispatched = (await post('/api/cases', who.inspector, await reportBody())).json().caseNo;
    const view = (await post(`/api/cases/${dispatched}/register`, who.dispatcher, { revision: 0 })).json();
    await post(`/api/cases/${dispatched}/dispatch`, who.dispatcher, {
      revision: view.revision,
      department: 'chengguan',
    });
  });

  it('受理 (3.5 working hours, due 15:00): nothing at 11:29, one reminder at 11:30 (60 working minutes left), once', async () => {
    t.clock.set(shanghai('2026-03-02T11:29:00'));
    expect(await remind()).toBe(0);
    t.clock.set(shanghai('2026-03-02T11:30:00'));
    expect(await remind()).toBe(1);
    expect(await remind()).toBe(0);
    expect(await events()).toEqual([
      { object_id: waiting, payload: { stage: 'register', deadline: '2026-03-02T07:00:00.000Z', department: null } },
    ]);
    expect(await audits()).toEqual([
      {
        object_id: waiting,
        action: 'remind',
        details: { stage: 'register', deadline: '2026-03-02T07:00:00.000Z', workingMinutesLeft: 60 },
      },
    ]);
  });

  it('处置 (3 working days, due Thursday 09:00): the last 20% = 252 working minutes, from Wednesday 11:48', async () => {
    t.clock.set(shanghai('2026-03-04T11:47:00'));
    expect(await remind()).toBe(0);
    t.clock.set(shanghai('2026-03-04T11:48:00'));
    expect(await remind()).toBe(1);
    t.clock.advanceMinutes(5);
    expect(await remind()).toBe(0);
    expect((await events()).at(-1)).toEqual({
      object_id: dispatched,
      payload: { stage: 'handle', deadline: '2026-03-05T01:00:00.000Z', department: 'chengguan' },
    });
    // The first case's 受理 deadline passed on Monday: overdue is the 督办 sweep's, never a reminder.
    expect((await events()).filter((e) => e.object_id === waiting)).toHaveLength(1);
  });

  it("the reminder reaches the department's handlers as a to-do in their inbox (the notifier)", async () => {
    const handler = await signIn(t.app, { roles: ['department'], department: 'chengguan' });
    const elsewhere = await signIn(t.app, { roles: ['department'], department: 'huanwei' });
    t.clock.advanceMinutes(2);
    await notifyOutboxJob.run(t.db.ctx({ clock: t.clock }));
    const inbox = async (who: typeof handler) =>
      (await t.app.inject({ method: 'GET', url: '/api/inbox', headers: who.headers })).json().items;
    expect(await inbox(handler)).toEqual([
      expect.objectContaining({ kind: 'todo', objectType: 'case', objectId: dispatched, doneAt: null }),
    ]);
    expect(await inbox(elsewhere)).toEqual([]);
  });

  it('a new stage is a new clock: registering the waiting case starts 派遣 (2 working hours), reminded again', async () => {
    t.clock.set(shanghai('2026-03-04T14:30:00'));
    const { dispatcher } = await people();
    await post(`/api/cases/${waiting}/register`, dispatcher, { revision: 0 });
    t.clock.set(shanghai('2026-03-04T15:29:00'));
    expect(await remind()).toBe(0);
    t.clock.set(shanghai('2026-03-04T15:30:00'));
    expect(await remind()).toBe(1);
    expect(await remind()).toBe(0);
    expect((await events()).at(-1)).toEqual({
      object_id: waiting,
      payload: { stage: 'dispatch', deadline: '2026-03-04T08:30:00.000Z', department: null },
    });
    expect(await audits()).toHaveLength(3);
  });

  it('runs from the cases manifest on the durable schedule: a missed tick runs once', async () => {
    const ctx = t.db.ctx({ clock: t.clock });
    const runner = runnerFor([casesManifest]);
    t.clock.set(shanghai('2026-03-05T09:00:00'));
    const { inspector } = await people();
    const late = (await post('/api/cases', inspector, await reportBody())).json().caseNo;
    await runDueJobs(ctx, runner);
    t.clock.set(shanghai('2026-03-05T11:30:00'));
    const ran = await runDueJobs(ctx, runner);
    expect(ran.ticks.filter((tick) => tick.name === 'cases.deadline-reminders')).toEqual([
      { name: 'cases.deadline-reminders', outcome: 'ok', result: 1 },
    ]);
    expect((await events()).at(-1)?.object_id).toBe(late);
  });

  it('pages through the running clocks: a not-yet-near clock due sooner does not hide a near one', async () => {
    t.clock.set(shanghai('2026-03-05T14:30:00'));
    let who = await people();
    const handled = (await post('/api/cases', who.inspector, await reportBody())).json().caseNo;
    const view = (await post(`/api/cases/${handled}/register`, who.dispatcher, { revision: 0 })).json();
    await post(`/api/cases/${handled}/dispatch`, who.dispatcher, { revision: view.revision, department: 'chengguan' });
    // 处置 = 21 working hours from Thursday 14:30: due Tuesday 12:00. At Tuesday 08:00 it has 240 ≤ 252 minutes left;
    // a report made then is due 11:30, sooner, with 210 > 60 left: not near, and first in deadline order.
    t.clock.set(shanghai('2026-03-10T08:00:00'));
    who = await people();
    await post('/api/cases', who.inspector, await reportBody());
    expect(await remindNearDeadlines(t.db.ctx({ clock: t.clock }), 1)).toBe(1);
    expect(await remindNearDeadlines(t.db.ctx({ clock: t.clock }), 1)).toBe(0);
    expect((await events()).at(-1)).toEqual({
      object_id: handled,
      payload: { stage: 'handle', deadline: '2026-03-10T04:00:00.000Z', department: 'chengguan' },
    });
  });

  it('reads when to remind from the settings; nonsense falls back to the defaults', async () => {
    const ctx = t.db.ctx({ clock: t.clock });
    expect(await loadReminderSettings(ctx)).toEqual(defaultReminderSettings);
    await writeSetting(ctx.db, '430225', 'cases.deadline_reminder', { fraction: 3, minWorkingMinutes: 'x' }, t.clock());
    expect(await loadReminderSettings(ctx)).toEqual(defaultReminderSettings);
    await writeSetting(
      ctx.db,
      '430225',
      'cases.deadline_reminder',
      { fraction: 0.5, minWorkingMinutes: 30 },
      t.clock(),
    );
    expect(await loadReminderSettings(ctx)).toEqual({ fraction: 0.5, minWorkingMinutes: 30 });
  });
});

describe('when a deadline is near, without a database', () => {
  const work: WorkTime = { calendar: { days: new Map() }, hours: defaultWorkingHours };
  const start = shanghai('2026-03-02T09:00:00');
  const due = shanghai('2026-03-05T09:00:00'); // 3 working days = 1260 working minutes

  it('is the larger of the last fraction and the minimum, in working minutes', () => {
    expect(reminderLeadMinutes(start, due, work, defaultReminderSettings)).toBe(252);
    expect(reminderLeadMinutes(start, due, work, { fraction: 0.02, minWorkingMinutes: 60 })).toBe(60);
    expect(reminderLeadMinutes(start, due, work, { fraction: 0.5, minWorkingMinutes: 60 })).toBe(630);
  });

  it('is never true once the deadline has passed (overdue belongs to the 督办 sweep)', () => {
    expect(deadlineNear(shanghai('2026-03-05T08:59:00'), start, due, work, defaultReminderSettings)).toBe(true);
    expect(deadlineNear(due, start, due, work, defaultReminderSettings)).toBe(false);
    expect(deadlineNear(shanghai('2026-03-06T09:00:00'), start, due, work, defaultReminderSettings)).toBe(false);
  });
});
