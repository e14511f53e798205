import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase } from '../../platform/db/engine.ts';
import type { Database } from '../../platform/db/database.ts';
import { freePort } from '../../testing/free-port.ts';
import { rowsInSqlDump } from './backup-content.ts';
import { flowContext } from './crash-run.ts';
import type { FlowContext } from './flows.ts';
import { casesOfRun, publicTables, rowCounts } from './invariants.store.ts';
import { driveLoad } from './load.ts';
import { type RunningServer, runWenming, type ServerTarget, sleep, startServer, stopServer } from './server-process.ts';
import { signInDemo } from './sign-in.ts';
import { createThrowaway, type Throwaway } from './targets.ts';
import { send } from './http-call.ts';

export interface BackupRunOptions {
  engine: ServerTarget['engine'];
  adminUrl?: string;
  seed: number;
  workers: number;
  /** Writes acknowledged before the backup starts, and flows run after it (the load goes on meanwhile). */
  writesBeforeBackup: number;
  flowsAfterBackup: number;
  log?: (line: string) => void;
}

export interface BackupRunReport {
  engine: ServerTarget['engine'];
  /** PostgreSQL: pg_dump under load. PGlite: refused while the server holds the folder, so taken with it stopped. */
  mode: 'hot' | 'cold';
  /** PGlite: what `wenming backup` said while the server was running. */
  hotRefusal?: string;
  backupMs: number;
  backupBytes: number;
  restoreMs: number;
  /** Tables compared (every table in the backup), and the ones whose restored count differs from the backup's. */
  tables: number;
  rowsInBackup: number;
  countMismatches: string[];
  /** Writes acknowledged before the backup began that the restored database lacks. */
  missingAfterRestore: string[];
  audit: { code: number | null; output: string };
  /** The app started on the restored database and served a restored case to a signed-in dispatcher. */
  restoredAppServes: boolean;
}

/**
 * Backup and restore under load: the harness's write load runs while `wenming backup` takes its copy; the copy is
 * restored with `wenming restore` into a fresh target (same keys file: keys are never in the backup), then
 * checked against its own content (row counts), against the writes acknowledged before it began, by
 * `wenming audit verify`, and by starting the app on it.
 */
export async function runBackupUnderLoad(options: BackupRunOptions): Promise<BackupRunReport> {
  const log = options.log ?? (() => {});
  const source = await createThrowaway(options.engine, options.adminUrl);
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'wenming-backup-')), 'backup');
  let restored: Throwaway | undefined;
  const port = await freePort();
  let server: RunningServer | undefined = await startServer(source.target, port);
  try {
    const ctx = await flowContext(server.url, options.seed);
    let flowsAtBackup = Number.POSITIVE_INFINITY;
    let flowsStarted = 0;
    const load = driveLoad(ctx, options.workers, (started) => {
      flowsStarted = started;
      return started >= flowsAtBackup + options.flowsAfterBackup;
    });
    while (acknowledged(ctx) < options.writesBeforeBackup) await sleep(50);
    const backupStartedAt = Date.now();
    log(`backup starts with ${acknowledged(ctx)} writes acknowledged`);
    const backup = await takeBackup(source.target, file, async () => {
      await stopServer(server!.child);
      return async () => {
        server = await startServer(source.target, port);
      };
    });
    flowsAtBackup = flowsStarted; // from now on, `flowsAfterBackup` more flows and the load stops
    await load;
    await stopServer(server.child);
    server = undefined;
    restored = await restoreInto(source, file, options.adminUrl);
    const restoreRun = await runWenming(restored.target, ['restore', file]);
    if (restoreRun.code !== 0) throw new Error(`wenming restore failed: ${restoreRun.stderr}${restoreRun.stdout}`);
    log(`restored in ${Math.round(restoreRun.ms)} ms`);
    const counts = await compareCounts(options.engine, file, restored.target);
    const missing = await missingWrites(restored.target, ctx, backupStartedAt);
    const audit = await runWenming(restored.target, ['audit', 'verify']);
    return {
      engine: options.engine,
      mode: backup.mode,
      ...(backup.hotRefusal ? { hotRefusal: backup.hotRefusal } : {}),
      backupMs: backup.ms,
      backupBytes: fs.statSync(file).size,
      restoreMs: restoreRun.ms,
      ...counts,
      missingAfterRestore: missing,
      audit: { code: audit.code, output: `${audit.stdout}${audit.stderr}`.trim().slice(-2000) },
      restoredAppServes: await restoredAppServes(restored.target, ctx),
    };
  } finally {
    if (server) await stopServer(server.child);
    await source.remove();
    await restored?.remove();
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
  }
}

