// The staff list, the duplicate check and the evaluation on a county with a million cases, on PostgreSQL and
// PGlite: the history bulk-loaded into the database of a real `wenming serve --demo`, then requests through
// its API as the demo dispatcher (county) and the 霞阳镇 inspector (township). Baselines in the same run:
// a primary-key lookup on cases_case, and the list endpoint finding one case by its number.
import path from 'node:path';
import type { Database } from '../../server/platform/db/database.ts';
import { openDatabase } from '../../server/platform/db/engine.ts';
import { listCases } from '../../server/modules/cases/read-cases.ts';
import { evaluateCases } from '../../server/modules/cases/evaluation/evaluation.service.ts';
import type { EngineLabel } from '../lib/engines.ts';
import { createScratchDatabase, postgresUnavailable, type ScratchDatabase } from '../lib/pg.ts';
import type { Suite, SuiteOutput } from '../lib/report.ts';
import { makeWorkDir, removeWorkDir } from '../lib/workdir.ts';
import { bulkLoadCases, type LoadResult } from './bulk-load.ts';
import { countySeat } from './case-mix.ts';
import { HttpClient } from './http-client.ts';
import { type LiveServer, type ServerTarget, signInDemo, startWenming } from './live-server.ts';
import { type CasesBenchSizes, casesBenchSizes, enginesWanted } from './options.ts';
import { type ProbeResult, roundRobin } from './probe-loop.ts';
import { type PlanFinding, planFindings, statementSplit, type StatementSplit } from './scale-plans.ts';
import { actorCtx, actorOf, apiProbe, callProbe, demoLogins, evaluationPath, listPath } from './scale-probes.ts';
import { scaleTables } from './scale-tables.ts';
import { type EvaluationShape, evaluationShapes, type ListShape, listShapes, shapeRandom } from './shapes.ts';

/** PGlite gets this long to load; a load cut short is a thinner history over the same three years. */
const pgliteLoadBudgetMs = 5 * 60_000;
/** A probe far over its target stops after this much time (with at least `minSamples` samples). */
const probeBudgetMs = 60_000;

export interface EngineScale {
  engine: EngineLabel;
  load: LoadResult;
  facts: Record<string, number>;
  /** How the evaluation was measured: through its route, or by calling the service (route not wired yet). */
  evaluationVia: 'api' | 'service';
  api: ProbeResult[];
  inProcess: ProbeResult[];
  splits: StatementSplit[];
  plans: PlanFinding[];
}

interface Target {
  server: ServerTarget;
  open(): Promise<Database>;
  dispose(): Promise<void>;
}

async function postgresTarget(): Promise<Target> {
  const db: ScratchDatabase = await createScratchDatabase();
  const dir = makeWorkDir('cases-scale-pg');
  return {
    server: { engine: 'PostgreSQL', dataDir: dir, databaseUrl: db.url },
    open: () => openDatabase({ databaseUrl: db.url, poolSize: 2 }),
    async dispose() {
      await db.drop();
      removeWorkDir(dir);
    },
  };
}

async function pgliteTarget(): Promise<Target> {
  const dir = makeWorkDir('cases-scale-pglite');
  return {
    server: { engine: 'PGlite', dataDir: dir },
    open: () => openDatabase({ pgliteDir: path.join(dir, 'db') }),
    async dispose() {
      removeWorkDir(dir);
    },
  };
}

/** Counts that say what the loaded history looks like (and what the queues hold). */
async function historyFacts(database: Database): Promise<Record<string, number>> {
  const [row] = await database.query<Record<string, number>>(`
    select count(*)::int8 as cases,
      count(*) filter (where status in ('reported', 'registered', 'dispatched', 'handling', 'handled'))::int8 as open,
      count(*) filter (where stage_due_at < now() and suspended_at is null)::int8 as overdue,
      count(*) filter (where status = 'closed')::int8 as closed,
      count(*) filter (where township_code = '${countySeat}')::int8 as county_seat,
      count(*) filter (where reported_at >= now() - interval '1 year')::int8 as last_year
    from cases_case`);
  return Object.fromEntries(Object.entries(row ?? {}).map(([k, v]) => [k, Number(v)]));
}

