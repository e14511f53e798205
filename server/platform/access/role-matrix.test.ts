import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../testing/test-app.ts';
import { type SignedIn, signIn } from '../../testing/test-auth.ts';
import { roleKeys } from './roles.ts';

/**
 * 等保 L3-CES1-09 "应测试验证用户是否有可越权访问情形": every built-in role against every platform route.
 * A role reaches exactly the routes listed for it; everything else is 403 and audited.
 */
interface Probe {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  url: string;
  allowed: readonly string[];
  payload?: object;
}

const everyone = roleKeys;
const probes: Probe[] = [
  { method: 'GET', url: '/api/auth/me', allowed: everyone },
  { method: 'GET', url: '/api/auth/sessions', allowed: everyone },
  { method: 'GET', url: '/api/admin/users', allowed: ['sys_admin', 'sec_admin'] },
  {
    method: 'POST',
    url: '/api/admin/users',
    allowed: ['sys_admin'],
    payload: { loginId: 'probe', displayName: 'x', scopeRegion: '430299' },
  },
  { method: 'PUT', url: '/api/admin/users/{target}/roles', allowed: ['sec_admin'], payload: { roles: ['volunteer'] } },
  { method: 'POST', url: '/api/admin/users/{target}/unlock', allowed: ['sec_admin'] },
  { method: 'POST', url: '/api/admin/users/{target}/reset-password', allowed: ['sys_admin'] },
  { method: 'GET', url: '/api/admin/roles', allowed: ['sec_admin'] },
  { method: 'GET', url: '/api/admin/api-keys', allowed: ['sec_admin'] },
  { method: 'GET', url: '/api/admin/security-policy', allowed: ['sec_admin'] },
  { method: 'GET', url: '/api/audit/events', allowed: ['audit_admin'] },
  { method: 'GET', url: '/api/audit/verify', allowed: ['audit_admin'] },
  { method: 'GET', url: '/metrics', allowed: ['sys_admin'] },
  {
    method: 'POST',
    url: '/api/pii/reveal',
    allowed: ['sys_admin'],
    payload: { objectType: 'user', objectId: '{target}', fields: ['phone'], reason: '核实联系方式' },
  },
];

describe('role × route matrix', () => {
  const t = useTestApp();
  const sessions = new Map<string, SignedIn>();
  let target: SignedIn;

  beforeAll(async () => {
    target = await signIn(t.app, { roles: ['volunteer'], phone: '13907331234' });
    for (const role of roleKeys) sessions.set(role, await signIn(t.app, { roles: [role] }));
  });

  const call = (probe: Probe, who: SignedIn) =>
    t.app.inject({
      method: probe.method,
      url: probe.url.replace('{target}', target.userId),
      headers: who.headers,
      ...(probe.payload
        ? { payload: JSON.parse(JSON.stringify(probe.payload).replace('{target}', target.userId)) }
        : {}),
    });

  for (const role of roleKeys) {
    it(`${role} reaches exactly its routes`, async () => {
      const who = sessions.get(role)!;
      for (const probe of probes) {
        const res = await call(probe, who);
        const label = `${role} ${probe.method} ${probe.url} → ${res.statusCode} ${res.body.slice(0, 120)}`;
        if (probe.allowed.includes(role)) expect(res.statusCode, label).not.toBe(403);
        else expect(res.statusCode, label).toBe(403);
        expect(res.statusCode, label).toBeLessThan(500);
      }
    });
  }

  it('audits every denial with the route and the missing permission', async () => {
    const volunteer = sessions.get('volunteer')!;
    await t.app.inject({ method: 'GET', url: '/api/audit/events', headers: volunteer.headers });
    const rows = await t.db.database.query<{ object_id: string; details: { permission: string } }>(
      "select object_id, details from audit_event where event_type = 'access.denied' and actor_id = $1 order by seq desc limit 1",
      [volunteer.userId],
    );
    expect(rows[0]).toMatchObject({ object_id: '/api/audit/events', details: { permission: 'audit.read' } });
  });

  it('三员 hold no business permission and no two of them can be combined', async () => {
    const roles = (
      await t.app.inject({ method: 'GET', url: '/api/admin/roles', headers: sessions.get('sec_admin')!.headers })
    ).json();
    for (const role of roles.filter((r: { adminKind: string | null }) => r.adminKind)) {
      for (const permission of role.permissions)
        expect(permission, role.key).toMatch(/^(users|roles|security|apikeys|sessions|audit|system|pii)\./);
    }
    const combine = await t.app.inject({
      method: 'PUT',
      url: `/api/admin/users/${target.userId}/roles`,
      headers: sessions.get('sec_admin')!.headers,
      payload: { roles: ['sys_admin', 'audit_admin'] },
    });
    expect(combine.statusCode).toBe(400);
    expect(combine.json().error.fields.roles).toContain('互斥');
  });

  it('the security administrator cannot grant itself anything', async () => {
    const sec = sessions.get('sec_admin')!;
    const res = await t.app.inject({
      method: 'PUT',
      url: `/api/admin/users/${sec.userId}/roles`,
      headers: sec.headers,
      payload: { roles: ['sec_admin', 'coordinator'] },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields.roles).toBe('不能给自己授予或撤销角色');
  });
});

describe('township data scope', () => {
  const t = useTestApp();

  it('an account manager of 霞阳镇 sees 霞阳镇 accounts and gets 404 — audited — for 沔渡镇 ones', async () => {
    const manager = await signIn(t.app, {
      permissions: ['users.read', 'users.manage', 'pii.reveal', 'pii.reveal.phone'],
      scopeRegion: '430225100',
    });
    const local = await signIn(t.app, { roles: ['inspector'], scopeRegion: '430225100', phone: '13907331111' });
    const foreign = await signIn(t.app, { roles: ['inspector'], scopeRegion: '430225101', phone: '13907332222' });
    const get = (id: string) =>
      t.app.inject({ method: 'GET', url: `/api/admin/users/${id}`, headers: manager.headers });
    expect((await get(local.userId)).statusCode).toBe(200);
    const read = await get(foreign.userId);
    expect(read.statusCode).toBe(404);
    expect(read.json().error.code).toBe('not_found');
    const update = await t.app.inject({
      method: 'PATCH',
      url: `/api/admin/users/${foreign.userId}`,
      headers: manager.headers,
      payload: { displayName: '改名' },
    });
    expect(update.statusCode).toBe(404);
    const reset = await t.app.inject({
      method: 'POST',
      url: `/api/admin/users/${foreign.userId}/reset-password`,
      headers: manager.headers,
    });
    expect(reset.statusCode).toBe(404);
    const reveal = await t.app.inject({
      method: 'POST',
      url: '/api/pii/reveal',
      headers: manager.headers,
      payload: { objectType: 'user', objectId: foreign.userId, fields: ['phone'], reason: '核实联系方式' },
    });
    expect(reveal.statusCode).toBe(404);
    const list = (
      await t.app.inject({ method: 'GET', url: '/api/admin/users?pageSize=200', headers: manager.headers })
    ).json();
    const ids = list.items.map((u: { id: string }) => u.id);
    expect(ids).toContain(local.userId);
    expect(ids).not.toContain(foreign.userId);
    const denials = await t.db.database.query(
      "select 1 from audit_event where event_type = 'access.denied' and reason_code = 'out_of_scope' and object_id = $1",
      [foreign.userId],
    );
    expect(denials.length).toBeGreaterThanOrEqual(3);
  });
});
