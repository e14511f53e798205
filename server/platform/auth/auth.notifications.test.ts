import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../testing/test-app.ts';
import { type SignedIn, signIn } from '../../testing/test-auth.ts';
import { systemCtx } from '../context.ts';
import { tx } from '../db/tx.ts';
import { emitEvent } from '../delivery/outbox.ts';
import { notifyOutboxJob } from '../notify/notify.module.ts';
import { sendDueSms } from '../notify/sms/send-sms.ts';
import { listSmsAbout, listStandinRecords } from '../notify/sms/sms.store.ts';

/** AC-05: an account disabled for inactivity is told to the security administrators only. */
describe('auth.account_disabled → a message to the security administrators', () => {
  const t = useTestApp();
  let security: SignedIn;
  let auditor: SignedIn;
  let idle: SignedIn;

  beforeAll(async () => {
    security = await signIn(t.app, { roles: ['sec_admin'] });
    auditor = await signIn(t.app, { roles: ['audit_admin'] });
    idle = await signIn(t.app, { roles: ['inspector'], loginId: 'idle.inspector', displayName: '钱巡查' });
  });

  it('names the account and the days', async () => {
    const { database, config, keyring } = t.app.deps;
    const ctx = systemCtx(database, { countyCode: config.countyCode, keyring }, { clock: t.clock });
    await tx(ctx, (x) =>
      emitEvent(x, {
        topic: 'auth.account_disabled',
        objectType: 'user',
        objectId: idle.userId,
        payload: { reason: 'inactive', days: 91 },
      }),
    );
    await notifyOutboxJob.run(ctx);
    const inbox = async (who: SignedIn) =>
      (await t.app.inject({ method: 'GET', url: '/api/inbox', headers: who.headers })).json().items as Array<{
        text: string;
        link: string;
      }>;
    expect((await inbox(security))[0]).toMatchObject({
      text: '账号 idle.inspector（钱巡查）已连续 91 天未登录，已自动停用',
      link: '/admin/security',
    });
    expect(await inbox(auditor)).toEqual([]);
    expect(await inbox(idle)).toEqual([]);
  });

  it('warns the holder by SMS 7 days before, and tells the security administrators', async () => {
    const { database, config, keyring } = t.app.deps;
    const ctx = systemCtx(database, { countyCode: config.countyCode, keyring }, { clock: t.clock });
    const dormant = await signIn(t.app, {
      roles: ['inspector'],
      loginId: 'dormant.x',
      displayName: '孙巡查',
      phone: '13907339876',
    });
    const noPhone = await signIn(t.app, { roles: ['inspector'], loginId: 'nophone.x', displayName: '周巡查' });
    for (const who of [dormant, noPhone]) {
      await tx(ctx, (x) =>
        emitEvent(x, {
          topic: 'auth.account_inactive_warning',
          objectType: 'user',
          objectId: who.userId,
          payload: { days: 83, daysLeft: 7, disableAt: '2027-01-01T00:00:00.000Z' },
        }),
      );
    }
    await notifyOutboxJob.run(ctx);
    await sendDueSms(ctx);
    const texts = (await t.app.inject({ method: 'GET', url: '/api/inbox', headers: security.headers })).json()
      .items as Array<{ text: string }>;
    expect(texts.map((item) => item.text)).toEqual(
      expect.arrayContaining([
        '账号 dormant.x（孙巡查）已连续 83 天未登录，将于 7 天后自动停用',
        '账号 nophone.x（周巡查）已连续 83 天未登录，将于 7 天后自动停用',
      ]),
    );
    expect(await listSmsAbout(ctx.db, ctx.countyCode, { type: 'user', id: noPhone.userId })).toEqual([]);
    const [sms] = await listSmsAbout(ctx.db, ctx.countyCode, { type: 'user', id: dormant.userId });
    expect(sms?.status).toBe('sent');
    const sent = (await listStandinRecords(ctx.db, ctx.countyCode)).map((r) => JSON.stringify(r));
    const mine = sent.find((r) => r.includes('dormant.x'));
    expect(mine).toContain('已83天未登录，将于7天后自动停用');
    expect(mine).not.toContain('孙巡查');
    expect(sent.join()).not.toContain('13907339876');
  });
});
