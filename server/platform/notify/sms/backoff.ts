/**
 * When a failed SMS is tried again: exponential backoff, 1 minute doubling to at most 1 hour, and `dead` after
 * `smsMaxAttempts` attempts — 1 + 2 + 4 + 8 + 16 = 31 minutes of retrying, long enough to ride out a provider's
 * throttling (Aliyun and Tencent both answer a rate-limit code for bursts) and short enough that a notice about
 * an acceptance still arrives the same working hour. No jitter: one county sends a handful per hour, so retries
 * do not stampede, and a fixed schedule is what tests and the operator page can state.
 */
export const smsMaxAttempts = 6;
export const smsBackoffBaseMs = 60_000;
export const smsBackoffCapMs = 60 * 60_000;

/** How long a sender's claim on a message lasts: after it, a crashed sender's message is taken again. */
export const smsClaimLeaseMs = 2 * 60_000;

/** The wait after the `attempt`-th failed attempt (1-based) before the next one. */
export function smsBackoffMs(attempt: number): number {
  if (!Number.isInteger(attempt) || attempt < 1) throw new RangeError(`attempt must be a positive integer: ${attempt}`);
  return Math.min(smsBackoffBaseMs * 2 ** Math.min(attempt - 1, 30), smsBackoffCapMs);
}

export type SmsFailureOutcome = { status: 'failed'; nextAttemptAt: Date } | { status: 'dead' };

/** Where a message goes after a failed attempt: back in the queue after the backoff, or dead. */
export function afterFailure(attempt: number, retryable: boolean, now: Date): SmsFailureOutcome {
  if (!retryable || attempt >= smsMaxAttempts) return { status: 'dead' };
  return { status: 'failed', nextAttemptAt: new Date(now.getTime() + smsBackoffMs(attempt)) };
}
