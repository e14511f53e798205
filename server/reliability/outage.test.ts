import type { FastifyInstance } from 'fastify';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, onTestFinished, vi } from 'vitest';
import { buildApp } from '../app.ts';
import { readConfig } from '../config.ts';
import { systemClock, systemCtx } from '../platform/context.ts';
import type { Database } from '../platform/db/database.ts';
import { openDatabase } from '../platform/db/engine.ts';
import { tx } from '../platform/db/tx.ts';
import { jobRunnerOf } from '../platform/jobs/job-runner.ts';
import { enqueueJob, type QueuedJob } from '../platform/jobs/queue.ts';
import { startJobWorker } from '../platform/jobs/worker.ts';
import { testKeyring } from '../platform/pii/keyring.ts';
import { postgresAddress, startTcpProxy, type TcpProxy } from '../testing/tcp-proxy.ts';
import { testEngine, useTestDatabase } from '../testing/test-database.ts';

/**
 * PostgreSQL goes away while the app runs and comes back: a TCP proxy between the app's pool and the server is
 * cut (every connection reset, new ones refused) and restored. PGlite runs inside the process: there is no link
 * to lose, so there is no outage to simulate on that engine (docs/operations.md). The recovery time is measured
 * by bench/reliability-outage.bench.ts, not asserted here.
 */
/**
 * Short bounds so a stalled wait ends quickly here (a stalled statement fails after 2 + 1 s, a stalled connect
 * after 1 s); production's are `poolTimeouts` in engine.ts (5 s, 60 + 5 s).
 */
const testTimeouts = { connectMs: 1_000, statementMs: 2_000, clientGraceMs: 1_000 };
/** A liveness bound for a whole burst of requests on a stalled database: the bounds above, several times over. */
const stalledBurstBoundMs = 15_000;

