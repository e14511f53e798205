// What the slow requests spend their time on: each list shape's statements split into the page query, the
// total count and the name lookups; and EXPLAIN (ANALYZE, BUFFERS) of the slowest list and evaluation
// statements, captured from the server's own functions with their own parameters.
import type { Ctx } from '../../server/platform/context.ts';
import type { Database } from '../../server/platform/db/database.ts';
import { median } from '../lib/stats.ts';
import { captureStatements, explainAnalyze, planSummary } from './explain.ts';
import type { ProbeResult } from './probe-loop.ts';
import type { EvaluationShape, ListQuery, ListShape, Role } from './shapes.ts';
import { shapeRandom } from './shapes.ts';
import type { TimedStatement } from './statement-timing.ts';

export interface StatementSplit {
  shape: string;
  pageMs: number;
  countMs: number;
  otherMs: number;
  statements: number;
}

/** The list's total: drizzle's `select count(*) from "cases_case" where …`. */
const isCount = (s: TimedStatement) => /^select count\(/i.test(s.text ?? '') && s.label === 'select cases_case';
const isPage = (s: TimedStatement) => s.label === 'select cases_case' && !isCount(s);
const took = (list: TimedStatement[]) => list.reduce((a, s) => a + (s.endMs - s.startMs), 0);

/** Three calls per shape (other parameters each time), medians per part. */
export async function statementSplit(
  database: Database,
  lists: readonly ListShape[],
  call: (shape: ListShape, query: ListQuery) => Promise<unknown>,
): Promise<StatementSplit[]> {
  const out: StatementSplit[] = [];
  for (const shape of lists) {
    const rng = shapeRandom(`split/${shape.role}/${shape.name}`);
    const runs = [];
    for (let i = 0; i < 3; i++) runs.push(await captureStatements(database, () => call(shape, shape.query(rng))));
    out.push({
      shape: `${shape.role}: ${shape.name}`,
      pageMs: median(runs.map((r) => took(r.filter(isPage)))),
      countMs: median(runs.map((r) => took(r.filter(isCount)))),
      otherMs: median(runs.map((r) => took(r.filter((s) => !isPage(s) && !isCount(s))))),
      statements: runs[0]?.length ?? 0,
    });
  }
  return out;
}

export interface PlanFinding {
  what: string;
  p95Ms: number;
  statement: string;
  ms: number;
  summary: string;
  plan: string[];
}

interface PlanInputs {
  lists: readonly ListShape[];
  evaluations: readonly EvaluationShape[];
  api: readonly ProbeResult[];
  ctxOf: Record<Role, Ctx>;
  listCall(ctx: Ctx, query: ListQuery): Promise<unknown>;
  evaluationCall(ctx: Ctx, query: { from: string; to: string; groupBy: string }): Promise<unknown>;
}

function slowest(results: readonly ProbeResult[], prefix: RegExp): ProbeResult | undefined {
  return results.filter((r) => prefix.test(r.name)).sort((a, b) => b.summary.p95 - a.summary.p95)[0];
}

async function explainAll(
  database: Database,
  what: string,
  p95Ms: number,
  statements: TimedStatement[],
): Promise<PlanFinding[]> {
  const out: PlanFinding[] = [];
  for (const s of statements) {
    const statement = isCount(s) ? 'count' : s.label;
    try {
      const plan = await explainAnalyze(database, s);
      out.push({ what, p95Ms, statement, ms: s.endMs - s.startMs, summary: planSummary(plan), plan });
    } catch (error) {
      // A plan that cannot be had must not lose the run's figures: say why instead.
      out.push({
        what,
        p95Ms,
        statement,
        ms: s.endMs - s.startMs,
        summary: `EXPLAIN failed: ${(error as Error).message}`,
        plan: [],
      });
    }
  }
  return out;
}

/** The slowest list shape (its page and count queries) and the slowest evaluation (its slowest statement). */
export async function planFindings(database: Database, inputs: PlanInputs): Promise<PlanFinding[]> {
  const findings: PlanFinding[] = [];
  const list = slowest(inputs.api, /^list, /);
  const shape = list && inputs.lists.find((s) => list.name === `list, ${s.role}: ${s.name}`);
  if (list && shape) {
    const query = shape.query(shapeRandom(`${shape.role}/${shape.name}`));
    const statements = await captureStatements(database, () => inputs.listCall(inputs.ctxOf[shape.role], query));
    findings.push(
      ...(await explainAll(
        database,
        `${list.name} ${JSON.stringify(query)}`,
        list.summary.p95,
        statements.filter((s) => isPage(s) || isCount(s)),
      )),
    );
  }
  const evaluation = slowest(inputs.api, /^evaluation /);
  const evalShape = evaluation && inputs.evaluations.find((s) => evaluation.name.endsWith(`: ${s.name}`));
  if (evaluation && evalShape) {
    const query = evalShape.query(shapeRandom(`evaluation/${evalShape.name}`));
    const statements = await captureStatements(database, () => inputs.evaluationCall(inputs.ctxOf.dispatcher, query));
    const worst = [...statements].sort((a, b) => b.endMs - b.startMs - (a.endMs - a.startMs))[0];
    if (worst)
      findings.push(
        ...(await explainAll(database, `${evaluation.name} ${JSON.stringify(query)}`, evaluation.summary.p95, [worst])),
      );
  }
  return findings;
}
