import type { Database } from '../../server/platform/db/database.ts';
import { installStatementTiming, type TimedStatement } from './statement-timing.ts';

/** The statements a call sends (text, parameters, time), in order: what the server's code really runs. */
export async function captureStatements(database: Database, call: () => Promise<unknown>): Promise<TimedStatement[]> {
  const timing = installStatementTiming(database, { keepText: true });
  try {
    timing.start();
    await call();
    return timing.stop();
  } finally {
    timing.uninstall();
  }
}

/** EXPLAIN (ANALYZE, BUFFERS) of a captured statement with its own parameters, as text lines. */
export async function explainAnalyze(database: Database, statement: TimedStatement): Promise<string[]> {
  if (!statement.text) throw new Error('statement captured without its text');
  const rows = await database.query<{ 'QUERY PLAN': string }>(
    `explain (analyze, buffers) ${statement.text}`,
    statement.params ?? [],
  );
  return rows.map((r) => r['QUERY PLAN']);
}

/** The plan's node lines reduced to what decides speed (scan types and index names), for a table cell. */
export function planSummary(plan: readonly string[]): string {
  const nodes = plan
    .map(
      (line) =>
        /(?:->\s+)?((?:Parallel )?(?:Seq Scan|Index Only Scan|Index Scan|Bitmap Heap Scan|Bitmap Index Scan)(?: Backward)?(?: using \S+)? on \S+)/.exec(
          line,
        )?.[1],
    )
    .filter((x): x is string => x !== undefined);
  return [...new Set(nodes)].join('; ');
}
