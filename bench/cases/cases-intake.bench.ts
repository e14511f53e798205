// Case intake through the real API (validation + staged-photo check + insert + audit + outbox + idempotency
// record) on PostgreSQL and PGlite: `wenming serve --demo` in its own process, a signed-in inspector, POST
// /api/cases from N keep-alive connections for a fixed time, every request with its own Idempotency-Key and
// naming a photo staged beforehand (the report pages upload each photo as it is picked). The photo upload
// itself, and a report carrying its photo as base64 (the old way), are measured in runs of their own.
// Baselines in the same run on the same database: pgbench inserting one case-wide row per transaction at the
// same N on PostgreSQL; a loop of such inserts on a PGlite folder of its own.
import path from 'node:path';
import type { Database } from '../../server/platform/db/database.ts';
import { openDatabase } from '../../server/platform/db/engine.ts';
import { preparePgliteTemplate } from '../lib/engines.ts';
import { createScratchDatabase, postgresUnavailable } from '../lib/pg.ts';
import type { Suite, SuiteOutput } from '../lib/report.ts';
import { makeWorkDir, removeWorkDir } from '../lib/workdir.ts';
import { createBaselineTable, runPgbench, runPgliteInsertLoop } from './insert-baseline.ts';
import { databaseBreakdown, photoBreakdown } from './intake-breakdown.ts';
import {
  alternate,
  apiRun,
  baselineRun,
  type EngineRuns,
  type IntakeLoad,
  intakeBody,
  type ObservedLoad,
  storedCounts,
} from './intake-runs.ts';
import { intakeTables } from './intake-tables.ts';
import { type ServerTarget, signInDemo, startWenming } from './live-server.ts';
import { type CasesBenchSizes, casesBenchSizes, enginesWanted } from './options.ts';
import { inspectorPhoto } from './sample-photo.ts';
import { copyStagedUpload, dropUnused, UploadPool, uploadOnce } from './staged-pool.ts';

export interface EngineIntake {
  runs: EngineRuns;
  /** One client: the latency of an intake when nothing queues. */
  single: ObservedLoad;
  /** The same report with its photo inside as base64 (checked in the request), at the smallest N. */
  inline: ObservedLoad;
  /** POST /api/cases/photo-uploads at the smallest N: what staging a photo costs. */
  uploads: ObservedLoad;
  breakdown: Awaited<ReturnType<typeof databaseBreakdown>>;
  counts: Record<string, number>;
  /** 201s answered (warm-up, runs, single client, inline) plus the breakdown's writes: must equal the cases stored. */
  written: number;
}

/** Copies of the staged upload for the next run, sized from the fastest rate seen so far (engine-specific how). */
interface Stager {
  stage(count: number): Promise<UploadPool>;
  release(pool: UploadPool): Promise<void>;
}

interface EngineSetup {
  target: ServerTarget;
  databaseUrl?: string;
  /** A first guess of the staged rate, for the warm-up's pool. */
  guessPerSecond: number;
  openDatabase: () => Promise<Database>;
}

/** A session, one photo staged through the real endpoint, and the load's request factory. */
async function prepareLoad(setup: EngineSetup, photo: Buffer) {
  const server = await startWenming(setup.target);
  const headers = await signInDemo(server.url, 'inspector.xiayang');
  const templateId = await uploadOnce(server.url, headers, photo);
  return { server, headers, templateId };
}

/** PostgreSQL: copies in SQL beside the running server. PGlite: its folder has one owner, so the server pauses. */
function stagerFor(setup: EngineSetup, load: IntakeLoad, templateId: string): Stager {
  const copy = async (count: number) => {
    const database = await setup.openDatabase();
    try {
      return new UploadPool(await copyStagedUpload(database, templateId, count));
    } finally {
      await database.close();
    }
  };
  if (setup.target.engine === 'PostgreSQL') {
    return {
      stage: copy,
      release: async (pool) => {
        const database = await setup.openDatabase();
        await dropUnused(database, pool.unused()).finally(() => database.close());
      },
    };
  }
  return {
    stage: async (count) => {
      await load.server.stop();
      const pool = await copy(count);
      load.server = await startWenming(setup.target);
      return pool;
    },
    release: async () => {}, // leftovers stay staged: they expire like any abandoned upload
  };
}

