import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../testing/test-app.ts';
import { signIn } from '../../testing/test-auth.ts';
import { type CaseActors, caseHttp, jpegBase64, prepareCases, reportBody, xiayang } from './cases.test-support.ts';
import { sweepEscalations } from './escalation.ts';

/** 2026-03-02 is a Monday; 09:00 in Shanghai is 01:00Z. Working hours 08:00–12:00 / 14:30–17:30. */
describe('SLA clocks, 延期, 挂起 and the 督办 ladder', () => {
  const t = useTestApp();
  const { post, get } = caseHttp(t);
  let who: CaseActors;
  beforeAll(async () => {
    who = await prepareCases(t);
  });

  /** Sessions time out after 30 idle minutes: moving the clock by days means signing in again. */
  const people = async () => ({
    dispatcher: await signIn(t.app, { roles: ['dispatcher'] }),
    handler: await signIn(t.app, { roles: ['department'], department: 'chengguan' }),
    inspector: await signIn(t.app, { roles: ['inspector'], scopeRegion: xiayang }),
  });

  async function dispatchedCase(actors: Pick<CaseActors, 'inspector' | 'dispatcher'> = who) {
    const { caseNo, trackingToken } = (await post('/api/cases', actors.inspector, await reportBody())).json();
    let view = (await post(`/api/cases/${caseNo}/register`, actors.dispatcher, { revision: 0 })).json();
    view = (
      await post(`/api/cases/${caseNo}/dispatch`, actors.dispatcher, {
        revision: view.revision,
        department: 'chengguan',
      })
    ).json();
    return { caseNo, trackingToken, view };
  }

  it('starts the register clock at report: 0.5 working day = 3.5 working hours, over the lunch break', async () => {
    t.clock.set('2026-03-02T01:00:00Z');
    const actors = await people();
    const { caseNo } = (await post('/api/cases', actors.inspector, await reportBody())).json();
    const view = (await get(`/api/cases/${caseNo}`, actors.dispatcher)).json();
    // 09:00 + 3 h to 12:00, then 0.5 h after 14:30 → 15:00 Shanghai = 07:00Z.
    expect(view.clock).toEqual({
      stage: 'register',
      dueAt: '2026-03-02T07:00:00.000Z',
      overdue: false,
      suspended: false,
    });
  });

  it('an approved extension moves both deadlines by working hours; the requester cannot approve it', async () => {
    t.clock.set('2026-03-02T01:00:00Z');
    const actors = await people();
    const { caseNo, view } = await dispatchedCase(actors);
    const due = view.handleDueAt;
    let current = (
      await post(`/api/cases/${caseNo}/extension`, actors.handler, {
        revision: view.revision,
        hours: 8,
        reason: '需联合执法',
      })
    ).json();
    expect(current.pendingRequest).toMatchObject({ kind: 'extension', hours: 8 });
    const twice = await post(`/api/cases/${caseNo}/extension`, actors.handler, {
      revision: current.revision,
      hours: 8,
      reason: '再次',
    });
    expect(twice.json().error.code).toBe('validation_failed');
    const tooLong = await post(`/api/cases/${caseNo}/decision`, actors.handler, {
      revision: current.revision,
      approved: true,
    });
    expect(tooLong.statusCode).toBe(403);
    current = (
      await post(`/api/cases/${caseNo}/decision`, actors.dispatcher, {
        revision: current.revision,
        approved: true,
        note: '同意',
      })
    ).json();
    expect(current.pendingRequest).toBeNull();
    // 8 working hours = one whole working day later (7 h a day → next day + 1 h).
    expect(new Date(current.handleDueAt).getTime()).toBeGreaterThan(new Date(due).getTime() + 20 * 3600_000);
    expect(current.clock.dueAt).toBe(current.handleDueAt);
  });

  it('a suspension stops the clock: suspended time does not count, and the case is not overdue meanwhile', async () => {
    t.clock.set('2026-03-02T01:00:00Z');
    const actors = await people();
    const { caseNo, view } = await dispatchedCase(actors);
    let current = (
      await post(`/api/cases/${caseNo}/suspension`, actors.handler, {
        revision: view.revision,
        reason: '连续降雨无法施工',
      })
    ).json();
    current = (
      await post(`/api/cases/${caseNo}/decision`, actors.dispatcher, { revision: current.revision, approved: true })
    ).json();
    expect(current.clock.suspended).toBe(true);
    t.clock.set('2026-03-20T01:00:00Z');
    const later = await people();
    current = (await get(`/api/cases/${caseNo}`, later.dispatcher)).json();
    expect(current.clock).toMatchObject({ suspended: true, overdue: false });
    expect((await get(`/api/cases?queue=overdue&q=${caseNo}`, later.dispatcher)).json().total).toBe(0);
    current = (await post(`/api/cases/${caseNo}/resume`, later.dispatcher, { revision: current.revision })).json();
    // 3 working days were left at 09:00 on the 2nd (nothing had elapsed): due 3 working days after the 20th (Fri) → Wed 25th 09:00.
    expect(current.clock).toMatchObject({ suspended: false, overdue: false, dueAt: '2026-03-25T01:00:00.000Z' });
    expect(current.handleDueAt).toBe('2026-03-25T01:00:00.000Z');
  });

  it('overdue cases climb the ladder automatically, with a timeline entry each step; 按期 is judged on the handling deadline', async () => {
    t.clock.set('2026-03-02T01:00:00Z');
    const actors = await people();
    const { caseNo, trackingToken } = await dispatchedCase(actors);
    // Due Thu 5 March 09:00; on Fri 6 March 11:00 it is 10 working hours late → level 2 (≥ 8 h).
    t.clock.set('2026-03-06T03:00:00Z');
    const moved = await sweepEscalations(t.db.ctx({ clock: t.clock }));
    expect(moved).toBeGreaterThan(0);
    const later = await people();
    let view = (await get(`/api/cases/${caseNo}`, later.dispatcher)).json();
    expect(view).toMatchObject({ escalationLevel: 2, clock: { overdue: true } });
    expect(view.events.at(-1)).toMatchObject({
      action: 'escalate',
      actor: 'System',
      details: { level: 2, automatic: true },
    });
    expect(await sweepEscalations(t.db.ctx({ clock: t.clock }))).toBe(0);
    expect(
      (await get('/api/cases?queue=overdue', later.dispatcher)).json().items.map((c: { caseNo: string }) => c.caseNo),
    ).toContain(caseNo);
    view = (await post(`/api/cases/${caseNo}/accept`, later.handler, { revision: view.revision })).json();
    view = (
      await post(`/api/cases/${caseNo}/feedback`, later.handler, {
        revision: view.revision,
        result: '已处理',
        photos: [{ data: await jpegBase64() }],
      })
    ).json();
    view = (
      await post(`/api/cases/${caseNo}/verify`, later.inspector, { revision: view.revision, passed: true })
    ).json();
    expect(view).toMatchObject({ status: 'closed', closedOnTime: false });
    const tracked = await t.app.inject({
      method: 'GET',
      url: `/api/public/cases/${caseNo}`,
      headers: { 'x-case-token': trackingToken },
    });
    expect(tracked.json().steps.map((s: { status: string }) => s.status)).toEqual([
      'reported',
      'registered',
      'dispatched',
      'handled',
      'closed',
    ]);
  });

  it('a merged report follows the case it joined, so its reporter sees that case close', async () => {
    t.clock.set('2026-03-02T01:00:00Z');
    const actors = await people();
    const main = (await post('/api/cases', actors.inspector, await reportBody())).json();
    const second = (await post('/api/public/cases', null, await reportBody({ lng: 113.7722, lat: 26.4892 }))).json();
    expect(second.duplicates.map((d: { caseNo: string }) => d.caseNo)).toContain(main.caseNo);
    const merged = await post(`/api/cases/${second.caseNo}/merge`, actors.dispatcher, {
      revision: 0,
      duplicateOf: main.caseNo,
    });
    expect(merged.json()).toMatchObject({ status: 'duplicate', duplicateOf: main.caseNo });
    const self = await post(`/api/cases/${main.caseNo}/merge`, actors.dispatcher, {
      revision: 0,
      duplicateOf: main.caseNo,
    });
    expect(self.json().error.fields).toHaveProperty('duplicateOf');
    expect((await get(`/api/cases/${main.caseNo}`, actors.dispatcher)).json().duplicates).toEqual([second.caseNo]);
    const follow = await t.app.inject({
      method: 'GET',
      url: `/api/public/cases/${second.caseNo}`,
      headers: { 'x-case-token': second.trackingToken },
    });
    expect(follow.json()).toMatchObject({ status: 'reported', followsCaseNo: main.caseNo });
  });
});
