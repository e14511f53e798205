import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../testing/test-app.ts';
import { type SignedIn, signIn } from '../../testing/test-auth.ts';
import { systemCtx } from '../context.ts';
import { tx } from '../db/tx.ts';
import { emitEvent } from '../delivery/outbox.ts';
import { notifyOutboxJob } from '../notify/notify.module.ts';

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
});
