// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { errorResponse, jsonResponse, mockApi } from '../test/fetchMock.ts';
import { ApiError, onUnauthorized, setCsrfToken, setRequestLanguage } from './api.ts';
import { apiClient, dataOf, queryText } from './apiClient.ts';

afterEach(() => {
  vi.unstubAllGlobals();
  setRequestLanguage('zh');
  setCsrfToken(undefined);
});

describe('the typed client goes out through the app wrapper', () => {
  it('sends the language, the CSRF token on writes, same-origin credentials and the JSON body', async () => {
    const { requests } = mockApi({ 'POST /api/cases/C%201/accept': jsonResponse(200, {}) });
    setRequestLanguage('en');
    setCsrfToken('t0ken');
    await dataOf(
      apiClient.POST('/api/cases/{caseNo}/accept', { params: { path: { caseNo: 'C 1' } }, body: { revision: 3 } }),
    );
    const [request] = requests;
    expect(request?.path).toBe('/api/cases/C%201/accept');
    expect(request?.headers.get('Accept-Language')).toBe('en');
    expect(request?.headers.get('X-CSRF-Token')).toBe('t0ken');
    expect(request?.credentials).toBe('same-origin');
    expect(request?.body).toEqual({ revision: 3 });
  });

  it('leaves empty query values out and repeats lists', async () => {
    const { requests } = mockApi({
      'GET /api/cases': jsonResponse(200, { items: [], total: 0, page: 1, pageSize: 20 }),
    });
    await dataOf(
      apiClient.GET('/api/cases', { params: { query: { q: '', status: ['reported', 'closed'], page: 1 } } }),
    );
    expect(requests[0]?.query.toString()).toBe('status=reported&status=closed&page=1');
    expect(requests[0]?.headers.has('X-CSRF-Token')).toBe(false);
  });

  it('throws the server error shape and tells the session provider about a 401', async () => {
    mockApi({ 'GET /api/cases/departments': errorResponse(401, 'unauthenticated', '请先登录') });
    const listener = vi.fn();
    const stop = onUnauthorized(listener);
    const error = await dataOf(apiClient.GET('/api/cases/departments')).catch((e: unknown) => e);
    stop();
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 401, code: 'unauthenticated', message: '请先登录' });
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it('turns a failed connection into a network error', async () => {
    vi.stubGlobal('fetch', vi.fn().mockRejectedValue(new TypeError('Failed to fetch')));
    const error = await dataOf(apiClient.GET('/api/cases/departments')).catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 0, code: 'network' });
  });
});

it('queryText drops blanks and repeats arrays', () => {
  expect(queryText({ a: '张 三', b: undefined, c: null, d: '', e: [1, 2], f: false })).toBe(
    'a=%E5%BC%A0+%E4%B8%89&e=1&e=2&f=false',
  );
});
