import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../testing/test-app.ts';
import { type SignedIn, signIn } from '../../testing/test-auth.ts';
import {
  type CaseActors,
  caseHttp,
  inXiayang,
  jpegBase64,
  miandu,
  prepareCases,
  reportBody,
  xiayang,
} from './cases.test-support.ts';

/** 2026-03-02 is a Monday; 09:00 in Shanghai is 01:00Z. Working hours 08:00–12:00 / 14:30–17:30. */
describe('核实: on-site verification of a report before 立案', () => {
  const t = useTestApp();
  const { post, get } = caseHttp(t);
  let who: CaseActors;
  beforeAll(async () => {
    t.clock.set('2026-03-02T01:00:00Z');
    who = await prepareCases(t);
  });

  const put = (url: string, actor: SignedIn | null, payload: unknown) =>
    t.app.inject({
      method: 'PUT',
      url,
      headers: { ...(actor?.headers ?? {}), 'accept-language': 'en' },
      payload: payload as object,
    });
  const citizenReport = async (overrides: Record<string, unknown> = {}) => {
    const res = await post('/api/public/cases', null, await reportBody(overrides));
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { caseNo: string; trackingToken: string; status: string };
  };
  const view = async (caseNo: string) => (await get(`/api/cases/${caseNo}`, who.dispatcher)).json();
  const finding = async (caseNo: string, extra: Record<string, unknown> = {}) => ({
    revision: (await view(caseNo)).revision,
    confirmed: true,
    photos: [{ data: await jpegBase64(inXiayang) }],
    ...extra,
  });
  const settingUrl = '/api/cases/settings/verify-report';
  const allSources = { citizen: true, hotline: true, open311: true, patrol: false, volunteer: false, other: false };

  describe('the per-source setting', () => {
    it('401, 403 without cases.configure, 400 for unknown or missing sources, 403 for a township account', async () => {
      expect((await get(settingUrl, null)).statusCode).toBe(401);
      expect((await get(settingUrl, who.inspector)).statusCode).toBe(403);
      expect((await put(settingUrl, who.dispatcher, { channels: allSources })).statusCode).toBe(403);
      const unknown = await put(settingUrl, who.coordinator, { channels: { ...allSources, wechat: true } });
      expect(unknown.statusCode).toBe(400);
      expect(unknown.json().error.fields).toEqual({ 'channels.wechat': 'Unknown field' });
      const { hotline: _h, ...missing } = allSources;
      const partial = await put(settingUrl, who.coordinator, { channels: missing });
      expect(partial.statusCode).toBe(400);
      expect(Object.keys(partial.json().error.fields)).toEqual(['channels.hotline']);
      const township = await signIn(t.app, { roles: ['coordinator'], scopeRegion: xiayang });
      expect((await put(settingUrl, township, { channels: allSources })).statusCode).toBe(403);
    });

    it('defaults: public, hotline and partner reports are verified first; patrol, volunteer and other staff are not', async () => {
      const res = await get(settingUrl, who.coordinator);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toEqual({ channels: allSources });
    });

    it('decides where a new report lands, and each change is audited with both values', async () => {
      expect((await citizenReport()).status).toBe('verifying');
      const patrol = (await post('/api/cases', who.inspector, await reportBody())).json();
      expect(patrol.status).toBe('reported');
      const hotline = (await post('/api/cases', who.dispatcher, await reportBody({ channel: 'hotline' }))).json();
      expect(hotline.status).toBe('verifying');
      const cadre = (await post('/api/cases', who.dispatcher, await reportBody())).json();
      expect(cadre.status).toBe('reported');

      const saved = await put(settingUrl, who.coordinator, {
        channels: { ...allSources, citizen: false, patrol: true },
      });
      expect(saved.statusCode, saved.body).toBe(200);
      expect((await citizenReport()).status).toBe('reported');
      expect((await post('/api/cases', who.inspector, await reportBody())).json().status).toBe('verifying');
      const audit = await t.db.database.query<{ details: { before: object; after: object } }>(
        "select details from audit_event where event_type = 'cases.settings' and object_id = 'cases.verify_report'",
      );
      expect(audit).toHaveLength(1);
      expect(audit[0]?.details).toEqual({
        before: allSources,
        after: { ...allSources, citizen: false, patrol: true },
      });
      expect((await put(settingUrl, who.coordinator, { channels: allSources })).statusCode).toBe(200);
    });
  });

  describe('the 核实 step', () => {
    it('a report in 核实 runs its own clock: the county default of 2 working hours, in the inspectors’ queue', async () => {
      t.clock.set('2026-03-02T01:00:00Z');
      const fresh = await signIn(t.app, { roles: ['inspector'], scopeRegion: xiayang });
      const { caseNo } = await citizenReport();
      const staff = await view(caseNo);
      expect(staff).toMatchObject({
        status: 'verifying',
        clock: { stage: 'verify_report', dueAt: '2026-03-02T03:00:00.000Z', overdue: false },
      });
      expect(staff.events.map((e: { action: string; toStatus: string }) => [e.action, e.toStatus])).toEqual([
        ['report', 'verifying'],
      ]);
      const queue = (await get('/api/cases?queue=verify_report', fresh)).json();
      expect(queue.items.map((c: { caseNo: string }) => c.caseNo)).toContain(caseNo);
      const intake = (await get('/api/cases?queue=intake', who.dispatcher)).json();
      expect(intake.items.map((c: { caseNo: string }) => c.caseNo)).not.toContain(caseNo);
      const inspectorView = (await get(`/api/cases/${caseNo}`, fresh)).json();
      expect(inspectorView.actions).toEqual(['confirm_report', 'refute_report']);
      expect(staff.actions).toEqual(['merge', 'escalate']);
    });

    it('401, 400 (unknown field, no photo, 不属实 without a note), 403 without cases.verify, 404 in another township, 409 in the wrong state', async () => {
      const { caseNo } = await citizenReport();
      const url = `/api/cases/${caseNo}/verify-report`;
      expect((await post(url, null, await finding(caseNo))).statusCode).toBe(401);
      const unknown = await post(url, who.inspector, await finding(caseNo, { passed: true }));
      expect(unknown.statusCode).toBe(400);
      expect(unknown.json().error.fields).toEqual({ passed: 'Unknown field' });
      const noPhoto = await post(url, who.inspector, await finding(caseNo, { photos: [] }));
      expect(noPhoto.statusCode).toBe(400);
      expect(Object.keys(noPhoto.json().error.fields)).toEqual(['photos']);
      const noNote = await post(url, who.inspector, await finding(caseNo, { confirmed: false }));
      expect(noNote.statusCode).toBe(400);
      expect(Object.keys(noNote.json().error.fields)).toEqual(['note']);
      expect((await post(url, who.dispatcher, await finding(caseNo))).statusCode).toBe(403);
      expect((await post(url, who.miandouInspector, await finding(caseNo))).statusCode).toBe(404);
      const patrol = (await post('/api/cases', who.otherInspector, await reportBody())).json().caseNo;
      const early = await post(`/api/cases/${patrol}/verify-report`, who.inspector, await finding(patrol));
      expect(early.statusCode).toBe(409);
      expect(early.json().error.code).toBe('action_not_allowed');
      expect((await view(caseNo)).status).toBe('verifying');
      const stale = await post(url, who.inspector, { ...(await finding(caseNo)), revision: 99 });
      expect(stale.statusCode).toBe(409);
    });

    it('属实: back to the intake with the photos, the position and a fresh 受理 clock; the intake registers it', async () => {
      t.clock.set('2026-03-02T01:00:00Z');
      const { caseNo, trackingToken } = await citizenReport();
      t.clock.set('2026-03-02T01:20:00Z');
      const [dispatcher, inspector] = [who.dispatcher, who.inspector];
      const near = { lng: inXiayang.lng + 0.0002, lat: inXiayang.lat };
      const res = await post(
        `/api/cases/${caseNo}/verify-report`,
        inspector,
        await finding(caseNo, { ...near, note: '现场确有占道' }),
      );
      expect(res.statusCode, res.body).toBe(200);
      const confirmed = res.json();
      // 09:20 + 3.5 working hours: 2 h 40 to 12:00, then 50 min after 14:30 → 15:20 Shanghai = 07:20Z.
      expect(confirmed).toMatchObject({
        status: 'reported',
        clock: { stage: 'register', dueAt: '2026-03-02T07:20:00.000Z' },
      });
      expect(confirmed.photos.map((p: { stage: string }) => p.stage)).toEqual(['report', 'verify_report']);
      const step = confirmed.events.at(-1);
      expect(step).toMatchObject({ action: 'confirm_report', fromStatus: 'verifying', toStatus: 'reported' });
      expect(step.details).toMatchObject({ confirmed: true, photos: 1, distanceFromCaseM: 20 });
      const registered = await post(`/api/cases/${caseNo}/register`, dispatcher, { revision: confirmed.revision });
      expect(registered.statusCode, registered.body).toBe(200);
      expect(registered.json()).toMatchObject({ status: 'registered', clock: { stage: 'dispatch' } });
      const tracked = (await get(`/api/public/cases/${caseNo}`, null, { 'x-case-token': trackingToken })).json();
      expect(tracked.steps.map((s: { status: string }) => s.status)).toEqual(['verifying', 'reported', 'registered']);
    });

    it('不属实: closed as rejected with what was found, which the reporter reads', async () => {
      const { caseNo, trackingToken } = await citizenReport();
      const res = await post(
        `/api/cases/${caseNo}/verify-report`,
        who.inspector,
        await finding(caseNo, { confirmed: false, note: '现场未发现占道经营，联系人 13800138000' }),
      );
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ status: 'rejected', clock: { stage: null } });
      expect(res.json().events.at(-1)).toMatchObject({ action: 'refute_report', toStatus: 'rejected' });
      const tracked = (await get(`/api/public/cases/${caseNo}`, null, { 'x-case-token': trackingToken })).json();
      expect(tracked.status).toBe('rejected');
      expect(tracked.steps.at(-1)).toMatchObject({ status: 'rejected', note: expect.stringContaining('现场未发现') });
      expect(tracked.steps.at(-1).note).not.toContain('13800138000');
    });

    it('whoever reported the case does not verify it (maker ≠ checker); another inspector may', async () => {
      // A county that has its inspectors' own patrol reports checked by a second inspector.
      await put(settingUrl, who.coordinator, { channels: { ...allSources, patrol: true } });
      const { caseNo } = (await post('/api/cases', who.inspector, await reportBody())).json();
      await put(settingUrl, who.coordinator, { channels: allSources });
      expect((await view(caseNo)).status).toBe('verifying');
      const own = await post(`/api/cases/${caseNo}/verify-report`, who.inspector, await finding(caseNo));
      expect(own.statusCode).toBe(403);
      expect(own.json().error.code).toBe('maker_checker');
      const mine = (await get(`/api/cases/${caseNo}`, who.inspector)).json();
      expect(mine.actions).toEqual([]);
      expect(mine.withheldActions).toEqual(['confirm_report', 'refute_report']);
      const other = await post(`/api/cases/${caseNo}/verify-report`, who.otherInspector, await finding(caseNo));
      expect(other.statusCode, other.body).toBe(200);
    });
  });

  describe('the intake sends a report to 核实', () => {
    it('401, 400, 403 without cases.register, 404 in another township, 409 once it is there', async () => {
      const { caseNo } = (await post('/api/cases', who.inspector, await reportBody())).json();
      const url = `/api/cases/${caseNo}/send-to-verify`;
      const body = { revision: (await view(caseNo)).revision };
      expect((await post(url, null, body)).statusCode).toBe(401);
      expect((await post(url, who.dispatcher, { ...body, passed: true })).statusCode).toBe(400);
      expect((await post(url, who.inspector, body)).statusCode).toBe(403);
      const miandouDispatcher = await signIn(t.app, { roles: ['dispatcher'], scopeRegion: miandu });
      expect((await post(url, miandouDispatcher, body)).statusCode).toBe(404);
      const sent = await post(url, who.dispatcher, { ...body, note: '请监督员现场核实' });
      expect(sent.statusCode, sent.body).toBe(200);
      expect(sent.json()).toMatchObject({ status: 'verifying', clock: { stage: 'verify_report' } });
      const again = await post(url, who.dispatcher, { revision: sent.json().revision });
      expect(again.statusCode).toBe(409);
    });

    it('a duplicate found while it is verified may still be merged', async () => {
      const first = (await post('/api/cases', who.inspector, await reportBody())).json().caseNo;
      const { caseNo } = await citizenReport();
      const merged = await post(`/api/cases/${caseNo}/merge`, who.dispatcher, {
        revision: (await view(caseNo)).revision,
        duplicateOf: first,
      });
      expect(merged.statusCode, merged.body).toBe(200);
      expect(merged.json()).toMatchObject({ status: 'duplicate', clock: { stage: null } });
    });
  });

  describe('按时核实率', () => {
    it('counts each report at its 核实, within the limit or not, and its drill-down lists exactly those reports', async () => {
      // Tuesday 10 March, a day of its own: reported at 09:00, due at 11:00 (2 working hours). One checked at
      // 09:30, one at 14:40. Each step signs in anew: the clock's jumps outlast a session's idle time.
      const checkAt = async (at: string, caseNo: string, extra: Record<string, unknown>) => {
        t.clock.set(at);
        const inspector = await signIn(t.app, { roles: ['inspector'], scopeRegion: xiayang });
        const intake = await signIn(t.app, { roles: ['dispatcher'] });
        const { revision } = (await get(`/api/cases/${caseNo}`, intake)).json();
        const photos = [{ data: await jpegBase64(inXiayang) }];
        const res = await post(`/api/cases/${caseNo}/verify-report`, inspector, { revision, photos, ...extra });
        expect(res.statusCode, res.body).toBe(200);
      };
      t.clock.set('2026-03-10T01:00:00Z');
      const inTime = (await citizenReport()).caseNo;
      const late = (await citizenReport()).caseNo;
      await checkAt('2026-03-10T01:30:00Z', inTime, { confirmed: true });
      await checkAt('2026-03-10T06:40:00Z', late, { confirmed: false, note: '现场未见' });

      const coordinator = await signIn(t.app, { roles: ['coordinator'] });
      const day = 'from=2026-03-10&to=2026-03-10';
      const figures = await get(`/api/cases/evaluation?${day}&groupBy=township`, coordinator);
      expect(figures.statusCode, figures.body).toBe(200);
      expect(figures.json().total).toMatchObject({ verified: 2, verifiedOnTime: 1, verifyOnTimeRate: 50 });
      const listed = async (measure: string) => {
        const res = await get(`/api/cases/evaluation/cases?${day}&groupBy=township&measure=${measure}`, coordinator);
        expect(res.statusCode, res.body).toBe(200);
        return res.json() as { total: number; items: Array<{ caseNo: string }> };
      };
      expect((await listed('verifiedOnTime')).items.map((c) => c.caseNo)).toEqual([inTime]);
      expect((await listed('verified')).items.map((c) => c.caseNo).sort()).toEqual([inTime, late].sort());
      // The day before knows nothing of them.
      const before = await get('/api/cases/evaluation?from=2026-03-09&to=2026-03-09&groupBy=township', coordinator);
      expect(before.json().total).toMatchObject({ verified: 0, verifiedOnTime: 0, verifyOnTimeRate: null });
    });
  });
});
