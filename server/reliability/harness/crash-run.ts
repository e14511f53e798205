import path from 'node:path';
import { openDatabase } from '../../platform/db/engine.ts';
import { photo } from '../../platform/files/image.fixtures.ts';
import { SeededRandom } from '../../platform/seed/random.ts';
import { freePort } from '../../testing/free-port.ts';
import { checkInvariants, type Findings } from './checks.ts';
import type { FlowContext } from './flows.ts';
import { Ledger } from './ledger.ts';
import { driveLoad } from './load.ts';
import {
  killServer,
  type RunningServer,
  runWenming,
  type ServerTarget,
  startServer,
  stopServer,
  sleep,
} from './server-process.ts';
import { signInDemo } from './sign-in.ts';
import { createThrowaway } from './targets.ts';

export interface CrashRunOptions {
  engine: ServerTarget['engine'];
  /** PostgreSQL: an admin URL on which a throwaway database is created and dropped. */
  adminUrl?: string;
  /** The kill points come from it: the same seed kills at the same delays (what the load is doing then varies). */
  seed: number;
  kills: number;
  /** At least this many flows (each one to three writes), however early the kills are done. */
  minFlows: number;
  workers: number;
  /** A kill comes this many ms after the server is ready again, drawn uniformly. */
  killAfterMs: readonly [number, number];
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
  /** `wenming audit verify` exit code and output, after the last kill. */
  audit: { code: number | null; output: string };
  /** PGlite only: its durability settings, read from the folder after the run. */
  pgliteDurability?: Record<string, string>;
  /** Median ms from spawn to ready over the restarts. */
  restartMs: number;
  durationMs: number;
}

/**
 * The crash-safety run: a real server on a throwaway database, write load with retries, `kills` SIGKILLs at
 * seeded random points with a restart after each, and a last SIGKILL right after the last acknowledgement (so
 * nothing the server acknowledged had a clean shutdown to save it). Then the database is opened directly and
 * checked, and the audit chain verified by the command operators use.
 */
export async function runCrashHarness(options: CrashRunOptions): Promise<CrashRunReport> {
  const began = performance.now();
  const log = options.log ?? (() => {});
  const throwaway = await createThrowaway(options.engine, options.adminUrl);
  const { target } = throwaway;
  const port = await freePort();
  let server: RunningServer | undefined;
  try {
    server = await startServer(target, port);
    const ctx = await flowContext(server.url, options.seed);
    const rng = new SeededRandom(options.seed).fork('kill points');
    const restarts: number[] = [];
    let killsDone = 0;
    const killer = async () => {
      for (let k = 0; k < options.kills; k++) {
        await sleep(rng.int(options.killAfterMs[0], options.killAfterMs[1]));
        await killServer(server!.child);
        const restarted = performance.now();
        server = await startServer(target, port);
        restarts.push(performance.now() - restarted);
        killsDone++;
        log(`kill ${killsDone}/${options.kills} done; ${ctx.ledger.writes.length} writes so far`);
      }
    };
    const [flows] = await Promise.all([
      driveLoad(ctx, options.workers, (started) => killsDone >= options.kills && started >= options.minFlows),
      killer(),
    ]);
    await killServer(server.child);
    const findings = await checkDatabase(target, ctx.ledger, ctx.runId);
    const audit = await runWenming(target, ['audit', 'verify']);
    return {
      engine: options.engine,
      seed: options.seed,
      kills: killsDone,
      flows,
      writes: summarise(ctx.ledger),
      unansweredRequests: ctx.ledger.writes.reduce((sum, w) => sum + w.unanswered, 0),
      serverErrors: ctx.ledger.serverErrors,
      findings: findings.findings,
      audit: { code: audit.code, output: `${audit.stdout}${audit.stderr}`.trim().slice(-2000) },
      ...(findings.durability ? { pgliteDurability: findings.durability } : {}),
      restartMs: median(restarts),
      durationMs: performance.now() - began,
    };
  } finally {
    if (server) await stopServer(server.child);
    await throwaway.remove();
  }
}

export async function flowContext(baseUrl: string, seed: number): Promise<FlowContext> {
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

/** Opens the killed server's database as it was left (PGlite: taking over the dead process's folder lock). */
async function checkDatabase(target: ServerTarget, ledger: Ledger, runId: string) {
  const database = await openDatabase(
    target.databaseUrl ? { databaseUrl: target.databaseUrl } : { pgliteDir: path.join(target.dataDir, 'db') },
  );
  try {
    const findings = await checkInvariants(database, ledger, runId);
    const durability = database.pglite ? await durabilitySettings(database.query) : undefined;
    return { findings, durability };
  } finally {
    await database.close();
  }
}

async function durabilitySettings(query: (text: string) => Promise<Array<Record<string, string>>>) {
  const settings: Record<string, string> = {};
  for (const name of ['fsync', 'synchronous_commit', 'wal_sync_method', 'full_page_writes'])
    settings[name] = String(Object.values((await query(`show ${name}`))[0] ?? {})[0]);
  return settings;
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
