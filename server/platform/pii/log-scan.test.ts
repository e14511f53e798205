import { Writable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.ts';
import { readConfig } from '../../config.ts';
import { adoptedManifests } from '../modules/adopt.ts';
import { fakeClock } from '../../testing/fake-clock.ts';
import { useTestDatabase } from '../../testing/test-database.ts';
import { AppError } from '../http/app-error.ts';
import { loggerOptions } from '../logging.ts';
import type { ModuleManifest } from '../module.ts';
import { testKeyring } from './keyring.ts';
import { signIn } from '../../testing/test-auth.ts';
import { insertStaffUser } from './pii-test-support.ts';
import { personalNumberPatterns } from './scrub.ts';

/** The app's manifests, as the test setup adopted them (a platform test is handed the list, never imports it). */
const appModules = adoptedManifests();

/**
 * AUD-07: application logs carry no ID numbers or phone numbers. The real app logs at 'trace' into memory
 * while requests put such numbers everywhere a client can (path, query, body, headers, bad JSON, unknown
 * fields) and while handlers fail with them in their error messages; then every line is scanned.
 */

const idCard = '430225199001011234';
const mobile = '13812345678';
const storedPhone = '13966667777';

/** Test-only routes that fail the ways real code does, with personal numbers in the error. */
const failingRoutes: ModuleManifest = {
  key: 'failing-routes',
  routes: [
    (app) => {
      app.get<{ Params: { id: string } }>(
        '/api/log-probe/crash/:id',
        { config: { access: 'public' } },
        async (request) => {
          throw new Error(`no household for ${request.params.id}, caller ${mobile}`);
        },
      );
      app.get('/api/log-probe/db', { config: { access: 'public' } }, async () => {
        const cause = Object.assign(new Error(`duplicate key value (id_card)=(${idCard})`), { code: '23505' });
        throw new Error(`Failed query: insert into person values ($1, $2)\nparams: ${idCard},${mobile}`, { cause });
      });
      app.get('/api/log-probe/conflict', { config: { access: 'public' } }, async () => {
        throw AppError.conflict(`ID ${idCard}`);
      });
      app.get('/api/log-probe/warn', { config: { access: 'public' } }, async (request) => {
        request.log.warn({ phoneHint: `${mobile.slice(0, 3)}****${mobile.slice(7)}` }, 'a masked value may be logged');
        return { ok: true };
      });
    },
  ],
};

describe('log hygiene (AUD-07)', () => {
  const db = useTestDatabase();
  const lines: string[] = [];
  let app: FastifyInstance;
  let userId = '';
  let revealer: Record<string, string> = {};

  beforeAll(async () => {
    const memory = new Writable({
      write(chunk, _encoding, done) {
        lines.push(...String(chunk).split('\n').filter(Boolean));
        done();
      },
    });
    app = await buildApp(
      { config: readConfig({ NODE_ENV: 'test' }), database: db.database, clock: fakeClock(), keyring: testKeyring() },
      {
        logger: { ...(loggerOptions('trace') as object), stream: memory },
        serveWeb: false,
        modules: [...appModules, failingRoutes],
      },
    );
    await app.ready();
    userId = await insertStaffUser(db.database, testKeyring(), { scopeRegion: '430225100', phone: storedPhone });
    // A caller whose own phone is on file too: signing in must not log it either.
    revealer = (await signIn(app, { permissions: ['pii.reveal', 'pii.reveal.phone'], phone: '13755556666' })).headers;
  });

  afterAll(async () => {
    await app?.close();
  });

  const reveal = (payload: unknown, extraHeaders: Record<string, string> = {}) =>
    app.inject({
      method: 'POST',
      url: '/api/pii/reveal',
      headers: { ...revealer, ...extraHeaders },
      payload: payload as string,
    });

  it('sends requests full of personal numbers, and the app answers each without a 5xx except the crash probes', async () => {
    const statuses: Record<string, number> = {};
    const hit = async (label: string, run: Promise<{ statusCode: number }>) => {
      statuses[label] = (await run).statusCode;
    };
    await hit('unknown url', app.inject({ method: 'GET', url: `/api/people/${idCard}?phone=${mobile}` }));
    await hit('query', app.inject({ method: 'GET', url: `/api/regions?q=${mobile}` }));
    await hit('bad query', app.inject({ method: 'GET', url: `/api/regions?within=${idCard}` }));
    await hit('bad param', app.inject({ method: 'GET', url: `/api/regions/${idCard}` }));
    await hit(
      'unknown field',
      reveal({ objectType: 'user', objectId: userId, fields: ['phone'], reason: '核实身份', [mobile]: idCard }),
    );
    await hit(
      'bad field',
      reveal({ objectType: 'user', objectId: idCard, fields: [mobile], reason: `核实 ${idCard}` }),
    );
    await hit(
      'bad json',
      reveal(`{"reason": "${mobile}", "objectId": ${idCard}`, { 'content-type': 'application/json' }),
    );
    await hit(
      'not found',
      reveal({ objectType: 'user', objectId: idCard, fields: ['phone'], reason: `核实 ${idCard} ${mobile}` }),
    );
    await hit(
      'revealed',
      reveal({ objectType: 'user', objectId: userId, fields: ['phone'], reason: `回拨 ${mobile}` }),
    );
    await hit(
      'sign-in',
      app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: mobile, password: idCard } }),
    );
    await hit(
      'headers',
      app.inject({
        method: 'GET',
        url: '/healthz',
        headers: { 'user-agent': `UA ${mobile}`, referer: `https://x/?id=${idCard}`, 'x-request-id': idCard },
      }),
    );
    await hit('crash', app.inject({ method: 'GET', url: `/api/log-probe/crash/${idCard}` }));
    await hit('db error', app.inject({ method: 'GET', url: '/api/log-probe/db' }));
    await hit('conflict', app.inject({ method: 'GET', url: '/api/log-probe/conflict' }));
    await hit('warn', app.inject({ method: 'GET', url: '/api/log-probe/warn' }));

    expect(statuses).toMatchObject({
      'unknown url': 404,
      'bad query': 400,
      'bad param': 400,
      'unknown field': 400,
      'bad json': 400,
      'not found': 404,
      revealed: 200,
      crash: 500,
      'db error': 500,
      conflict: 409,
    });
    expect(lines.length).toBeGreaterThan(20); // the logger really captured the traffic
    expect(lines.some((line) => line.includes('request failed'))).toBe(true);
  });

  it('no captured log line contains an ID number or a phone number', () => {
    const leaks = lines.flatMap((line) =>
      Object.entries(personalNumberPatterns)
        .filter(([, pattern]) => pattern.test(line))
        .map(([kind]) => `${kind}: ${line.slice(0, 300)}`),
    );
    expect(leaks, leaks.join('\n')).toEqual([]);
  });

  it('nor the revealed value in any form', () => {
    expect(lines.filter((line) => line.includes(storedPhone) || line.includes('13755556666'))).toEqual([]);
  });
});
