import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.ts';
import { readConfig } from '../../config.ts';
import { adoptedManifests } from '../modules/adopt.ts';
import { fakeClock } from '../../testing/fake-clock.ts';
import { signIn, testPassword } from '../../testing/test-auth.ts';
import { useTestDatabase } from '../../testing/test-database.ts';
import { newApiKey } from '../auth/api-key-token.ts';
import { insertApiKey } from '../auth/api-keys.store.ts';
import type { ModuleManifest } from '../module.ts';
import { testKeyring } from '../pii/keyring.ts';
import { routeAccessTable } from './access.ts';
import { type CredentialKind, credentialKinds, credentialMayCarry } from './credential-kinds.ts';
import { integrationPermissions, needsPerson } from './integration-permissions.ts';
import { permissionCatalogue } from './permission-catalogue.ts';

/** The app's manifests, as the test setup adopted them (a platform test is handed the list, never imports it). */
const appModules = adoptedManifests();

/**
 * The permissions a machine may hold. Adding one is a decision about 三员分立 and PIPL: it changes this list
 * and the module manifest together, and never names a reveal, an export or an administrator's power.
 */
const keyMayCarry = ['cases.open311.submit'];
/** What a session with a step pending (MFA, enrolment, a password change) may do: finish it and see who it is. */
const pendingStepsMayDo = ['self.mfa', 'self.password', 'self.profile'];
/** …and, of those, what one still proving MFA holds. */
const pendingMfaMayDo = ['self.mfa', 'self.profile'];

/** The route each permission of the catalogue is probed on. */
const probeUrl = (index: number) => `/api/probe/permission-${index}`;

function probeModule(permissions: readonly string[]): ModuleManifest {
  return {
    key: 'credential-probe',
    routes: [
      (app) => {
        permissions.forEach((permission, index) => {
          app.get(probeUrl(index), { config: { access: { permission } } }, async () => ({ ok: true }));
        });
      },
    ],
  };
}

describe('permission × credential kind (issue 9 item 2)', () => {
  const db = useTestDatabase();
  const clock = fakeClock();
  let catalogue: string[];
  let app: FastifyInstance;
  const build = (modules: readonly ModuleManifest[]) =>
    buildApp(
      { config: readConfig({ NODE_ENV: 'test' }), database: db.database, clock, keyring: testKeyring() },
      { logger: false, serveWeb: false, modules },
    );

  beforeAll(async () => {
    // The catalogue is read off the real app: every permission a route, a built-in role or a module grant names.
    const real = await build(appModules);
    await real.ready();
    catalogue = [...permissionCatalogue(routeAccessTable(real))].sort();
    await real.close();
    app = await build([...appModules, probeModule(catalogue)]);
    await app.ready();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('the catalogue holds the platform, module, reveal and Open311 permissions', () => {
    for (const permission of [
      'users.manage',
      'apikeys.manage',
      'audit.export',
      'pii.reveal',
      'pii.reveal.phone',
      'self.mfa',
      'cases.read',
      'cases.export',
      'cases.catalogue.read',
      'calendar.read',
      'system.metrics',
      'cases.open311.submit',
    ]) {
      expect(catalogue, permission).toContain(permission);
    }
  });

  it('the allowlist is exactly the integration permissions, and none of them needs a person', () => {
    expect([...integrationPermissions()].sort()).toEqual(keyMayCarry);
    for (const permission of keyMayCarry) expect(needsPerson(permission), permission).toBe(false);
    for (const permission of [
      'pii.reveal',
      'pii.reveal.health',
      'cases.export',
      'audit.export',
      'users.read',
      'roles.grant',
      'security.policy',
      'apikeys.manage',
      'sessions.revoke_any',
      'system.metrics',
      'self.password',
    ]) {
      expect(needsPerson(permission), permission).toBe(true);
    }
  });

  it('the rule, for every permission of the catalogue and every credential kind', () => {
    const expected = (kind: CredentialKind, permission: string): boolean => {
      if (kind === 'anonymous') return false;
      if (kind === 'api_key') return keyMayCarry.includes(permission);
      if (kind === 'session_pending') return pendingStepsMayDo.includes(permission);
      return true;
    };
    expect(credentialKinds).toEqual(['anonymous', 'session_pending', 'session', 'api_key']);
    for (const permission of catalogue) {
      for (const kind of credentialKinds)
        expect(credentialMayCarry(kind, permission), `${kind} × ${permission}`).toBe(expected(kind, permission));
    }
  });

  describe('through the guard, with real credentials each holding every permission of the catalogue', () => {
    const probe = async (headers: Record<string, string>) => {
      const answers = new Map<string, number>();
      for (const [index, permission] of catalogue.entries())
        answers.set(permission, (await app.inject({ method: 'GET', url: probeUrl(index), headers })).statusCode);
      return answers;
    };
    const expectAllowed = (answers: Map<string, number>, allowed: (permission: string) => boolean, refusal: number) => {
      for (const [permission, status] of answers) expect(status, permission).toBe(allowed(permission) ? 200 : refusal);
    };

    it('anonymous: 401 everywhere', async () => {
      expectAllowed(await probe({}), () => false, 401);
    });

    it('an API key stored with every permission: only the allowlist passes, everything else is 403', async () => {
      const generated = newApiKey();
      await insertApiKey(db.database.db, {
        regionCode: '430225',
        id: randomUUID(),
        name: '全权限密钥',
        keyPrefix: generated.prefix,
        secretHash: generated.secretHash,
        permissions: catalogue,
        scopeRegion: '430225',
        createdBy: null,
        createdAt: clock(),
        expiresAt: null,
        revokedAt: null,
        lastUsedAt: null,
      });
      expectAllowed(await probe({ authorization: `Bearer ${generated.key}` }), (p) => keyMayCarry.includes(p), 403);
    });

    it('a session still proving MFA: only the MFA step and its profile', async () => {
      const holder = await signIn(app, { permissions: catalogue });
      const login = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: holder.loginId, password: testPassword },
      });
      expect(login.json().pending).toBe('mfa');
      const headers = { cookie: String(login.headers['set-cookie']).split(';')[0]! };
      expectAllowed(await probe(headers), (p) => pendingMfaMayDo.includes(p), 403);
    });

    it('a person fully signed in: everything the roles grant', async () => {
      const holder = await signIn(app, { permissions: catalogue });
      expectAllowed(await probe(holder.headers), () => true, 403);
    });
  });
});
