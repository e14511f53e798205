import type { Ctx } from '../context.ts';
import { flushAtCommit } from './at-commit.ts';
import type { Db } from './database.ts';
import type { Rider } from './prepared.ts';

/**
 * Runs `fn` in one transaction and hands it a context whose `db` is that transaction. Every write goes
 * through here, so the audit row (written by the identity/audit layer) commits or rolls back with the change.
 * Nested calls join the outer transaction. On PGlite, drizzle serialises transactions on the single session.
 */
export async function tx<T>(ctx: Ctx, fn: (t: Ctx) => Promise<T>): Promise<T> {
  if (ctx.inTransaction) return fn(ctx);
  const afterRollback: Array<(ctx: Ctx) => Promise<void>> = [];
  try {
    return await ctx.db.transaction(async (transaction) => {
      const beforeCommit: Array<(t: Ctx) => Promise<void>> = [];
      const atCommit: Rider[] = [];
      const t: Ctx = {
        ...ctx,
        db: transaction as unknown as Db,
        inTransaction: true,
        beforeCommit,
        afterRollback,
        atCommit,
      };
      const result = await fn(t);
      // Hooks may queue more hooks (none do today); run until the queue is empty, in order.
      for (let i = 0; i < beforeCommit.length; i += 1) await (beforeCommit[i] as (t: Ctx) => Promise<void>)(t);
      await flushAtCommit(t);
      return result;
    });
  } catch (error) {
    // After the rollback, on the session it freed (PGlite has only one), in the order queued.
    for (const hook of afterRollback) await hook(ctx);
    throw error;
  }
}
