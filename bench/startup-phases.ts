// The parent side of startup-phases.child.ts: runs serve's steps timed inside one process, to show where a
// start's time goes (module loading, initdb, migrations, reference data, seed, app build).
import fs from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../server/config.ts';
import { createScratchDatabase } from './lib/pg.ts';
import { childEnv, runToExit } from './lib/proc.ts';
import type { Table } from './lib/report.ts';
import { ms } from './lib/stats.ts';
import { makeWorkDir, removeWorkDir } from './lib/workdir.ts';

export type Phases = { engine: string; phases: Array<[string, number]>; total: number };

/** One in-process run of serve's steps (startup-phases.child.ts) on the given environment. */
async function phasesRun(env: Record<string, string | undefined>): Promise<Phases> {
  const dir = makeWorkDir('startup-phases');
  const resultFile = path.join(dir, 'phases.json');
  try {
    await runToExit({
      command: process.execPath,
      args: ['--import', 'tsx', path.join(projectRoot, 'bench', 'startup-phases.child.ts')],
      cwd: projectRoot,
      env: childEnv({ NODE_ENV: undefined, WENMING_PGLITE_DIR: undefined, BENCH_RESULT_FILE: resultFile, ...env }),
    });
    return JSON.parse(fs.readFileSync(resultFile, 'utf8')) as Phases;
  } finally {
    removeWorkDir(dir);
  }
}

export async function phaseBreakdown(withPostgres: boolean): Promise<Record<string, Phases>> {
  const dir = makeWorkDir('startup-phases-db');
  const pgliteEnv = { WENMING_DATA_DIR: dir, DATABASE_URL: undefined };
  const runs: Record<string, Phases> = {};
  try {
    runs['PGlite first start'] = await phasesRun(pgliteEnv);
    runs['PGlite restart'] = await phasesRun(pgliteEnv);
  } finally {
    removeWorkDir(dir);
  }
  if (!withPostgres) return runs;
  const scratch = await createScratchDatabase();
  const filesDir = makeWorkDir('startup-phases-files'); // demo keys: never the project's ./data
  const postgresEnv = { DATABASE_URL: scratch.url, WENMING_DATA_DIR: filesDir };
  try {
    runs['PostgreSQL first start'] = await phasesRun(postgresEnv);
    runs['PostgreSQL restart'] = await phasesRun(postgresEnv);
  } finally {
    await scratch.drop();
    removeWorkDir(filesDir);
  }
  return runs;
}

export function phaseTable(runs: Record<string, Phases>): Table {
  const columns = Object.keys(runs);
  const names = runs['PGlite first start']!.phases.map(([name]) => name);
  const cell = (run: Phases, name: string) => ms(run.phases.find(([n]) => n === name)?.[1] ?? Number.NaN);
  return {
    title: 'Where the time goes: serve’s steps timed inside one process (one run each, ms)',
    headers: ['step', ...columns],
    rows: [
      ...names.map((name) => [name, ...columns.map((c) => cell(runs[c]!, name))]),
      ['total', ...columns.map((c) => ms(runs[c]!.total))],
    ],
  };
}
