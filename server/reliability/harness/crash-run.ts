import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { photo } from '../../platform/files/image.fixtures.ts';
import { SeededRandom } from '../../platform/seed/random.ts';
import { sleep } from '../../testing/child-process.ts';
import { freePort } from '../../testing/free-port.ts';
import {
  type BackupRunReport,
  backupUnderLoad,
  backupWithServerDown,
  checkRestore,
  type RefusedBackup,
  type TakenBackup,
} from './backup-run.ts';
import { type AuditCheck, checkInvariants, type Findings, verifyAudit } from './checks.ts';
import type { FlowContext } from './flows.ts';
import { Ledger } from './ledger.ts';
import { driveLoad } from './load.ts';
import { ServerOnPort, type ServerTarget } from './server-process.ts';
import { signInDemo } from './sign-in.ts';
import { withTargetDatabase } from './staff-seed.ts';
import { createThrowaway, type TargetStart, type Throwaway } from './targets.ts';

export interface CrashRunOptions {
  engine: ServerTarget['engine'];
  /** PostgreSQL: an admin URL on which throwaway databases are created and dropped. */
  adminUrl?: string;
  /**
   * `empty`: `serve --demo` builds the demo county on a new database (the long mode). `template`: a copy of the
   * test template with the staff accounts only (npm test: seconds instead of the demo county's minute).
   */
  start: TargetStart;
  /** The kill points come from it: the same seed kills at the same delays (what the load is doing then varies). */
  seed: number;
  kills: number;
  /** At least this many flows (each one to three writes), however early the kills are done. */
  minFlows: number;
  workers: number;
  /** A kill comes this many ms after the server is ready again, drawn uniformly. */
  killAfterMs: readonly [number, number];
  /**
   * After the kills, `wenming backup` under the load once `writesBefore` writes are acknowledged, then `flowsAfter`
   * more flows. PGlite refuses it while served: there the copy is taken after the last kill.
   */
  backup?: { writesBefore: number; flowsAfter: number };
  log?: (line: string) => void;
}

export interface CrashRunReport {
  engine: ServerTarget['engine'];
  seed: number;
  kills: number;
  flows: number;
  writes: { acknowledged: number; retried: number; replayed: number; committedBeforeKill: number };
  /** Requests that got no answer: cut by a kill or refused while the server was down. */
  unansweredRequests: number;
  serverErrors: string[];
  findings: Findings;
  /** The audit chain of the database the last kill left. */
  audit: AuditCheck;
  /** PGlite only: its durability settings, read from the folder after the run. */
  pgliteDurability?: Record<string, string>;
  /** Median ms from spawn to ready over the restarts. */
  restartMs: number;
  /** The backup taken under the load, restored and checked (when asked for). */
  backup?: BackupRunReport;
  durationMs: number;
}

/**
 * The crash-safety run: a real server on a throwaway database, write load with retries, `kills` SIGKILLs at
 * seeded random points with a restart after each, then (if asked) a backup under the same load, and a last
 * SIGKILL right after the last acknowledgement (so nothing the server acknowledged had a clean shutdown to save
 * it). Then the database is opened as the kill left it and checked, audit chain included; the backup (PGlite:
 * taken now, the server down) is restored into a fresh target and checked there. One server and one load serve
 * both checks.
 */
export async function runCrashHarness(options: CrashRunOptions): Promise<CrashRunReport> {
  const began = performance.now();
  const log = options.log ?? (() => {});
  const source = await createThrowaway(options.engine, options.adminUrl, options.start);
  log(`target ready (${options.start})`);
  const server = new ServerOnPort(source.target, await freePort(), options.start === 'empty' ? 'county' : 'none');
  const backupFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'wenming-backup-')), 'backup');
  try {
    await server.start();
    const ctx = await flowContext(server.url, options.seed);
    log('server ready, staff signed in');
    const run = await loadUnderDisturbance(server, ctx, options, backupFile);
    await server.kill();
    log(`load done (${run.flows} flows), last kill`);
    // PGlite's folder has one owner: its check and its backup take turns. PostgreSQL's check runs beside the restore.
    const checking = checkSource(source, ctx);
    if (options.engine === 'pglite') await checking;
    const taken =
      run.backup?.mode === 'refused' ? await backupWithServerDown(source.target, backupFile, run.backup) : run.backup;
    const [checked, backup] = await Promise.all([
      checking,
      taken && checkRestore(source, backupFile, taken, ctx, options.adminUrl),
    ]);
    log(`database checked${backup ? `; backup (${backup.mode}) restored and checked` : ''}`);
    return {
      engine: options.engine,
      seed: options.seed,
      kills: run.kills,
      flows: run.flows,
      writes: summarise(ctx.ledger),
      unansweredRequests: ctx.ledger.writes.reduce((sum, w) => sum + w.unanswered, 0),
      serverErrors: ctx.ledger.serverErrors,
      ...checked,
      restartMs: median(server.restartMs),
      ...(backup ? { backup } : {}),
      durationMs: performance.now() - began,
    };
  } finally {
    await server.stop();
    await source.remove();
    fs.rmSync(path.dirname(backupFile), { recursive: true, force: true });
  }
}

