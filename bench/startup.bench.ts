// Cold start: how long an operator waits from `wenming serve --demo` until /readyz answers, on an empty data
// folder (initdb + migrations + reference regions + demo seed) and on an existing one, on PGlite and on
// PostgreSQL. Baselines from the same run: a bare Node HTTP server, and a bare PGlite server on the same folder.
import fs from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../server/config.ts';
import { compileServer } from './lib/compile.ts';
import { phaseBreakdown, phaseTable } from './startup-phases.ts';
import { createScratchDatabase, postgresUnavailable, type ScratchDatabase } from './lib/pg.ts';
import { type Command, childEnv, freePort, runToExit, type Started, startAndWaitForUrl, stop } from './lib/proc.ts';
import type { Suite, SuiteOutput } from './lib/report.ts';
import { ms, ratio, summarize, times } from './lib/stats.ts';
import { makeWorkDir, removeWorkDir } from './lib/workdir.ts';

const FIRST_STARTS = 3; // each PGlite first start pays initdb (seconds): three keep the suite bounded
const RESTARTS = 5; // rounds of restarts; each round also runs the baselines once

const wenming = path.join(projectRoot, 'bin', 'wenming.js');
const marks = { seeding: /Seeding the demo county/, listening: /Server listening/ };

interface Sample {
  readyMs: number;
  rssMB: number | undefined;
  marks: Record<string, number>;
  createMs?: number;
}

/** Resident memory of a running child, read from /proc (Linux) right after it answered. */
function rssMB(pid: number | undefined): number | undefined {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1]);
    return Number.isFinite(kb) ? kb / 1024 : undefined;
  } catch {
    return undefined;
  }
}

/** Starts `make(port)`, waits for `/readyz` (or `/`), records the sample and stops the process again. */
async function timeStart(make: (port: number) => Command, urlPath: string): Promise<Sample> {
  const port = await freePort();
  const started: Started = await startAndWaitForUrl(make(port), `http://127.0.0.1:${port}${urlPath}`, { marks });
  const sample: Sample = { readyMs: started.readyMs, rssMB: rssMB(started.child.pid), marks: started.marks };
  const create = /pglite-create-ms=([\d.]+)/.exec(started.output());
  if (create) sample.createMs = Number(create[1]);
  await stop(started.child);
  return sample;
}

const bareNode = (port: number): Command => ({
  command: process.execPath,
  args: ['-e', `require('node:http').createServer((q,s)=>s.end('ok')).listen(${port}, '127.0.0.1')`],
});

/** PGlite alone, opened and answering `select 1` over HTTP: the floor under wenming's embedded start. */
const barePgliteScript = `
import http from 'node:http';
import { PGlite } from '@electric-sql/pglite';
const t = performance.now();
const db = await PGlite.create({ dataDir: process.env.BENCH_PGLITE_DIR });
await db.query('select 1');
console.log('pglite-create-ms=' + (performance.now() - t));
const server = http.createServer(async (q, s) => { await db.query('select 1'); s.end('ok'); });
server.listen(Number(process.env.BENCH_PORT), '127.0.0.1');
process.once('SIGTERM', async () => { server.close(); await db.close(); process.exit(0); });
`;

const barePglite =
  (dir: string) =>
  (port: number): Command => ({
    command: process.execPath,
    args: ['--input-type=module', '-e', barePgliteScript],
    cwd: projectRoot, // resolves @electric-sql/pglite from the project's node_modules
    env: childEnv({ BENCH_PGLITE_DIR: dir, BENCH_PORT: String(port) }),
  });

function serveCommand(env: Record<string, string | undefined>, entry = wenming) {
  return (port: number): Command => ({
    command: process.execPath,
    args: [entry, 'serve', '--demo', '--port', String(port)],
    cwd: projectRoot,
    env: childEnv({ NODE_ENV: undefined, WENMING_PGLITE_DIR: undefined, ...env }),
  });
}

const pgliteServe = (dataDir: string, entry?: string) =>
  serveCommand({ WENMING_DATA_DIR: dataDir, DATABASE_URL: undefined }, entry);
/** On PostgreSQL the data folder still holds the installation's files (demo keys): a scratch one, not ./data. */
interface PostgresTarget {
  db: ScratchDatabase;
  dataDir: string;
}
const postgresServe = (target: PostgresTarget, entry?: string) =>
  serveCommand({ DATABASE_URL: target.db.url, WENMING_DATA_DIR: target.dataDir }, entry);
