import { sql } from 'drizzle-orm';
import type { Ctx } from '../../../platform/context.ts';
import type { Db } from '../../../platform/db/database.ts';
import { queryOne } from '../../../platform/db/rows.ts';

/** How often the server folds case changes into the month rollup: readers add what is not folded yet. */
export const foldEveryMs = 30_000;

/**
 * Moves the county's appended case changes into cases_evaluation_month (cases_evaluation_fold, migration 0012)
 * and returns how many it moved. The figures do not change: readers count the changes until they are folded,
 * so this only keeps the change table small. Not audited: it moves derived counts, no record of anyone's.
 */
export async function foldEvaluationChanges(db: Db, countyCode: string): Promise<number> {
  const row = await queryOne<{ moved: number }>(db, sql`select cases_evaluation_fold(${countyCode}) as moved`);
  return Number(row?.moved ?? 0);
}

export function foldEvaluationJob(ctx: Ctx): Promise<number> {
  return foldEvaluationChanges(ctx.db, ctx.countyCode);
}
