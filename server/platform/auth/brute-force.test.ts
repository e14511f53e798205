import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../testing/test-app.ts';
import { signIn, testPassword, testTotpSecret } from '../../testing/test-auth.ts';
import { totpCodeAt } from './totp.ts';

/**
 * 登录失败处理 for the second factor and the current password (issue #9, items 1 and 7): wrong one-time codes
 * and wrong current passwords count like wrong passwords at sign-in — per account, per pending sign-in and per
 * address — lock the account the same way, end the session that was guessing, and are audited.
 */
describe('guessing the one-time code or the current password', () => {
  const t = useTestApp({ config: { trustProxy: true } });
  let nextIp = 1;
  /** Each test guesses from its own address, so the per-address throttle of one test does not reach another. */
  const freshIp = () => `10.7.${Math.floor(nextIp / 250)}.${nextIp++ % 250}`;
  const cookieOf = (res: { headers: Record<string, unknown> }) => String(res.headers['set-cookie']).split(';')[0]!;

  /** A sign-in that passed the password and waits for the one-time code, made from `ip`. */
  async function pendingSignIn(loginId: string, ip: string) {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: loginId, password: testPassword },
      headers: { 'x-forwarded-for': ip },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().pending).toBe('mfa');
    return { cookie: cookieOf(res), 'x-csrf-token': res.json().csrfToken as string, 'x-forwarded-for': ip };
  }
  const signInFrom = (loginId: string, ip: string, password = testPassword) =>
    t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: loginId, password },
      headers: { 'x-forwarded-for': ip },
    });
  const verify = (headers: Record<string, string>, code: string) =>
    t.app.inject({ method: 'POST', url: '/api/auth/mfa/verify', headers, payload: { code } });
  const me = (headers: Record<string, string>) => t.app.inject({ method: 'GET', url: '/api/auth/me', headers });
  const changePassword = (headers: Record<string, string>, currentPassword: string) =>
    t.app.inject({
      method: 'POST',
      url: '/api/auth/password',
      headers,
      payload: { currentPassword, newPassword: 'Qing#Shan-29xk' },
    });

  /** A six-digit code that is none of the codes valid now (current step ±1). */
  function wrongCode(i: number): string {
    const now = t.clock().getTime();
    const valid = new Set([-30_000, 0, 30_000].map((d) => totpCodeAt(testTotpSecret, new Date(now + d))));
    for (let n = 100_000 + i * 7919; ; n++) {
      const code = String(n % 1_000_000).padStart(6, '0');
      if (!valid.has(code)) return code;
    }
  }
  const rightCode = () => totpCodeAt(testTotpSecret, t.clock());

  async function auditOf(userId: string) {
    return t.db.database.query<{ event_type: string; action: string; outcome: string; reason_code: string | null }>(
      'select event_type, action, outcome, reason_code from audit_event where object_id = $1 order by seq',
      [userId],
    );
  }
  async function isLocked(userId: string): Promise<boolean> {
    const rows = await t.db.database.query<{ locked_until: Date | null }>(
      'select locked_until from app_user where id = $1',
      [userId],
    );
    const until = rows[0]?.locked_until;
    return until != null && new Date(until).getTime() > t.clock().getTime();
  }

  describe('the one-time code (MFA)', () => {
    it('five wrong codes end the pending sign-in and lock the account like five wrong passwords', async () => {
      const user = await signIn(t.app, { roles: ['dispatcher'] });
      t.clock.advanceMinutes(1);
      const ip = freshIp();
      const pending = await pendingSignIn(user.loginId, ip);
      for (let i = 0; i < 4; i++) {
        const res = await verify(pending, wrongCode(i));
        expect(res.statusCode, `wrong code ${i + 1}`).toBe(400);
        expect(res.json().error.fields.code).toContain('动态验证码');
      }
      const fifth = await verify(pending, wrongCode(4));
      expect(fifth.statusCode).toBe(401);
      expect(fifth.json().error.code).toBe('locked_out');
      expect(String(fifth.headers['set-cookie'])).toMatch(/__Host-wenming_sid=;/);
      // The pending sign-in is gone: even the right code on it is refused.
      expect((await me(pending)).statusCode).toBe(401);
      expect((await verify(pending, rightCode())).statusCode).toBe(401);
      expect(await isLocked(user.userId)).toBe(true);
      // Locked like a wrong password: the right password is refused (the same message as any refusal) …
      const whileLocked = await signInFrom(user.loginId, ip);
      expect(whileLocked.statusCode).toBe(401);
      expect(whileLocked.json().error.code).toBe('invalid_credentials');
      // … until the lock ends.
      t.clock.advanceMinutes(31);
      const after = await pendingSignIn(user.loginId, ip);
      expect((await verify(after, rightCode())).statusCode).toBe(200);

      const audit = await auditOf(user.userId);
      expect(audit.filter((a) => a.event_type === 'auth.mfa' && a.reason_code === 'code_wrong')).toHaveLength(5);
      expect(audit.filter((a) => a.event_type === 'auth.lock')).toHaveLength(1);
    });

    it('a locked account cannot pass the MFA step from another pending sign-in, even with the right code', async () => {
      const user = await signIn(t.app, { roles: ['dispatcher'] });
      t.clock.advanceMinutes(1);
      const ip = freshIp();
      const other = await pendingSignIn(user.loginId, ip);
      const guesser = await pendingSignIn(user.loginId, ip);
      for (let i = 0; i < 5; i++) await verify(guesser, wrongCode(i));
      expect(await isLocked(user.userId)).toBe(true);
      const res = await verify(other, rightCode());
      expect(res.statusCode).toBe(401);
      expect(res.json().error.code).toBe('locked_out');
      expect((await me(other)).statusCode).toBe(401);
      const audit = await auditOf(user.userId);
      expect(audit.some((a) => a.event_type === 'auth.mfa' && a.reason_code === 'locked')).toBe(true);
    });

    it('signing in again with the password does not reset the count of wrong codes', async () => {
      const user = await signIn(t.app, { roles: ['dispatcher'] });
      t.clock.advanceMinutes(1);
      const ip = freshIp();
      const first = await pendingSignIn(user.loginId, ip);
      for (let i = 0; i < 4; i++) expect((await verify(first, wrongCode(i))).statusCode).toBe(400);
      const second = await pendingSignIn(user.loginId, ip);
      expect((await verify(second, wrongCode(9))).statusCode).toBe(401);
      expect(await isLocked(user.userId)).toBe(true);
    });

    it('a pending sign-in ends after five wrong codes even when the owner signed in fully in between', async () => {
      const user = await signIn(t.app, { roles: ['dispatcher'] });
      t.clock.advanceMinutes(1);
      const guesser = await pendingSignIn(user.loginId, freshIp());
      for (let i = 0; i < 4; i++) expect((await verify(guesser, wrongCode(i))).statusCode).toBe(400);
      // The owner signs in elsewhere and passes the step: the account's count starts again …
      const owner = await pendingSignIn(user.loginId, freshIp());
      expect((await verify(owner, rightCode())).statusCode).toBe(200);
      // … but the guessing sign-in has used its five codes.
      const fifth = await verify(guesser, wrongCode(5));
      expect(fifth.statusCode).toBe(401);
      expect((await me(guesser)).statusCode).toBe(401);
      expect(await isLocked(user.userId)).toBe(false);
    });

    it('a flood of parallel guesses checks no more codes than the lockout threshold', async () => {
      const user = await signIn(t.app, { roles: ['dispatcher'] });
      t.clock.advanceMinutes(1);
      const pending = await pendingSignIn(user.loginId, freshIp());
      const answers = await Promise.all([
        ...Array.from({ length: 30 }, (_, i) => verify(pending, wrongCode(i))),
        verify(pending, rightCode()),
      ]);
      expect(answers.filter((a) => a.statusCode === 200)).toHaveLength(0);
      expect(await isLocked(user.userId)).toBe(true);
      const audit = await auditOf(user.userId);
      expect(
        audit.filter((a) => a.event_type === 'auth.mfa' && a.outcome === 'failure' && a.reason_code === 'code_wrong')
          .length,
      ).toBeLessThanOrEqual(5);
    });

    it('answers 429 once an address has used up its failures, with the rate-limited message', async () => {
      const ip = freshIp();
      const user = await signIn(t.app, { roles: ['dispatcher'] });
      const pending = await pendingSignIn(user.loginId, ip);
      // Four wrong codes on each of five accounts: twenty failures from one address, no account locked.
      for (let n = 0; n < 5; n++) {
        const other = await signIn(t.app, { roles: ['dispatcher'] });
        const guessing = await pendingSignIn(other.loginId, ip);
        for (let i = 0; i < 4; i++) expect((await verify(guessing, wrongCode(i))).statusCode).toBe(400);
      }
      t.clock.advanceMinutes(1);
      const flooded = await verify(pending, rightCode());
      expect(flooded.statusCode).toBe(429);
      expect(flooded.json().error).toMatchObject({ code: 'rate_limited', message: '操作过于频繁，请稍后再试' });
      t.clock.advanceMinutes(15);
      expect((await verify(pending, rightCode())).statusCode).toBe(200);
      const audit = await auditOf(user.userId);
      expect(audit.some((a) => a.event_type === 'auth.mfa' && a.reason_code === 'ip_throttled')).toBe(true);
    });
  });

  describe('the current password on a password change', () => {
    it('five wrong current passwords end the session and lock the account', async () => {
      const user = await signIn(t.app, { roles: ['dispatcher'] });
      const headers = { ...user.headers, 'x-forwarded-for': freshIp() };
      for (let i = 0; i < 4; i++) {
        const res = await changePassword(headers, `Wrong#current${i}x`);
        expect(res.statusCode).toBe(400);
        expect(res.json().error.fields.currentPassword).toBe('当前密码不正确');
      }
      const fifth = await changePassword(headers, 'Wrong#current4x');
      expect(fifth.statusCode).toBe(401);
      expect(fifth.json().error.code).toBe('locked_out');
      expect((await me(user.headers)).statusCode).toBe(401);
      expect(await isLocked(user.userId)).toBe(true);
      expect((await signInFrom(user.loginId, freshIp())).statusCode).toBe(401);
      t.clock.advanceMinutes(31);
      expect((await signInFrom(user.loginId, freshIp())).statusCode).toBe(200);
      const audit = await auditOf(user.userId);
      expect(audit.filter((a) => a.event_type === 'auth.password' && a.reason_code === 'current_wrong')).toHaveLength(
        5,
      );
      expect(audit.filter((a) => a.event_type === 'auth.lock')).toHaveLength(1);
    });

    it('wrong current passwords and wrong sign-in passwords share one count', async () => {
      const user = await signIn(t.app, { roles: ['dispatcher'] });
      for (let i = 0; i < 3; i++)
        expect((await signInFrom(user.loginId, freshIp(), `Wrong#signin${i}x`)).statusCode).toBe(401);
      const headers = { ...user.headers, 'x-forwarded-for': freshIp() };
      expect((await changePassword(headers, 'Wrong#current0x')).statusCode).toBe(400);
      expect((await changePassword(headers, 'Wrong#current1x')).statusCode).toBe(401);
      expect(await isLocked(user.userId)).toBe(true);
    });

    it('a flood of parallel guesses checks no more passwords than the lockout threshold', async () => {
      const user = await signIn(t.app, { roles: ['dispatcher'] });
      const headers = { ...user.headers, 'x-forwarded-for': freshIp() };
      const answers = await Promise.all([
        ...Array.from({ length: 24 }, (_, i) => changePassword(headers, `Wrong#flood${i}x`)),
        changePassword(headers, testPassword),
      ]);
      expect(answers.filter((a) => a.statusCode === 200)).toHaveLength(0);
      expect(await isLocked(user.userId)).toBe(true);
      const audit = await auditOf(user.userId);
      expect(
        audit.filter((a) => a.event_type === 'auth.password' && a.reason_code === 'current_wrong').length,
      ).toBeLessThanOrEqual(5);
    });

    it('a locked account cannot change its password from a session it still holds', async () => {
      const user = await signIn(t.app, { roles: ['dispatcher'] });
      const other = await signIn(t.app, { roles: ['dispatcher'], loginId: `${user.loginId}-x` });
      for (let i = 0; i < 5; i++) await signInFrom(user.loginId, freshIp(), `Wrong#signin${i}x`);
      expect(await isLocked(user.userId)).toBe(true);
      // A lock at the sign-in form does not sign anyone out (else anyone could sign anyone out) …
      expect((await me(user.headers)).statusCode).toBe(200);
      // … but no credential is checked while it lasts: the session that tries is ended.
      const res = await changePassword({ ...user.headers, 'x-forwarded-for': freshIp() }, testPassword);
      expect(res.statusCode).toBe(401);
      expect(res.json().error.code).toBe('locked_out');
      expect((await me(user.headers)).statusCode).toBe(401);
      expect((await me(other.headers)).statusCode).toBe(200);
    });

    it('answers 429 once the address has used up its failures', async () => {
      const ip = freshIp();
      for (let n = 0; n < 5; n++) {
        const user = await signIn(t.app, { roles: ['dispatcher'] });
        for (let i = 0; i < 4; i++)
          expect(
            (await changePassword({ ...user.headers, 'x-forwarded-for': ip }, `Wrong#current${i}x`)).statusCode,
          ).toBe(400);
      }
      const user = await signIn(t.app, { roles: ['dispatcher'] });
      const res = await changePassword({ ...user.headers, 'x-forwarded-for': ip }, testPassword);
      expect(res.statusCode).toBe(429);
      expect(res.json().error.code).toBe('rate_limited');
    });
  });
});