describe.runIf(testEngine() === 'postgres')('a PostgreSQL outage', () => {
  const t = useTestDatabase();
  let proxy: TcpProxy;
  let database: Database;
  let app: FastifyInstance;
  const ctx = () => systemCtx(database, { countyCode: '430225', keyring: testKeyring() }, { clock: systemClock });

  beforeAll(async () => {
    proxy = await startTcpProxy(postgresAddress(t.url!));
    database = await openDatabase({ databaseUrl: proxy.through(t.url!), poolSize: 4, timeouts: testTimeouts });
    const config = { ...readConfig({ NODE_ENV: 'test' }) };
    app = await buildApp({ config, database, clock: systemClock, keyring: testKeyring() }, { logger: false });
    await app.ready();
    await t.database.exec('create table outage_job_runs (n int not null)');
  });
  afterAll(async () => {
    await app?.close();
    // The proxy first: resetting its links fails any client still checked out after the cuts, so the pool can
    // end; closing the pool first sometimes waited on such a client past the hook's 60 s.
    await proxy?.close();
    await database?.close();
  });

  const get = (url: string, language = 'zh-CN') =>
    app.inject({ method: 'GET', url, headers: { 'accept-language': language } });

  it('answers 503 database_unavailable with Retry-After in the caller’s language, unready, then recovers', async () => {
    expect((await get('/readyz')).statusCode).toBe(200);
    expect((await get('/api/meta')).statusCode).toBe(200);
    proxy.cut();
    onTestFinished(() => proxy.restore());

    const english = await get('/api/meta', 'en');
    expect(english.statusCode).toBe(503);
    expect(english.headers['retry-after']).toBe('5');
    expect(english.json()).toEqual({
      error: { code: 'database_unavailable', message: expect.stringMatching(/database cannot be reached/) },
    });
    const chinese = await get('/api/meta');
    expect(chinese.json().error.message).toMatch(/数据库暂时无法连接/);
    const ready = await get('/readyz');
    expect(ready.statusCode).toBe(503);
    expect(ready.json().error.code).toBe('database_unavailable');

    proxy.restore();
    // The pool dropped the reset clients; the next requests open fresh connections, no restart.
    await vi.waitFor(async () => expect((await get('/readyz')).statusCode).toBe(200), { timeout: 15_000 });
    expect((await get('/api/meta')).statusCode).toBe(200);
  });

  it('a stalled database (a hung link, a frozen primary): 503 within the pool’s bounds, unready, then recovers', async () => {
    expect((await get('/readyz')).statusCode).toBe(200);
    expect((await get('/api/meta')).statusCode).toBe(200);
    proxy.stall();
    onTestFinished(() => proxy.restore());

    // More requests than the pool has connections: the idle ones' statements stall (the client's query_timeout
    // ends them), new connections never finish their start-up (connectMs), the rest wait for a slot (connectMs).
    const burst = Array.from({ length: 7 }, (_, n) => get(n % 2 === 0 ? '/api/meta' : '/readyz', 'en'));
    const answers = await withinBound(
      Promise.all(burst),
      stalledBurstBoundMs,
      'a request hung on the stalled database',
    );
    for (const answer of answers) {
      expect(answer.statusCode, answer.body).toBe(503);
      expect(answer.headers['retry-after']).toBe('5');
      expect(answer.json().error.code).toBe('database_unavailable');
    }
    expect((await get('/readyz')).statusCode).toBe(503);

    proxy.restore();
    await vi.waitFor(async () => expect((await get('/readyz')).statusCode).toBe(200), { timeout: 15_000 });
    expect((await get('/api/meta')).statusCode).toBe(200);
  });

  it('a job whose transaction is cut runs again once, the worker survives, and no job runs twice', async () => {
    const runs = new Map<number, number>();
    let reachedCut: () => void = () => {};
    const atCut = new Promise<void>((resolve) => (reachedCut = resolve));
    let letGo: () => void = () => {};
    const cutDone = new Promise<void>((resolve) => (letGo = resolve));
    const count: QueuedJob<{ n: number }> = {
      name: 'test.outage-count',
      retry: { limit: 3, backoffMs: 0 },
      async run(w, { n }) {
        runs.set(n, (runs.get(n) ?? 0) + 1);
        if (n === 0 && runs.get(0) === 1) {
          // Inside its transaction when the database goes: the insert below fails, the transaction is lost.
          reachedCut();
          await cutDone;
        }
        await w.db.execute(sql`insert into outage_job_runs values (${n})`);
      },
    };
    await tx(ctx(), async (w) => {
      for (let n = 0; n < 6; n += 1) await enqueueJob(w, count, { n });
    });
    const log = { info: vi.fn(), error: vi.fn() };
    const worker = await startJobWorker(jobRunnerOf([{ key: 'outage-test', queues: [count] }]), ctx, log, {
      pollMs: 50,
      concurrency: 2,
    });
    onTestFinished(async () => {
      letGo();
      proxy.restore();
      await worker.stop(10_000);
    });

    await atCut;
    proxy.cut();
    letGo();
    // The cut run could not even record its failure: the worker keeps it and carries on polling (and failing).
    await vi.waitFor(
      () => expect(log.error).toHaveBeenCalledWith(expect.anything(), expect.stringMatching(/cut off/)),
      {
        timeout: 15_000,
      },
    );
    proxy.restore();

    await vi.waitFor(
      async () => {
        const states = await t.database.query<{ state: string }>(
          "select state from jobs_job where name = 'test.outage-count'",
        );
        expect(states.map((row) => row.state)).toEqual(Array(6).fill('done'));
      },
      { timeout: 20_000, interval: 100 },
    );
    const written = await t.database.query<{ n: number; times: number }>(
      'select n, count(*)::int as times from outage_job_runs group by n order by n',
    );
    expect(written).toEqual([0, 1, 2, 3, 4, 5].map((n) => ({ n, times: 1 })));
    expect(runs.get(0)).toBe(2);
    const attempts = await t.database.query<{ attempts: number }>(
      "select attempts from jobs_job where name = 'test.outage-count' and (payload->>'n')::int = 0",
    );
    expect(attempts).toEqual([{ attempts: 2 }]);
  });
});

// On PGlite there is no outage to simulate: the embedded database runs inside the process, so there is no link to
// lose. This file runs its tests on PostgreSQL only (describe.runIf above).

function withinBound<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const bound = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} (no answer within ${ms} ms)`)), ms);
  });
  return Promise.race([promise, bound]).finally(() => clearTimeout(timer));
}
