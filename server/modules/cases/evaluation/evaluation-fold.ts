import type { Ctx } from '../../../platform/context.ts';
import { foldEvaluationChanges } from './evaluation-rollup.store.ts';

/** How often the server folds case changes into the month rollup: readers add what is not folded yet. */
export const foldEveryMs = 30_000;

/** The fold job (cases.module.ts lists it): the SQL function and why it is one are in evaluation-rollup.store.ts. */
export function foldEvaluationJob(ctx: Ctx): Promise<number> {
  return foldEvaluationChanges(ctx.db, ctx.countyCode);
}
