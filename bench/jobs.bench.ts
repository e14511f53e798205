// Durable jobs (issue 11): the table queue built in server/platform/jobs against pg-boss, on PostgreSQL.
// Per candidate: 10,000 jobs enqueued one per transaction from 4 clients; drained by 1 worker, then (another
// 10,000) by 4 workers, each worker its own pool running up to 4 jobs at once; then the claim of one due job
// on an otherwise idle queue (300 samples). Baselines in the same run: a one-row insert transaction from the
// same 4 clients (what an enqueue cannot beat) and one `select 1` round trip (what a claim cannot beat).
// The table queue also runs on PGlite (one process, 1,000 jobs): the embedded engine must work, not race.
import pg from 'pg';
import { appModules } from '../server/modules/index.ts';
import type { Database } from '../server/platform/db/database.ts';
import { openPreparedDatabase } from '../server/platform/db/prepare.ts';
import { keyringFromJson, newKeyFile } from '../server/platform/pii/keyring.ts';
import { type QueueCandidate, runConcurrently } from './jobs/candidate.ts';
import { pgBossQueue } from './jobs/pg-boss-queue.ts';
import { openPool, tableQueue } from './jobs/table-queue.ts';
import { demoSeedOptions, preparePgliteTemplate } from './lib/engines.ts';
import { createScratchDatabase, postgresUnavailable } from './lib/pg.ts';
import type { RunOptions, Suite, SuiteOutput } from './lib/report.ts';
import { ms, ratio, type Summary, summarize, times } from './lib/stats.ts';

const CLIENTS = 4;

interface Figures {
  label: string;
  engine: string;
  jobs: number;
  enqueuePerSecond: number;
  drain1PerSecond: number;
  drain4PerSecond: number | null;
  claim: Summary;
}

const perSecond = (count: number, elapsedMs: number) => (count * 1000) / elapsedMs;

async function timed(work: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await work();
  return performance.now() - started;
}

async function measure(candidate: QueueCandidate, engine: string, jobs: number, workers4: boolean): Promise<Figures> {
  const enqueueMs = await timed(() => candidate.enqueue(jobs, CLIENTS));
  const drain1Ms = await timed(() => candidate.drain(jobs, 1));
  let drain4PerSecond: number | null = null;
  if (workers4) {
    await candidate.enqueue(jobs, CLIENTS);
    drain4PerSecond = perSecond(jobs, await timed(() => candidate.drain(2 * jobs, 4)));
  }
  const claim = summarize(await candidate.claimLatency(300));
  await candidate.dispose();
  return {
    label: candidate.label,
    engine,
    jobs,
    enqueuePerSecond: perSecond(jobs, enqueueMs),
    drain1PerSecond: perSecond(jobs, drain1Ms),
    drain4PerSecond,
    claim,
  };
}

/** One-row transactions from 4 clients per second, and one round trip's p50 (ms). */
async function baselines(url: string, count: number): Promise<{ txPerSecond: number; roundTrip: Summary }> {
  const pool = new pg.Pool({ connectionString: url, max: CLIENTS });
  await pool.query('create table bench_baseline (n int not null)');
  const elapsed = await timed(() =>
    runConcurrently(count, CLIENTS, async (n) => {
      const client = await pool.connect();
      try {
        await client.query('begin');
        await client.query('insert into bench_baseline values ($1)', [n]);
        await client.query('commit');
      } finally {
        client.release();
      }
    }),
  );
  const trips: number[] = [];
  for (let i = 0; i < 300; i++) trips.push(await timed(() => pool.query('select 1')));
  await pool.end();
  return { txPerSecond: perSecond(count, elapsed), roundTrip: summarize(trips) };
}

const keyring = keyringFromJson(newKeyFile('bench-jobs'));

async function migratedPostgres(): Promise<{ url: string; database: Database; drop(): Promise<void> }> {
  const scratch = await createScratchDatabase();
  const options = { databaseUrl: scratch.url, pgliteDir: '', countyCode: demoSeedOptions.countyCode };
  const database = await openPreparedDatabase(options, keyring, appModules);
  const drop = async () => {
    await database.close();
    await scratch.drop();
  };
  return { url: scratch.url, database, drop };
}

