// Region-subtree queries (the data-scope predicate every store adds) on both engines, on the national regions
// plus the Yanling demo villages. Baseline in the same run, measured the same way: a primary-key lookup
// `select * from region where code = $1`. Also records PostgreSQL's plan for the subtree query: region codes
// are COLLATE "C", so `code LIKE '430225%'` should become an index range scan on the primary key.
import { sql } from 'drizzle-orm';
import { region } from '../server/db/schema/platform.ts';
import type { Database } from '../server/platform/db/database.ts';
import { queryRows } from '../server/platform/db/rows.ts';
import { tx } from '../server/platform/db/tx.ts';
import { regionSubtree } from '../server/platform/regions/region-scope.sql.ts';
import { villagesSeed } from '../server/platform/regions/regions.seed.ts';
import {
  countSubtreeByLevel,
  findRegion,
  listChildren,
  searchRegions,
} from '../server/platform/regions/regions.store.ts';
import {
  benchCtx,
  demoSeedOptions,
  type EngineLabel,
  preparePgliteTemplate,
  preparePostgresTemplate,
} from './lib/engines.ts';
import { postgresUnavailable } from './lib/pg.ts';
import type { Suite, SuiteOutput, Table } from './lib/report.ts';
import { ms, ratio, type Summary, summarize, times } from './lib/stats.ts';

const WARMUP = 50;
const ITERATIONS = 500;

const county = '430225'; // 炎陵县
const township = '430225100'; // 霞阳镇, the county seat: the most villages

type Query = { name: string; run: (database: Database) => Promise<unknown> };

const baseline: Query = {
  name: 'baseline: `select * from region where code = $1`',
  run: (d) => queryRows(d.db, sql`select * from region where code = ${county}`),
};

const queries: readonly Query[] = [
  baseline,
  { name: '`findRegion` (drizzle builder, same lookup)', run: (d) => findRegion(d.db, county) },
  { name: '`countSubtreeByLevel` county', run: (d) => countSubtreeByLevel(d.db, county) },
  { name: '`countSubtreeByLevel` township', run: (d) => countSubtreeByLevel(d.db, township) },
  { name: '`countSubtreeByLevel` province (43)', run: (d) => countSubtreeByLevel(d.db, '43') },
  { name: '`listChildren` county', run: (d) => listChildren(d.db, county) },
  {
    name: '`searchRegions` within county, name contains 村',
    run: (d) => searchRegions(d.db, { within: county, nameContains: '村', limit: 20, offset: 0 }),
  },
  {
    name: '`searchRegions` within province 43, name contains 镇',
    run: (d) => searchRegions(d.db, { within: '43', nameContains: '镇', limit: 20, offset: 0 }),
  },
];

interface OpenEngine {
  engine: EngineLabel;
  database: Database;
  dispose(): Promise<void>;
}

/** National regions (from the migrated template) + the demo villages, then statistics for the planner. */
async function openEngine(prepare: typeof preparePgliteTemplate): Promise<OpenEngine> {
  const template = await prepare();
  const copy = await template.open();
  const { database } = copy;
  await tx(benchCtx(database), (t) => villagesSeed.run(t, demoSeedOptions, () => {}));
  // PGlite runs no autovacuum and PostgreSQL's may not have run yet: analyse so both plan with statistics.
  await database.exec('vacuum (analyze) region');
  return {
    engine: template.engine,
    database,
    async dispose() {
      await copy.dispose();
      await template.dispose();
    },
  };
}

/** `items` rotated left by `by`: each iteration starts somewhere else, so no query is always first. */
function rotated<T>(items: readonly T[], by: number): T[] {
  const k = by % items.length;
  return [...items.slice(k), ...items.slice(0, k)];
}

/**
 * Every iteration runs every query on every engine once, in turn, so a neighbour's load on this shared VM
 * slows the baseline and the queries alike and the ratios stay meaningful. The order rotates because the
 * first query after switching engines pays for the switch (caches, an idle pool connection).
 */
async function measure(engines: OpenEngine[]): Promise<Map<string, number[]>> {
  const samples = new Map<string, number[]>();
  for (let i = 0; i < WARMUP + ITERATIONS; i++) {
    for (const e of rotated(engines, i)) {
      for (const q of rotated(queries, i)) {
        const started = performance.now();
        await q.run(e.database);
        const elapsed = performance.now() - started;
        if (i < WARMUP) continue;
        const key = `${e.engine}|${q.name}`;
        if (!samples.has(key)) samples.set(key, []);
        samples.get(key)!.push(elapsed);
      }
    }
  }
  return samples;
}

interface PlanNode {
  'Node Type': string;
  'Index Name'?: string;
  Plans?: PlanNode[];
}

function indexesUsed(node: PlanNode): string[] {
  const own = node['Index Name'] ? [`${node['Node Type']} on ${node['Index Name']}`] : [];
  return [...own, ...(node.Plans ?? []).flatMap(indexesUsed)];
}