function acknowledged(ctx: FlowContext): number {
  return ctx.ledger.writes.filter((w) => w.acknowledgedAt !== undefined).length;
}

/**
 * `wenming backup` while the server runs. PGlite's folder has one owner at a time, so there the command must
 * refuse (a second process writing the folder corrupts it); the backup is then taken with the server stopped
 * by SIGTERM, while the clients keep retrying, and the server started again after it.
 */
async function takeBackup(target: ServerTarget, file: string, pause: () => Promise<() => Promise<void>>) {
  const hot = await runWenming(target, ['backup', file]);
  if (hot.code === 0) return { mode: 'hot' as const, ms: hot.ms };
  const said = `${hot.stderr}\n${hot.stdout}`;
  const hotRefusal = said.split('\n').find((line) => /in use|lock/i.test(line)) ?? said.trim();
  if (target.engine !== 'pglite') throw new Error(`wenming backup failed under load: ${hot.stderr}${hot.stdout}`);
  const resume = await pause();
  const cold = await runWenming(target, ['backup', file]);
  await resume();
  if (cold.code !== 0) throw new Error(`wenming backup failed with the server stopped: ${cold.stderr}${cold.stdout}`);
  return { mode: 'cold' as const, ms: cold.ms, hotRefusal };
}

/** A fresh, empty target of the same engine, holding a copy of the source's keys file (restored by the operator). */
async function restoreInto(source: Throwaway, file: string, adminUrl?: string): Promise<Throwaway> {
  const fresh = await createThrowaway(source.target.engine, adminUrl);
  fs.copyFileSync(path.join(source.target.dataDir, 'keys.json'), path.join(fresh.target.dataDir, 'keys.json'));
  if (!fs.existsSync(file)) throw new Error(`no backup at ${file}`);
  return fresh;
}

async function compareCounts(engine: ServerTarget['engine'], file: string, target: ServerTarget) {
  const inBackup = engine === 'postgres' ? await rowsInSqlDump(file) : await rowsInPgliteArchive(file);
  const restoredCounts = await withDatabase(target, (database) => rowCounts(database, Object.keys(inBackup)));
  const countMismatches = Object.entries(inBackup)
    .filter(([table, n]) => restoredCounts[table] !== n)
    .map(([table, n]) => `${table}: ${n} in the backup, ${restoredCounts[table]} restored`);
  return {
    tables: Object.keys(inBackup).length,
    rowsInBackup: Object.values(inBackup).reduce((a, b) => a + b, 0),
    countMismatches,
  };
}

/** A PGlite backup is a data-folder archive: loaded into an in-memory PGlite, its tables counted. */
async function rowsInPgliteArchive(file: string): Promise<Record<string, number>> {
  const database = await openDatabase({ pgliteDir: 'memory://', loadDataDir: new Blob([fs.readFileSync(file)]) });
  try {
    return await rowCounts(database, await publicTables(database));
  } finally {
    await database.close();
  }
}

async function missingWrites(target: ServerTarget, ctx: FlowContext, before: number): Promise<string[]> {
  const stored = new Set((await withDatabase(target, (db) => casesOfRun(db, ctx.runId))).map((c) => c.clientId));
  return ctx.ledger.writes
    .filter(
      (w) => (w.kind === 'citizen-report' || w.kind === 'staff-report') && (w.acknowledgedAt ?? Infinity) < before,
    )
    .filter((w) => !stored.has(w.clientId))
    .map((w) => `${w.clientId} (${w.caseNo})`);
}

/** `wenming serve` on the restored target answers /readyz, signs the dispatcher in and opens a restored case. */
async function restoredAppServes(target: ServerTarget, ctx: FlowContext): Promise<boolean> {
  const server = await startServer(target, await freePort());
  try {
    const caseNo = ctx.ledger.writes.find((w) => w.caseNo && w.acknowledgedAt !== undefined)?.caseNo;
    const headers = await signInDemo(server.url, 'dispatcher');
    const answer = await send(server.url, { method: 'GET', path: `/api/cases/${caseNo}`, headers });
    return answer?.status === 200;
  } finally {
    await stopServer(server.child);
  }
}

async function withDatabase<T>(target: ServerTarget, use: (database: Database) => Promise<T>): Promise<T> {
  const database = await openDatabase(
    target.databaseUrl ? { databaseUrl: target.databaseUrl } : { pgliteDir: path.join(target.dataDir, 'db') },
  );
  try {
    return await use(database);
  } finally {
    await database.close();
  }
}
