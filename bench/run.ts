// `npm run bench [-- suite …] [--wait-idle] [--quick]`: runs the benchmark suites in order, prints their tables,
// writes bench/results/<suite>.json and regenerates bench/results/README.md from all the JSON files.
// --wait-idle: before each suite, wait (up to 10 minutes) until the 1-minute load average drops below the
// number of cores, so a neighbour's test run on a shared machine does not land in the figures.
// --quick: tiny sizes (suites that have them), tables printed, nothing written: a smoke run of the harness.
import os from 'node:os';
import { describeMachine } from './machine.ts';
import { dropAllScratchDatabases, dropStaleScratchDatabases, postgresUnavailable } from './lib/pg.ts';
import { killAllChildren, sleep } from './lib/proc.ts';
import { renderTable, type RunOptions, type Suite, type SuiteResult, writeReadme, writeResult } from './lib/report.ts';
import { rounded } from './lib/stats.ts';
import { removeAllWorkDirs } from './lib/workdir.ts';
import { capacitySuite } from './capacity/capacity.bench.ts';
import { casesIntakeSuite } from './cases/cases-intake.bench.ts';
import { casesScaleSuite } from './cases/cases-scale.bench.ts';
import { importsSuite } from './imports.bench.ts';
import { jobsSuite } from './jobs.bench.ts';
import { merchantsImportSuite } from './merchants-import.bench.ts';
import { regionsSuite } from './regions.bench.ts';
import { reliabilityOutageSuite } from './reliability-outage.bench.ts';
import { seedSuite } from './seed.bench.ts';
import { soakSuite } from './soak/soak.bench.ts';
import { startupSuite } from './startup.bench.ts';
import { webDeliverySuite } from './web-delivery.bench.ts';

const suites: readonly Suite[] = [
  startupSuite,
  seedSuite,
  regionsSuite,
  casesIntakeSuite,
  capacitySuite,
  soakSuite,
  reliabilityOutageSuite,
  casesScaleSuite,
  jobsSuite,
  importsSuite,
  merchantsImportSuite,
  webDeliverySuite,
];
const order = suites.map((s) => s.name);

function selectSuites(names: readonly string[]): Suite[] {
  if (names.length === 0) return [...suites];
  const unknown = names.filter((name) => !order.includes(name));
  if (unknown.length > 0) throw new Error(`unknown suite(s) ${unknown.join(', ')}; known: ${order.join(', ')}`);
  return suites.filter((s) => names.includes(s.name));
}

async function runSuite(suite: Suite, options: RunOptions): Promise<SuiteResult> {
  const machine = await describeMachine();
  const started = performance.now();
  const output = await suite.run(options);
  return rounded({
    suite: suite.name,
    machine,
    startedAt: machine.date,
    durationMs: performance.now() - started,
    ...output,
  });
}

async function waitForIdle(maxWaitMs = 10 * 60_000): Promise<void> {
  const cores = os.cpus().length;
  const deadline = Date.now() + maxWaitMs;
  let told = false;
  while ((os.loadavg()[0] ?? 0) >= cores && Date.now() < deadline) {
    if (!told) console.log(`Waiting for the load average (${os.loadavg()[0]?.toFixed(2)}) to drop below ${cores}…`);
    told = true;
    await sleep(5000);
  }
  if ((os.loadavg()[0] ?? 0) >= cores)
    console.warn(`Still busy (load ${os.loadavg()[0]?.toFixed(2)}): measuring anyway.`);
}

/** Children and scratch folders must not outlive an interrupted run (a PGlite server holds its folder lock). */
function cleanUpOnInterrupt(): void {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      killAllChildren();
      removeAllWorkDirs();
      void dropAllScratchDatabases().finally(() => process.exit(130));
    });
  }
  process.once('exit', () => {
    killAllChildren();
    removeAllWorkDirs();
  });
}

async function main(argv: string[]): Promise<void> {
  const selected = selectSuites(argv.filter((a) => !a.startsWith('-')));
  const quick = argv.includes('--quick');
  cleanUpOnInterrupt();
  const unavailable = await postgresUnavailable();
  if (unavailable) console.warn(`${unavailable}: PostgreSQL figures are skipped.`);
  else {
    const stale = await dropStaleScratchDatabases();
    if (stale.length > 0) console.warn(`Dropped databases left by killed runs: ${stale.join(', ')}`);
  }
  for (const suite of selected) {
    if (argv.includes('--wait-idle')) await waitForIdle();
    console.log(`\n## ${suite.name}\n`);
    try {
      const result = await runSuite(suite, { quick });
      for (const table of result.tables) console.log(`${renderTable(table)}\n`);
      for (const note of result.notes) console.log(`- ${note}`);
      const saved = quick ? 'not saved (--quick)' : writeResult(result);
      console.log(`\n${suite.name}: ${(result.durationMs / 1000).toFixed(1)} s → ${saved}`);
    } catch (error) {
      console.error(`${suite.name} failed:`, error);
      process.exitCode = 1;
    } finally {
      killAllChildren();
      removeAllWorkDirs();
      await dropAllScratchDatabases();
    }
  }
  if (!quick) console.log(`\n${writeReadme(order)}`);
}

await main(process.argv.slice(2));