/** EXPLAIN (ANALYZE) of countSubtreeByLevel's statement, with the prefix bound as a parameter as the store does. */
async function explainSubtree(database: Database, root: string) {
  // Same statement as countSubtreeByLevel in regions.store.ts.
  const statement = sql`select level, count(*)::int8 as n from region where ${regionSubtree(region.code, root)} and code <> ${root} group by level`;
  const rows = await queryRows<{ 'QUERY PLAN': unknown }>(
    database.db,
    sql`explain (analyze, format json) ${statement}`,
  );
  const raw = rows[0]?.['QUERY PLAN'];
  const parsed = (typeof raw === 'string' ? JSON.parse(raw) : raw) as Array<{ Plan: PlanNode }>;
  const indexes = indexesUsed(parsed[0]!.Plan);
  const [share] = await database.query<{ share: number }>(
    `select (count(*) filter (where code like $1 || '%'))::float8 / count(*) as share from region`,
    [root],
  );
  return { root, share: share?.share ?? Number.NaN, usesIndex: indexes.length > 0, indexes, plan: parsed };
}

function resultRows(
  engines: OpenEngine[],
  samples: Map<string, number[]>,
): { rows: string[][]; summaries: Record<string, Summary> } {
  const summaries: Record<string, Summary> = {};
  for (const [key, values] of samples) summaries[key] = summarize(values);
  const rows = queries.flatMap((q) =>
    engines.map((e) => {
      const s = summaries[`${e.engine}|${q.name}`]!;
      const base = summaries[`${e.engine}|${baseline.name}`]!;
      const cross = engines.length > 1 ? summaries[`PostgreSQL|${q.name}`] : undefined;
      return [
        q.name,
        e.engine,
        ms(s.avg),
        ms(s.p50),
        ms(s.p95),
        ms(s.p99),
        times(ratio(s.p50, base.p50)),
        e.engine === 'PGlite' && cross ? times(ratio(s.p50, cross.p50)) : '',
      ];
    }),
  );
  return { rows, summaries };
}

function planTable(plans: Record<string, Awaited<ReturnType<typeof explainSubtree>>[]>): Table {
  return {
    title: 'Plan of the subtree query (`countSubtreeByLevel`, EXPLAIN ANALYZE)',
    headers: ['engine', 'root', 'share of the table', 'uses an index', 'index nodes'],
    rows: Object.entries(plans).flatMap(([engine, list]) =>
      list.map((p) => [
        engine,
        p.root,
        `${(p.share * 100).toFixed(1)} %`,
        p.usesIndex ? 'yes' : 'no',
        p.indexes.join(', ') || 'Seq Scan',
      ]),
    ),
  };
}

async function run(): Promise<SuiteOutput> {
  const pgSkip = await postgresUnavailable();
  const engines = [await openEngine(preparePgliteTemplate)];
  try {
    if (!pgSkip) engines.push(await openEngine(preparePostgresTemplate));
    const counts: Record<string, number> = {};
    for (const e of engines) {
      const [row] = await e.database.query<{ n: number }>('select count(*)::int8 as n from region');
      counts[e.engine] = Number(row?.n);
    }
    const samples = await measure(engines);
    const plans: Record<string, Awaited<ReturnType<typeof explainSubtree>>[]> = {};
    for (const e of engines)
      plans[e.engine] = await Promise.all([county, township, '43'].map((root) => explainSubtree(e.database, root)));
    const { rows, summaries } = resultRows(engines, samples);
    const notes = [
      `${ITERATIONS} iterations after ${WARMUP} warm-up ones; in every iteration each query runs once on each engine, in a rotating order. Both databases are open in this one process.`,
      'A subtree covering a large share of the table (a whole province) is read with a sequential scan on purpose: the planner prefers it above a few per cent of the rows.',
      `The \`region\` table holds ${Object.entries(counts)
        .map(([e, n]) => `${n} rows on ${e}`)
        .join(', ')} (national list + Hunan townships + demo villages), after \`VACUUM (ANALYZE)\`.`,
    ];
    if (pgSkip) notes.push(`PostgreSQL rows skipped: ${pgSkip}`);
    return {
      title: 'Region-subtree queries',
      description:
        'Store functions of `server/platform/regions/regions.store.ts` through drizzle, on PGlite (file-backed) and PostgreSQL. Baseline in the same run, measured the same way: a primary-key lookup `select * from region where code = $1`. “× baseline” and “PGlite ÷ PG” compare medians.',
      tables: [
        {
          headers: ['query', 'engine', 'avg ms', 'p50 ms', 'p95 ms', 'p99 ms', '× baseline (p50)', 'PGlite ÷ PG (p50)'],
          rows,
        },
        planTable(plans),
      ],
      notes,
      data: { warmup: WARMUP, iterations: ITERATIONS, regionRows: counts, summaries, plans },
    };
  } finally {
    for (const e of engines) await e.dispose();
  }
}

export const regionsSuite: Suite = { name: 'regions', run };
