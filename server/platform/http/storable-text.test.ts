import fc from 'fast-check';
import { Type } from 'typebox';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../testing/test-app.ts';
import { signIn } from '../../testing/test-auth.ts';
import type { ModuleManifest } from '../module.ts';
import { S } from './schema.ts';
import { isStorableText, unstorableTextFields } from './storable-text.ts';

const nul = '\u0000';
const highAlone = '\uD800';
const lowAlone = '\uDC00';

describe('isStorableText', () => {
  it.each([
    ['NUL', `a${nul}b`],
    ['NUL alone', nul],
    ['a high surrogate at the end', `ab${highAlone}`],
    ['a low surrogate at the start', `${lowAlone}ab`],
    ['two high surrogates', '\uD83D\uD83D'],
    ['a pair in the wrong order', `${lowAlone}${highAlone}`],
  ])('refuses %s', (_name, text) => {
    expect(isStorableText(text)).toBe(false);
  });

  it.each([
    ['empty', ''],
    ['Chinese', '霞阳镇炎帝大道'],
    ['an emoji (a surrogate pair)', '门前🚲'],
    ['control characters PostgreSQL keeps', '\t\n\u0001\u007f'],
    ['U+FFFD', '\uFFFD'],
  ])('accepts %s', (_name, text) => {
    expect(isStorableText(text)).toBe(true);
  });

  it('agrees with a UTF-8 round trip for any string (fast-check)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (text) => {
        const roundTrips = Buffer.from(text, 'utf8').toString('utf8') === text;
        expect(isStorableText(text)).toBe(roundTrips && !text.includes(nul));
      }),
      { numRuns: 200 },
    );
  });
});

describe('unstorableTextFields', () => {
  it('names each field that holds unstorable text, nested and in lists, and field names too', () => {
    const found = unstorableTextFields({
      name: `x${nul}`,
      ok: 'fine',
      address: { street: `a${highAlone}`, no: 3 },
      tags: ['a', `b${lowAlone}`],
      [`bad${nul}key`]: 'v',
    });
    expect(found).toEqual(['name', 'address.street', 'tags.1', 'bad\uFFFDkey']);
  });

  it('passes what is not text: numbers, booleans, null, buffers', () => {
    expect(unstorableTextFields({ n: 1, b: true, z: null, raw: Buffer.from([0, 0xd8]) })).toEqual([]);
    expect(unstorableTextFields(undefined)).toEqual([]);
    expect(unstorableTextFields(`${nul}`)).toEqual(['_']);
  });

  it('walks a very deep body without overflowing the stack', () => {
    let deep: unknown = nul;
    for (let i = 0; i < 100_000; i += 1) deep = [deep];
    expect(unstorableTextFields(deep)).toHaveLength(1);
  });

  it('finds a NUL or lone surrogate put at any place in any field (fast-check)', () => {
    const bad = fc.constantFrom(nul, highAlone, lowAlone);
    const field = fc
      .string({ minLength: 1, maxLength: 8 })
      .filter((name) => isStorableText(name) && !name.includes('.'));
    fc.assert(
      fc.property(
        fc.dictionary(field, fc.string({ maxLength: 20 }).filter(isStorableText), { minKeys: 1 }),
        fc.nat(),
        fc.nat(),
        bad,
        (body, which, at, char) => {
          expect(unstorableTextFields(body)).toEqual([]);
          const names = Object.keys(body);
          const name = names[which % names.length]!;
          const text = body[name]!;
          const position = at % (text.length + 1);
          // Not between the halves of a pair: that would break a pair rather than insert one bad character.
          fc.pre(!/[\uD800-\uDBFF]/.test(text[position - 1] ?? ''));
          const spoiled = { ...body, [name]: text.slice(0, position) + char + text.slice(position) };
          expect(unstorableTextFields(spoiled)).toEqual([name]);
        },
      ),
      { numRuns: 300 },
    );
  });
});

/** Routes that would hand their text to PostgreSQL: one per request part. */
const probe: ModuleManifest = {
  key: 'probe-text',
  routes: [
    (app) => {
      const schema = {
        params: S.object({ slug: Type.String({ maxLength: 30 }) }),
        querystring: S.object({ q: Type.Optional(Type.String({ maxLength: 30 })) }),
        headers: Type.Object({ 'x-probe': Type.Optional(Type.String()) }),
        body: S.object({
          name: Type.String(),
          notes: Type.Optional(Type.Array(Type.String())),
          meta: Type.Optional(Type.Record(Type.String(), Type.String())),
        }),
      };
      app.post('/api/probe-text/:slug', { config: { access: 'public' }, schema }, async (request) => {
        // Every part goes to PostgreSQL as text: a character it cannot store would be a 500 here.
        const parts = [
          request.params.slug,
          request.query.q ?? '',
          request.headers['x-probe'] ?? '',
          JSON.stringify(request.body),
        ];
        const rows = await request.ctx.database.query<{ stored: string }>(
          'select $1::text || $2::text || $3::text || $4::jsonb::text as stored',
          parts,
        );
        return rows[0];
      });
    },
  ],
};

