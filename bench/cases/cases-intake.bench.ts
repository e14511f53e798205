// Case intake through the real API (validation + photo check + insert + audit + outbox + idempotency record)
// on PostgreSQL and PGlite: `wenming serve --demo` in its own process, a signed-in inspector, POST /api/cases
// from N keep-alive connections for a fixed time, every request with its own Idempotency-Key. Baselines in
// the same run on the same database: pgbench inserting one case-wide row per transaction at the same N on
// PostgreSQL; a loop of such inserts on a PGlite folder of its own.
import path from 'node:path';
import type { Database } from '../../server/platform/db/database.ts';
import { openDatabase } from '../../server/platform/db/engine.ts';
import { preparePgliteTemplate } from '../lib/engines.ts';
import { createScratchDatabase, postgresUnavailable } from '../lib/pg.ts';
import type { Suite, SuiteOutput } from '../lib/report.ts';
import { makeWorkDir, removeWorkDir } from '../lib/workdir.ts';
import { databaseBreakdown, photoBreakdown } from './intake-breakdown.ts';
import { createBaselineTable, runPgbench, runPgliteInsertLoop } from './insert-baseline.ts';
import { alternate, apiRun, baselineRun, type EngineRuns, type IntakeLoad, intakeBodies, type ObservedLoad, storedCounts } from './intake-runs.ts';
import { intakeTables } from './intake-tables.ts';
import { type LiveServer, type ServerTarget, signInDemo, startWenming } from './live-server.ts';
import { type CasesBenchSizes, casesBenchSizes, enginesWanted } from './options.ts';
import { inspectorPhoto } from './sample-photo.ts';

export interface EngineIntake {
  runs: EngineRuns;
  /** One client: the latency of an intake when nothing queues. */
  single: ObservedLoad;
  breakdown: Awaited<ReturnType<typeof databaseBreakdown>>;
  counts: Record<string, number>;
  /** 201s answered (warm-up, runs, single client) plus the breakdown's writes: must equal the cases stored. */
  written: number;
}

async function prepareLoad(target: ServerTarget, photoBase64: string, databaseUrl?: string): Promise<IntakeLoad> {
  const server = await startWenming(target);
  const headers = await signInDemo(server.url, 'inspector.xiayang');
  return { server, headers, bodies: intakeBodies(photoBase64), ...(databaseUrl ? { databaseUrl } : {}) };
}

/**
 * Warm-up, the alternating runs, one client alone; then, with the server stopped, the breakdown on the
 * server's own database (opened here by `openServerDatabase`).
 */
async function measureEngine(
  sizes: CasesBenchSizes,
  load: IntakeLoad,
  runs: (warm: ObservedLoad) => Promise<EngineRuns>,
  openServerDatabase: () => Promise<Database>,
): Promise<EngineIntake> {
  const since = new Date();
  const warm = await apiRun(load, Math.max(...sizes.clients), sizes.warmupSeconds);
  const measured = await runs(warm);
  const single = await apiRun(load, 1, sizes.intakeSeconds);
  await load.server.stop();
  const database = await openServerDatabase();
  try {
    const breakdown = await databaseBreakdown(database, JSON.parse(load.bodies[0]!), {
      iterations: sizes.breakdownSamples,
      clients: sizes.clients,
      seconds: sizes.intakeSeconds,
      ...(load.databaseUrl ? { databaseUrl: load.databaseUrl } : {}),
    });
    const answered = [warm, single, ...measured.api].reduce((a, r) => a + r.ok + r.late, 0);
    return { runs: measured, single, breakdown, counts: await storedCounts(database, since), written: answered + breakdown.writes };
  } finally {
    await database.close();
  }
}

