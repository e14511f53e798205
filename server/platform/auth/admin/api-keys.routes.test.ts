import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../../testing/test-app.ts';
import { type SignedIn, signIn } from '../../../testing/test-auth.ts';
import { newApiKey } from '../api-key-token.ts';
import { insertApiKey } from '../api-keys.store.ts';

const submit = 'cases.open311.submit';

/**
 * Issue 9 item 2: a key carries integration permissions only (an explicit allowlist), unknown permissions are
 * refused, and a key stored before the allowlist with a person's power (pii.reveal…) never gets to use it.
 */
describe('API keys: integration permissions only', () => {
  const t = useTestApp();
  let sec: SignedIn;
  const inject = (method: 'GET' | 'POST' | 'DELETE', url: string, headers: Record<string, string>, payload?: object) =>
    t.app.inject({ method, url, headers, ...(payload ? { payload } : {}) });
  const create = (permissions: string[]) =>
    inject('POST', '/api/admin/api-keys', sec.headers, { name: '12345 热线', permissions, scopeRegion: '430225' });

  /** A key written straight into the table, as keys created before the allowlist were. */
  async function storedKey(permissions: string[]) {
    const generated = newApiKey();
    const id = randomUUID();
    await insertApiKey(t.db.database.db, {
      regionCode: '430225',
      id,
      name: '旧密钥',
      keyPrefix: generated.prefix,
      secretHash: generated.secretHash,
      permissions,
      scopeRegion: '430225',
      createdBy: null,
      createdAt: t.clock(),
      expiresAt: null,
      revokedAt: null,
      lastUsedAt: null,
    });
    return { id, key: generated.key };
  }

  beforeAll(async () => {
    sec = await signIn(t.app, { roles: ['sec_admin'] });
  });

  it('401 without a session, 403 for anyone but the security administrator, 400 on bad and unknown fields', async () => {
    expect((await inject('GET', '/api/admin/api-keys', {})).statusCode).toBe(401);
    expect((await inject('GET', '/api/admin/api-keys/permissions', {})).statusCode).toBe(401);
    const sys = await signIn(t.app, { roles: ['sys_admin'] });
    expect(
      (
        await inject('POST', '/api/admin/api-keys', sys.headers, {
          name: 'x1',
          permissions: [submit],
          scopeRegion: '430225',
        })
      ).statusCode,
    ).toBe(403);
    expect((await inject('GET', '/api/admin/api-keys/permissions', sys.headers)).statusCode).toBe(403);
    expect(
      (
        await inject('POST', '/api/admin/api-keys', sec.headers, {
          name: 'x1',
          permissions: [submit],
          scopeRegion: '430225',
          extra: 1,
        })
      ).statusCode,
    ).toBe(400);
    expect((await create([])).statusCode).toBe(400);
  });

  it('refuses a made-up permission with a field error on that entry', async () => {
    const res = await create([submit, 'made.up']);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields).toEqual({ 'permissions.1': '权限不存在：made.up' });
  });

  it('refuses reveal, export and every administration permission: they need a signed-in person', async () => {
    for (const permission of [
      'pii.reveal',
      'pii.reveal.phone',
      'cases.export',
      'audit.export',
      'users.read',
      'apikeys.manage',
      'system.metrics',
      'self.profile',
      'cases.read',
    ]) {
      const res = await create([permission]);
      expect(res.statusCode, permission).toBe(400);
      expect(res.json().error.fields, permission).toEqual({
        'permissions.0': `API 密钥不能持有该权限，须由登录的人员使用：${permission}`,
      });
    }
    const en = await t.app.inject({
      method: 'POST',
      url: '/api/admin/api-keys',
      headers: { ...sec.headers, 'accept-language': 'en' },
      payload: { name: 'x1', permissions: ['pii.reveal'], scopeRegion: '430225' },
    });
    expect(en.json().error.fields['permissions.0']).toBe(
      'An API key may not hold this permission; a signed-in person must use it: pii.reveal',
    );
  });

  it("offers exactly the integration permissions, in words in the reader's language", async () => {
    const res = await inject('GET', '/api/admin/api-keys/permissions', sec.headers);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ integration: [submit], names: { [submit]: 'Open311 对接：提交诉求、读取进展' } });
    const en = await inject('GET', '/api/admin/api-keys/permissions', { ...sec.headers, 'accept-language': 'en' });
    expect(en.json().names).toEqual({ [submit]: 'Open311: submit requests, read their updates' });
  });

  it('creates a key with an integration permission; shown once, works for Open311, stops when revoked', async () => {
    const created = await create([submit]);
    expect(created.statusCode).toBe(201);
    const { key, apiKey } = created.json();
    expect(apiKey).toMatchObject({ permissions: [submit], ineffectivePermissions: [] });
    const feed = () => t.app.inject({ method: 'GET', url: `/open311/v2/servicerequestupdates.json?api_key=${key}` });
    expect((await feed()).statusCode).toBe(200);
    expect((await inject('GET', '/api/admin/api-keys', sec.headers)).body).not.toContain(key);
    expect((await inject('DELETE', `/api/admin/api-keys/${apiKey.id}`, sec.headers)).statusCode).toBe(204);
    expect((await feed()).statusCode).toBe(403);
    const asBearer = (key: string) =>
      t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { authorization: `Bearer ${key}` } });
    expect((await asBearer(key)).statusCode).toBe(401);
    expect((await asBearer('wm_nonsense')).statusCode).toBe(401);
  });

  it('a key stored with pii.reveal cannot reveal a phone number, and the list flags the permission as ineffective', async () => {
    const person = await signIn(t.app, { roles: ['volunteer'], phone: '13907331234' });
    const old = await storedKey(['pii.reveal', 'pii.reveal.phone', submit, 'made.up']);
    const bearer = { authorization: `Bearer ${old.key}` };
    const reveal = await t.app.inject({
      method: 'POST',
      url: '/api/pii/reveal',
      headers: bearer,
      payload: { objectType: 'user', objectId: person.userId, fields: ['phone'], reason: '核实联系方式' },
    });
    expect(reveal.statusCode).toBe(403);
    expect(reveal.body).not.toContain('13907331234');
    const listed = (await inject('GET', '/api/admin/api-keys', sec.headers)).json() as Array<{
      id: string;
      ineffectivePermissions: string[];
      permissionNames: Record<string, string>;
    }>;
    const listedOld = listed.find((k) => k.id === old.id);
    expect(listedOld?.ineffectivePermissions).toEqual(['made.up', 'pii.reveal', 'pii.reveal.phone']);
    // Every permission in words, the ineffective ones too; a code nobody declares as stored.
    expect(listedOld?.permissionNames).toEqual({
      'pii.reveal': '查看个人信息明文',
      'pii.reveal.phone': '查看手机号明文',
      [submit]: 'Open311 对接：提交诉求、读取进展',
      'made.up': 'made.up',
    });
    // what the key may still do, it does
    expect(
      (await t.app.inject({ method: 'GET', url: `/open311/v2/servicerequestupdates.json?api_key=${old.key}` }))
        .statusCode,
    ).toBe(200);
  });
});
