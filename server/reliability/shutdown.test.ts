import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { demoPassword } from '../platform/auth/demo-accounts.ts';
import { openDatabase } from '../platform/db/engine.ts';
import { freePort } from '../testing/free-port.ts';
import { useTestDatabase } from '../testing/test-database.ts';
import { startServer } from './harness/server-process.ts';

/**
 * SIGTERM to a real `wenming serve --demo` (its own process, a temporary data folder; on PostgreSQL this file's
 * database): the request in flight finishes with 2xx, a new connection is refused, the process exits 0, and the
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

  it('finishes the request in flight, refuses new ones, exits 0 and leaves the data folder openable', async () => {
    const port = await freePort();
    // The crash harness's launcher: the operator's environment, ready when /readyz answers 200.
    const running = await startServer({ engine, dataDir, databaseUrl: t.url }, port, 180_000);
    const started = running.child;
    child = started;
    const exited = new Promise<number | null>((resolve) => started.once('exit', (code) => resolve(code)));

    // Headers sent with `Expect: 100-continue`: once the server answers "continue" the request is its own,
    // in flight; its body follows only after SIGTERM, so the request cannot have finished before the signal.
    const body = JSON.stringify({ username: 'dispatcher', password: demoPassword });
    const inFlight = openSlowRequest(port, '/api/auth/login', body);
    await inFlight.continued;
    started.kill('SIGTERM');
    await waitUntilRefused(port);
    inFlight.finish();
    const answer = await inFlight.answer;
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toHaveProperty('csrfToken');

    expect(await withBound(exited, 60_000, 'the server did not exit'), running.output()).toBe(0);
    if (!t.url) {
      const reopened = await openDatabase({ pgliteDir: path.join(dataDir, 'db') });
      const [row] = await reopened.query<{ users: number }>('select count(*)::int as users from app_user');
      await reopened.close();
      expect(row?.users).toBeGreaterThan(0);
    }
  }, 240_000);
});

/** Polls with fresh connections until the port refuses one: the server stopped listening. */
async function waitUntilRefused(port: number): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    const refused = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, '127.0.0.1');
      socket.once('connect', () => {
        socket.destroy();
        resolve(false);
      });
      socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code === 'ECONNREFUSED'));
    });
    if (refused) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('the server still accepted connections 30 s after SIGTERM');
}

interface SlowRequest {
  /** The server read the headers and asked for the body. */
  continued: Promise<void>;
  finish(): void;
  answer: Promise<{ status: number; body: string }>;
}

function openSlowRequest(port: number, url: string, body: string): SlowRequest {
  const request = http.request({
    host: '127.0.0.1',
    port,
    path: url,
    method: 'POST',
    agent: false,
    headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), expect: '100-continue' },
  });
  const continued = new Promise<void>((resolve, reject) => {
    request.once('continue', () => resolve());
    request.once('error', reject);
  });
  const answer = new Promise<{ status: number; body: string }>((resolve, reject) => {
    request.once('response', (response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => {
        text += chunk;
      });
      response.once('end', () => resolve({ status: response.statusCode ?? 0, body: text }));
    });
    request.once('error', reject);
  });
  request.flushHeaders();
  return { continued, finish: () => request.end(body), answer };
}

function withBound<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const bound = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} within ${ms} ms`)), ms);
  });
  return Promise.race([promise, bound]).finally(() => clearTimeout(timer));
}