/** First start (migrations, reference data, demo county), stop, bulk load into the same database, ANALYZE. */
async function loadHistory(target: Target, rows: number, budgetMs: number) {
  const first = await startWenming(target.server);
  await first.stop();
  const database = await target.open();
  try {
    const load = await bulkLoadCases(database, rows, new Date(), {
      budgetMs,
      progress: (n) => console.log(`  ${target.server.engine}: ${n.toLocaleString('en')} cases loaded`),
    });
    const picks = await database.query<{ id: number; case_no: string }>(
      `select id, case_no from cases_case where id > ${load.idBase} order by random() limit 1000`,
    );
    const villages = await database.query<{ code: string }>(
      `select code from region where parent_code = '${countySeat}' and level = 'village'`,
    );
    return { load, facts: await historyFacts(database), picks, villagesOfSeat: villages.map((v) => v.code) };
  } finally {
    await database.close();
  }
}

/** Whether GET /api/cases/evaluation is wired into the app (else the path falls to /api/cases/:caseNo). */
async function evaluationWired(server: LiveServer, headers: Record<string, string>): Promise<boolean> {
  const client = new HttpClient(server.url);
  try {
    const res = await client.request('GET', '/api/cases/evaluation?from=2026-01-01&to=2026-01-31&groupBy=township', {
      headers,
    });
    return res.status === 200;
  } finally {
    client.close();
  }
}

async function measureApi(
  target: Target,
  sizes: CasesBenchSizes,
  lists: ListShape[],
  evaluations: EvaluationShape[],
  caseNos: string[],
  nearbyPoints: Array<{ lng: number; lat: number }>,
) {
  const server = await startWenming(target.server);
  const client = new HttpClient(server.url);
  try {
    const headers = {
      dispatcher: await signInDemo(server.url, demoLogins.dispatcher),
      inspector: await signInDemo(server.url, demoLogins.inspector),
    };
    const wired = await evaluationWired(server, headers.dispatcher);
    const probes = [
      apiProbe(
        'baseline: GET /api/cases?q=<case number> (dispatcher)',
        client,
        headers.dispatcher,
        (i) => `/api/cases?q=${caseNos[i % caseNos.length]}`,
      ),
      ...lists.map((s) => apiProbe(`list, ${s.role}: ${s.name}`, client, headers[s.role], listPath(s))),
      apiProbe(
        'duplicate check: GET /api/cases/nearby, 09006 within 50 m (dispatcher)',
        client,
        headers.dispatcher,
        (i) => {
          const p = nearbyPoints[i % nearbyPoints.length]!;
          return `/api/cases/nearby?categoryCode=09006&lng=${p.lng}&lat=${p.lat}`;
        },
      ),
      ...(wired
        ? evaluations.map((s) =>
            apiProbe(`evaluation (API), dispatcher: ${s.name}`, client, headers.dispatcher, evaluationPath(s)),
          )
        : []),
    ];
    const results = await roundRobin(
      probes,
      {
        target: sizes.requestsPerShape,
        warmup: sizes.warmupRequests,
        budgetMs: probeBudgetMs,
        minSamples: Math.min(5, sizes.requestsPerShape),
      },
      (r) => {
        if (r % 50 === 0) console.log(`  ${target.server.engine}: API round ${r}`);
      },
    );
    return { results, wired };
  } finally {
    client.close();
    await server.stop();
  }
}

