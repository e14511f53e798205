import fs from 'node:fs';
import path from 'node:path';
import type { Database } from '../../platform/db/database.ts';
import { openDatabase } from '../../platform/db/engine.ts';
import { freePort } from '../../testing/free-port.ts';
import { runWenming } from '../../testing/wenming-server.ts';
import { rowsInSqlDump } from './backup-content.ts';
import { type AuditCheck, verifyAudit } from './checks.ts';
import type { FlowContext } from './flows.ts';
import { send } from './http-call.ts';
import { casesOfRun, publicTables, rowCounts } from './invariants.store.ts';
import type { WriteRecord } from './ledger.ts';
import { type ServerTarget, startServer } from './server-process.ts';
import { signInDemo } from './sign-in.ts';
import { withTargetDatabase } from './staff-seed.ts';
import { createThrowaway, type Throwaway } from './targets.ts';

/** The backup as taken. */
export interface TakenBackup {
  /** PostgreSQL: pg_dump under load. PGlite: refused while the server holds the folder, so taken with it down. */
  mode: 'hot' | 'cold';
  /** PGlite: what `wenming backup` said while the server was running. */
  hotRefusal?: string;
  /** When the backup began (ms since the epoch): every write acknowledged before it must be in the copy. */
  startedAt: number;
  ms: number;
}

/** PGlite's answer under load: refused, the copy to be taken once the server is down. */
export interface RefusedBackup {
  mode: 'refused';
  hotRefusal: string;
}

export interface BackupRunReport extends Pick<TakenBackup, 'mode' | 'hotRefusal'> {
  engine: ServerTarget['engine'];
  backupMs: number;
  backupBytes: number;
  restoreMs: number;
  /** Tables compared (every table in the backup), and the ones whose restored count differs from the backup's. */
  tables: number;
  rowsInBackup: number;
  countMismatches: string[];
  /** Writes acknowledged before the backup began that the restored database lacks. */
  missingAfterRestore: string[];
  audit: AuditCheck;
  /** The app started on the restored database and served a restored case to a signed-in dispatcher. */
  restoredAppServes: boolean;
}

/**
 * `wenming backup` while the load runs. PGlite's folder has one owner at a time, so there the command must
 * refuse (a second process writing the folder corrupts it): the copy is then taken once the server is down
 * (`backupWithServerDown`), as an operator stops it first.
 */
export async function backupUnderLoad(target: ServerTarget, file: string): Promise<TakenBackup | RefusedBackup> {
  const startedAt = Date.now();
  const hot = await runWenming(target, ['backup', file]);
  if (hot.code === 0) return { mode: 'hot', startedAt, ms: hot.ms };
  const said = `${hot.stderr}\n${hot.stdout}`;
  if (target.engine !== 'pglite') throw new Error(`wenming backup failed under load: ${said}`);
  return { mode: 'refused', hotRefusal: said.split('\n').find((line) => /in use|lock/i.test(line)) ?? said.trim() };
}

/** PGlite: `wenming backup` of the folder the crash run's last kill left (its stale lock taken over). */
export async function backupWithServerDown(
  target: ServerTarget,
  file: string,
  refused: RefusedBackup,
): Promise<TakenBackup> {
  const startedAt = Date.now();
  const cold = await runWenming(target, ['backup', file]);
  if (cold.code !== 0) throw new Error(`wenming backup failed with the server down: ${cold.stderr}${cold.stdout}`);
  return { mode: 'cold', hotRefusal: refused.hotRefusal, startedAt, ms: cold.ms };
}

/**
 * The backup restored with `wenming restore` into a fresh target (the source's keys file copied: keys are never
 * in a backup), then checked against its own content (row counts), against the writes acknowledged before it
 * began, by the audit chain, and by starting the app on it.
 */
export async function checkRestore(
  source: Throwaway,
  file: string,
  taken: TakenBackup,
  ctx: FlowContext,
  adminUrl?: string,
): Promise<BackupRunReport> {
  const { engine } = source.target;
  const restored = await createThrowaway(engine, adminUrl);
  try {
    fs.copyFileSync(path.join(source.target.dataDir, 'keys.json'), path.join(restored.target.dataDir, 'keys.json'));
    const [restore, inBackup] = await Promise.all([
      runWenming(restored.target, ['restore', file]),
      rowsIn(engine, file),
    ]);
    if (restore.code !== 0) throw new Error(`wenming restore failed: ${restore.stderr}${restore.stdout}`);
    const checked = await withTargetDatabase(restored.target, async (database) => ({
      counts: compareCounts(inBackup, await rowCounts(database, Object.keys(inBackup))),
      missing: await missingWrites(database, ctx, taken.startedAt),
      audit: await verifyAudit(database),
    }));
    // Only then the app: its job worker writes at start (the notifier turns the copy's events into inbox items).
    const serves = await restoredAppServes(restored.target, reportedBefore(ctx, taken.startedAt)[0]);
    return {
      engine,
      mode: taken.mode,
      ...(taken.hotRefusal ? { hotRefusal: taken.hotRefusal } : {}),
      backupMs: taken.ms,
      backupBytes: fs.statSync(file).size,
      restoreMs: restore.ms,
      ...checked.counts,
      missingAfterRestore: checked.missing,
      audit: checked.audit,
      restoredAppServes: serves,
    };
  } finally {
    await restored.remove();
  }
}

/** Rows per table in the backup's own content: the dump's COPY blocks, or the PGlite archive loaded and counted. */
function rowsIn(engine: ServerTarget['engine'], file: string): Promise<Record<string, number>> {
  return engine === 'postgres' ? rowsInSqlDump(file) : rowsInPgliteArchive(file);
}

function compareCounts(inBackup: Record<string, number>, restored: Record<string, number>) {
  return {
    tables: Object.keys(inBackup).length,
    rowsInBackup: Object.values(inBackup).reduce((a, b) => a + b, 0),
    countMismatches: Object.entries(inBackup)
      .filter(([table, n]) => restored[table] !== n)
      .map(([table, n]) => `${table}: ${n} in the backup, ${restored[table]} restored`),
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

/** The reports acknowledged before `before` (ms since the epoch): a backup begun then must hold them. */
function reportedBefore(ctx: FlowContext, before: number): WriteRecord[] {
  return ctx.ledger.writes.filter(
    (w) => (w.kind === 'citizen-report' || w.kind === 'staff-report') && (w.acknowledgedAt ?? Infinity) < before,
  );
}

async function missingWrites(database: Database, ctx: FlowContext, before: number): Promise<string[]> {
  const stored = new Set((await casesOfRun(database, ctx.runId)).map((c) => c.clientId));
  return reportedBefore(ctx, before)
    .filter((w) => !stored.has(w.clientId))
    .map((w) => `${w.clientId} (${w.caseNo})`);
}

/** `wenming serve` on the restored target answers /readyz, signs the dispatcher in and opens a restored case. */
async function restoredAppServes(target: ServerTarget, report: WriteRecord | undefined): Promise<boolean> {
  if (!report?.caseNo) return false;
  const server = await startServer(target, await freePort(), 180_000, 'none');
  try {
    const caseNo = report.caseNo;
    const headers = await signInDemo(server.url, 'dispatcher');
    const answer = await send(server.url, { method: 'GET', path: `/api/cases/${caseNo}`, headers });
    return answer?.status === 200;
  } finally {
    await server.stop();
  }
}
