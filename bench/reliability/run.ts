// `npm run bench:reliability [crash|backup …] [--engine pglite|postgres] [--seed N] [--kills N] [--flows N]`:
// the long modes of the crash-safety and backup harnesses (issue #13). Kept out of `npm run bench` (bench/run.ts)
// so that suite list stays as it is; writes bench/results/reliability-<name>.json with the machine and
// regenerates bench/results/README.md, keeping the order of the sections already there.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import {
  type CrashRunOptions,
  type CrashRunReport,
  runCrashHarness,
} from '../../server/reliability/harness/crash-run.ts';
import { adminUrl } from '../lib/pg.ts';
import { renderTable, resultsDir, type SuiteOutput, writeReadme, writeResult } from '../lib/report.ts';
import { rounded } from '../lib/stats.ts';
import { describeMachine } from '../machine.ts';
import { backupOutput, crashOutput } from './tables.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    engine: { type: 'string' },
    seed: { type: 'string', default: String(Date.now() % 100_000) },
    kills: { type: 'string', default: '20' },
    flows: { type: 'string', default: '300' },
    workers: { type: 'string', default: '4' },
  },
});
const engines = values.engine ? [values.engine as 'pglite' | 'postgres'] : (['pglite', 'postgres'] as const);
const seed = Number(values.seed);

/** The harness on each engine in turn (they share the machine), from empty targets the demo county fills. */
async function perEngine(options: Omit<CrashRunOptions, 'engine' | 'adminUrl' | 'start' | 'seed' | 'workers'>) {
  const reports: CrashRunReport[] = [];
  for (const engine of engines)
    reports.push(
      await runCrashHarness({
        engine,
        adminUrl: adminUrl(),
        start: 'empty',
        seed,
        workers: Number(values.workers),
        log: (line) => console.log(`[${engine}] ${line}`),
        ...options,
      }),
    );
  return reports;
}

const suites: Record<string, () => Promise<SuiteOutput>> = {
  crash: async () => {
    console.log(`crash harness, seed ${seed} (--seed ${seed} repeats the kill points)`);
    const kills = Number(values.kills);
    return crashOutput(await perEngine({ kills, minFlows: Number(values.flows), killAfterMs: [200, 3000] }));
  },
  backup: async () => {
    const backup = { writesBefore: 60, flowsAfter: 30 };
    const reports = await perEngine({ kills: 0, minFlows: 0, killAfterMs: [0, 0], backup });
    return backupOutput(reports.flatMap((r) => (r.backup ? [r.backup] : [])));
  },
};

/** The README's current section order, so regenerating it moves nobody else's section. */
function currentOrder(): string[] {
  const readme = path.join(resultsDir, 'README.md');
  if (!fs.existsSync(readme)) return [];
  return [...fs.readFileSync(readme, 'utf8').matchAll(/^## ([a-z0-9-]+) — /gm)].map((m) => m[1] ?? '');
}

for (const name of positionals.length > 0 ? positionals : Object.keys(suites)) {
  const run = suites[name];
  if (!run) throw new Error(`unknown: ${name}; known: ${Object.keys(suites).join(', ')}`);
  const machine = await describeMachine();
  const started = performance.now();
  const output = await run();
  const result = rounded({
    suite: `reliability-${name}`,
    machine,
    startedAt: machine.date,
    durationMs: performance.now() - started,
    ...output,
  });
  for (const table of result.tables) console.log(`${renderTable(table)}\n`);
  for (const note of result.notes) console.log(`- ${note}`);
  console.log(`→ ${writeResult(result)}`);
}
console.log(`→ ${writeReadme([...new Set([...currentOrder(), 'reliability-crash', 'reliability-backup'])])}`);