/**
 * The load from `workers` clients while the kills and the backup happen. It stops once they are done, the
 * backup is followed by `flowsAfter` more flows, and `minFlows` have started. A failed restart or backup
 * abandons the run: the writes still retrying stop instead of waiting for a server that will not come.
 */
async function loadUnderDisturbance(server: ServerOnPort, ctx: FlowContext, options: CrashRunOptions, file: string) {
  let started = 0;
  let kills = 0;
  let backup: TakenBackup | RefusedBackup | undefined;
  let flowsAtBackup = options.backup ? Number.POSITIVE_INFINITY : 0;
  const log = options.log ?? (() => {});
  const killing = (async () => {
    const rng = new SeededRandom(options.seed).fork('kill points');
    for (; kills < options.kills; kills++) {
      await sleep(rng.int(options.killAfterMs[0], options.killAfterMs[1]));
      await server.kill();
      await server.start();
      log(`kill ${kills + 1}/${options.kills} done; ${ctx.ledger.writes.length} writes so far`);
    }
  })();
  const backingUp = async (writesBefore: number) => {
    while (acknowledged(ctx) < writesBefore) await sleep(50);
    // pg_dump reads PostgreSQL, which the kills do not touch: it runs beside them. PGlite's refusal needs its
    // server up and holding the folder, which a kill lets go until the restart: it waits for the kills.
    if (server.target.engine === 'pglite') await killing;
    log(`backup starts with ${acknowledged(ctx)} writes acknowledged`);
    backup = await backupUnderLoad(server.target, file);
    flowsAtBackup = started;
    log(`backup under load: ${backup.mode}`);
  };
  const enough = (n: number) =>
    kills >= options.kills && n >= options.minFlows && n >= flowsAtBackup + (options.backup?.flowsAfter ?? 0);
  const disturbances = Promise.all([killing, options.backup && backingUp(options.backup.writesBefore)]);
  const [flows] = await Promise.all([
    driveLoad(ctx, options.workers, (n) => {
      started = n;
      return enough(n) || ctx.ledger.abandoned !== undefined;
    }),
    disturbances.catch((error: Error) => {
      ctx.ledger.abandoned = new Error(`${error.message}\n--- server output ---\n${server.output()}`);
      throw ctx.ledger.abandoned;
    }),
  ]);
  return { flows, kills, backup };
}

async function flowContext(baseUrl: string, seed: number): Promise<FlowContext> {
  const image = await photo({ width: 80, height: 60, gps: { lat: 26.489, lng: 113.772 } });
  return {
    baseUrl,
    // Letters and digits only: the checks find the run's cases with a LIKE and a regular expression on it.
    runId: `crash${seed}t${Date.now().toString(36)}`,
    ledger: new Ledger(),
    inspector: await signInDemo(baseUrl, 'inspector.xiayang'),
    dispatcher: await signInDemo(baseUrl, 'dispatcher'),
    photo: image,
    photoBase64: image.toString('base64'),
  };
}

/** The killed server's database as it was left (PGlite: taking over the dead process's folder lock). */
function checkSource(source: Throwaway, ctx: FlowContext) {
  return withTargetDatabase(source.target, async (database) => ({
    findings: await checkInvariants(database, ctx.ledger, ctx.runId),
    audit: await verifyAudit(database),
    ...(database.pglite ? { pgliteDurability: await durabilitySettings(database.query) } : {}),
  }));
}

async function durabilitySettings(query: (text: string) => Promise<Array<Record<string, string>>>) {
  const settings: Record<string, string> = {};
  for (const name of ['fsync', 'synchronous_commit', 'wal_sync_method', 'full_page_writes'])
    settings[name] = String(Object.values((await query(`show ${name}`))[0] ?? {})[0]);
  return settings;
}

function acknowledged(ctx: FlowContext): number {
  return ctx.ledger.writes.filter((w) => w.acknowledgedAt !== undefined).length;
}

function summarise(ledger: Ledger): CrashRunReport['writes'] {
  return {
    acknowledged: ledger.writes.length,
    retried: ledger.retried(),
    replayed: ledger.writes.filter((w) => w.replayed).length,
    committedBeforeKill: ledger.writes.filter((w) => w.replayed || w.committedBeforeKill).length,
  };
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}
