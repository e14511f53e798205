import type { Ctx } from '../context.ts';
import { insertJob } from './jobs.store.ts';

/**
 * Work a module queues for later (a reminder to send, an import to run), declared in its manifest's `queues`.
 * `run` gets a context inside a transaction that also marks the job done, so what it writes with `t.db` (and
 * through `tx(t, …)`, which joins it) commits exactly when the job completes: a crash or a throw leaves no half
 * of it, and the job is tried again. Use `t.db`, never `t.database.query` (PGlite has one session). On PGlite
 * that transaction holds the only session while `run` works: keep such handlers short, and give long work
 * (imports, gateway calls) `transactional: false`.
 */
export interface QueuedJob<P> {
  /** Unique across manifests: '<module>.<what>' ('notify.sms', 'cases.deadline-reminder'). */
  name: string;
  run(ctx: Ctx, payload: P, job: { id: string; attempt: number }): Promise<unknown>;
  /**
   * `limit` retries after the first attempt (so limit + 1 attempts in all), the n-th retry `backoffMs · 2^(n-1)`
   * after the failure (capped at a day); then the job is `dead` until an operator retries it. Default 5 × 30 s.
   */
  retry?: { limit: number; backoffMs: number };
  /**
   * false: `run` gets a context outside any transaction and opens its own (long imports, a gateway call whose
   * outcome must be kept even when the job then fails). The lease is renewed while it runs; if the process
   * dies between its work and its completion, the job runs again after the lease, so such a handler must be
   * idempotent. Default true.
   */
  transactional?: boolean;
}

export interface EnqueueOptions {
  /** Not before (default: now). */
  runAt?: Date;
  /** At most one pending job per (name, key): while one waits, enqueueing the same key again does nothing. */
  key?: string;
}

export const defaultRetry = { limit: 5, backoffMs: 30_000 } as const;

/** The longest wait between two attempts, however many have failed. */
export const maxBackoffMs = 24 * 60 * 60_000;

/**
 * Queues `job` with `payload` in the business transaction (like `emitEvent`): it exists exactly when the change
 * committed. The payload is stored as JSON: ids, not personal data (read it again in `run`).
 */
export async function enqueueJob<P>(
  t: Ctx,
  job: QueuedJob<P>,
  payload: P,
  options: EnqueueOptions = {},
): Promise<void> {
  if (!t.inTransaction) throw new Error('enqueueJob must run inside tx(ctx, …)');
  const retry = job.retry ?? defaultRetry;
  const now = t.clock();
  await insertJob(t.db, {
    regionCode: t.countyCode,
    name: job.name,
    key: options.key ?? null,
    payload: (payload ?? null) as unknown,
    state: 'pending',
    maxAttempts: Math.max(1, retry.limit + 1),
    backoffMs: Math.max(0, Math.round(retry.backoffMs)),
    runAt: options.runAt ?? now,
    createdAt: now,
  });
}

/** How long after the `attempt`-th failure the next attempt waits. */
export function retryDelayMs(backoffMs: number, attempt: number): number {
  return Math.min(maxBackoffMs, backoffMs * 2 ** Math.max(0, attempt - 1));
}
