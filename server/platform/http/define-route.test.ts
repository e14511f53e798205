import { Type } from 'typebox';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../testing/test-app.ts';
import { type SignedIn, signIn } from '../../testing/test-auth.ts';
import { authManifest } from '../auth/auth.module.ts';
import type { ModuleManifest } from '../module.ts';
import { defineRoute, sharedErrorStatuses } from './define-route.ts';
import { publicWritePerHour } from './rate-limit.ts';
import { S } from './schema.ts';

const permission = 'probe.write';
const writes = { staff: 0, citizen: 0 };
const NoteBody = S.object({ text: Type.String({ minLength: 1, maxLength: 20 }) });
const NoteSchema = Type.Object({ text: Type.String(), n: Type.Integer() });

const staffNote = defineRoute({
  method: 'POST',
  url: '/api/probe/notes',
  summary: 'probe: an idempotent staff write',
  tags: ['probe'],
  access: { permission },
  schema: { body: NoteBody, response: { 201: NoteSchema } },
  idempotency: {
    operation: 'probe.note',
    status: 201,
    prepare: async (request) => request.body.text.toUpperCase(),
    write: async (_t, upper) => ({ text: upper, n: ++writes.staff }),
  },
});

const readNote = defineRoute({
  method: 'GET',
  url: '/api/probe/notes/:id',
  summary: 'probe: a read behind a permission',
  tags: ['probe'],
  access: { permission },
  schema: { params: S.object({ id: Type.Integer({ minimum: 1 }) }), response: { 200: NoteSchema } },
  handler: async (request) => ({ text: 'note', n: request.params.id }),
});

const citizenNote = defineRoute({
  method: 'POST',
  url: '/api/probe/public/notes',
  summary: 'probe: an anonymous idempotent write with a budget',
  tags: ['probe'],
  access: 'public',
  rateLimit: 'public-write',
  schema: { body: NoteBody, response: { 201: NoteSchema } },
  idempotency: {
    operation: 'probe.note',
    status: 201,
    write: async (_t, _prepared, request) => ({ text: request.body.text, n: ++writes.citizen }),
  },
});

const citizenPing = defineRoute({
  method: 'POST',
  url: '/api/probe/public/pings',
  summary: 'probe: another route of the same budget class',
  tags: ['probe'],
  access: 'public',
  rateLimit: 'public-write',
  handler: async (_request, reply) => reply.code(204).send(),
});

const probe: ModuleManifest = { key: 'probe', routes: [staffNote, readNote, citizenNote, citizenPing] };

const device = (n: number) => ({ 'x-device-id': `probe-device-${String(n).padStart(8, '0')}` });