const createPostgresTarget = async (): Promise<PostgresTarget> => ({
  db: await createScratchDatabase(),
  dataDir: makeWorkDir('startup-pg'),
});
const disposePostgresTarget = async (target: PostgresTarget) => {
  await target.db.drop();
  removeWorkDir(target.dataDir);
};

/** `wenming --help`: Node + the server's whole import graph, no database. Through tsx, this also warms its cache. */
async function cliBoot(entry = wenming): Promise<Sample> {
  const run = await runToExit({ command: process.execPath, args: [entry, '--help'], cwd: projectRoot });
  return { readyMs: run.ms, rssMB: undefined, marks: {} };
}

/** A data folder or database that first starts replace (`fresh`) and restarts reuse (`current`). */
function slot<T>(create: () => Promise<T> | T, dispose: (target: T) => Promise<void> | void) {
  let target: T | undefined;
  return {
    async fresh(): Promise<T> {
      if (target !== undefined) await dispose(target);
      target = await create();
      return target;
    },
    current(): T {
      if (target === undefined) throw new Error('restart before a first start');
      return target;
    },
    async close(): Promise<void> {
      if (target !== undefined) await dispose(target);
      target = undefined;
    },
  };
}

type Probe = () => Promise<Sample>;

/**
 * Runs every probe once per round. A busy neighbour on this shared VM then slows a measurement and its
 * baseline alike, and their ratio holds even when the absolute times do not.
 */
async function interleave(
  rounds: number,
  probes: Record<string, Probe | undefined>,
): Promise<Record<string, Sample[]>> {
  const samples: Record<string, Sample[]> = {};
  for (let i = 0; i < rounds; i++) {
    for (const [name, probe] of Object.entries(probes)) {
      if (!probe) continue;
      const sample = await probe();
      samples[name] = [...(samples[name] ?? []), sample];
    }
  }
  return samples;
}

function row(label: string, samples: Sample[], bareNodeMs: number, barePgliteMs?: number): string[] {
  const s = summarize(samples.map((x) => x.readyMs));
  const rss = samples.map((x) => x.rssMB).filter((x): x is number => x !== undefined);
  return [
    label,
    String(s.n),
    ms(s.p50),
    `${ms(s.min)}–${ms(s.max)}`,
    times(ratio(s.p50, bareNodeMs)),
    barePgliteMs === undefined ? '' : times(ratio(s.p50, barePgliteMs)),
    rss.length > 0 ? summarize(rss).p50.toFixed(0) : '',
  ];
}

async function measureAll(pgSkip: string | undefined) {
  const outDir = makeWorkDir('startup-compiled');
  const bare = slot(() => makeWorkDir('startup-bare'), removeWorkDir);
  const lite = slot(() => makeWorkDir('startup-pglite'), removeWorkDir);
  const pg = slot(createPostgresTarget, disposePostgresTarget);
  const withPg = <T>(probe: T) => (pgSkip ? undefined : probe);
  const barePgliteIn = (dir: string) => barePglite(path.join(dir, 'db'));
  try {
    await cliBoot(); // warm-up: tsx transpiles the server once into its cache; later starts read the cache
    const { entry, ms: buildMs } = await compileServer(outDir);
    const first = await interleave(FIRST_STARTS, {
      barePglite: async () => timeStart(barePgliteIn(await bare.fresh()), '/'),
      pglite: async () => timeStart(pgliteServe(await lite.fresh()), '/readyz'),
      postgres: withPg(async () => timeStart(postgresServe(await pg.fresh()), '/readyz')),
    });
    const restart = await interleave(RESTARTS, {
      bareNode: () => timeStart(bareNode, '/'),
      helpTsx: () => cliBoot(),
      helpCompiled: () => cliBoot(entry),
      barePglite: () => timeStart(barePgliteIn(bare.current()), '/'),
      pgliteTsx: () => timeStart(pgliteServe(lite.current()), '/readyz'),
      pgliteCompiled: () => timeStart(pgliteServe(lite.current(), entry), '/readyz'),
      postgresTsx: withPg(() => timeStart(postgresServe(pg.current()), '/readyz')),
      postgresCompiled: withPg(() => timeStart(postgresServe(pg.current(), entry), '/readyz')),
    });
    const phases = await phaseBreakdown(!pgSkip);
    return { buildMs, first, restart, phases };
  } finally {
    await Promise.all([bare.close(), lite.close(), pg.close()]);
    removeWorkDir(outDir);
  }
}

const p50 = (samples: Sample[]) => summarize(samples.map((x) => x.readyMs)).p50;
type Measured = Awaited<ReturnType<typeof measureAll>>;

