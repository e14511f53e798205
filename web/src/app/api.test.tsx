// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { errorResponse, jsonResponse, mockApi } from '../test/fetchMock.ts';
import { ApiError, api, applyFieldErrors, onUnauthorized, setCsrfToken, setRequestLanguage, withQuery } from './api.ts';

afterEach(() => {
  vi.unstubAllGlobals();
  setRequestLanguage('zh');
  setCsrfToken(undefined);
});

async function failureOf(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof ApiError)) throw new Error(`expected an ApiError, got ${String(error)}`);
  return error;
}

describe('api requests', () => {
  it('send JSON with same-origin credentials and the UI language', async () => {
    const { requests } = mockApi({ 'POST /api/things': jsonResponse(200, { ok: true }) });
    setRequestLanguage('en');
    await expect(api.post('/api/things', { a: 1 })).resolves.toEqual({ ok: true });
    const [request] = requests;
    expect(request?.credentials).toBe('same-origin');
    expect(request?.headers.get('Accept-Language')).toBe('en');
    expect(request?.headers.get('Content-Type')).toBe('application/json');
    expect(request?.body).toEqual({ a: 1 });
  });

  it('ask for Chinese by default', async () => {
    const { requests } = mockApi({ 'GET /api/meta': jsonResponse(200, {}) });
    await api.get('/api/meta');
    expect(requests[0]?.headers.get('Accept-Language')).toBe('zh-CN');
  });

  it('resolve a 204 to undefined', async () => {
    mockApi({ 'POST /api/auth/logout': new Response(null, { status: 204 }) });
    await expect(api.post('/api/auth/logout')).resolves.toBeUndefined();
  });
});

describe('anti-forgery token', () => {
  it('goes with every write of a session, never with a read', async () => {
    const { requests } = mockApi({
      'GET /api/x': jsonResponse(200, {}),
      'POST /api/x': jsonResponse(200, {}),
      'PUT /api/x': jsonResponse(200, {}),
      'PATCH /api/x': jsonResponse(200, {}),
      'DELETE /api/x': new Response(null, { status: 204 }),
    });
    setCsrfToken('t0ken');
    await api.get('/api/x');
    await api.post('/api/x', {});
    await api.put('/api/x', {});
    await api.patch('/api/x', {});
    await api.delete('/api/x');
    expect(requests.map((r) => [r.method, r.headers.get('X-CSRF-Token')])).toEqual([
      ['GET', null],
      ['POST', 't0ken'],
      ['PUT', 't0ken'],
      ['PATCH', 't0ken'],
      ['DELETE', 't0ken'],
    ]);
  });

  it('is not sent once forgotten', async () => {
    const { requests } = mockApi({ 'POST /api/x': jsonResponse(200, {}) });
    setCsrfToken('t0ken');
    setCsrfToken(undefined);
    await api.post('/api/x', {});
    expect(requests[0]?.headers.has('X-CSRF-Token')).toBe(false);
  });
});

describe('withQuery', () => {
  it('leaves out empty values and encodes the rest', () => {
    expect(withQuery('/api/x', { q: '张 三', status: undefined, page: 2, empty: '' })).toBe(
      '/api/x?q=%E5%BC%A0+%E4%B8%89&page=2',
    );
    expect(withQuery('/api/x', {})).toBe('/api/x');
  });
});

describe('api errors', () => {
  it('carry the server error shape', async () => {
    mockApi({ 'POST /api/x': errorResponse(400, 'validation_failed', '请检查填写的内容', { name: '不能为空' }) });
    const error = await failureOf(api.post('/api/x', {}));
    expect(error).toMatchObject({ status: 400, code: 'validation_failed', message: '请检查填写的内容' });
    expect(error.fields).toEqual({ name: '不能为空' });
  });

  it('keep only the status when the body is not the error shape', async () => {
    mockApi({ 'GET /api/x': new Response('<html>Bad Gateway</html>', { status: 502 }) });
    const error = await failureOf(api.get('/api/x'));
    expect(error).toMatchObject({ status: 502, code: 'http_502', message: '' });
  });

  it('turn a failed connection into a network error', async () => {
    vi.stubGlobal('fetch', vi.fn().mockRejectedValue(new TypeError('Failed to fetch')));
    const error = await failureOf(api.get('/api/x'));
    expect(error).toMatchObject({ status: 0, code: 'network' });
  });

  it('broadcast a 401 unless the caller expects it', async () => {
    mockApi({ 'GET /api/x': errorResponse(401, 'unauthenticated', '请先登录') });
    const listener = vi.fn();
    const stop = onUnauthorized(listener);
    await failureOf(api.get('/api/x', { expectUnauthorized: true }));
    expect(listener).not.toHaveBeenCalled();
    await failureOf(api.get('/api/x'));
    expect(listener).toHaveBeenCalledTimes(1);
    stop();
  });
});

describe('applyFieldErrors', () => {
  it('maps dotted and JSON-pointer field names to antd name paths', () => {
    const form = { setFields: vi.fn() };
    const error = new ApiError(400, 'validation_failed', 'x', {
      username: '用户不存在',
      'items.0.name': 'a',
      '/address/street': 'b',
    });
    expect(applyFieldErrors(form, error)).toBe(true);
    expect(form.setFields).toHaveBeenCalledWith([
      { name: ['username'], errors: ['用户不存在'] },
      { name: ['items', 0, 'name'], errors: ['a'] },
      { name: ['address', 'street'], errors: ['b'] },
    ]);
  });

  it('does nothing without field errors', () => {
    const form = { setFields: vi.fn() };
    expect(applyFieldErrors(form, new ApiError(500, 'internal', 'x'))).toBe(false);
    expect(applyFieldErrors(form, new Error('x'))).toBe(false);
    expect(form.setFields).not.toHaveBeenCalled();
  });
});
