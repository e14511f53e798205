// `wenming seed`, step by step, on both engines: time and rows/second per step, against a baseline measured
// in the same run on the same database — a raw `unnest` bulk insert of the same number of rows into a scratch
// table shaped like `region` (same columns, collation, constraints and indexes): the floor for writing them.
import { sql } from 'drizzle-orm';
import type { Database } from '../server/platform/db/database.ts';
import { tx } from '../server/platform/db/tx.ts';
import { allSeedSteps } from '../server/platform/seed/demo-seed.ts';
import { appModules } from '../server/modules/index.ts';
import {
  benchCtx,
  demoSeedOptions,
  type PreparedTemplate,
  preparePgliteTemplate,
  preparePostgresTemplate,
} from './lib/engines.ts';
import { postgresUnavailable } from './lib/pg.ts';
import type { Suite, SuiteOutput } from './lib/report.ts';
import { ms, ratio, summarize, times } from './lib/stats.ts';

const RUNS = 5; // each on a fresh copy of the migrated database, so every run inserts rather than updates

interface StepSample {
  step: string;
  ms: number;
  rows: number;
  byTable: Record<string, number>;
  baselineMs: number;
}

/** Exact row counts of every table: a step's rows are the difference, whatever tables it writes. */
async function rowCounts(database: Database): Promise<Map<string, number>> {
  const tables = await database.query<{ table_name: string }>(
    "select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'",
  );
  const counts = new Map<string, number>();
  for (const { table_name } of tables) {
    const [row] = await database.query<{ n: number }>(`select count(*)::int8 as n from "${table_name}"`);
    counts.set(table_name, Number(row?.n ?? 0));
  }
  return counts;
}

/** Rows added per table (tables that grew only). */
function rowsAdded(before: Map<string, number>, after: Map<string, number>): Record<string, number> {
  const added: Record<string, number> = {};
  for (const [table, n] of after) if (n > (before.get(table) ?? 0)) added[table] = n - (before.get(table) ?? 0);
  return added;
}

const total = (byTable: Record<string, number>) => Object.values(byTable).reduce((a, b) => a + b, 0);

/** The floor: `n` region-shaped rows in one `insert … select from unnest(…)`, in one transaction. */
async function baselineInsert(database: Database, n: number): Promise<number> {
  await database.exec('drop table if exists bench_scratch; create table bench_scratch (like region including all)');
  const codes = Array.from({ length: n }, (_, i) => `99${String(i).padStart(10, '0')}`);
  const started = performance.now();
  await database.db.transaction(async (t) => {
    await t.execute(sql`
      insert into bench_scratch (code, name, level, parent_code, kind, source, depth)
      select * from unnest(
        ${sql.param(codes)}::text[], ${sql.param(codes.map((c) => `基准村${c.slice(-4)}`))}::text[],
        ${sql.param(codes.map(() => 'village'))}::text[], ${sql.param(codes.map((c) => c.slice(0, 9)))}::text[],
        ${sql.param(codes.map(() => 'village_committee'))}::text[], ${sql.param(codes.map(() => 'demo'))}::text[],
        ${sql.param(codes.map(() => 5))}::smallint[])`);
  });
  const elapsed = performance.now() - started;
  await database.exec('drop table bench_scratch');
  return elapsed;
}

/** One seed run on a fresh copy: each step in its own transaction, as runSeed does, then the baseline. */
async function seedOnce(template: PreparedTemplate): Promise<StepSample[]> {
  const { database, dispose } = await template.open();
  try {
    const ctx = benchCtx(database);
    const samples: StepSample[] = [];
    for (const step of allSeedSteps(appModules)) {
      const before = await rowCounts(database);
      const started = performance.now();
      await tx(ctx, (t) => step.run(t, demoSeedOptions, () => {}));
      const elapsed = performance.now() - started;
      const byTable = rowsAdded(before, await rowCounts(database));
      const rows = total(byTable);
      samples.push({
        step: step.name,
        ms: elapsed,
        rows,
        byTable,
        baselineMs: await baselineInsert(database, Math.max(rows, 1)),
      });
    }
    return samples;
  } finally {
    await dispose();
  }
}

async function measureEngine(
  prepare: () => Promise<PreparedTemplate>,
): Promise<{ engine: string; runs: StepSample[][] }> {
  const template = await prepare();
  try {
    const runs: StepSample[][] = [];
    for (let i = 0; i < RUNS; i++) runs.push(await seedOnce(template));
    return { engine: template.engine, runs };
  } finally {
    await template.dispose();
  }
}

function stepRows(engine: string, runs: StepSample[][]): string[][] {
  const steps = runs[0]?.map((s) => s.step) ?? [];
  return steps.map((step) => {
    const samples = runs.map((run) => run.find((s) => s.step === step)!);
    const { rows, byTable } = samples[0]!;
    const tables = Object.entries(byTable)
      .map(([table, n]) => `${table} ${n}`)
      .join(', ');
    const stepMs = summarize(samples.map((s) => s.ms));
    const baseMs = summarize(samples.map((s) => s.baselineMs));
    return [
      engine,
      step,
      `${rows} (${tables})`,
      `${ms(stepMs.p50)} (${ms(stepMs.min)}–${ms(stepMs.max)})`,
      Math.round((rows / stepMs.p50) * 1000).toLocaleString('en'),
      `${ms(baseMs.p50)} (${ms(baseMs.min)}–${ms(baseMs.max)})`,
      Math.round((rows / baseMs.p50) * 1000).toLocaleString('en'),
      times(ratio(stepMs.p50, baseMs.p50)),
    ];
  });
}

async function run(): Promise<SuiteOutput> {
  const pgSkip = await postgresUnavailable();
  const engines = [await measureEngine(preparePgliteTemplate)];
  if (!pgSkip) engines.push(await measureEngine(preparePostgresTemplate));
  const notes = [
    `${RUNS} runs per engine, each on a fresh copy of a migrated database with the national regions; medians with min–max.`,
    'A step runs in one transaction, as `runSeed` does; its rows are the growth of every table’s exact count.',
  ];
  if (pgSkip) notes.push(`PostgreSQL rows skipped: ${pgSkip}`);
  return {
    title: 'Demo seed, per step',
    description:
      'Each demo-seed step (`allSeedSteps()`, what `wenming seed` runs) on PGlite and PostgreSQL. Baseline in the same run, on the same database: one raw `insert … select from unnest(…)` of the same number of rows into a scratch table created `like region including all`.',
    tables: [
      {
        headers: [
          'engine',
          'step',
          'rows (per table)',
          'step ms (min–max)',
          'rows/s',
          'baseline ms (min–max)',
          'baseline rows/s',
          '× baseline',
        ],
        rows: engines.flatMap((e) => stepRows(e.engine, e.runs)),
      },
    ],
    notes,
    data: { runs: RUNS, engines },
  };
}

export const seedSuite: Suite = { name: 'seed', run };
