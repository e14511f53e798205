import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../testing/test-app.ts';
import { routeAccessTable } from '../access/access.ts';

type Security = Array<Record<string, string[]>>;
interface Operation {
  security?: Security;
  'x-permission'?: string;
}

/** What a machine's key may carry (credential-kinds.test.ts holds the same list, on purpose twice). */
const keyMayCarry = ['cases.open311.submit'];
/** Public to the guard, but the handler takes the partner's `api_key` argument (GeoReport v2). */
const keyedByArgument = [
  'POST /open311/v2/requests.{format}',
  'GET /open311/v2/servicerequestupdates.{format}',
  'POST /open311/v2/servicerequestupdates.{format}',
];
/** Routes kept out of the document on purpose. */
const undocumented = ['GET /metrics'];
const safeMethods = ['GET', 'HEAD', 'OPTIONS'];

/** `/api/cases/:caseNo` → `/api/cases/{caseNo}`, `/open311/v2/discovery.:format` → `…discovery.{format}`. */
const openApiPath = (url: string) => url.replace(/:([A-Za-z0-9_]+)/g, '{$1}');

function expectedSecurity(method: string, path: string, access: 'public' | { permission: string }): Security {
  if (access === 'public') return keyedByArgument.includes(`${method} ${path}`) ? [{ open311ApiKey: [] }] : [];
  const session: Record<string, string[]> = safeMethods.includes(method)
    ? { sessionCookie: [] }
    : { sessionCookie: [], csrfToken: [] };
  return keyMayCarry.includes(access.permission) ? [session, { apiKey: [] }] : [session];
}

/** Issue 9 item 15: the OpenAPI document says, per operation, which credentials it takes — from the route table. */
describe('OpenAPI security', () => {
  const t = useTestApp();
  const document = async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/docs/json' });
    expect(res.statusCode).toBe(200);
    return res.json() as {
      components: { securitySchemes?: Record<string, unknown> };
      paths: Record<string, Record<string, Operation>>;
    };
  };

  it('declares the session cookie, its CSRF header, the bearer API key and Open311’s api_key argument', async () => {
    const { components } = await document();
    expect(components.securitySchemes).toEqual({
      sessionCookie: { type: 'apiKey', in: 'cookie', name: '__Host-wenming_sid', description: expect.any(String) },
      csrfToken: { type: 'apiKey', in: 'header', name: 'x-csrf-token', description: expect.any(String) },
      apiKey: { type: 'http', scheme: 'bearer', bearerFormat: 'wm_<prefix>_<secret>', description: expect.any(String) },
      open311ApiKey: { type: 'apiKey', in: 'query', name: 'api_key', description: expect.any(String) },
    });
  });

  it('every operation carries the security its route declares, and every route is documented', async () => {
    const { paths } = await document();
    const documented = new Set<string>();
    for (const [path, operations] of Object.entries(paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        const label = `${method.toUpperCase()} ${path}`;
        documented.add(label);
        const route = routeAccessTable(t.app).find(
          (r) => r.method === method.toUpperCase() && openApiPath(r.url) === path,
        );
        expect(route, label).toBeDefined();
        expect(operation.security, label).toEqual(expectedSecurity(method.toUpperCase(), path, route!.access));
        expect(operation['x-permission'], label).toBe(
          route!.access === 'public' ? undefined : route!.access.permission,
        );
      }
    }
    const routes = routeAccessTable(t.app).filter(
      (r) => r.method !== 'HEAD' && !r.url.startsWith('/api/docs') && r.url !== '/*',
    );
    const missing = routes
      .map((r) => `${r.method} ${openApiPath(r.url)}`)
      .filter((label) => !documented.has(label) && !undocumented.includes(label));
    expect(missing).toEqual([]);
    expect(documented.size).toBeGreaterThan(40);
  });

  it('no operation offers a bearer key for a reveal, an export or an administrator’s power', async () => {
    const { paths } = await document();
    const keyed = Object.values(paths)
      .flatMap((operations) => Object.values(operations))
      .filter((operation) => operation.security?.some((scheme) => 'apiKey' in scheme))
      .map((operation) => operation['x-permission']);
    for (const permission of keyed) expect(keyMayCarry, permission).toContain(permission);
    const reveal = paths['/api/pii/reveal']?.post;
    expect(reveal?.security).toEqual([{ sessionCookie: [], csrfToken: [] }]);
    expect(paths['/api/auth/login']?.post?.security).toEqual([]);
  });
});
