import fc from 'fast-check';
import { Type } from 'typebox';
import { describe, expect, it } from 'vitest';
import type { ModuleManifest } from '../module.ts';
import { useTestApp } from '../../testing/test-app.ts';
import { S } from './schema.ts';

/** A module that exists only in this test: one route per behaviour of the platform we need to prove. */
const probe: ModuleManifest = {
  key: 'probe',
  routes: [
    (app) => {
      app.post(
        '/api/probe/echo',
        {
          config: { access: 'public' },
          schema: {
            body: S.object({
              name: Type.String({ minLength: 2, maxLength: 10 }),
              count: Type.Integer({ minimum: 0, maximum: 99 }),
              tags: Type.Optional(Type.Array(Type.String(), { maxItems: 3 })),
              kind: Type.Optional(S.literals(['a', 'b'])),
            }),
          },
        },
        async (request) => ({ echoed: request.body }),
      );
      app.get('/api/probe/items/:id', { config: { access: 'public' } }, async (request) => ({
        id: (request.params as { id: string }).id,
      }));
      app.get('/api/probe/secret', { config: { access: { permission: 'probe.read' } } }, async () => ({ secret: 42 }));
      app.get('/api/probe/crash', { config: { access: 'public' } }, async () => {
        throw new Error('database exploded with 13812345678');
      });
    },
  ],
};

describe('HTTP platform', () => {
  const t = useTestApp({ modules: [probe], config: { bodyLimitBytes: 2048 } });
  const post = (payload: string | object, headers: Record<string, string> = {}) =>
    t.app.inject({
      method: 'POST',
      url: '/api/probe/echo',
      payload,
      headers: { 'content-type': 'application/json', ...headers },
    });

  it('answers malformed JSON with 400 invalid_json, in Chinese by default', async () => {
    const res = await post('{"name": "ab",');
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual({ error: { code: 'invalid_json', message: '请求内容不是有效的 JSON' } });
  });

  it('answers in English when the caller prefers it', async () => {
    const res = await post('{oops', { 'accept-language': 'en-GB,en;q=0.9' });
    expect(res.json().error.message).toBe('The request body is not valid JSON');
  });

  it('rejects unknown fields by name (mass-assignment defence)', async () => {
    const res = await post({ name: 'ab', count: 1, isAdmin: true });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'validation_failed', fields: { isAdmin: '不允许的字段' } });
  });

  it('reports every wrong field with its own message', async () => {
    const res = await post({ name: 'a', count: 'many', tags: ['x', 1], kind: 'z' }, { 'accept-language': 'en' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields).toEqual({
      name: 'At least 2 characters',
      count: 'Must be a whole number',
      'tags.1': 'Must be text',
      kind: 'Not one of the allowed values',
    });
  });

  it('names missing required fields', async () => {
    const res = await post({});
    expect(res.json().error.fields).toEqual({ name: '必填', count: '必填' });
  });

  it('refuses prototype-pollution keys as invalid JSON', async () => {
    const res = await post('{"name":"ab","count":1,"__proto__":{"x":1}}');
    expect(res.statusCode).toBe(400);
  });

  it('answers an oversized body with 413 and the limit', async () => {
    const res = await post({ name: 'ab', count: 1, tags: ['x'.repeat(4000)] });
    expect(res.statusCode).toBe(413);
    expect(res.json().error).toMatchObject({ code: 'payload_too_large', message: '提交的内容过大（上限 2 KB）' });
  });

  it('answers an unsupported content type with 415', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/probe/echo',
      payload: 'name=ab',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(res.statusCode).toBe(415);
    expect(res.json().error.code).toBe('unsupported_media_type');
  });

  it('answers an unknown route with 404 in the error shape', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/nope?x=1' });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({ error: { code: 'not_found', message: '接口不存在：GET /api/nope' } });
  });

  it('answers an undecodable path and an over-long path parameter in the error shape, before routing', async () => {
    const bad = await t.app.inject({
      method: 'GET',
      url: '/api/probe/items/%ED%A0%80',
      headers: { 'accept-language': 'en' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toEqual({
      error: { code: 'bad_url', message: 'The address contains characters that cannot be decoded' },
    });
    const long = await t.app.inject({ method: 'GET', url: `/api/probe/items/${'4'.repeat(250)}` });
    expect(long.statusCode).toBe(414);
    expect(long.json()).toEqual({ error: { code: 'uri_too_long', message: '请求地址过长' } });
  });

  it('accepts a valid body', async () => {
    const res = await post({ name: '霞阳', count: 3, tags: ['a'], kind: 'b' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ echoed: { name: '霞阳', count: 3, tags: ['a'], kind: 'b' } });
  });

  it('asks for sign-in (401) on a permission route without a session', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/probe/secret' });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('unauthenticated');
  });

  it('hides an internal error behind 500 with the request id, and does not leak the message', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/probe/crash',
      headers: { 'x-request-id': 'req-12345678' },
    });
    expect(res.statusCode).toBe(500);
    expect(res.json()).toEqual({
      error: { code: 'internal', message: '系统内部错误，请联系管理员（请求编号 req-12345678）' },
    });
    expect(res.body).not.toContain('13812345678');
  });

  it('echoes a well-formed request id and replaces a malformed one', async () => {
    const kept = await t.app.inject({ method: 'GET', url: '/healthz', headers: { 'x-request-id': 'gateway-abc-123' } });
    expect(kept.headers['x-request-id']).toBe('gateway-abc-123');
    const replaced = await t.app.inject({ method: 'GET', url: '/healthz', headers: { 'x-request-id': 'bad id\n' } });
    expect(replaced.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('sends security headers, and no-store on API responses', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/regions/430225' });
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['x-powered-by']).toBeUndefined();
  });

  it('never answers 5xx to any JSON body or any raw text', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.jsonValue().map((v) => JSON.stringify(v)),
          fc.string(),
        ),
        async (payload) => {
          const res = await post(payload);
          expect(res.statusCode).toBeGreaterThanOrEqual(200);
          expect(res.statusCode).toBeLessThan(500);
          if (res.statusCode >= 400) expect(res.json().error.code).toEqual(expect.any(String));
        },
      ),
      { numRuns: 150 },
    );
  });
});