async function measurePostgres(sizes: CasesBenchSizes, photoBase64: string): Promise<EngineIntake> {
  const db = await createScratchDatabase();
  const dir = makeWorkDir('cases-intake-pg');
  let server: LiveServer | undefined;
  try {
    const load = await prepareLoad({ engine: 'PostgreSQL', dataDir: dir, databaseUrl: db.url }, photoBase64, db.url);
    server = load.server;
    const bench = await openDatabase({ databaseUrl: db.url, poolSize: 1 });
    await createBaselineTable(bench);
    await bench.close();
    const pgbench = (n: number) => baselineRun(() => runPgbench(db.url, n, sizes.intakeSeconds, dir), db.url);
    return await measureEngine(
      sizes,
      load,
      async () => {
        await runPgbench(db.url, 2, sizes.warmupSeconds, dir);
        return alternate('PostgreSQL', sizes.clients, sizes.intakeRounds, (n) => apiRun(load, n, sizes.intakeSeconds), pgbench);
      },
      () => openDatabase({ databaseUrl: db.url, poolSize: Math.max(...sizes.clients) }),
    );
  } finally {
    await server?.stop();
    await db.drop();
    removeWorkDir(dir);
  }
}

async function measurePglite(sizes: CasesBenchSizes, photoBase64: string): Promise<EngineIntake> {
  const dir = makeWorkDir('cases-intake-pglite');
  const template = await preparePgliteTemplate();
  const scratch = await template.open();
  let server: LiveServer | undefined;
  try {
    await createBaselineTable(scratch.database);
    const load = await prepareLoad({ engine: 'PGlite', dataDir: dir }, photoBase64);
    server = load.server;
    const loop = () => baselineRun(() => runPgliteInsertLoop(scratch.database, sizes.intakeSeconds), undefined);
    return await measureEngine(
      sizes,
      load,
      async () => {
        await runPgliteInsertLoop(scratch.database, sizes.warmupSeconds);
        return alternate('PGlite', sizes.clients, sizes.intakeRounds, (n) => apiRun(load, n, sizes.intakeSeconds), loop);
      },
      () => openDatabase({ pgliteDir: path.join(dir, 'db') }),
    );
  } finally {
    await server?.stop();
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
  if (!pgSkip && wanted.postgres) engines.PostgreSQL = await measurePostgres(sizes, photo.toString('base64'));
  if (wanted.pglite) engines.PGlite = await measurePglite(sizes, photo.toString('base64'));
  const { tables, notes } = intakeTables(engines, photoSteps, photo.length);
  if (pgSkip) notes.push(`PostgreSQL rows skipped: ${pgSkip}`);
  return {
    title: 'Case intake through the API',
    description:
      '`wenming serve --demo` in its own process (PostgreSQL: a fresh database; PGlite: a fresh data folder), the demo inspector of 霞阳镇 signed in over HTTP, and `POST /api/cases` (占道经营 09006 in 霞阳镇 430225100, one ~30 KB JPEG with GPS EXIF, a new `Idempotency-Key` each time) sent from N keep-alive connections in a closed loop for a fixed time. Baseline in the same run on the same database server, at the same N: `pgbench` inserting one row per transaction into a table created `like cases_case including all` (same columns and indexes); on PGlite, a loop of the same insert on a PGlite folder of its own (one session, so one loop whatever N).',
    tables,
    notes,
    data: { sizes, photoBytes: photo.length, photoSteps, engines: stripLatencies(engines) },
  };
}

/** Raw latencies would make the committed JSON megabytes long: keep the summaries the tables show. */
function stripLatencies(engines: Record<string, EngineIntake>) {
  const strip = <T extends { latencies: number[] }>(r: T) => ({ ...r, latencies: undefined, samples: r.latencies.length });
  return Object.fromEntries(
    Object.entries(engines).map(([k, e]) => [k, { ...e, single: strip(e.single), runs: { ...e.runs, api: e.runs.api.map(strip), baseline: e.runs.baseline.map(strip) } }]),
  );
}

export const casesIntakeSuite: Suite = { name: 'cases-intake', run };