/**
 * Warm-up, the alternating runs, one client alone, the inline-photo run and the upload run; then, with the
 * server stopped, the breakdown on the server's own database.
 */
async function measureEngine(
  sizes: CasesBenchSizes,
  setup: EngineSetup,
  photo: Buffer,
  runs: (api: (n: number) => Promise<ObservedLoad>) => Promise<EngineRuns>,
): Promise<EngineIntake> {
  const since = new Date();
  const prepared = await prepareLoad(setup, photo);
  const load: IntakeLoad = {
    server: prepared.server,
    headers: prepared.headers,
    request: () => ({ method: 'GET', path: '/readyz', headers: {} }),
    ...(setup.databaseUrl ? { databaseUrl: setup.databaseUrl } : {}),
  };
  const stager = stagerFor(setup, load, prepared.templateId);
  let fastest = setup.guessPerSecond;
  const stagedRun = async (clients: number, seconds: number) => {
    const pool = await stager.stage(Math.ceil(fastest * 1.6 * seconds) + 100);
    load.request = (i) => ({
      method: 'POST',
      path: '/api/cases',
      headers: load.headers,
      body: intakeBody(i, { uploadId: pool.take() ?? crypto.randomUUID() }),
    });
    const run = await apiRun(load, clients, seconds);
    fastest = Math.max(fastest, run.perSecond);
    await stager.release(pool);
    return run;
  };
  try {
    const warm = await stagedRun(Math.max(...sizes.clients), sizes.warmupSeconds);
    const measured = await runs((n) => stagedRun(n, sizes.intakeSeconds));
    const single = await stagedRun(1, sizes.intakeSeconds);
    const smallest = Math.min(...sizes.clients);
    const base64 = photo.toString('base64');
    load.request = (i) => ({
      method: 'POST',
      path: '/api/cases',
      headers: load.headers,
      body: intakeBody(i, { data: base64 }),
    });
    const inline = await apiRun(load, smallest, sizes.intakeSeconds);
    load.request = () => ({
      method: 'POST',
      path: '/api/cases/photo-uploads',
      headers: { ...load.headers, 'content-type': 'image/jpeg' },
      body: photo,
    });
    const uploads = await apiRun(load, smallest, sizes.intakeSeconds);
    await load.server.stop();
    const database = await setup.openDatabase();
    try {
      const breakdown = await databaseBreakdown(database, prepared.templateId, {
        iterations: sizes.breakdownSamples,
        clients: sizes.clients,
        seconds: sizes.intakeSeconds,
        maxWritesPerRun: Math.ceil(fastest * 2 * sizes.intakeSeconds),
        ...(setup.databaseUrl ? { databaseUrl: setup.databaseUrl } : {}),
      });
      const answered = [warm, single, inline, ...measured.api].reduce((a, r) => a + r.ok + r.late, 0);
      return {
        runs: measured,
        single,
        inline,
        uploads,
        breakdown,
        counts: await storedCounts(database, since),
        written: answered + breakdown.writes,
      };
    } finally {
      await database.close();
    }
  } finally {
    await load.server.stop();
  }
}

async function measurePostgres(sizes: CasesBenchSizes, photo: Buffer): Promise<EngineIntake> {
  const db = await createScratchDatabase();
  const dir = makeWorkDir('cases-intake-pg');
  try {
    const setup: EngineSetup = {
      target: { engine: 'PostgreSQL', dataDir: dir, databaseUrl: db.url },
      databaseUrl: db.url,
      guessPerSecond: 400,
      openDatabase: () => openDatabase({ databaseUrl: db.url, poolSize: Math.max(...sizes.clients) }),
    };
    const pgbench = (n: number) => baselineRun(() => runPgbench(db.url, n, sizes.intakeSeconds, dir), db.url);
    return await measureEngine(sizes, setup, photo, async (api) => {
      // `like cases_case`: the server has migrated the database by now.
      const bench = await openDatabase({ databaseUrl: db.url, poolSize: 1 });
      await createBaselineTable(bench).finally(() => bench.close());
      await runPgbench(db.url, 2, sizes.warmupSeconds, dir);
      return alternate('PostgreSQL', sizes.clients, sizes.intakeRounds, api, pgbench);
    });
  } finally {
    await db.drop();
    removeWorkDir(dir);
  }
}