function startRows({ first, restart }: Measured): string[][] {
  const nodeMs = p50(restart.bareNode!);
  const bareFirstMs = p50(first.barePglite!);
  const bareRestartMs = p50(restart.barePglite!);
  const createSamples = (list: Sample[]) => list.map((x) => ({ ...x, readyMs: x.createMs ?? Number.NaN }));
  const rows = [
    row('baseline: bare Node HTTP server', restart.bareNode!, nodeMs),
    row('`wenming --help` (Node + tsx + server imports, no database)', restart.helpTsx!, nodeMs),
    row('`--help`, compiled JS (no tsx)', restart.helpCompiled!, nodeMs),
    row('baseline: bare PGlite process, empty folder (initdb)', first.barePglite!, nodeMs, bareFirstMs),
    row('  of which `PGlite.create()` + `select 1`', createSamples(first.barePglite!), nodeMs, bareFirstMs),
    row('baseline: bare PGlite process, existing folder', restart.barePglite!, nodeMs, bareRestartMs),
    row('  of which `PGlite.create()` + `select 1`', createSamples(restart.barePglite!), nodeMs, bareRestartMs),
    row('**wenming, PGlite, first start** (empty folder)', first.pglite!, nodeMs, bareFirstMs),
    row('**wenming, PGlite, restart**', restart.pgliteTsx!, nodeMs, bareRestartMs),
    row('wenming, PGlite, restart, compiled JS (no tsx)', restart.pgliteCompiled!, nodeMs, bareRestartMs),
  ];
  if (first.postgres) {
    rows.push(row('**wenming, PostgreSQL, first start** (empty database)', first.postgres, nodeMs));
    rows.push(row('**wenming, PostgreSQL, restart**', restart.postgresTsx!, nodeMs));
    rows.push(row('wenming, PostgreSQL, restart, compiled JS (no tsx)', restart.postgresCompiled!, nodeMs));
  }
  return rows;
}

function tsxNote({ restart, buildMs }: Measured): string {
  const min = (samples: Sample[]) => summarize(samples.map((x) => x.readyMs)).min;
  const share = (tsx: Sample[], compiled: Sample[]) =>
    `${times(ratio(p50(tsx), p50(compiled)))} (${ms(p50(tsx) - p50(compiled))} ms; fastest runs ${times(ratio(min(tsx), min(compiled)))})`;
  const parts = [
    `\`--help\` ${share(restart.helpTsx!, restart.helpCompiled!)}`,
    `PGlite restart ${share(restart.pgliteTsx!, restart.pgliteCompiled!)}`,
  ];
  if (restart.postgresTsx) parts.push(`PostgreSQL restart ${share(restart.postgresTsx, restart.postgresCompiled!)}`);
  return `Through tsx ÷ compiled, medians: ${parts.join(', ')}. “Compiled JS” is the same server bundled by esbuild into one ESM file (dependencies external; built in ${ms(buildMs)} ms) and run by plain Node.`;
}

async function run(): Promise<SuiteOutput> {
  const pgSkip = await postgresUnavailable();
  const m = await measureAll(pgSkip);
  const notes = [
    'Times run from spawning the process until the URL first answers 200, polled every 10 ms with a fresh connection; RSS is read from /proc right after.',
    `Measurements are interleaved: ${FIRST_STARTS} rounds of first starts (bare PGlite, wenming on PGlite, on PostgreSQL), then ${RESTARTS} rounds in which every baseline and every restart runs once.`,
    '“× bare PGlite” compares a first start with the bare PGlite process on an empty folder, and a restart with the bare process on an existing folder.',
    tsxNote(m),
    'tsx’s transpile cache is warmed once before measuring; a first start right after installing or upgrading also pays transpiling the server.',
  ];
  if (pgSkip) notes.push(`PostgreSQL rows skipped: ${pgSkip}`);
  return {
    title: 'Cold start until /readyz',
    description:
      '`node bin/wenming.js serve --demo --port N`: first start on an empty data folder or database (initdb on PGlite, migrations, national regions, demo seed) and restart on an existing one. Baselines from the same run: a bare `node:http` server, and a bare PGlite process (`PGlite.create()` + `select 1` + `node:http`) on an empty and an existing folder.',
    tables: [
      {
        headers: ['start', 'runs', 'median ms', 'min–max ms', '× bare node', '× bare PGlite', 'RSS MB'],
        rows: startRows(m),
      },
      phaseTable(m.phases),
    ],
    notes,
    data: m,
  };
}

export const startupSuite: Suite = { name: 'startup', run };