async function measureInProcess(
  target: Target,
  sizes: CasesBenchSizes,
  lists: ListShape[],
  evaluations: EvaluationShape[],
  wired: boolean,
  ids: number[],
  api: ProbeResult[],
) {
  const database = await target.open();
  try {
    const dispatcher = actorCtx(database, await actorOf(database, demoLogins.dispatcher));
    const inspector = actorCtx(database, await actorOf(database, demoLogins.inspector));
    const probes = [
      callProbe('baseline: primary-key lookup `select * from cases_case where region_code = $1 and id = $2`', (i) =>
        database.query('select * from cases_case where region_code = $1 and id = $2', ['430225', ids[i % ids.length]]),
      ),
      ...(wired
        ? []
        : evaluations.map((s) => {
            const rng = shapeRandom(`evaluation/${s.name}`);
            return callProbe(`evaluation (service), dispatcher: ${s.name}`, () =>
              evaluateCases(dispatcher, s.query(rng) as Parameters<typeof evaluateCases>[1]),
            );
          })),
    ];
    const results = await roundRobin(probes, {
      target: sizes.requestsPerShape,
      warmup: sizes.warmupRequests,
      budgetMs: probeBudgetMs,
      minSamples: Math.min(5, sizes.requestsPerShape),
    });
    const ctxOf = { dispatcher, inspector };
    const splits = await statementSplit(database, lists, (shape, query) =>
      listCases(ctxOf[shape.role], query as Parameters<typeof listCases>[1]),
    );
    const plans = await planFindings(database, {
      lists,
      evaluations,
      api: [...api, ...results],
      ctxOf,
      listCall: (ctx, q) => listCases(ctx, q as Parameters<typeof listCases>[1]),
      evaluationCall: (ctx, q) => evaluateCases(ctx, q as Parameters<typeof evaluateCases>[1]),
    });
    return { results, splits, plans };
  } finally {
    await database.close();
  }
}

async function measureEngine(
  make: () => Promise<Target>,
  rows: number,
  budgetMs: number,
  sizes: CasesBenchSizes,
): Promise<EngineScale> {
  const target = await make();
  try {
    const now = new Date();
    const history = await loadHistory(target, rows, budgetMs);
    const lists = listShapes(now, history.villagesOfSeat);
    const evaluations = evaluationShapes(now);
    const rng = shapeRandom('nearby');
    const nearbyPoints = Array.from({ length: 200 }, () => ({
      lng: Math.round((113.772 + (rng.next() - 0.5) * 0.03) * 1e6) / 1e6,
      lat: Math.round((26.489 + (rng.next() - 0.5) * 0.03) * 1e6) / 1e6,
    }));
    const api = await measureApi(
      target,
      sizes,
      lists,
      evaluations,
      history.picks.map((p) => p.case_no),
      nearbyPoints,
    );
    const inProcess = await measureInProcess(
      target,
      sizes,
      lists,
      evaluations,
      api.wired,
      history.picks.map((p) => Number(p.id)),
      api.results,
    );
    return {
      engine: target.server.engine,
      load: history.load,
      facts: history.facts,
      evaluationVia: api.wired ? 'api' : 'service',
      api: api.results,
      inProcess: inProcess.results,
      splits: inProcess.splits,
      plans: inProcess.plans,
    };
  } finally {
    await target.dispose();
  }
}

async function run({ quick = false }: { quick?: boolean } = {}): Promise<SuiteOutput> {
  const sizes = casesBenchSizes(quick);
  const pgSkip = await postgresUnavailable();
  const engines: EngineScale[] = [];
  const wanted = enginesWanted();
  if (!pgSkip && wanted.postgres)
    engines.push(await measureEngine(postgresTarget, sizes.casesPostgres, Number.POSITIVE_INFINITY, sizes));
  if (wanted.pglite) engines.push(await measureEngine(pgliteTarget, sizes.casesPglite, pgliteLoadBudgetMs, sizes));
  const { tables, notes } = scaleTables(engines);
  if (pgSkip) notes.push(`PostgreSQL rows skipped: ${pgSkip}`);
  return {
    title: 'Cases list and evaluation with a million cases',
    description:
      'A three-year case history bulk-loaded (server-side `INSERT … SELECT` from `generate_series`, 100,000 rows a statement, secondary indexes rebuilt after, then `VACUUM (ANALYZE)`) into the database of a real `wenming serve --demo`, on top of its demo cases; then requests through the API as the demo dispatcher (county scope) and the 霞阳镇 inspector (township scope), parameters drawn at random per request. Baselines in the same run: a primary-key lookup on `cases_case` (in process, server stopped) and the list endpoint finding one case by its number (through the API, interleaved with the others). Targets of issue #4 on PostgreSQL: list p95 ≤ 50 ms, evaluation p95 ≤ 100 ms.',
    tables,
    notes,
    data: { sizes, probeBudgetMs, engines },
  };
}

export const casesScaleSuite: Suite = { name: 'cases-scale', run };
