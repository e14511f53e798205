// Intake capacity against its real limit: the API (`wenming serve --demo` on a fresh PostgreSQL database,
// POST /api/cases from N keep-alive connections, each naming a staged photo, as the intake suite sends it) and,
// in the same run at the same N, pgbench running the same statements one intake sends (captured from the
// server's own statement log, see capture-statements.ts), with named prepared statements and as node-postgres
// sends them (unnamed, parsed each time). Also the API with the database on its Unix socket instead of TCP.
import fs from 'node:fs';
import path from 'node:path';
import type { Database } from '../../server/platform/db/database.ts';
import { openDatabase } from '../../server/platform/db/engine.ts';
import { type BaselineRun, runPgbench } from '../cases/insert-baseline.ts';
import {
  apiRun,
  baselineRun,
  type IntakeLoad,
  intakeBody,
  type ObservedBaseline,
  type ObservedLoad,
} from '../cases/intake-runs.ts';
import { type LiveServer, type ServerTarget, signInDemo, startWenming } from '../cases/live-server.ts';
import { inspectorPhoto } from '../cases/sample-photo.ts';
import { copyStagedUpload, dropUnused, UploadPool, uploadOnce } from '../cases/staged-pool.ts';
import { adminUrl, createScratchDatabase, postgresUnavailable, type ScratchDatabase } from '../lib/pg.ts';
import type { Suite, SuiteOutput } from '../lib/report.ts';
import { makeWorkDir, removeWorkDir } from '../lib/workdir.ts';
import { startSoakServer } from '../soak/soak-server.ts';
import { captureIntakeStatements } from './capture-statements.ts';
import { capacityTables } from './capacity-tables.ts';
import { type SameStatementScript, sameStatementScript } from './same-statement-script.ts';

export interface CapacitySizes {
  clients: readonly number[];
  seconds: number;
  rounds: number;
  warmupSeconds: number;
}

// One client count (the intake suite's middle one), two rounds in opposite orders: five variants of ~30 s each
// with their staging already make a round ~3 minutes on this machine.
const full: CapacitySizes = { clients: [8], seconds: 15, rounds: 2, warmupSeconds: 5 };
const quick: CapacitySizes = { clients: [2], seconds: 2, rounds: 1, warmupSeconds: 1 };

/** PostgreSQL's socket folder on Debian: where a local database is reached without TCP. */
export const socketDir = '/var/run/postgresql';

export function socketUrl(databaseUrl: string): string {
  const url = new URL(databaseUrl);
  return `postgres://${url.username || 'postgres'}@/${url.pathname.slice(1)}?host=${encodeURIComponent(socketDir)}`;
}

export type Variant = 'api-tcp' | 'api-socket' | 'api-unnamed' | 'pgbench-prepared' | 'pgbench-extended';

export interface CapacityRun {
  variant: Variant;
  clients: number;
  run: ObservedLoad | ObservedBaseline;
  /** pgbench only: staged photos left when it stopped (0 means it ran dry and the rate is too low). */
  photosLeft?: number;
  /** pgbench only: cases and case photos its transactions stored (each must store one of each). */
  stored?: { cases: number; photos: number };
}

interface Bench {
  databaseUrl: string;
  dir: string;
  templateId: string;
  open: () => Promise<Database>;
}

async function withDatabase<T>(bench: Bench, use: (db: Database) => Promise<T>): Promise<T> {
  const db = await bench.open();
  try {
    return await use(db);
  } finally {
    await db.close();
  }
}

/** Copies of the staged photo for a run at `perSecond` (the fastest seen so far), with room to spare. */
const stagedFor = (perSecond: number, seconds: number) => Math.ceil(perSecond * 1.6 * seconds) + 100;

async function apiVariant(bench: Bench, load: IntakeLoad, clients: number, seconds: number, rate: number) {
  const pool = new UploadPool(
    await withDatabase(bench, (db) => copyStagedUpload(db, bench.templateId, stagedFor(rate, seconds))),
  );
  await withDatabase(bench, settle);
  load.request = (i) => ({
    method: 'POST',
    path: '/api/cases',
    headers: load.headers,
    body: intakeBody(i, { uploadId: pool.take() ?? crypto.randomUUID() }),
  });
  const run = await apiRun(load, clients, seconds);
  await withDatabase(bench, (db) => dropUnused(db, pool.unused()));
  return run;
}

const storedCounts = (db: Database) =>
  db.query<{ cases: number; photos: number }>(
    'select (select count(*) from cases_case)::int as cases, (select count(*) from cases_photo)::int as photos',
  );

/** The tables an intake writes: vacuumed between runs, so no run pays for the dead rows of the one before. */
const intakeTables = [
  'cases_photo_upload',
  'cases_photo',
  'cases_case',
  'cases_event',
  'outbox_event',
  'idempotency_record',
  'audit_event',
  'audit_chain_head',
  'notify_cursor',
];