async function run(options: RunOptions = {}): Promise<SuiteOutput> {
  const jobs = options.quick ? 300 : 10_000;
  const results: Figures[] = [];
  const unavailable = await postgresUnavailable();
  let base: Awaited<ReturnType<typeof baselines>> | undefined;
  if (!unavailable) {
    const scratch = await createScratchDatabase();
    base = await baselines(scratch.url, jobs);
    await scratch.drop();
    const ours = await migratedPostgres();
    results.push(await measure(tableQueue(ours.database, openPool(ours.url)), 'PostgreSQL', jobs, true));
    await ours.drop();
    const bossDb = await createScratchDatabase();
    results.push(await measure(await pgBossQueue(bossDb.url), 'PostgreSQL', jobs, true));
    await bossDb.drop();
  }
  const template = await preparePgliteTemplate();
  const copy = await template.open();
  const pgliteJobs = options.quick ? 100 : 1000;
  const unshared = async () => copy.database;
  results.push(await measure(tableQueue(copy.database, unshared), 'PGlite', pgliteJobs, false));
  await copy.dispose();
  await template.dispose();
  return output(results, base, unavailable);
}

function output(
  results: Figures[],
  base: { txPerSecond: number; roundTrip: Summary } | undefined,
  unavailable: string | undefined,
): SuiteOutput {
  const rate = (value: number | null) => (value === null ? '–' : value.toFixed(0));
  const rows = results.map((r) => [
    `${r.label}, ${r.engine}`,
    String(r.jobs),
    rate(r.enqueuePerSecond),
    r.engine === 'PostgreSQL' && base ? times(ratio(r.enqueuePerSecond, base.txPerSecond)) : '–',
    rate(r.drain1PerSecond),
    rate(r.drain4PerSecond),
    ms(r.claim.p50),
    ms(r.claim.p95),
    r.engine === 'PostgreSQL' && base ? times(ratio(r.claim.p50, base.roundTrip.p50)) : '–',
  ]);
  return {
    title: 'Durable jobs: table queue vs pg-boss',
    description:
      'Enqueue (one job per transaction, 4 clients), drain (enqueue + run + complete a no-op job) with 1 and 4 ' +
      'workers (each its own pool, up to 4 jobs at once, polling every 20 ms when idle), and the claim of one due ' +
      'job on an idle queue. Baselines: a one-row insert transaction from the same 4 clients, one `select 1`.',
    tables: [
      {
        headers: [
          'candidate',
          'jobs',
          'enqueue/s',
          'enqueue ÷ one-row tx',
          'drain/s, 1 worker',
          'drain/s, 4 workers',
          'claim p50 ms',
          'claim p95 ms',
          'claim p50 ÷ round trip',
        ],
        rows,
      },
    ],
    notes: [
      ...(base
        ? [
            `Baselines: ${base.txPerSecond.toFixed(0)} one-row transactions/s from ${CLIENTS} clients; select 1 p50 ${ms(base.roundTrip.p50)} ms.`,
          ]
        : [`${unavailable}: PostgreSQL figures skipped.`]),
      'The table queue runs each job in a transaction that marks it done first (locking its row) and then runs ' +
        'the handler (BEGIN, complete, handler, COMMIT); claims are one SKIP LOCKED statement for up to the free ' +
        'slots (a worker claims again once half its slots are free).',
      'pg-boss keeps its jobs in its own schema (pgboss.job, partitioned by queue name, no region_code) and opens ' +
        'its own pool; running it on PGlite would take a db adapter over the single session (not tried here).',
      'pg-boss is driven by fetch/complete with the same batch (4) and idle poll (20 ms); its own work() waits at ' +
        'least 500 ms between fetches.',
    ],
    data: { results, base },
  };
}

export const jobsSuite: Suite = { name: 'jobs', run };