describe('text PostgreSQL cannot store is refused with a field error, on every request part', () => {
  const t = useTestApp({ modules: [probe] });
  const send = (body: unknown, { slug = 'ok', q = 'ok', header = 'ok', lang = 'zh' } = {}) =>
    t.app.inject({
      method: 'POST',
      url: `/api/probe-text/${encodeURIComponent(slug)}?q=${encodeURIComponent(q)}`,
      headers: { 'x-probe': header, 'accept-language': lang, 'content-type': 'application/json' },
      payload: JSON.stringify(body),
    });

  it('400 with the field named, in the caller’s language', async () => {
    const res = await send({ name: `a${nul}b` });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual({
      error: {
        code: 'validation_failed',
        message: '提交的内容有误，请按提示修改',
        fields: { name: '含有无法保存的字符（空字符或不成对的代理项）' },
      },
    });
    const en = await send({ name: 'ok', notes: ['x', `y${highAlone}`] }, { lang: 'en' });
    expect(en.json().error.fields).toEqual({
      'notes.1': 'Contains characters that cannot be stored (a NUL or an unpaired surrogate)',
    });
  });

  it('checks the path, the query, the declared headers and field names as well', async () => {
    expect((await send({ name: 'ok' }, { slug: `a${nul}` })).json().error.fields).toMatchObject({
      slug: expect.any(String),
    });
    expect((await send({ name: 'ok' }, { q: `a${nul}` })).json().error.fields).toMatchObject({ q: expect.any(String) });
    expect((await send({ name: 'ok', meta: { [`k${nul}`]: 'v' } })).json().error.fields).toMatchObject({
      'meta.k\uFFFD': expect.any(String),
    });
  });

  it('passes the same text without the bad character', async () => {
    const res = await send({ name: '霞阳🚲', notes: ['x'] });
    expect(res.statusCode).toBe(200);
  });

  it('never lets a bad character through to the database (fast-check)', async () => {
    const bad = fc.constantFrom(nul, highAlone, lowAlone);
    await fc.assert(
      fc.asyncProperty(
        fc.string({ maxLength: 12 }),
        fc.nat(),
        bad,
        fc.constantFrom('name', 'notes'),
        async (text, at, char, field) => {
          const position = at % (text.length + 1);
          fc.pre(isStorableText(text) && !/[\uD800-\uDBFF]/.test(text[position - 1] ?? ''));
          const spoiled = text.slice(0, position) + char + text.slice(position);
          const res = await send(field === 'name' ? { name: spoiled } : { name: 'ok', notes: [spoiled] });
          expect(res.statusCode).toBe(400);
          expect(Object.keys(res.json().error.fields)).toEqual([field === 'name' ? 'name' : 'notes.0']);
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('the endpoints that answered 500 to a NUL (issue 9 item 4)', () => {
  const t = useTestApp();
  let sysAdmin: Record<string, string>;
  let revealer: Record<string, string>;

  beforeAll(async () => {
    sysAdmin = (await signIn(t.app, { roles: ['sys_admin'] })).headers;
    revealer = (await signIn(t.app, { permissions: ['pii.reveal', 'pii.reveal.phone'] })).headers;
  });

  const expectFieldError = (
    res: { statusCode: number; json(): { error: { fields?: Record<string, string> } } },
    field: string,
  ) => {
    expect(res.statusCode).toBe(400);
    expect(Object.keys(res.json().error.fields ?? {})).toContain(field);
  };

  it('sign-in', async () => {
    expectFieldError(
      await t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: `admin${nul}`, password: 'x' },
      }),
      'username',
    );
  });

  it('a user agent the audit trail keeps (with a NUL, and cut at 300 characters mid-pair)', async () => {
    const userAgent = `Mozilla${nul}/5.0 ${'a'.repeat(299 - 12)}🚲`;
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'user-agent': userAgent },
      payload: { username: 'nobody', password: 'x' },
    });
    expect(res.statusCode).toBe(401);
  });

  it('region and account search', async () => {
    expectFieldError(await t.app.inject({ method: 'GET', url: '/api/regions?q=%00' }), 'q');
    expectFieldError(await t.app.inject({ method: 'GET', url: '/api/admin/users?q=a%00', headers: sysAdmin }), 'q');
  });

  it('a reveal reason', async () => {
    const payload = {
      objectType: 'user',
      objectId: '00000000-0000-4000-8000-000000000000',
      fields: ['phone'],
      reason: `核实${nul}联系方式`,
    };
    expectFieldError(
      await t.app.inject({ method: 'POST', url: '/api/pii/reveal', headers: revealer, payload }),
      'reason',
    );
  });

  // A citizen's report: server/modules/cases/public-report-text.test.ts (a platform test reads no module's files).
});
