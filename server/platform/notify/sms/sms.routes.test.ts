import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../../testing/test-app.ts';
import { type SignedIn, signIn } from '../../../testing/test-auth.ts';
import { sendDueSms } from './send-sms.ts';
import { smsFailure } from './sms-gateway.ts';
import { listSmsAbout } from './sms.store.ts';
import { adoptTestTemplates, queueTestSms, scriptedGateway } from './sms.test-support.ts';

/** The system administrator's SMS deliveries: the list (masked, no parameters) and the retry of a dead one. */
describe('GET /api/system/sms and POST /api/system/sms/:id/retry', () => {
  const t = useTestApp();
  let sysAdmin: SignedIn;
  let dispatcher: SignedIn;
  let deadId = '';
  let sentId = '';
  const ctx = () => t.db.ctx({ clock: t.clock });
  const get = (url: string, who: SignedIn | null) =>
    t.app.inject({ method: 'GET', url, headers: { ...(who?.headers ?? {}), 'accept-language': 'en' } });
  const retry = (id: string, who: SignedIn | null) =>
    t.app.inject({
      method: 'POST',
      url: `/api/system/sms/${id}/retry`,
      headers: { ...(who?.headers ?? {}), 'accept-language': 'en' },
    });

  beforeAll(async () => {
    adoptTestTemplates();
    sysAdmin = await signIn(t.app, { roles: ['sys_admin'] });
    dispatcher = await signIn(t.app, { roles: ['dispatcher'] });
    await queueTestSms(ctx(), 'A1');
    await sendDueSms(ctx(), { gateway: scriptedGateway(() => ({ ok: true, providerMessageId: 'p-1' })).gateway });
    t.clock.advanceMinutes(1);
    await queueTestSms(ctx(), 'B1');
    const refused = scriptedGateway(() => smsFailure('isv.MOBILE_NUMBER_ILLEGAL', 'illegal number', false));
    await sendDueSms(ctx(), { gateway: refused.gateway });
    const about = async (id: string) => (await listSmsAbout(ctx().db, '430225', { type: 'thing', id }))[0]?.id ?? '';
    [sentId, deadId] = [await about('A1'), await about('B1')];
  });

  it('401 signed out, 403 for business staff, 400 for a bad or unknown filter or id', async () => {
    expect((await get('/api/system/sms', null)).statusCode).toBe(401);
    expect((await get('/api/system/sms', dispatcher)).statusCode).toBe(403);
    expect((await retry(deadId, dispatcher)).statusCode).toBe(403);
    const bad = await get('/api/system/sms?status=lost', sysAdmin);
    expect(bad.statusCode).toBe(400);
    expect((await get('/api/system/sms?colour=red', sysAdmin)).statusCode).toBe(400);
    expect((await get('/api/system/sms?pageSize=500', sysAdmin)).statusCode).toBe(400);
    expect((await retry('not-a-uuid', sysAdmin)).statusCode).toBe(400);
  });

  it('404 for an unknown message, 409 for one that is not dead', async () => {
    const unknown = await retry('5f0c6a2e-8d7b-4c1e-9a51-3b2f4d6e7a10', sysAdmin);
    expect(unknown.statusCode).toBe(404);
    const sent = await retry(sentId, sysAdmin);
    expect(sent.statusCode).toBe(409);
    expect(sent.json().error).toMatchObject({ code: 'sms_not_dead', fields: { id: expect.any(String) } });
  });

  it('lists newest first with the phone masked and without the parameters, and filters by status', async () => {
    const all = await get('/api/system/sms', sysAdmin);
    expect(all.statusCode).toBe(200);
    const body = all.json();
    expect(body).toMatchObject({ gateway: 'local', total: 2, page: 1, pageSize: 20 });
    expect(body.items.map((i: { id: string }) => i.id)).toEqual([deadId, sentId]);
    expect(body.items[0]).toEqual({
      id: deadId,
      template: 'smstest.notice',
      templateCode: 'SMS_TEST_1',
      phone: '139****1234',
      subject: { type: 'thing', id: 'B1' },
      status: 'dead',
      attempts: 1,
      nextAttemptAt: null,
      lastError: 'isv.MOBILE_NUMBER_ILLEGAL: illegal number',
      providerMessageId: null,
      createdAt: expect.any(String),
      sentAt: null,
    });
    expect(all.body).not.toContain('13907331234');
    const dead = (await get('/api/system/sms?status=dead', sysAdmin)).json();
    expect(dead.items.map((i: { id: string }) => i.id)).toEqual([deadId]);
  });

  it('retries a dead message: back in the queue with its attempts counted afresh, audited, then sent', async () => {
    const res = await retry(deadId, sysAdmin);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ id: deadId, status: 'pending', attempts: 0, lastError: expect.any(String) });
    const audit = await ctx().database.query<{ actor_id: string }>(
      `select actor_id::text from audit_event where event_type = 'notify.sms.retry' and object_id = $1`,
      [deadId],
    );
    expect(audit.map((a) => a.actor_id)).toEqual([sysAdmin.userId]);
    const ok = scriptedGateway(() => ({ ok: true, providerMessageId: 'p-2' }));
    expect(await sendDueSms(ctx(), { gateway: ok.gateway })).toEqual({ sent: 1, failed: 0, dead: 0 });
    expect((await retry(deadId, sysAdmin)).statusCode).toBe(409);
  });
});
