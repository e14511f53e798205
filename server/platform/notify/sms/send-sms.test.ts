import { beforeAll, describe, expect, it } from 'vitest';
import { fakeClock } from '../../../testing/fake-clock.ts';
import { useTestDatabase } from '../../../testing/test-database.ts';
import { tx } from '../../db/tx.ts';
import { decryptColumnValue } from '../../pii/column-crypto.ts';
import { smsBackoffMs, smsClaimLeaseMs, smsMaxAttempts } from './backoff.ts';
import { localSmsGateway } from './local-gateway.ts';
import { cancelSmsAbout, queueSms, sealSmsPhone } from './queue-sms.ts';
import { sendDueSms } from './send-sms.ts';
import { smsFailure } from './sms-gateway.ts';
import { SmsTemplateMisuse } from './sms-templates.ts';
import { claimDueSms, listSmsAbout, listStandinRecords } from './sms.store.ts';
import { adoptTestTemplates, queueTestSms, scriptedGateway, testPhone, testTemplate } from './sms.test-support.ts';

const site = 'https://wenming.example.cn';

describe('the SMS queue and sender', () => {
  const db = useTestDatabase();
  const clock = fakeClock('2026-03-02T01:00:00Z');
  const ctx = () => db.ctx({ clock });
  const about = (id: string) => listSmsAbout(ctx().db, '430225', { type: 'thing', id });
  beforeAll(() => adoptTestTemplates());

  it('queues in a transaction only, once per dedupe key, and refuses parameters the template does not take', async () => {
    await expect(
      queueSms(ctx(), {
        template: testTemplate.key,
        params: { refNo: 'A', trackNo: 'A' },
        phoneSealed: 'x',
        subject: { type: 'thing', id: 'A' },
        dedupeKey: 'A',
      }),
    ).rejects.toThrow(/inside tx/);
    expect(await queueTestSms(ctx(), 'Q1')).toBe(true);
    expect(await queueTestSms(ctx(), 'Q1')).toBe(false);
    expect(await about('Q1')).toMatchObject([{ status: 'pending', attempts: 0, templateCode: 'SMS_TEST_1' }]);
    const misuse = tx(ctx(), (t) =>
      queueSms(t, {
        template: testTemplate.key,
        params: { refNo: 'Q2', trackNo: 'Q2', phone: testPhone },
        phoneSealed: sealSmsPhone(t.keyring, testPhone) ?? '',
        subject: { type: 'thing', id: 'Q2' },
        dedupeKey: 'test:Q2',
      }),
    );
    await expect(misuse).rejects.toThrow(SmsTemplateMisuse);
    expect(await about('Q2')).toEqual([]);
    expect(sealSmsPhone(ctx().keyring, '0731-22223333')).toBeNull();
  });

  it('the stand-in records the rendered text, template, parameters and masked phone; the phone only sealed', async () => {
    await queueTestSms(ctx(), 'S1');
    const gateway = localSmsGateway(ctx(), { templates: [testTemplate], site });
    expect(await sendDueSms(ctx(), { gateway })).toEqual({ sent: 2, failed: 0, dead: 0 });
    const [message] = await about('S1');
    expect(message).toMatchObject({ status: 'sent', attempts: 1, lastError: null });
    expect(message?.providerMessageId).toMatch(/^local-/);
    const record = (await listStandinRecords(ctx().db, '430225')).find(
      (r) => r.providerMessageId === message?.providerMessageId,
    );
    expect(record).toMatchObject({
      signName: '文明创建',
      templateCode: 'SMS_TEST_1',
      params: { refNo: 'S1', trackNo: 'S1' },
      renderedText: `【文明创建】您的事项（编号S1）已办结，详见 ${site}/track/S1。`,
      phoneMasked: '139****1234',
    });
    expect(decryptColumnValue(ctx().keyring, 'notify_sms_standin', 'phone_enc', record?.phoneEnc ?? '')).toBe(
      testPhone,
    );
    expect(await sendDueSms(ctx(), { gateway })).toEqual({ sent: 0, failed: 0, dead: 0 });
  });

  it('keeps no clear phone in the queue, the stand-in record or the audit trail', async () => {
    const dump = await ctx().database.query<{ t: string }>(
      `select row_to_json(m)::text as t from notify_sms_message m
       union all select row_to_json(s)::text from notify_sms_standin s
       union all select row_to_json(a)::text from audit_event a where event_type like 'notify.sms.%'`,
    );
    expect(dump.length).toBeGreaterThan(4);
    for (const { t } of dump) expect(t).not.toContain(testPhone);
  });

  it('retries a failing message on the backoff schedule, then gives it up as dead', async () => {
    await queueTestSms(ctx(), 'R1');
    const { gateway, calls } = scriptedGateway(() => smsFailure('isv.BUSINESS_LIMIT_CONTROL', 'throttled', true));
    for (let attempt = 1; attempt <= smsMaxAttempts; attempt += 1) {
      const run = await sendDueSms(ctx(), { gateway });
      expect(run).toEqual(attempt < smsMaxAttempts ? { sent: 0, failed: 1, dead: 0 } : { sent: 0, failed: 0, dead: 1 });
      if (attempt < smsMaxAttempts) {
        // Not due a moment before its backoff runs out.
        clock.advance(smsBackoffMs(attempt) - 1000);
        expect(await sendDueSms(ctx(), { gateway })).toEqual({ sent: 0, failed: 0, dead: 0 });
        clock.advance(1000);
      }
    }
    expect(calls).toHaveLength(smsMaxAttempts);
    expect(calls[0]).toEqual({
      phone: testPhone,
      signName: '文明创建',
      templateCode: 'SMS_TEST_1',
      params: { refNo: 'R1', trackNo: 'R1' },
    });
    expect(await about('R1')).toMatchObject([
      { status: 'dead', attempts: smsMaxAttempts, lastError: 'isv.BUSINESS_LIMIT_CONTROL: throttled' },
    ]);
    clock.advanceMinutes(120);
    expect(await sendDueSms(ctx(), { gateway })).toEqual({ sent: 0, failed: 0, dead: 0 });
  });

  it('gives up at once on a failure that will not change, and keeps only the class of a thrown error', async () => {
    await queueTestSms(ctx(), 'D1');
    const refused = scriptedGateway(() => smsFailure('isv.MOBILE_NUMBER_ILLEGAL', 'illegal number', false));
    expect(await sendDueSms(ctx(), { gateway: refused.gateway })).toEqual({ sent: 0, failed: 0, dead: 1 });
    await queueTestSms(ctx(), 'E1');
    const throwing = scriptedGateway(() => {
      throw new TypeError(`socket hang up sending to ${testPhone}`);
    });
    expect(await sendDueSms(ctx(), { gateway: throwing.gateway })).toEqual({ sent: 0, failed: 1, dead: 0 });
    expect(await about('E1')).toMatchObject([{ status: 'failed', lastError: 'exception: TypeError' }]);
  });

  it('sends a message once when two sender runs race for it', async () => {
    clock.advanceMinutes(600);
    for (const ref of ['C1', 'C2', 'C3']) await queueTestSms(ctx(), ref);
    const { gateway, calls } = scriptedGateway(async (_request, call) => {
      await new Promise((resolve) => setTimeout(resolve, 20));
      return { ok: true, providerMessageId: `p-${call}` };
    });
    const runs = await Promise.all([sendDueSms(ctx(), { gateway }), sendDueSms(ctx(), { gateway })]);
    const refs = calls.map((c) => c.params.refNo);
    expect(refs.filter((r) => r?.startsWith('C')).sort()).toEqual(['C1', 'C2', 'C3']);
    expect(runs.reduce((n, r) => n + r.sent, 0)).toBe(calls.length);
  });

  it("takes a crashed sender's message again once its claim runs out", async () => {
    await queueTestSms(ctx(), 'L1');
    const now = clock();
    const claimed = await tx(ctx(), (t) =>
      claimDueSms(t.db, t.countyCode, now, new Date(now.getTime() + smsClaimLeaseMs), 50),
    );
    expect(claimed.map((c) => c.params.refNo)).toContain('L1');
    const { gateway, calls } = scriptedGateway(() => ({ ok: true, providerMessageId: 'after-crash' }));
    expect((await sendDueSms(ctx(), { gateway })).sent).toBe(0);
    clock.advance(smsClaimLeaseMs);
    expect((await sendDueSms(ctx(), { gateway })).sent).toBe(1);
    expect(calls.map((c) => c.params.refNo)).toEqual(['L1']);
    expect(await about('L1')).toMatchObject([{ status: 'sent', attempts: 2, providerMessageId: 'after-crash' }]);
  });

  it('a sender whose claim ran out mid-call records nothing over the sender that took the message', async () => {
    clock.advanceMinutes(600);
    await queueTestSms(ctx(), 'X1');
    let inner: Awaited<ReturnType<typeof sendDueSms>> | undefined;
    const slow = scriptedGateway(async (_request, call) => {
      if (call === 1) {
        // The first call outlives its lease: another run takes the message and sends it meanwhile.
        clock.advance(smsClaimLeaseMs);
        inner = await sendDueSms(ctx(), { gateway: slow.gateway });
      }
      return { ok: true, providerMessageId: `p-${call}` };
    });
    const outer = await sendDueSms(ctx(), { gateway: slow.gateway });
    expect([outer.sent, inner?.sent]).toEqual([0, 1]);
    expect(await about('X1')).toMatchObject([{ status: 'sent', attempts: 2, providerMessageId: 'p-2' }]);
    const [message] = await about('X1');
    const audits = await ctx().database.query<{ n: number }>(
      `select count(*)::int as n from audit_event where event_type = 'notify.sms.send' and object_id = $1`,
      [message?.id],
    );
    expect(audits[0]?.n).toBe(1);
  });

  it('withdrawing consent cancels what has not left; what was sent stays sent', async () => {
    await queueTestSms(ctx(), 'W1');
    expect(await tx(ctx(), (t) => cancelSmsAbout(t, { type: 'thing', id: 'W1' }))).toBe(1);
    const { gateway, calls } = scriptedGateway(() => ({ ok: true, providerMessageId: 'never' }));
    await sendDueSms(ctx(), { gateway });
    expect(calls).toEqual([]);
    expect(await about('W1')).toMatchObject([{ status: 'cancelled' }]);
    expect(await tx(ctx(), (t) => cancelSmsAbout(t, { type: 'thing', id: 'S1' }))).toBe(0);
    expect(await about('S1')).toMatchObject([{ status: 'sent' }]);
  });
});