/**
 * Every run starts from the same state (a fresh copy of the base database, `onFreshCopy`), its staged photos
 * vacuumed in and checkpointed: a run writes hundreds of MB of WAL (a photo is moved per intake), and a
 * checkpoint owed by what came before must not land in its window. A run's own checkpoints stay in it.
 */
async function settle(db: Database): Promise<void> {
  await db.query(`vacuum (analyze) ${intakeTables.join(', ')}`);
  await db.query('checkpoint');
}

async function pgbenchVariant(
  bench: Bench,
  script: SameStatementScript,
  protocol: 'prepared' | 'extended',
  clients: number,
  seconds: number,
  rate: number,
) {
  await withDatabase(bench, (db) => copyStagedUpload(db, bench.templateId, stagedFor(rate, seconds)));
  await withDatabase(bench, settle);
  const [before] = await withDatabase(bench, storedCounts);
  const run: ObservedBaseline = await baselineRun(
    (): Promise<BaselineRun> =>
      runPgbench(bench.databaseUrl, clients, seconds, bench.dir, {
        name: `same-${protocol}`,
        text: script.script,
        protocol,
      }),
    bench.databaseUrl,
  );
  const [after] = await withDatabase(bench, storedCounts);
  const photosLeft = await withDatabase(bench, async (db) => {
    const rows = await db.query<{ n: number }>('delete from cases_photo_upload where id <> $1 returning 1 as n', [
      bench.templateId,
    ]);
    return rows.length;
  });
  const stored = {
    cases: (after?.cases ?? 0) - (before?.cases ?? 0),
    photos: (after?.photos ?? 0) - (before?.photos ?? 0),
  };
  return { run, photosLeft, stored };
}

/**
 * Runs `use` on a fresh copy of the base database, dropped after. Sharing one database, every run paid for the
 * ones before it: tens of thousands of cases at the same few thousand points make the duplicate search and the
 * server's deadline jobs longer, and a variant's CPU per intake doubled from the first round to the second
 * (pgbench's own rate 444 → 243/s) — the ratio then depended on the order. Copied file by file (no WAL).
 */
async function onFreshCopy<T>(
  base: ScratchDatabase,
  shared: Pick<Bench, 'dir' | 'templateId'>,
  use: (bench: Bench) => Promise<T>,
): Promise<T> {
  const copy = await createScratchDatabase(base.name, { strategy: 'file_copy' });
  try {
    return await use({
      ...shared,
      databaseUrl: copy.url,
      open: () => openDatabase({ databaseUrl: copy.url, poolSize: 1 }),
    });
  } finally {
    await copy.drop();
  }
}

