import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../testing/test-app.ts';
import { signIn, testPassword, testTotpSecret } from '../../testing/test-auth.ts';
import { totpCodeAt } from './totp.ts';

describe('sign-in, sessions and MFA', () => {
  const t = useTestApp({ config: { trustProxy: true } });
  let nextIp = 1;
  /** Each test signs in from its own address, so the per-IP throttle of one test does not reach another. */
  const freshIp = () => `10.1.${Math.floor(nextIp / 250)}.${nextIp++ % 250}`;
  const login = (username: string, password: string, headers: Record<string, string> = {}) =>
    t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username, password },
      headers: { 'x-forwarded-for': freshIp(), ...headers },
    });
  const me = (headers: Record<string, string>) => t.app.inject({ method: 'GET', url: '/api/auth/me', headers });
  const cookieOf = (res: { headers: Record<string, unknown> }) => String(res.headers['set-cookie']).split(';')[0]!;

  describe('bad input', () => {
    it('401 for /me without a session', async () => {
      expect((await me({})).statusCode).toBe(401);
    });

    it('400 with field errors for missing and unknown fields', async () => {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'a', remember: true },
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.fields).toEqual({ password: '必填', remember: '不允许的字段' });
    });

    it('the same message for an unknown user and a wrong password', async () => {
      const user = await signIn(t.app, { roles: ['dispatcher'] });
      const unknown = await login('nobody-here', 'Whatever#2026');
      const wrong = await login(user.loginId, 'Whatever#2026');
      expect(unknown.statusCode).toBe(401);
      expect(wrong.statusCode).toBe(401);
      expect(unknown.json()).toEqual(wrong.json());
      expect(wrong.json().error.code).toBe('invalid_credentials');
    });
  });

  it('sets an HttpOnly, Secure, SameSite=Strict __Host- cookie and answers who I am', async () => {
    const user = await signIn(t.app, { roles: ['dispatcher'], displayName: '周婷' });
    const res = await login(user.loginId, testPassword);
    expect(res.statusCode).toBe(200);
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(/^__Host-wenming_sid=/);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('Secure');
    expect(cookie).toContain('SameSite=Strict');
    expect(cookie).toContain('Path=/');
    expect(res.json()).toMatchObject({
      pending: 'mfa',
      user: { displayName: '周婷', permissions: ['self.mfa', 'self.profile'] },
    });
    expect(res.body).not.toContain('passwordHash');
  });

  it('locks the account after 5 failures: even the right password is refused until the lock ends', async () => {
    const user = await signIn(t.app, { roles: ['dispatcher'] });
    for (let i = 0; i < 5; i++) expect((await login(user.loginId, `Wrong#pass${i}x`)).statusCode).toBe(401);
    const whileLocked = await login(user.loginId, testPassword);
    expect(whileLocked.statusCode).toBe(401);
    t.clock.advanceMinutes(31);
    expect((await login(user.loginId, testPassword)).statusCode).toBe(200);
    const audit = await t.db.database.query<{ event_type: string; reason_code: string | null }>(
      "select event_type, reason_code from audit_event where object_id = $1 and event_type in ('auth.login', 'auth.lock') order by seq",
      [user.userId],
    );
    expect(audit.filter((a) => a.reason_code === 'password_wrong')).toHaveLength(5);
    expect(audit.some((a) => a.event_type === 'auth.lock')).toBe(true);
    expect(audit.some((a) => a.reason_code === 'locked')).toBe(true);
  });

  it('throttles an address after 20 failures in 15 minutes, whatever the accounts', async () => {
    const headers = { 'x-forwarded-for': '10.9.9.9' };
    for (let i = 0; i < 20; i++) await login(`ghost-${i}`, 'Nope#12345678', headers);
    expect((await login('ghost-x', 'Nope#12345678', headers)).statusCode).toBe(429);
    t.clock.advanceMinutes(16);
    expect((await login('ghost-x', 'Nope#12345678', headers)).statusCode).toBe(401);
  });

  it('ends a session after 30 idle minutes (15 for administrators), deleting its row', async () => {
    const staff = await signIn(t.app, { roles: ['dispatcher'] });
    const admin = await signIn(t.app, { roles: ['audit_admin'] });
    t.clock.advanceMinutes(16);
    expect((await me(staff.headers)).statusCode).toBe(200);
    expect((await me(admin.headers)).statusCode).toBe(401);
    t.clock.advanceMinutes(31);
    expect((await me(staff.headers)).statusCode).toBe(401);
    const rows = await t.db.database.query('select 1 from user_session where user_id = $1', [staff.userId]);
    expect(rows).toHaveLength(0);
  });

  it('ends a session at its absolute lifetime of 12 hours, however active', async () => {
    const user = await signIn(t.app, { roles: ['dispatcher'] });
    // Active every 25 minutes (inside the idle limit) for 700 minutes, then past the 720-minute lifetime.
    for (let step = 0; step < 28; step++) {
      t.clock.advanceMinutes(25);
      expect((await me(user.headers)).statusCode, `after ${(step + 1) * 25} min`).toBe(200);
    }
    t.clock.advanceMinutes(21);
    expect((await me(user.headers)).statusCode).toBe(401);
  });

  it('MFA: until the code is proven only /me and the MFA step are open; a replayed code is refused', async () => {
    const user = await signIn(t.app, { roles: ['dispatcher'] });
    const first = await login(user.loginId, testPassword);
    const headers = { cookie: cookieOf(first), 'x-csrf-token': first.json().csrfToken };
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/sessions', headers })).statusCode).toBe(403);
    t.clock.advanceMinutes(1);
    const code = totpCodeAt(testTotpSecret, t.clock());
    const ok = await t.app.inject({ method: 'POST', url: '/api/auth/mfa/verify', headers, payload: { code } });
    expect(ok.statusCode).toBe(200);
    const passed = { cookie: cookieOf(ok), 'x-csrf-token': ok.json().csrfToken };
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/sessions', headers: passed })).statusCode).toBe(200);

    const second = await login(user.loginId, testPassword);
    const headers2 = { cookie: cookieOf(second), 'x-csrf-token': second.json().csrfToken };
    const replay = await t.app.inject({
      method: 'POST',
      url: '/api/auth/mfa/verify',
      headers: headers2,
      payload: { code },
    });
    expect(replay.statusCode).toBe(400);
    expect(replay.json().error.fields.code).toContain('动态验证码');
  });

  it('refuses a cookie-authenticated write without the CSRF token', async () => {
    const user = await signIn(t.app, { roles: ['dispatcher'] });
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: { cookie: user.headers.cookie! },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('csrf_failed');
    expect((await me(user.headers)).statusCode).toBe(200);
  });

  it('logout deletes the session: the old cookie is worthless afterwards', async () => {
    const user = await signIn(t.app, { roles: ['dispatcher'] });
    expect((await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: user.headers })).statusCode).toBe(
      204,
    );
    expect((await me(user.headers)).statusCode).toBe(401);
  });

  it('rotates the session at sign-in: the cookie sent with the login stops working', async () => {
    const user = await signIn(t.app, { roles: ['dispatcher'] });
    const again = await login(user.loginId, testPassword, { cookie: user.headers.cookie! });
    expect(cookieOf(again)).not.toBe(user.headers.cookie);
    expect((await me(user.headers)).statusCode).toBe(401);
  });

  it('lists my sessions and revokes another one; 404 for a session that is not mine', async () => {
    const user = await signIn(t.app, { roles: ['dispatcher'] });
    const other = await signIn(t.app, { roles: ['dispatcher'] });
    const second = await login(user.loginId, testPassword);
    const list = (await t.app.inject({ method: 'GET', url: '/api/auth/sessions', headers: user.headers })).json();
    expect(list).toHaveLength(2);
    const notCurrent = list.find((s: { current: boolean }) => !s.current);
    const othersList = (
      await t.app.inject({ method: 'GET', url: '/api/auth/sessions', headers: other.headers })
    ).json();
    const foreign = await t.app.inject({
      method: 'DELETE',
      url: `/api/auth/sessions/${othersList[0].id}`,
      headers: user.headers,
    });
    expect(foreign.statusCode).toBe(404);
    const revoke = await t.app.inject({
      method: 'DELETE',
      url: `/api/auth/sessions/${notCurrent.id}`,
      headers: user.headers,
    });
    expect(revoke.statusCode).toBe(204);
    expect((await me({ cookie: cookieOf(second) })).statusCode).toBe(401);
  });
});

