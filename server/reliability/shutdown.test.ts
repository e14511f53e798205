import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { demoPassword } from '../platform/auth/demo-accounts.ts';
import { openDatabase } from '../platform/db/engine.ts';
import { freePort } from '../testing/free-port.ts';
import { openRawConnection, type RawAnswer, type RawConnection } from '../testing/raw-http.ts';
import { useTestDatabase } from '../testing/test-database.ts';
import { startServer } from './harness/server-process.ts';

/**
 * SIGTERM to a real `wenming serve --demo` (its own process, a temporary data folder; on PostgreSQL this file's
 * database), with a short pre-stop delay: `/readyz` answers 503 `shutting_down` before the listener closes; the
 * request in flight on a kept-alive connection finishes with 2xx and `Connection: close`; a request completing on
 * another kept-alive connection after the listener closed gets our `shutting_down` 503 (not Fastify's bare one);
 * a new connection is refused; the process exits 0 (a kept-alive connection does not hold the stop open), and the
 * PGlite folder opens again (closed cleanly, lock released). Bounds here are liveness bounds, not timings.
 */
describe('graceful shutdown of wenming serve', () => {
  const t = useTestDatabase();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'wenming-shutdown-'));
  let child: ChildProcess | undefined;
  const engine = t.engine;
  afterAll(() => {
    if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('turns unready first, finishes the request in flight, answers late ones with shutting_down, exits 0', async () => {
    const port = await freePort();
    // The launcher passes this process's environment on (the operator's); 1 s is enough to see readiness turn.
    vi.stubEnv('WENMING_PRE_STOP_DELAY', '1');
    const running = await startServer({ engine, dataDir, databaseUrl: t.url }, port, 180_000);
    const started = running.child;
    child = started;
    const exited = new Promise<number | null>((resolve) => started.once('exit', (code) => resolve(code)));

    // In flight: headers sent with `Expect: 100-continue`; once the server answers "continue" the request is its
    // own, and its body follows only after the listener closed, so it cannot have finished before the signal.
    const body = JSON.stringify({ username: 'dispatcher', password: demoPassword });
    const inFlight = await openRawConnection(port);
    inFlight.send(
      `POST /api/auth/login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nExpect: 100-continue\r\n\r\n`,
    );
    expect((await inFlight.answers(1))[0]?.status).toBe(100);
    // Kept alive: one request answered, the next one's headers begun but not ended when the stop comes.
    const keptAlive = await openRawConnection(port);
    keptAlive.send('GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n');
    expect((await keptAlive.answers(1))[0]?.status).toBe(200);
    keptAlive.send('GET /api/meta HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept-Language: en\r\n');

    started.kill('SIGTERM');
    const readiness = await readinessUntilRefused(port);
    expect(readiness.at(-1)).toBe('refused');
    const firstUnready = readiness.findIndex((seen) => seen !== 'refused' && seen.status === 503);
    expect(firstUnready, JSON.stringify(readiness)).toBeGreaterThanOrEqual(0);
    expect(readiness.slice(firstUnready, -1).every((seen) => seen !== 'refused' && seen.status === 503)).toBe(true);
    const unready = readiness[firstUnready] as RawAnswer;
    expect(unready.headers['retry-after']).toBe('5');
    expect(JSON.parse(unready.body).error.code).toBe('shutting_down');

    inFlight.send(body);
    const [, answered] = await inFlight.answers(2);
    expect(answered?.status).toBe(200);
    expect(JSON.parse(answered!.body)).toHaveProperty('csrfToken');
    expect(answered?.headers.connection).toBe('close');
    keptAlive.send('\r\n');
    const [, late] = await keptAlive.answers(2);
    expect(late?.status).toBe(503);
    expect([late?.headers['retry-after'], late?.headers.connection]).toEqual(['5', 'close']);
    expect(JSON.parse(late!.body)).toEqual({
      error: { code: 'shutting_down', message: 'The server is shutting down; please try again shortly' },
    });

    expect(await withBound(exited, 60_000, 'the server did not exit'), running.output()).toBe(0);
    if (!t.url) {
      const reopened = await openDatabase({ pgliteDir: path.join(dataDir, 'db') });
      const [row] = await reopened.query<{ users: number }>('select count(*)::int as users from app_user');
      await reopened.close();
      expect(row?.users).toBeGreaterThan(0);
    }
  }, 240_000);
});

/**
 * `/readyz` on a fresh connection every 50 ms until the port refuses one (the server stopped listening): what a
 * load balancer polling readiness sees, in order. A 200 first is the signal not yet handled.
 */
async function readinessUntilRefused(port: number): Promise<Array<RawAnswer | 'refused'>> {
  const seen: Array<RawAnswer | 'refused'> = [];
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    const answer = await readinessOnce(port);
    seen.push(answer);
    if (answer === 'refused') return seen;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`the server still accepted connections 30 s after SIGTERM: ${JSON.stringify(seen.slice(-3))}`);
}

async function readinessOnce(port: number): Promise<RawAnswer | 'refused'> {
  let connection: RawConnection;
  try {
    connection = await openRawConnection(port);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ECONNREFUSED') return 'refused';
    throw error;
  }
  try {
    connection.send('GET /readyz HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n');
    const [answer] = await connection.answers(1);
    return answer!;
  } finally {
    connection.destroy();
  }
}

function withBound<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const bound = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} within ${ms} ms`)), ms);
  });
  return Promise.race([promise, bound]).finally(() => clearTimeout(timer));
}
