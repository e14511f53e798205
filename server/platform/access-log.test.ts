import { Writable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.ts';
import { readConfig } from '../config.ts';
import { fakeClock } from '../testing/fake-clock.ts';
import { useTestDatabase } from '../testing/test-database.ts';
import { loggerOptions } from './logging.ts';
import { adoptedManifests } from './modules/adopt.ts';
import { testKeyring } from './pii/keyring.ts';

describe('the access log', () => {
  const db = useTestDatabase();
  const lines: Array<Record<string, unknown>> = [];
  let app: FastifyInstance;

  beforeAll(async () => {
    const memory = new Writable({
      write(chunk, _encoding, done) {
        for (const line of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(line));
        done();
      },
    });
    app = await buildApp(
      { config: readConfig({ NODE_ENV: 'test' }), database: db.database, clock: fakeClock(), keyring: testKeyring() },
      {
        logger: { ...(loggerOptions('info') as object), stream: memory },
        serveWeb: false,
        modules: adoptedManifests(),
      },
    );
    await app.ready();
  });

  afterAll(async () => {
    await app?.close();
  });

  it('writes one line per request when it ends: method, path without its query, status, time and request id', async () => {
    lines.length = 0;
    await app.inject({ method: 'GET', url: '/api/regions?q=霞阳', headers: { 'x-request-id': 'req-log-0001' } });
    await app.inject({ method: 'GET', url: '/api/no-such-thing' });
    const requestLines = lines.filter((l) => l.req !== undefined || l.res !== undefined);
    expect(requestLines).toHaveLength(2);
    expect(lines.some((l) => l.msg === 'incoming request')).toBe(false);
    const [first, second] = requestLines;
    expect(first).toMatchObject({
      msg: 'request completed',
      requestId: 'req-log-0001',
      req: { method: 'GET', path: '/api/regions' },
      res: { status: 200 },
    });
    expect(typeof first?.responseTime).toBe('number');
    expect(second).toMatchObject({ req: { path: '/api/no-such-thing' }, res: { status: 404 } });
  });
});
