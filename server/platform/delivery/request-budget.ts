import { and, eq, lt, sql } from 'drizzle-orm';
import { requestBudget } from '../../db/schema/delivery.ts';
import type { Ctx } from '../context.ts';
import type { Db } from '../db/database.ts';
import { queryRows } from '../db/rows.ts';
import { AppError } from '../http/app-error.ts';
import { registerMessages } from '../i18n/translate.ts';

registerMessages({
  zh: { 'budget.exhausted': '提交过于频繁，请 {minutes} 分钟后再试' },
  en: { 'budget.exhausted': 'Too many submissions from here; please try again in {minutes} min' },
});

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
  const expired = new Date(now.getTime() - budgetWindowMs).toISOString();
  const values = sql.join(
    rules.map((rule) => sql`(${ctx.countyCode}, ${rule.subject}, ${now.toISOString()}::timestamptz, ${units}::int)`),
    sql`, `,
  );
  const rows = await queryRows<{ subject: string; used: number; window_start: string | Date }>(
    ctx.db,
    sql`insert into request_budget as b (region_code, subject, window_start, used) values ${values}
      on conflict (region_code, subject) do update set
        used = case when b.window_start <= ${expired}::timestamptz then excluded.used else b.used + excluded.used end,
        window_start = case when b.window_start <= ${expired}::timestamptz then excluded.window_start else b.window_start end
      returning b.subject, b.used, b.window_start`,
  );
  const waits = rows.flatMap((row) => {
    const rule = rules.find((r) => r.subject === row.subject);
    if (!rule || Number(row.used) <= rule.limit) return [];
    return [Math.ceil((new Date(row.window_start).getTime() + budgetWindowMs - now.getTime()) / 1000)];
  });
  if (waits.length > 0) throw budgetExhausted(Math.max(...waits));
}

/** Forgets budgets whose window ended a day ago or more (housekeeping; a new use starts a new row). */
export async function deleteStaleBudgets(db: Db, regionCode: string, now: Date): Promise<number> {
  const before = new Date(now.getTime() - budgetWindowMs - 24 * 3_600_000);
  const rows = await db
    .delete(requestBudget)
    .where(and(eq(requestBudget.regionCode, regionCode), lt(requestBudget.windowStart, before)))
    .returning({ subject: requestBudget.subject });
  return rows.length;
}
