import { describe, expect, it } from 'vitest';
import { buildApp } from '../../app.ts';
import { readConfig } from '../../config.ts';
import { systemClock } from '../context.ts';
import { testKeyring } from '../pii/keyring.ts';
import type { ModuleManifest } from '../module.ts';
import { useTestApp } from '../../testing/test-app.ts';
import { MissingAccessError, routeAccessTable } from './access.ts';

/** Pretends to be the identity layer: the `x-test-permissions` header becomes the actor's permissions. */
const fakeIdentity: ModuleManifest = {
  key: 'fake-identity',
  routes: [
    (app) => {
      app.addHook('onRequest', async (request) => {
        const header = request.headers['x-test-permissions'];
        if (typeof header !== 'string') return;
        request.ctx = {
          ...request.ctx,
          actor: {
            kind: 'user',
            id: 'u1',
            username: 'tester',
            displayName: '测试',
            roles: [],
            permissions: new Set(header.split(',')),
            scopeRegion: '430225',
            department: null,
            sessionId: null,
          },
        };
        // …behind a fully signed-in session: the guard refuses a person's actor without one (credential-kinds.ts).
        request.session = { pending: null } as unknown as typeof request.session;
      });
      app.get('/api/probe/cases', { config: { access: { permission: 'cases.read' } } }, async () => ({ ok: true }));
    },
  ],
};

describe('default deny', () => {
  const t = useTestApp({ modules: [fakeIdentity] });

  it('every route of the real app declares public or a permission', async () => {
    const app = await buildApp(
      { config: readConfig({ NODE_ENV: 'test' }), database: t.db.database, clock: systemClock, keyring: testKeyring() },
      { logger: false, serveWeb: false },
    );
    await app.ready();
    const table = routeAccessTable(app);
    expect(table.length).toBeGreaterThan(5);
    for (const route of table) expect(route.access, `${route.method} ${route.url}`).toBeDefined();
    // The known public surface; anything else that is public must be added here on purpose.
    const publicUrls = new Set(
      table.filter((r) => r.access === 'public').map((r) => r.url.replace(/^\/api\/docs.*/, '/api/docs*')),
    );
    expect([...publicUrls].sort()).toEqual([
      '/api/auth/login',
      '/api/auth/logout',
      '/api/docs*',
      '/api/meta',
      '/api/public/cases',
      '/api/public/cases/:caseNo',
      '/api/public/cases/:caseNo/photos/:photoId',
      '/api/public/cases/:caseNo/rating',
      '/api/public/cases/:caseNo/sms-consent',
      '/api/public/cases/form',
      '/api/public/cases/nearby',
      // one photo from the citizen form; rate-limited per address, the id carries its own secret
      '/api/public/cases/photo-uploads',
      '/api/regions',
      '/api/regions/:code',
      // a printed document's verification by its 160-bit code; rate-limited per device and address ('public-read')
      '/api/verify/:code',
      '/healthz',
      '/open311/v2/discovery.:format',
      // POST requests and the updates feed check the partner's api_key argument in the handler's preValidation
      '/open311/v2/requests.:format',
      '/open311/v2/requests/:service_request_id.:format',
      '/open311/v2/servicerequestupdates.:format',
      '/open311/v2/services.:format',
      '/open311/v2/services/:service_code.:format',
      '/open311/v2/tokens/:token.:format',
      '/readyz',
    ]);
    await app.close();
  });

  it('refuses to build an app with a route that declares no access', async () => {
    const careless: ModuleManifest = {
      key: 'careless',
      routes: [
        (app) => {
          app.get('/api/careless', async () => ({ leaked: true }));
        },
      ],
    };
    const build = async () => {
      const app = await buildApp(
        {
          config: readConfig({ NODE_ENV: 'test' }),
          database: t.db.database,
          clock: systemClock,
          keyring: testKeyring(),
        },
        { logger: false, serveWeb: false, modules: [careless] },
      );
      await app.ready();
    };
    await expect(build()).rejects.toBeInstanceOf(MissingAccessError);
  });

  it('401 without an actor, 403 without the permission, 200 with it', async () => {
    const call = (permissions?: string) =>
      t.app.inject({
        method: 'GET',
        url: '/api/probe/cases',
        headers: permissions === undefined ? {} : { 'x-test-permissions': permissions },
      });
    expect((await call()).statusCode).toBe(401);
    const denied = await call('volunteers.read');
    expect(denied.statusCode).toBe(403);
    expect(denied.json()).toEqual({ error: { code: 'forbidden', message: '没有权限进行此操作' } });
    expect((await call('volunteers.read,cases.read')).statusCode).toBe(200);
  });

  it('/metrics needs the system.metrics permission and counts requests by route pattern', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/metrics' })).statusCode).toBe(401);
    await t.app.inject({ method: 'GET', url: '/healthz' });
    await t.app.inject({ method: 'GET', url: '/api/unknown/430225' });
    const res = await t.app.inject({
      method: 'GET',
      url: '/metrics',
      headers: { 'x-test-permissions': 'system.metrics' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain(
      'wenming_http_request_duration_seconds_count{method="GET",route="/healthz",status="200"} 1',
    );
    expect(res.body).toContain('route="unmatched",status="404"} 1');
    expect(res.body).not.toContain('430225');
  });
});
