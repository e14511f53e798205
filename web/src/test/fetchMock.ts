import { vi } from 'vitest';

export interface RecordedRequest {
  method: string;
  path: string;
  headers: Headers;
  body: unknown;
  credentials: RequestCredentials | undefined;
}

export type RouteReply = Response | ((request: RecordedRequest) => Response | Promise<Response>);

export function jsonResponse(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json; charset=utf-8' } });
}

export function errorResponse(status: number, code: string, message: string, fields?: Record<string, string>): Response {
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
  permissions: [],
};

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
