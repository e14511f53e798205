// A bounded soak on loopback: `wenming serve --demo` on a fresh PostgreSQL database under a realistic mix
// (soak-mix.ts) at 70 % of what the same mix sustains in a closed loop measured just before, for 10 minutes
// (BENCH_SOAK_SECONDS to change; `--quick`: 60 s, for CI), with p50/p99, errors and the server's RSS and heap
// per window; then memory under parallel maximum-size photo uploads. Errors must be 0: the quick mode fails on one.
import { signInDemo } from '../cases/live-server.ts';
import { createScratchDatabase, postgresUnavailable } from '../lib/pg.ts';
import type { Suite, SuiteOutput } from '../lib/report.ts';
import { makeWorkDir, removeWorkDir } from '../lib/workdir.ts';
import { uploadMemory } from './max-uploads.ts';
import type { Sessions } from './soak-mix.ts';
import { type SoakPlan, soakAtShareOfCapacity } from './soak-run.ts';
import { startSoakServer } from './soak-server.ts';
import { soakTables } from './soak-tables.ts';

export interface SoakSizes extends SoakPlan {
  uploadParallel: number;
  uploadRounds: number;
}

const full: SoakSizes = {
  probeClients: 8,
  probeSeconds: 20,
  load: 0.7,
  warmupSeconds: 10,
  soakSeconds: 600,
  windowSeconds: 60,
  uploadParallel: 8,
  uploadRounds: 4,
};
const quick: SoakSizes = {
  ...full,
  probeSeconds: 5,
  warmupSeconds: 5,
  soakSeconds: 60,
  windowSeconds: 15,
  uploadParallel: 4,
  uploadRounds: 2,
};

export function soakSizes(quickRun: boolean): SoakSizes {
  const sizes = quickRun ? quick : full;
  const seconds = Number(process.env.BENCH_SOAK_SECONDS);
  if (!Number.isInteger(seconds) || seconds <= 0) return sizes;
  return {
    ...sizes,
    soakSeconds: seconds,
    windowSeconds: Math.min(sizes.windowSeconds, Math.max(10, Math.floor(seconds / 4))),
  };
}

const DESCRIPTION =
  "`wenming serve --demo` on a fresh PostgreSQL database, its memory read from outside (RSS from /proc; heap from the process itself through a preloaded probe writing `process.memoryUsage()` every second). The mix per 20 operations: 3 citizens' reports (photo inline as base64, from 200 loopback addresses and a new device every 5 reports, as phones from many carriers), 3 inspectors' reports (photo upload, then the report naming it), 4 dispatcher queue reads (the 待受理 queue, the queue counts), 3 actions (the case page read, 立案, read, 派遣 of a case reported earlier in the soak), 3 case-list pages, 3 map reads (200 cases) and 1 Excel export of last month. First a closed loop of the mix from N workers measures what the machine sustains (operations/s); the soak then starts operations on a fixed schedule at 70 % of that (an open loop, as users arrive), after a warm-up at the same rate. Then N parallel uploads of the largest photo the server accepts, for a few rounds. Load driver, server and PostgreSQL share the machine's 2 cores.";

async function run({ quick: quickRun = false }: { quick?: boolean } = {}): Promise<SuiteOutput> {
  const sizes = soakSizes(quickRun);
  const pgSkip = await postgresUnavailable();
  if (pgSkip) return { title: 'Soak', description: pgSkip, tables: [], notes: [pgSkip], data: {} };
  const db = await createScratchDatabase();
  const dir = makeWorkDir('soak');
  const server = await startSoakServer(db.url, dir);
  try {
    const sessions: Sessions = {
      inspector: await signInDemo(server.url, 'inspector.xiayang'),
      dispatcher: await signInDemo(server.url, 'dispatcher'),
    };
    const { capacity, warmup, soaked, kept, ...phases } = await soakAtShareOfCapacity(server, sessions, sizes);
    const uploads = await uploadMemory(server, sessions.inspector, {
      parallel: sizes.uploadParallel,
      rounds: sizes.uploadRounds,
      settleMs: 5000,
    });
    const { tables, notes } = soakTables(sizes, capacity, soaked, uploads);
    const errors = phases.errors + uploads.errors;
    if (quickRun && errors > 0)
      throw new Error(
        `soak: ${errors} errors: ${[...phases.errorSamples, uploads.firstError].filter(Boolean).join(' | ')}`,
      );
    return {
      title: 'Soak: a realistic mix at 70 % of capacity, and maximum-size uploads',
      description: DESCRIPTION,
      tables,
      notes,
      data: {
        sizes,
        quick: quickRun,
        capacity,
        warmup: { errors: warmup.errors, memoryEnd: warmup.memoryEnd },
        soak: soaked,
        kept,
        uploads,
      },
    };
  } finally {
    await server.stop();
    await db.drop();
    removeWorkDir(dir);
  }
}

export const soakSuite: Suite = { name: 'soak', run };