async function measure(
  sizes: CapacitySizes,
): Promise<{ runs: CapacityRun[]; script: SameStatementScript; statementsSeen: number }> {
  const db = await createScratchDatabase();
  const dir = makeWorkDir('capacity');
  const tcp: Extract<ServerTarget, { engine: 'PostgreSQL' }> = {
    engine: 'PostgreSQL',
    dataDir: dir,
    databaseUrl: db.url,
  };
  try {
    const photo = await inspectorPhoto({ lng: 113.772, lat: 26.489 });
    const server = await startWenming(tcp);
    const templateId = await uploadOnce(server.url, await signInDemo(server.url, 'inspector.xiayang'), photo);
    await server.stop();
    const bench: Bench = {
      databaseUrl: db.url,
      dir,
      templateId,
      open: () => openDatabase({ databaseUrl: db.url, poolSize: 1 }),
    };
    const statements = await captureIntakeStatements({
      target: tcp,
      databaseName: db.name,
      adminUrl: adminUrl(),
      openDatabase: bench.open,
      templateId,
    });
    const script = sameStatementScript(statements, templateId);
    fs.writeFileSync(path.join(dir, 'same-statements.sql'), script.script);

    const rates: Record<Variant, number> = {
      'api-tcp': 300,
      'api-socket': 300,
      'api-unnamed': 300,
      // First guesses, raised to the fastest rate seen: each run stages 1.6× its rate × seconds copies of a 32 KB photo.
      'pgbench-prepared': 600,
      'pgbench-extended': 600,
    };
    const runs: CapacityRun[] = [];
    const record = (variant: Variant, clients: number, run: ObservedLoad | ObservedBaseline, photosLeft?: number) => {
      rates[variant] = Math.max(rates[variant], run.perSecond);
      runs.push({ variant, clients, run, ...(photosLeft === undefined ? {} : { photosLeft }) });
      console.log(
        `  ${variant} c=${clients}: ${run.perSecond.toFixed(1)}/s${photosLeft === 0 ? ' (ran out of staged photos)' : ''}`,
      );
    };
    const api = (variant: 'api-tcp' | 'api-socket' | 'api-unnamed', clients: number) =>
      onFreshCopy(db, bench, (copy) => apiOn(copy, variant, clients));
    const apiOn = async (copy: Bench, variant: 'api-tcp' | 'api-socket' | 'api-unnamed', clients: number) => {
      const url = variant === 'api-socket' ? socketUrl(copy.databaseUrl) : copy.databaseUrl;
      // The server names its statements (platform/db/named-statements.ts); 'api-unnamed' turns that off, as an
      // installation behind a transaction-mode pooler does, to show what the naming gains.
      if (variant === 'api-unnamed') process.env.WENMING_PG_NAMED_STATEMENTS = 'off';
      const started = await startSoakServer(url, dir).finally(() => {
        delete process.env.WENMING_PG_NAMED_STATEMENTS;
      });
      const live: LiveServer = {
        engine: 'PostgreSQL',
        url: started.url,
        pid: started.pid,
        started: started.started,
        stop: started.stop,
      };
      try {
        const load: IntakeLoad = {
          server: live,
          headers: await signInDemo(live.url, 'inspector.xiayang'),
          request: () => ({ method: 'GET', path: '/readyz', headers: {} }),
          databaseUrl: copy.databaseUrl,
        };
        await apiVariant(copy, load, clients, sizes.warmupSeconds, rates[variant]);
        record(variant, clients, await apiVariant(copy, load, clients, sizes.seconds, rates[variant]));
      } finally {
        await live.stop();
      }
    };
    const pgbench = async (protocol: 'prepared' | 'extended', clients: number) => {
      const variant: Variant = `pgbench-${protocol}`;
      const { run, photosLeft, stored } = await onFreshCopy(db, bench, (copy) =>
        pgbenchVariant(copy, script, protocol, clients, sizes.seconds, rates[variant]),
      );
      record(variant, clients, run, photosLeft);
      runs[runs.length - 1]!.stored = stored;
    };
    await onFreshCopy(db, bench, (copy) =>
      pgbenchVariant(copy, script, 'prepared', 2, sizes.warmupSeconds, rates['pgbench-prepared']),
    );
    for (const n of sizes.clients) {
      for (let r = 0; r < sizes.rounds; r++) {
        // Each on a fresh copy of the database; each round in another order all the same (the page cache).
        const steps = [
          () => pgbench('prepared', n),
          () => api('api-tcp', n),
          () => pgbench('extended', n),
          () => api('api-socket', n),
          () => api('api-unnamed', n),
        ];
        for (const step of r % 2 === 0 ? steps : [...steps].reverse()) await step();
      }
    }
    return { runs, script, statementsSeen: statements.length };
  } finally {
    await db.drop();
    removeWorkDir(dir);
  }
}

async function run({ quick: quickRun = false }: { quick?: boolean } = {}): Promise<SuiteOutput> {
  const sizes = quickRun ? quick : full;
  const pgSkip = await postgresUnavailable();
  if (pgSkip)
    return {
      title: 'Intake capacity against the same-statement limit',
      description: pgSkip,
      tables: [],
      notes: [pgSkip],
      data: {},
    };
  const measured = await measure(sizes);
  const { tables, notes } = capacityTables(measured.runs, measured.script);
  return {
    title: 'Intake capacity against the same-statement limit',
    description:
      "`wenming serve --demo` on a fresh PostgreSQL database; the demo inspector of 霞阳镇 sends `POST /api/cases` (one photo staged beforehand, a new `Idempotency-Key` each time) from N keep-alive connections in a closed loop, as in cases-intake. **Baseline in the same run, at the same N: pgbench running the same statements one intake sends** — captured from PostgreSQL's own statement log (`log_statement = all` on the throwaway database only) for one real request: the session and role lookups, the report's checks, the idempotency check, and the write transaction (case, staged photo moved in, timeline, outbox, duplicate search, idempotency record, audit chain), in the same order and transactions, with the captured values inlined and the ones that must differ per intake taken per transaction (see the notes). The captured intake is a warm server's (one intake is sent first, so the reference cache holds the catalogue, policy, calendar and regions). pgbench runs them with named prepared statements (`-M prepared`: the limit) and unnamed, parsed every time (`-M extended`). The API names its statements (platform/db/named-statements.ts); it also runs with that turned off (`WENMING_PG_NAMED_STATEMENTS=off`) and with the database on its Unix socket (/var/run/postgresql) instead of TCP. Every variant runs on a fresh file copy of the same base database (vacuumed and checkpointed first), so none pays for the rows or the WAL of the runs before it; variants still alternate in order by round. Machine CPU is every process's, kernel included, from /proc/stat.",
    tables,
    notes,
    data: {
      sizes,
      statementsPerIntake: measured.statementsSeen,
      script: measured.script.script,
      varied: measured.script.varied,
      runs: measured.runs.map((r) => ({
        ...r,
        run: { ...r.run, latencies: undefined, samples: r.run.latencies.length },
      })),
    },
  };
}

export const capacitySuite: Suite = { name: 'capacity', run };