describe('defineRoute', () => {
  const t = useTestApp({ modules: [authManifest, probe] });
  let writer: SignedIn;
  let stranger: SignedIn;

  beforeAll(async () => {
    writer = await signIn(t.app, { permissions: [permission] });
    stranger = await signIn(t.app);
  });

  const postNote = (headers: Record<string, string>, payload: unknown) =>
    t.app.inject({ method: 'POST', url: '/api/probe/notes', headers, payload: payload as object });

  describe('access before validation', () => {
    it('answers an anonymous caller 401 whatever the body', async () => {
      const res = await postNote({}, { text: 7, bogus: true });
      expect(res.statusCode).toBe(401);
    });

    it('answers a caller without the permission 403 whatever the body, and a bad path 403 too', async () => {
      expect((await postNote(stranger.headers, { text: 7, bogus: true })).statusCode).toBe(403);
      const read = await t.app.inject({ method: 'GET', url: '/api/probe/notes/x', headers: stranger.headers });
      expect(read.statusCode).toBe(403);
    });

    it('gives a permitted caller the field errors', async () => {
      const res = await postNote(writer.headers, { text: 7, bogus: true });
      expect(res.statusCode).toBe(400);
      expect(Object.keys(res.json().error.fields).sort()).toEqual(['bogus', 'text']);
    });

    it('types the handler from the schemas', async () => {
      const res = await t.app.inject({ method: 'GET', url: '/api/probe/notes/12', headers: writer.headers });
      expect(res.json()).toEqual({ text: 'note', n: 12 });
    });
  });

  describe('idempotent writes', () => {
    it('refuses a malformed key (400) and a key reused for another body (422), writing nothing', async () => {
      const before = writes.staff;
      const malformed = await postNote({ ...writer.headers, 'idempotency-key': 'short' }, { text: 'a' });
      expect(malformed.statusCode).toBe(400);
      expect(malformed.json().error.fields).toHaveProperty('Idempotency-Key');
      const headers = { ...writer.headers, 'idempotency-key': 'probe-key-reuse-01' };
      expect((await postNote(headers, { text: 'first' })).statusCode).toBe(201);
      const reused = await postNote(headers, { text: 'second' });
      expect(reused.statusCode).toBe(422);
      expect(reused.json().error.code).toBe('idempotency_key_reused');
      expect(writes.staff).toBe(before + 1);
    });

    it('replays the first answer with idempotent-replayed: true and does not write twice', async () => {
      const headers = { ...writer.headers, 'idempotency-key': 'probe-key-replay-01' };
      const first = await postNote(headers, { text: 'once' });
      const again = await postNote(headers, { text: 'once' });
      expect(first.statusCode).toBe(201);
      expect(first.headers['idempotent-replayed']).toBeUndefined();
      expect(again.statusCode).toBe(201);
      expect(again.headers['idempotent-replayed']).toBe('true');
      expect(again.json()).toEqual(first.json());
      expect(first.json()).toMatchObject({ text: 'ONCE' });
    });

    it('writes every time without a key', async () => {
      const a = await postNote(writer.headers, { text: 'free' });
      const b = await postNote(writer.headers, { text: 'free' });
      expect(b.json().n).toBe(a.json().n + 1);
    });

    it('keeps each anonymous device’s keys its own', async () => {
      const send = (n: number) =>
        t.app.inject({
          method: 'POST',
          url: '/api/probe/public/notes',
          headers: { ...device(n), 'idempotency-key': 'probe-key-shared-01' },
          payload: { text: 'mine' },
        });
      const one = await send(1);
      const two = await send(2);
      expect(two.headers['idempotent-replayed']).toBeUndefined();
      expect(two.json().n).toBe(one.json().n + 1);
      expect((await send(1)).headers['idempotent-replayed']).toBe('true');
    });
  });

  describe('rate-limit class', () => {
    it('spends one budget across the routes of a class and answers 429 with Retry-After when it is gone', async () => {
      const headers = device(3);
      const ping = () => t.app.inject({ method: 'POST', url: '/api/probe/public/pings', headers });
      const note = () =>
        t.app.inject({ method: 'POST', url: '/api/probe/public/notes', headers, payload: { text: 'n' } });
      expect((await note()).statusCode).toBe(201);
      for (let i = 1; i < publicWritePerHour.device; i++) expect((await ping()).statusCode).toBe(204);
      const refused = await note();
      expect(refused.statusCode).toBe(429);
      expect(refused.json().error.code).toBe('rate_limited');
      expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
      expect((await ping()).statusCode).toBe(429);
      expect(
        (await t.app.inject({ method: 'POST', url: '/api/probe/public/pings', headers: device(4) })).statusCode,
      ).toBe(204);
    });
  });

  describe('the OpenAPI document', () => {
    const operation = async (path: string, method: string) => {
      const doc = (await t.app.inject({ method: 'GET', url: '/api/docs/json' })).json();
      return doc.paths[path][method] as { responses: Record<string, unknown>; security: unknown[]; tags: string[] };
    };

    it('declares the shared errors a route can give, and no others', async () => {
      expect(Object.keys((await operation('/api/probe/notes', 'post')).responses).sort()).toEqual(
        ['201', '400', '401', '403', '409', '413', '422', '503'].sort(),
      );
      expect(Object.keys((await operation('/api/probe/notes/{id}', 'get')).responses).sort()).toEqual(
        ['200', '400', '401', '403', '404', '503'].sort(),
      );
      const open = await operation('/api/probe/public/notes', 'post');
      expect(Object.keys(open.responses).sort()).toEqual(['201', '400', '409', '413', '422', '429', '503'].sort());
    });

    it('derives the security from the access', async () => {
      expect((await operation('/api/probe/notes', 'post')).security).toEqual([{ sessionCookie: [], csrfToken: [] }]);
      expect((await operation('/api/probe/notes/{id}', 'get')).security).toEqual([{ sessionCookie: [] }]);
      expect((await operation('/api/probe/public/notes', 'post')).security).toEqual([]);
    });
  });
});

describe('sharedErrorStatuses', () => {
  const base = { summary: '', tags: [], handler: async () => undefined } as const;

  it('gives a public read without parameters only 400 and 503 (the database away, the server stopping)', () => {
    expect(sharedErrorStatuses({ ...base, method: 'GET', url: '/api/x', access: 'public' })).toEqual([400, 503]);
  });

  it('adds what the route declares: a permission, a path parameter, a body, a budget, extra statuses', () => {
    expect(
      sharedErrorStatuses({
        ...base,
        method: 'PUT',
        url: '/api/x/:id',
        access: { permission: 'x' },
        schema: { body: S.object({}) },
        rateLimit: 'public-write',
        errors: [415],
      }),
    ).toEqual([400, 401, 403, 404, 409, 413, 415, 422, 429, 503]);
  });
});
