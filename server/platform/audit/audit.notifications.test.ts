import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../testing/test-app.ts';
import { type SignedIn, signIn } from '../../testing/test-auth.ts';
import { systemCtx } from '../context.ts';
import { tx } from '../db/tx.ts';
import { emitEvent } from '../delivery/outbox.ts';
import { notifyOutboxJob } from '../notify/notify.module.ts';

/** AUD-06's alert reaches the audit and security administrators' inboxes, nobody else's. */
describe('audit.reveal_alert → a message to the audit and security administrators', () => {
  const t = useTestApp();
  let auditor: SignedIn;
  let security: SignedIn;
  let clerk: SignedIn;

  beforeAll(async () => {
    auditor = await signIn(t.app, { roles: ['audit_admin'] });
    security = await signIn(t.app, { roles: ['sec_admin'] });
    clerk = await signIn(t.app, { roles: ['dispatcher'], displayName: '赵受理' });
  });

  it('names the actor and the figures, in the reader language', async () => {
    const { database, config, keyring } = t.app.deps;
    const ctx = systemCtx(database, { countyCode: config.countyCode, keyring }, { clock: t.clock });
    await tx(ctx, (x) =>
      emitEvent(x, {
        topic: 'audit.reveal_alert',
        objectType: 'user',
        objectId: clerk.userId,
        payload: { actor: clerk.userId, count: 42, window: '2026-03-02 09:00–10:00', rule: 'volume' },
      }),
    );
    await notifyOutboxJob.run(ctx);
    const inbox = async (who: SignedIn, language = 'zh-CN') =>
      (
        await t.app.inject({
          method: 'GET',
          url: '/api/inbox',
          headers: { ...who.headers, 'accept-language': language },
        })
      ).json().items as Array<{ kind: string; text: string; link: string }>;
    const [zh] = await inbox(auditor);
    expect(zh).toMatchObject({ kind: 'message', link: '/admin/audit' });
    expect(zh?.text).toBe('敏感信息查看异常：赵受理 于 2026-03-02 09:00–10:00 查看 42 次（短时间内大量查看），请核查');
    expect((await inbox(security, 'en'))[0]?.text).toBe(
      'Unusual reveals: 赵受理 revealed personal data 42 times, 2026-03-02 09:00–10:00 (many in a short time)',
    );
    expect(await inbox(clerk)).toEqual([]);
  });
});
