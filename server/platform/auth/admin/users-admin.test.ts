import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../testing/test-app.ts';
import { signIn } from '../../../testing/test-auth.ts';
import { assertSystemAdministratorExists, NoSystemAdministratorError } from '../bootstrap.ts';

describe('account administration', () => {
  const t = useTestApp({ config: { trustProxy: true } });
  const inject = (
    method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
    url: string,
    headers: Record<string, string>,
    payload?: object,
  ) => t.app.inject({ method, url, headers, ...(payload ? { payload } : {}) });

  describe('bad input', () => {
    it('401 without a session, 400 for unknown fields and bad values, 404 for an unknown id', async () => {
      expect((await inject('GET', '/api/admin/users', {})).statusCode).toBe(401);
      const sys = await signIn(t.app, { roles: ['sys_admin'] });
      const bad = await inject('POST', '/api/admin/users', sys.headers, {
        loginId: '李',
        displayName: '',
        scopeRegion: '4302',
        isAdmin: true,
      });
      expect(bad.statusCode).toBe(400);
      expect(Object.keys(bad.json().error.fields).sort()).toEqual(['displayName', 'isAdmin', 'loginId']);
      const phone = await inject('POST', '/api/admin/users', sys.headers, {
        loginId: 'li.si',
        displayName: '李四',
        scopeRegion: '430225100',
        phone: '12345678901',
      });
      expect(phone.statusCode).toBe(400);
      expect(phone.json().error.fields).toHaveProperty('phone');
      const outside = await inject('POST', '/api/admin/users', sys.headers, {
        loginId: 'li.si',
        displayName: '李四',
        scopeRegion: '430102',
      });
      expect(outside.json().error.fields.scopeRegion).toBe('只能在本人管辖范围内设置数据范围');
      expect(
        (await inject('GET', '/api/admin/users/3f1e8a8e-0000-4000-8000-000000000000', sys.headers)).statusCode,
      ).toBe(404);
      expect((await inject('GET', '/api/admin/users/not-a-uuid', sys.headers)).statusCode).toBe(400);
    });
  });

  it('creates an account with a one-time password that must be changed at first sign-in', async () => {
    const sys = await signIn(t.app, { roles: ['sys_admin'] });
    const created = await inject('POST', '/api/admin/users', sys.headers, {
      loginId: 'tan.jianjun',
      displayName: '谭建军',
      scopeRegion: '430225100',
      phone: '139 0733 1234',
    });
    expect(created.statusCode).toBe(201);
    const { user, temporaryPassword } = created.json();
    expect(user).toMatchObject({
      loginId: 'tan.jianjun',
      scopeRegionName: '霞阳镇',
      phone: '139****1234',
      roles: [],
      status: 'active',
    });
    const raw = await t.db.database.query<{ phone_enc: string }>('select phone_enc from app_user where id = $1', [
      user.id,
    ]);
    expect(raw[0]!.phone_enc).not.toContain('13907331234');

    const first = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'TAN.JIANJUN ', password: temporaryPassword },
    });
    expect(first.json().pending).toBe('password_change');
    const headers = {
      cookie: String(first.headers['set-cookie']).split(';')[0]!,
      'x-csrf-token': first.json().csrfToken,
    };
    expect((await inject('GET', '/api/admin/users', headers)).statusCode).toBe(403);
    const reuse = await inject('POST', '/api/auth/password', headers, {
      currentPassword: temporaryPassword,
      newPassword: temporaryPassword,
    });
    expect(reuse.json().error.fields.newPassword).toContain('不能使用最近用过');
    const weak = await inject('POST', '/api/auth/password', headers, {
      currentPassword: temporaryPassword,
      newPassword: 'tan.jianjun#2026A',
    });
    expect(weak.json().error.fields.newPassword).toBe('密码不能包含用户名、姓名、手机号或身份证号');
    const ok = await inject('POST', '/api/auth/password', headers, {
      currentPassword: temporaryPassword,
      newPassword: 'Qing#Shan-29xk',
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().pending).toBeNull();
    expect((await inject('GET', '/api/auth/me', headers)).statusCode).toBe(401); // rotated: the old cookie is dead
  });

  it('disabling an account ends its sessions; reset gives a new one-time password; unlock lifts a lock', async () => {
    const sys = await signIn(t.app, { roles: ['sys_admin'] });
    const sec = await signIn(t.app, { roles: ['sec_admin'] });
    const worker = await signIn(t.app, { roles: ['dispatcher'] });
    const disabled = await inject('PATCH', `/api/admin/users/${worker.userId}`, sys.headers, { status: 'disabled' });
    expect(disabled.json().status).toBe('disabled');
    expect((await inject('GET', '/api/auth/me', worker.headers)).statusCode).toBe(401);
    await inject('PATCH', `/api/admin/users/${worker.userId}`, sys.headers, { status: 'active' });

    for (let i = 0; i < 5; i++)
      await t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: worker.loginId, password: `Wrong#pw${i}zz` },
      });
    expect((await inject('GET', `/api/admin/users/${worker.userId}`, sys.headers)).json().locked).toBe(true);
    expect((await inject('POST', `/api/admin/users/${worker.userId}/unlock`, sec.headers)).statusCode).toBe(204);
    const reset = await inject('POST', `/api/admin/users/${worker.userId}/reset-password`, sys.headers);
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: worker.loginId, password: reset.json().temporaryPassword },
    });
    expect(login.statusCode).toBe(200);
    expect(login.json().pending).toBe('mfa');
  });

  it('role changes apply at the next request', async () => {
    const sec = await signIn(t.app, { roles: ['sec_admin'] });
    const worker = await signIn(t.app, { roles: ['volunteer'] });
    const res = await inject('PUT', `/api/admin/users/${worker.userId}/roles`, sec.headers, {
      roles: ['dispatcher', 'inspector'],
    });
    expect(res.json().roles.sort()).toEqual(['dispatcher', 'inspector']);
    expect((await inject('GET', '/api/auth/me', worker.headers)).json().user.roles.sort()).toEqual([
      'dispatcher',
      'inspector',
    ]);
  });

  it('the security policy is bounded, audited and takes effect at once', async () => {
    const sec = await signIn(t.app, { roles: ['sec_admin'] });
    const current = (await inject('GET', '/api/admin/security-policy', sec.headers)).json();
    const tooWeak = await inject('PUT', '/api/admin/security-policy', sec.headers, {
      ...current,
      policy: { ...current.policy, minLength: 6 },
    });
    expect(tooWeak.json().error.fields['policy.minLength']).toBe('不能小于 8');
    const stricter = await inject('PUT', '/api/admin/security-policy', sec.headers, {
      ...current,
      policy: { ...current.policy, lockoutThreshold: 3 },
    });
    expect(stricter.statusCode).toBe(200);
    const victim = await signIn(t.app, { roles: ['volunteer'] });
    for (let i = 0; i < 3; i++)
      await t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: victim.loginId, password: `Wrong#pw${i}zz` },
      });
    expect(
      (
        await inject(
          'GET',
          `/api/admin/users/${victim.userId}`,
          (
            await signIn(t.app, { roles: ['sys_admin'] })
          ).headers,
        )
      ).json().locked,
    ).toBe(true);
    await inject('PUT', '/api/admin/security-policy', sec.headers, current);
  });

  it('a production start needs a system administrator with a password', async () => {
    const empty = t.db.database.db;
    await expect(assertSystemAdministratorExists(empty, '430299')).rejects.toBeInstanceOf(NoSystemAdministratorError);
    await signIn(t.app, { roles: ['sys_admin'] });
    await expect(assertSystemAdministratorExists(empty, '430225')).resolves.toBeUndefined();
  });
});

describe('administrators and their own accounts', () => {
  const t = useTestApp();

  it('cannot disable or reset their own account', async () => {
    const sys = await signIn(t.app, { roles: ['sys_admin'] });
    const disable = await t.app.inject({
      method: 'PATCH',
      url: `/api/admin/users/${sys.userId}`,
      headers: sys.headers,
      payload: { status: 'disabled' },
    });
    expect(disable.json().error.fields.status).toBe('不能对自己的账号执行此操作，请由其他管理员办理');
    const reset = await t.app.inject({
      method: 'POST',
      url: `/api/admin/users/${sys.userId}/reset-password`,
      headers: sys.headers,
    });
    expect(reset.statusCode).toBe(400);
  });
});
