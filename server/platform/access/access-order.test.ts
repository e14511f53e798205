import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../testing/test-app.ts';
import { type SignedIn, signIn } from '../../testing/test-auth.ts';
import { routeAccessTable } from './access.ts';
import { selfServicePermissions } from './roles.ts';

/**
 * Issue 9 item 14: access is checked before the request is validated, so a caller without the right learns
 * nothing about the schema — not its field names, not its limits. Malformed JSON, unknown fields and bad path
 * parameters all get the caller's 401/403 first; only a permitted caller sees field errors.
 */
const bodyMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** The route with every path parameter replaced by something no schema accepts. */
function withBadParams(url: string): string {
  return url.replace(/:[A-Za-z_]+/g, '%00x').replace(/\*$/, 'x');
}

/** A request that fails every kind of validation at once: bad params, unknown query, malformed JSON. */
function invalidRequest(method: string, url: string, headers: Record<string, string> = {}) {
  return {
    method: method as 'GET',
    url: `${withBadParams(url)}?page=-1&unknown%00=1`,
    headers: { ...headers, ...(bodyMethods.has(method) ? { 'content-type': 'application/json' } : {}) },
    ...(bodyMethods.has(method) ? { payload: '{"loginId": 1, "bogus": ' } : {}),
  };
}

describe('access before validation', () => {
  const t = useTestApp();
  let sysAdmin: SignedIn;
  let noRole: SignedIn;

  beforeAll(async () => {
    sysAdmin = await signIn(t.app, { roles: ['sys_admin'] });
    noRole = await signIn(t.app);
  });

  const createUser = (payload: unknown, headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'POST', url: '/api/admin/users', headers, payload: payload as object });

  it('an anonymous caller with an invalid body gets 401, not the schema', async () => {
    const unknownField = await createUser({ loginId: 1, isAdmin: true });
    expect(unknownField.statusCode).toBe(401);
    expect(unknownField.json()).toEqual({ error: { code: 'unauthenticated', message: expect.any(String) } });
    const malformed = await t.app.inject({
      method: 'POST',
      url: '/api/admin/users',
      headers: { 'content-type': 'application/json' },
      payload: '{"loginId":',
    });
    expect(malformed.statusCode).toBe(401);
  });

  it('a signed-in caller without the permission gets 403 — audited — whatever the body', async () => {
    const res = await createUser({ loginId: 1, isAdmin: true }, noRole.headers);
    expect(res.statusCode).toBe(403);
    expect(res.json()).toEqual({ error: { code: 'forbidden', message: '没有权限进行此操作' } });
    const rows = await t.db.database.query<{ object_id: string; details: { permission: string } }>(
      "select object_id, details from audit_event where event_type = 'access.denied' and actor_id = $1 order by seq desc limit 1",
      [noRole.userId],
    );
    expect(rows[0]).toMatchObject({ object_id: '/api/admin/users', details: { permission: 'users.manage' } });
  });

  it('a permitted caller gets 400 with the field errors', async () => {
    const res = await createUser({ loginId: 1, isAdmin: true }, sysAdmin.headers);
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({
      code: 'validation_failed',
      fields: { loginId: '应为文本', isAdmin: '不允许的字段' },
    });
  });

  it('every guarded route answers 401 to an anonymous invalid request', async () => {
    const guarded = routeAccessTable(t.app).filter((r) => r.access !== 'public');
    expect(guarded.length).toBeGreaterThan(20);
    for (const route of guarded) {
      const res = await t.app.inject(invalidRequest(route.method, route.url));
      expect(res.statusCode, `${route.method} ${route.url} → ${res.body.slice(0, 160)}`).toBe(401);
    }
  });

  it('every guarded route answers 403 to a signed-in caller without its permission, before validating', async () => {
    const own = new Set<string>(selfServicePermissions);
    const foreign = routeAccessTable(t.app).filter((r) => r.access !== 'public' && !own.has(r.access.permission));
    for (const route of foreign) {
      const res = await t.app.inject(invalidRequest(route.method, route.url, noRole.headers));
      expect(res.statusCode, `${route.method} ${route.url} → ${res.body.slice(0, 160)}`).toBe(403);
    }
  });
});
