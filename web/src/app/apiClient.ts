import createClient from 'openapi-fetch';
import type { paths } from '../api/schema.gen.ts';
import { send } from './api.ts';

/**
 * The typed client: paths, parameters, bodies and answers come from the server's OpenAPI document
 * (`npm run gen:api`). openapi-fetch builds the URL and the body; the request then goes out through the same
 * `send` as every other call, so it keeps the language and CSRF headers, same-origin credentials, the error
 * shape (a non-2xx answer throws ApiError) and the expired-session broadcast.
 */
export const apiClient = createClient<paths>({
  // openapi-fetch builds a Request, which needs an absolute URL; only the path and query go on the wire.
  baseUrl: globalThis.location?.origin ?? 'http://localhost',
  fetch: sendThroughWrapper,
  querySerializer: queryText,
});

async function sendThroughWrapper(request: Request): Promise<Response> {
  const url = new URL(request.url);
  const hasBody = request.method !== 'GET' && request.method !== 'HEAD';
  const json = hasBody ? (await request.text()) || undefined : undefined;
  const idempotencyKey = request.headers.get('Idempotency-Key') ?? undefined;
  return send(
    request.method,
    `${url.pathname}${url.search}`,
    { json, signal: request.signal, idempotencyKey },
    'application/json',
  );
}

/**
 * Empty values are left out, so the server's "unknown or empty field" checks stay quiet; a list repeats its name
 * (`status=a&status=b`), as the server's query schemas read it.
 */
export function queryText(query: Readonly<Record<string, unknown>>): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    for (const item of Array.isArray(value) ? value : [value]) {
      if (item !== undefined && item !== null && item !== '') params.append(name, String(item));
    }
  }
  return params.toString();
}

/**
 * The answer's body. `send` has already thrown on every non-2xx answer, so what reaches here is the success
 * branch of openapi-fetch's result.
 */
export async function dataOf<T>(call: Promise<{ data?: T }>): Promise<T> {
  return (await call).data as T;
}
