import { describe, expect, it } from 'vitest';
import { AppError } from '../http/app-error.ts';
import { useTestDatabase } from '../../testing/test-database.ts';
import { deleteStaleBudgets, spendBudget } from './request-budget.ts';

describe('request budgets (anonymous writes)', () => {
  const t = useTestDatabase();
  let now = new Date('2026-03-02T08:00:00Z');
  const ctx = () => t.ctx({ clock: () => now });
  const refusal = async (promise: Promise<unknown>) => {
    const error = await promise.then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(AppError);
    return error as AppError;
  };

  it('refuses with 429 once any budget is over, saying when to come back; spent units stay spent', async () => {
    const rules = [
      { subject: 'test:device-a', limit: 3 },
      { subject: 'test:address-1', limit: 10 },
    ];
    await spendBudget(ctx(), rules, 2);
    now = new Date(now.getTime() + 20 * 60_000);
    await spendBudget(ctx(), rules, 1);
    const over = await refusal(spendBudget(ctx(), rules, 1));
    expect(over).toMatchObject({ status: 429, code: 'rate_limited', vars: { minutes: 40, retryAfterSeconds: 2400 } });
    // Another device behind the same address still has its own budget; the address counts everything.
    await spendBudget(ctx(), [{ subject: 'test:device-b', limit: 3 }, rules[1]!], 3);
    const address = await refusal(spendBudget(ctx(), [{ subject: 'test:device-c', limit: 10 }, rules[1]!], 4));
    expect(address.vars.retryAfterSeconds).toBe(2400);
  });

  it('starts again when the window has passed, and forgets budgets a day after their window', async () => {
    const rules = [{ subject: 'test:window', limit: 1 }];
    await spendBudget(ctx(), rules, 1);
    await refusal(spendBudget(ctx(), rules, 1));
    now = new Date(now.getTime() + 60 * 60_000);
    await spendBudget(ctx(), rules, 1);
    const count = async () =>
      (
        await t.database.query<{ n: number }>(
          "select count(*)::int as n from request_budget where subject = 'test:window'",
        )
      )[0]!.n;
    expect(
      await deleteStaleBudgets(t.ctx().db, '430225', new Date(now.getTime() + 24 * 3_600_000)),
    ).toBeGreaterThanOrEqual(0);
    expect(await count()).toBe(1);
    await deleteStaleBudgets(t.ctx().db, '430225', new Date(now.getTime() + 25 * 3_600_000 + 1));
    expect(await count()).toBe(0);
  });

  it('counts every unit once when many requests spend at the same time', async () => {
    const rules = [{ subject: 'test:parallel', limit: 1000 }];
    await Promise.all(Array.from({ length: 20 }, () => spendBudget(ctx(), rules, 2)));
    expect(
      (await t.database.query<{ used: number }>("select used from request_budget where subject = 'test:parallel'"))[0]!
        .used,
    ).toBe(40);
  });
});
