import { vi } from 'vitest';

export interface RecordedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: Headers;
  body: unknown;
  credentials: RequestCredentials | undefined;
}

export type RouteReply = Response | ((request: RecordedRequest) => Response | Promise<Response>);

export function jsonResponse(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json; charset=utf-8' } });
}

export function errorResponse(
  status: number,
  code: string,
  message: string,
  fields?: Record<string, string>,
): Response {
  return jsonResponse(status, { error: { code, message, ...(fields ? { fields } : {}) } });
}

/** What the current server answers for any route it does not have. */
export function routeNotFound(): Response {
  return errorResponse(404, 'not_found', '接口不存在');
}

/** Shaped like the server's answer (server/platform/system/system.routes.ts). */
export const sampleMeta = {
  product: 'wenming',
  version: '0.1.0',
  county: { code: '430225', name: '炎陵县' },
  engine: 'pglite',
  demo: true,
  seed: { seed: 42, scale: 'small', seededAt: '2026-11-29T00:00:00.000Z' },
  modules: [
    { key: 'dashboard', ready: false },
    { key: 'cases', ready: true },
  ],
};

export const sampleUser = {
  id: 'u-1',
  username: 'zhangsan',
  displayName: '张三',
  roles: ['coordinator'],
  permissions: ['self.profile', 'self.password', 'self.sessions', 'self.mfa'],
  scopeRegion: '430225',
  department: '县创文办' as string | null,
  mfaEnabled: false,
  passwordExpiresAt: null as string | null,
};

export type SampleUser = typeof sampleUser;

/** A system administrator as the demo seeds one (server: access/roles.ts sys_admin). */
export const sysAdminUser: SampleUser = {
  ...sampleUser,
  id: 'u-sys',
  username: 'sysadmin',
  displayName: '刘明',
  roles: ['sys_admin'],
  permissions: [...sampleUser.permissions, 'users.read', 'users.manage', 'pii.reveal', 'pii.reveal.phone'],
  department: null,
  mfaEnabled: true,
};

export const secAdminUser: SampleUser = {
  ...sampleUser,
  id: 'u-sec',
  username: 'secadmin',
  displayName: '陈静',
  roles: ['sec_admin'],
  permissions: [
    ...sampleUser.permissions,
    'users.read',
    'roles.read',
    'roles.grant',
    'roles.manage',
    'users.unlock',
    'security.policy',
    'apikeys.manage',
  ],
  department: null,
  mfaEnabled: true,
};

export const auditAdminUser: SampleUser = {
  ...sampleUser,
  id: 'u-audit',
  username: 'auditadmin',
  displayName: '王芳',
  roles: ['audit_admin'],
  permissions: [...sampleUser.permissions, 'audit.read', 'audit.verify', 'audit.export'],
  department: null,
  mfaEnabled: true,
};

export const sampleCsrfToken = 'csrf-token-1';

/** The body of `/api/auth/me` and `/api/auth/login` (server: auth.schema.ts MeSchema). */
export function meBody(user: SampleUser = sampleUser, pending: 'mfa' | 'mfa_enroll' | 'password_change' | null = null) {
  return { user, pending, csrfToken: sampleCsrfToken, sessionExpiresAt: '2026-11-29T12:00:00.000Z', idleMinutes: 30 };
}

/** A signed-in session as `user`, with the calls every shell page makes. */
export function signedInAs(user: SampleUser = sampleUser) {
  return { 'GET /api/auth/me': jsonResponse(200, meBody(user)), 'GET /api/meta': jsonResponse(200, sampleMeta) };
}

/**
 * Replaces `fetch` with a router keyed by "METHOD /path". Unlisted routes answer like today's server (404 in the
 * error shape). Every request is recorded for assertions.
 */
export function mockApi(routes: Record<string, RouteReply>) {
  const requests: RecordedRequest[] = [];
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = new URL(String(input), 'http://localhost');
    const request: RecordedRequest = {
      method: (init.method ?? 'GET').toUpperCase(),
      path: url.pathname,
      query: url.searchParams,
      headers: new Headers(init.headers),
      body: typeof init.body === 'string' ? JSON.parse(init.body) : undefined,
      credentials: init.credentials,
    };
    requests.push(request);
    const reply = routes[`${request.method} ${request.path}`];
    if (!reply) return routeNotFound();
    // A Response body can be read once; clone so a route can answer repeated requests.
    return typeof reply === 'function' ? reply(request) : reply.clone();
  });
  vi.stubGlobal('fetch', fetchMock);
  return { requests, fetchMock };
}