describe('mandatory MFA enrolment and password expiry', () => {
  const t = useTestApp();

  it('an administrator without an authenticator must enrol one before anything else', async () => {
    const { createAdministrator } = await import('./bootstrap.ts');
    const ctx = t.db.ctx({ clock: t.clock });
    await createAdministrator(ctx, {
      loginId: 'chen.jing',
      displayName: '陈静',
      role: 'sec_admin',
      password: 'Lu#Shui-River7',
    });
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'chen.jing', password: 'Lu#Shui-River7' },
    });
    expect(login.json().pending).toBe('mfa_enroll');
    const headers = {
      cookie: String(login.headers['set-cookie']).split(';')[0]!,
      'x-csrf-token': login.json().csrfToken,
    };
    expect((await t.app.inject({ method: 'GET', url: '/api/admin/roles', headers })).statusCode).toBe(403);
    const early = await t.app.inject({
      method: 'POST',
      url: '/api/auth/mfa/enable',
      headers,
      payload: { code: '123456' },
    });
    expect(early.json().error.fields.code).toBe('请先生成验证器密钥');
    const setup = (await t.app.inject({ method: 'POST', url: '/api/auth/mfa/setup', headers })).json();
    expect(setup.uri).toMatch(/^otpauth:\/\/totp\//);
    const enable = await t.app.inject({
      method: 'POST',
      url: '/api/auth/mfa/enable',
      headers,
      payload: { code: totpCodeAt(setup.secret, t.clock()) },
    });
    expect(enable.statusCode).toBe(200);
    const enrolled = {
      cookie: String(enable.headers['set-cookie']).split(';')[0]!,
      'x-csrf-token': enable.json().csrfToken,
    };
    expect((await t.app.inject({ method: 'GET', url: '/api/admin/roles', headers: enrolled })).statusCode).toBe(200);
    const stored = await t.db.database.query<{ password_hash: string; mfa_secret_enc: string }>(
      "select password_hash, mfa_secret_enc from app_user where login_key = 'chen.jing'",
    );
    expect(stored[0]!.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(stored[0]!.mfa_secret_enc).not.toContain(setup.secret);
  });

  it("refuses a guessable new password with what makes it guessable, in the caller's language", async () => {
    const user = await signIn(t.app, { roles: ['dispatcher'], phone: '13907331234' });
    const change = (newPassword: string, language = 'zh-CN') =>
      t.app.inject({
        method: 'POST',
        url: '/api/auth/password',
        headers: { ...user.headers, 'accept-language': language },
        payload: { currentPassword: testPassword, newPassword },
      });
    const repeated = await change('Aa1!Aa1!Aa1!');
    expect(repeated.statusCode).toBe(400);
    expect(repeated.json().error.fields.newPassword).toBe(
      '密码太容易被猜到：由重复的片段组成（如 abcabcabc）。可以加入几个不相关的词或字符，使它更长、更难猜',
    );
    const birthday = await change('Wang@19900101', 'en');
    expect(birthday.json().error.fields.newPassword).toMatch(
      /^This password is too easy to guess: it contains a common pinyin name/,
    );
    const ownPhone = await change('Qs#Tk-13907331234');
    expect(ownPhone.json().error.fields.newPassword).toBe('密码不能包含用户名、姓名、手机号或身份证号');
  });

  it('after 90 days the password must be changed before anything else', async () => {
    const user = await signIn(t.app, { roles: ['dispatcher'] });
    t.clock.advance(91 * 86_400_000);
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: user.loginId, password: testPassword },
    });
    const headers = {
      cookie: String(login.headers['set-cookie']).split(';')[0]!,
      'x-csrf-token': login.json().csrfToken,
    };
    const verified = await t.app.inject({
      method: 'POST',
      url: '/api/auth/mfa/verify',
      headers,
      payload: { code: totpCodeAt(testTotpSecret, t.clock()) },
    });
    const me = verified.json();
    expect(me.pending).toBe('password_change');
    expect(me.user.permissions).toEqual(['self.password', 'self.profile']);
  });
});