async function measurePglite(sizes: CasesBenchSizes, photo: Buffer): Promise<EngineIntake> {
  const dir = makeWorkDir('cases-intake-pglite');
  const template = await preparePgliteTemplate();
  const scratch = await template.open();
  try {
    await createBaselineTable(scratch.database);
    const setup: EngineSetup = {
      target: { engine: 'PGlite', dataDir: dir },
      guessPerSecond: 150,
      openDatabase: () => openDatabase({ pgliteDir: path.join(dir, 'db') }),
    };
    const loop = () => baselineRun(() => runPgliteInsertLoop(scratch.database, sizes.intakeSeconds), undefined);
    return await measureEngine(sizes, setup, photo, async (api) => {
      await runPgliteInsertLoop(scratch.database, sizes.warmupSeconds);
      return alternate('PGlite', sizes.clients, sizes.intakeRounds, api, loop);
    });
  } finally {
    await scratch.dispose();
    await template.dispose();
    removeWorkDir(dir);
  }
}

async function run({ quick = false }: { quick?: boolean } = {}): Promise<SuiteOutput> {
  const sizes = casesBenchSizes(quick);
  const pgSkip = await postgresUnavailable();
  const photo = await inspectorPhoto({ lng: 113.772, lat: 26.489 });
  const photoSteps = await photoBreakdown(photo, sizes.breakdownSamples);
  const engines: Record<string, EngineIntake> = {};
  const wanted = enginesWanted();
  if (!pgSkip && wanted.postgres) engines.PostgreSQL = await measurePostgres(sizes, photo);
  if (wanted.pglite) engines.PGlite = await measurePglite(sizes, photo);
  const { tables, notes } = intakeTables(engines, photoSteps, photo.length);
  if (pgSkip) notes.push(`PostgreSQL rows skipped: ${pgSkip}`);
  return {
    title: 'Case intake through the API',
    description:
      '`wenming serve --demo` in its own process (PostgreSQL: a fresh database; PGlite: a fresh data folder), the demo inspector of 霞阳镇 signed in over HTTP, and `POST /api/cases` (占道经营 09006 in 霞阳镇 430225100, naming one ~30 KB JPEG with GPS EXIF staged beforehand through `POST /api/cases/photo-uploads` — as the report pages send it since photos upload as they are picked — and a new `Idempotency-Key` each time) sent from N keep-alive connections in a closed loop for a fixed time. Each request consumes its staged photo, so before each run the bench copies the one really uploaded photo in SQL as often as the run needs (PGlite: with the server paused, its folder has one owner). The upload itself and a report carrying its photo as base64 are measured in runs of their own. Baseline in the same run on the same database server, at the same N: `pgbench` inserting one row per transaction into a table created `like cases_case including all` (same columns and indexes); on PGlite, a loop of the same insert on a PGlite folder of its own (one session, so one loop whatever N).',
    tables,
    notes,
    data: { sizes, photoBytes: photo.length, photoSteps, engines: stripLatencies(engines) },
  };
}

/** Raw latencies would make the committed JSON megabytes long: keep the summaries the tables show. */
function stripLatencies(engines: Record<string, EngineIntake>) {
  const strip = <T extends { latencies: number[] }>(r: T) => ({
    ...r,
    latencies: undefined,
    samples: r.latencies.length,
  });
  return Object.fromEntries(
    Object.entries(engines).map(([k, e]) => [
      k,
      {
        ...e,
        single: strip(e.single),
        inline: strip(e.inline),
        uploads: strip(e.uploads),
        runs: { ...e.runs, api: e.runs.api.map(strip), baseline: e.runs.baseline.map(strip) },
      },
    ]),
  );
}

export const casesIntakeSuite: Suite = { name: 'cases-intake', run };
