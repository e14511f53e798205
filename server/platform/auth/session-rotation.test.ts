import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../testing/test-app.ts';
import { signIn, testPassword, testTotpSecret } from '../../testing/test-auth.ts';
import { totpCodeAt } from './totp.ts';

/**
 * A new session id on every change of privilege (issue #9 item 10, ASVS 3.2.1): passing the MFA step, enrolling
 * an authenticator and changing the password each answer with a new cookie and a new CSRF token, and the old
 * cookie is dead — so a token planted or seen before the step is worth nothing after it.
 */
describe('session rotation on privilege changes', () => {
  const t = useTestApp();
  const cookieOf = (res: { headers: Record<string, unknown> }) => String(res.headers['set-cookie']).split(';')[0]!;
  const login = (username: string, password = testPassword) =>
    t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
  const me = (headers: Record<string, string>) => t.app.inject({ method: 'GET', url: '/api/auth/me', headers });
  const sessions = (headers: Record<string, string>) =>
    t.app.inject({ method: 'GET', url: '/api/auth/sessions', headers });
  const headersOf = (res: { headers: Record<string, unknown>; json: () => { csrfToken: string } }) => ({
    cookie: cookieOf(res),
    'x-csrf-token': res.json().csrfToken,
  });

  /** The old session must be dead for reads and writes, and the new CSRF token must not work with the old cookie. */
  async function expectRotated(before: Record<string, string>, res: Awaited<ReturnType<typeof login>>) {
    expect(res.statusCode).toBe(200);
    const after = headersOf(res);
    expect(after.cookie).toMatch(/^__Host-wenming_sid=.+/);
    expect(after.cookie).not.toBe(before.cookie);
    expect(after['x-csrf-token']).not.toBe(before['x-csrf-token']);
    expect((await me(before)).statusCode).toBe(401);
    expect((await me({ cookie: before.cookie!, 'x-csrf-token': after['x-csrf-token'] })).statusCode).toBe(401);
    const write = await t.app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: { cookie: after.cookie, 'x-csrf-token': before['x-csrf-token']! },
    });
    expect(write.statusCode).toBe(403);
    expect((await me(after)).statusCode).toBe(200);
    return after;
  }

  it('passing the MFA step gives a new session; the one from the password step stops working', async () => {
    const user = await signIn(t.app, { roles: ['dispatcher'] });
    t.clock.advanceMinutes(1);
    const first = await login(user.loginId);
    const before = headersOf(first);
    const verified = await t.app.inject({
      method: 'POST',
      url: '/api/auth/mfa/verify',
      headers: before,
      payload: { code: totpCodeAt(testTotpSecret, t.clock()) },
    });
    const after = await expectRotated(before, verified);
    expect(verified.json()).toMatchObject({ pending: null, csrfToken: after['x-csrf-token'] });
    // The absolute lifetime still counts from the sign-in: rotating does not extend it.
    expect(verified.json().sessionExpiresAt).toBe(first.json().sessionExpiresAt);
    expect((await sessions(after)).json()).toHaveLength(2); // this one and the helper's first sign-in
  });

  it('enrolling an authenticator gives a new session', async () => {
    const { createAdministrator } = await import('./bootstrap.ts');
    await createAdministrator(t.db.ctx({ clock: t.clock }), {
      loginId: 'luo.fang',
      displayName: '罗芳',
      role: 'sec_admin',
      password: 'Lu#Shui-River7',
    });
    const first = await login('luo.fang', 'Lu#Shui-River7');
    expect(first.json().pending).toBe('mfa_enroll');
    const before = headersOf(first);
    const setup = (await t.app.inject({ method: 'POST', url: '/api/auth/mfa/setup', headers: before })).json();
    const enabled = await t.app.inject({
      method: 'POST',
      url: '/api/auth/mfa/enable',
      headers: before,
      payload: { code: totpCodeAt(setup.secret, t.clock()) },
    });
    const after = await expectRotated(before, enabled);
    expect(enabled.json().user.mfaEnabled).toBe(true);
    expect((await t.app.inject({ method: 'GET', url: '/api/admin/roles', headers: after })).statusCode).toBe(200);
  });

  it('changing the password gives a new session; other sessions end unless asked to stay', async () => {
    const user = await signIn(t.app, { roles: ['dispatcher'] });
    const elsewhere = await signIn(t.app, { roles: ['dispatcher'] }); // another person: untouched
    const changed = await t.app.inject({
      method: 'POST',
      url: '/api/auth/password',
      headers: user.headers,
      payload: { currentPassword: testPassword, newPassword: 'Qing#Shan-29xk' },
    });
    const after = await expectRotated(user.headers, changed);
    expect(changed.json().pending).toBeNull();
    expect((await sessions(after)).json()).toHaveLength(1);
    expect((await me(elsewhere.headers)).statusCode).toBe(200);
  });

  it('a refused step does not rotate: the pending session keeps its cookie', async () => {
    const user = await signIn(t.app, { roles: ['dispatcher'] });
    t.clock.advanceMinutes(1);
    const before = headersOf(await login(user.loginId));
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/api/auth/mfa/verify',
      headers: before,
      payload: { code: '000000' },
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.headers['set-cookie']).toBeUndefined();
    expect((await me(before)).json().pending).toBe('mfa');
  });
});
