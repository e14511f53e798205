import type { Ctx } from '../context.ts';
import type { Db } from '../db/database.ts';
import { AppError } from '../http/app-error.ts';
import type { MessageCatalogue } from '../i18n/locale.ts';
import { addToBudgets, deleteBudgetsBefore } from './request-budget.store.ts';

/** Its messages, listed by the platform manifest that installs them (no registration on import). */
export const budgetMessages: MessageCatalogue = {
  zh: { 'budget.exhausted': '提交过于频繁，请 {minutes} 分钟后再试' },
  en: { 'budget.exhausted': 'Too many submissions from here; please try again in {minutes} min' },
};

/** Budgets run per fixed hour from a client's first use in it. */
export const budgetWindowMs = 3_600_000;

/** One budget a request spends from: a client's subject and what it may use in a window. */
export interface BudgetRule {
  subject: string;
  limit: number;
}

/** A 429 that says when to come back: the error handler sends `Retry-After` from `retryAfterSeconds`. */
export function budgetExhausted(retryAfterSeconds: number): AppError {
  return new AppError(429, 'rate_limited', 'budget.exhausted', {
    minutes: Math.max(1, Math.ceil(retryAfterSeconds / 60)),
    retryAfterSeconds,
  });
}

/**
 * Spends `units` from every budget at once, in one statement outside any transaction (the count must hold
 * whatever the request then does, and must not wait for a business transaction). A budget whose window
 * has passed starts again. Refused (429) when any budget is now over its limit; the units stay spent, so a
 * client that keeps sending does not get through by being refused.
 */
export async function spendBudget(
  ctx: Pick<Ctx, 'db' | 'countyCode' | 'clock'>,
  rules: readonly BudgetRule[],
  units: number,
): Promise<void> {
  if (rules.length === 0 || units <= 0) return;
  const now = ctx.clock();
  const rows = await addToBudgets(ctx.db, ctx.countyCode, {
    subjects: rules.map((rule) => rule.subject),
    units,
    now,
    windowExpiredAt: new Date(now.getTime() - budgetWindowMs),
  });
  const waits = rows.flatMap((row) => {
    const rule = rules.find((r) => r.subject === row.subject);
    if (!rule || row.used <= rule.limit) return [];
    return [Math.ceil((row.windowStart.getTime() + budgetWindowMs - now.getTime()) / 1000)];
  });
  if (waits.length > 0) throw budgetExhausted(Math.max(...waits));
}

/** Forgets budgets whose window ended a day ago or more (housekeeping; a new use starts a new row). */
export async function deleteStaleBudgets(db: Db, regionCode: string, now: Date): Promise<number> {
  const before = new Date(now.getTime() - budgetWindowMs - 24 * 3_600_000);
  return deleteBudgetsBefore(db, regionCode, before);
}
