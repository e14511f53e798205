import { beforeAll, describe, expect, it } from 'vitest';
import { runDueJobs } from '../../platform/jobs/run-due.ts';
import { notifyOutboxJob } from '../../platform/notify/notify.module.ts';
import { sendDueSms } from '../../platform/notify/sms/send-sms.ts';
import { listSmsAbout, listStandinRecords } from '../../platform/notify/sms/sms.store.ts';
import { useTestApp } from '../../testing/test-app.ts';
import type { SignedIn } from '../../testing/test-auth.ts';
import { type CaseActors, caseHttp, jpegBase64, prepareCases, reportBody } from './cases.test-support.ts';
import { registerReportsDirectly } from './verify-report.test-support.ts';

const phone = '13973312345';

/** The reporter's SMS through the API: consent on the public form, the loop, the notifier and the sender. */
describe('the reporter told by SMS at acceptance and closing, with consent', () => {
  const t = useTestApp();
  const { post, get } = caseHttp(t);
  let who: CaseActors;
  beforeAll(async () => {
    who = await prepareCases(t);
    await registerReportsDirectly(t);
  });
  const ctx = () => t.db.ctx({ clock: t.clock });

  /** Lets the notifier read the outbox, then the sender send what is due, as the server's jobs do. */
  async function deliver() {
    t.clock.advanceMinutes(2);
    await notifyOutboxJob.run(ctx());
    return sendDueSms(ctx());
  }

  async function citizenReport(extra: Record<string, unknown>, address = '198.51.100.7') {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/public/cases',
      remoteAddress: address,
      headers: { 'accept-language': 'en' },
      payload: await reportBody(extra),
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { caseNo: string; trackingToken: string };
  }

  async function step(caseNo: string, path: string, actor: SignedIn, body: Record<string, unknown> = {}) {
    const { revision } = (await get(`/api/cases/${caseNo}`, actor)).json();
    const res = await post(`/api/cases/${caseNo}/${path}`, actor, { revision, ...body });
    expect(res.statusCode, `${path}: ${res.body}`).toBe(200);
  }

  async function walkToClosed(caseNo: string, between: () => Promise<unknown> = async () => undefined) {
    await step(caseNo, 'register', who.dispatcher);
    await between();
    await step(caseNo, 'dispatch', who.dispatcher, { department: 'chengguan' });
    await step(caseNo, 'accept', who.handler);
    await step(caseNo, 'feedback', who.handler, { result: '已清理', photos: [{ data: await jpegBase64() }] });
    await step(caseNo, 'verify', who.inspector, { passed: true });
  }

  const withdraw = (caseNo: string, token: string) =>
    t.app.inject({
      method: 'DELETE',
      url: `/api/public/cases/${caseNo}/sms-consent`,
      headers: { 'accept-language': 'en', 'x-case-token': token },
    });
  const smsAbout = (caseNo: string) => listSmsAbout(ctx().db, '430225', { type: 'case', id: caseNo });

  it('400: consent without a phone, or not a boolean; nothing is stored', async () => {
    for (const [extra, field] of [
      [{ smsConsent: true }, 'smsConsent'],
      [{ smsConsent: 'yes', phone }, 'smsConsent'],
    ] as const) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/public/cases',
        remoteAddress: '198.51.100.8',
        headers: { 'accept-language': 'en' },
        payload: await reportBody(extra),
      });
      expect(res.statusCode, res.body).toBe(400);
      expect(Object.keys(res.json().error.fields)).toEqual([field]);
    }
  });

  it('consent on: one SMS at acceptance and one at closing, with the case number and the tracking address only', async () => {
    const { caseNo } = await citizenReport({ phone, smsConsent: true });
    expect((await get(`/api/cases/${caseNo}`, who.dispatcher)).json().reporter).toEqual({
      kind: 'citizen',
      phone: '139****2345',
      smsConsent: true,
      name: null,
      ticketNo: null,
    });
    expect(await deliver()).toEqual({ sent: 0, failed: 0, dead: 0 });
    await step(caseNo, 'register', who.dispatcher);
    expect(await deliver()).toEqual({ sent: 1, failed: 0, dead: 0 });
    await walkToClosedFromRegistered(caseNo);
    expect(await deliver()).toEqual({ sent: 1, failed: 0, dead: 0 });
    expect(await deliver()).toEqual({ sent: 0, failed: 0, dead: 0 });

    const messages = await smsAbout(caseNo);
    expect(messages.map((m) => [m.templateKey, m.status, m.params])).toEqual([
      ['cases.accepted', 'sent', { caseNo }],
      ['cases.closed', 'sent', { caseNo }],
    ]);
    const texts = (await listStandinRecords(ctx().db, '430225'))
      .filter((r) => messages.some((m) => m.providerMessageId === r.providerMessageId))
      .map((r) => [r.renderedText, r.phoneMasked]);
    expect(texts).toEqual([
      [
        `【文明创建】您反映的市容问题已立案受理，案件编号${caseNo}。凭案件编号和查询码可在 http://localhost:3000/track 查看办理进展。`,
        '139****2345',
      ],
      [
        `【文明创建】您反映的市容问题（案件编号${caseNo}）已办结。凭案件编号和查询码可在 http://localhost:3000/track 查看处理结果并评价。`,
        '139****2345',
      ],
    ]);
  });

  async function walkToClosedFromRegistered(caseNo: string) {
    await step(caseNo, 'dispatch', who.dispatcher, { department: 'chengguan' });
    await step(caseNo, 'accept', who.handler);
    await step(caseNo, 'feedback', who.handler, { result: '已清理', photos: [{ data: await jpegBase64() }] });
    await deliver();
    await step(caseNo, 'verify', who.inspector, { passed: true });
  }

  it('consent off (the default), or a report with a phone and no consent: nothing is sent', async () => {
    const silent = await citizenReport({});
    const phoneOnly = await citizenReport({ phone, smsConsent: false });
    for (const { caseNo } of [silent, phoneOnly]) await walkToClosed(caseNo);
    await deliver();
    expect(await smsAbout(silent.caseNo)).toEqual([]);
    expect(await smsAbout(phoneOnly.caseNo)).toEqual([]);
    expect((await get(`/api/cases/${phoneOnly.caseNo}`, who.dispatcher)).json().reporter.smsConsent).toBe(false);
  });

  it('withdrawing on the tracking page cancels what waits and stops what follows', async () => {
    const { caseNo, trackingToken } = await citizenReport({ phone, smsConsent: true });
    expect((await withdraw(caseNo, 'x'.repeat(20))).statusCode).toBe(403);
    expect((await withdraw('not-a-case', trackingToken)).statusCode).toBe(400);
    expect((await withdraw(caseNo, 'short')).statusCode).toBe(400);
    await step(caseNo, 'register', who.dispatcher);
    t.clock.advanceMinutes(2);
    await notifyOutboxJob.run(ctx());
    expect((await smsAbout(caseNo)).map((m) => m.status)).toEqual(['pending']);

    const res = await withdraw(caseNo, trackingToken);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ caseNo, smsConsent: false });
    expect((await withdraw(caseNo, trackingToken)).json().smsConsent).toBe(false);
    await walkToClosedFromRegistered(caseNo);
    await deliver();
    expect((await smsAbout(caseNo)).map((m) => [m.templateKey, m.status])).toEqual([['cases.accepted', 'cancelled']]);
    expect((await get(`/api/cases/${caseNo}`, who.dispatcher)).json().reporter.smsConsent).toBe(false);
  });

  it('the message leaves at once through the jobs queue, without waiting for the sender’s tick', async () => {
    const { caseNo } = await citizenReport({ phone, smsConsent: true });
    await step(caseNo, 'register', who.dispatcher);
    t.clock.advanceMinutes(2);
    await notifyOutboxJob.run(ctx());
    const run = await runDueJobs(ctx());
    expect(run.jobs.filter((j) => j.name === 'notify.sms-send-now').map((j) => j.outcome)).toEqual(['done']);
    expect((await smsAbout(caseNo)).map((m) => [m.templateKey, m.status])).toEqual([['cases.accepted', 'sent']]);
  });

  it('a hotline operator files a call with the caller’s consent: told the same way; without a phone, 400', async () => {
    const noPhone = await post(
      '/api/cases',
      who.dispatcher,
      await reportBody({ channel: 'hotline', smsConsent: true }),
    );
    expect(noPhone.statusCode).toBe(400);
    expect(Object.keys(noPhone.json().error.fields)).toEqual(['smsConsent']);
    const filed = await post(
      '/api/cases',
      who.dispatcher,
      await reportBody({ channel: 'hotline', phone, smsConsent: true }),
    );
    expect(filed.statusCode, filed.body).toBe(201);
    const { caseNo } = filed.json();
    await step(caseNo, 'register', who.dispatcher);
    await deliver();
    expect((await smsAbout(caseNo)).map((m) => [m.templateKey, m.status])).toEqual([['cases.accepted', 'sent']]);
    const inspectorOwn = await post('/api/cases', who.inspector, await reportBody());
    await step(inspectorOwn.json().caseNo, 'register', who.dispatcher);
    await deliver();
    expect(await smsAbout(inspectorOwn.json().caseNo)).toEqual([]);
  });

  it('the tracking page says whether SMS notices are on', async () => {
    const { caseNo, trackingToken } = await citizenReport({ phone, smsConsent: true });
    const tracked = await t.app.inject({
      method: 'GET',
      url: `/api/public/cases/${caseNo}`,
      headers: { 'x-case-token': trackingToken },
    });
    expect(tracked.json().smsConsent).toBe(true);
  });

  it('keeps no clear phone in the SMS queue, the stand-in record or the audit trail', async () => {
    const dump = await ctx().database.query<{ t: string }>(
      `select row_to_json(m)::text as t from notify_sms_message m
       union all select row_to_json(s)::text from notify_sms_standin s
       union all select row_to_json(a)::text from audit_event a
         where event_type like 'notify.sms.%' or event_type = 'cases.sms_consent_withdraw'`,
    );
    expect(dump.length).toBeGreaterThan(6);
    for (const { t: text } of dump) expect(text).not.toContain(phone);
  });
});
