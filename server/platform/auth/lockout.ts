import { recordAudit } from '../audit/audit.ts';
import type { Ctx } from '../context.ts';
import { tx } from '../db/tx.ts';
import { AppError } from '../http/app-error.ts';
import { claimFailureSlot, clearFailures, countSessionMfaFailure, lockAccount } from './lockout.store.ts';
import type { SessionRow } from './sessions.store.ts';
import { deleteSession } from './sessions.store.ts';
import { countFailure, failuresFrom } from './throttle.store.ts';
import type { UserRow } from './users.store.ts';

/**
 * 登录失败处理 (等保 L3-CES1-01 b), one rule for every credential: the password at sign-in, the one-time code of
 * the MFA step and the current password on a password change all count against the same account (failed_logins
 * → locked_until, the policy's threshold and minutes) and the same per-address window (login_throttle).
 */

/** The start of the per-address window that counts failures now. */
export function addressWindowStart(ctx: Ctx): Date {
  return new Date(ctx.clock().getTime() - ctx.security.ipWindowMinutes * 60_000);
}

/** A flood from one address answers 429 before any credential is looked at (audited as `ip_throttled`). */
export async function refuseThrottledAddress(
  ctx: Ctx,
  event: { eventType: string; action: string; userId?: string },
): Promise<void> {
  if ((await failuresFrom(ctx.db, ctx.countyCode, ctx.ip, addressWindowStart(ctx))) < ctx.security.ipFailureLimit)
    return;
  await tx(ctx, (t) =>
    recordAudit(t, {
      eventType: event.eventType,
      action: event.action,
      outcome: 'failure',
      reasonCode: 'ip_throttled',
      ...(event.userId ? { objectType: 'user', objectId: event.userId } : {}),
    }),
  );
  throw new AppError(429, 'rate_limited', 'error.rate_limited');
}

/** Counts one failure from the caller's address (inside the caller's transaction). */
export async function countAddressFailure(t: Ctx): Promise<void> {
  await countFailure(t.db, t.countyCode, t.ip, t.clock(), addressWindowStart(t));
}

/** Locks the account for the policy's minutes, audited with what caused it. */
export async function lockAfterFailures(t: Ctx, userId: string, cause: string): Promise<void> {
  const minutes = t.security.policy.lockoutMinutes;
  await lockAccount(t.db, t.countyCode, userId, new Date(t.clock().getTime() + minutes * 60_000));
  await recordAudit(t, {
    eventType: 'auth.lock',
    action: 'lock',
    objectType: 'user',
    objectId: userId,
    details: { minutes, cause },
  });
}

/** The account is locked: the session that was checking a credential has been ended; sign in again later. */
export const lockedOut = (minutes: number) => new AppError(401, 'locked_out', 'auth.locked_out', { minutes });
/** This pending sign-in used up its codes and has been ended (the account itself may still be open). */
export const attemptsExhausted = () => new AppError(401, 'attempts_exhausted', 'auth.attempts_exhausted');

export interface GuardedCredential {
  /** How the check is audited: 'auth.mfa'/'verify', 'auth.password'/'change'. */
  eventType: string;
  action: string;
  /** The field a wrong answer is reported on, and its message. */
  field: string;
  wrongMessage: string;
  /** Also count wrong answers on the session itself (a pending sign-in's codes). */
  perSession: boolean;
}

export type CheckOutcome = { ok: true } | { ok: false; reasonCode: string };

/**
 * Checks a credential that a signed-in session presents, under the rule: 429 for a throttled address; a failure
 * slot is taken first (so parallel guesses cannot outrun the count); a locked account ends the session; a wrong
 * answer is audited and counted, and the one that reaches the threshold locks the account and ends the session.
 * Returns when the credential is right (its slot given back).
 */
export async function checkGuardedCredential(
  ctx: Ctx,
  session: { row: SessionRow; user: UserRow },
  spec: GuardedCredential,
  check: () => Promise<CheckOutcome> | CheckOutcome,
): Promise<void> {
  const { user, row } = session;
  await refuseThrottledAddress(ctx, { eventType: spec.eventType, action: spec.action, userId: user.id });
  const { lockoutThreshold: threshold, lockoutMinutes } = ctx.security.policy;
  const slot = await claimFailureSlot(ctx.db, ctx.countyCode, user.id, ctx.clock(), threshold);
  const outcome: CheckOutcome = slot === null ? { ok: false, reasonCode: 'locked' } : await check();
  if (outcome.ok && (await clearFailures(ctx.db, ctx.countyCode, user.id, ctx.clock()))) return;
  const reasonCode = outcome.ok ? 'locked' : outcome.reasonCode;
  const ending = await tx(ctx, async (t) => {
    await countAddressFailure(t);
    const locks = reasonCode !== 'locked' && slot !== null && slot >= threshold;
    if (locks) await lockAfterFailures(t, user.id, spec.eventType);
    const sessionFailures =
      spec.perSession && reasonCode !== 'locked' ? await countSessionMfaFailure(t.db, t.countyCode, row.tokenHash) : 0;
    const ends = reasonCode === 'locked' || locks ? 'locked' : sessionFailures >= threshold ? 'exhausted' : null;
    if (ends) await deleteSession(t.db, t.countyCode, row.tokenHash);
    await recordAudit(t, {
      eventType: spec.eventType,
      action: spec.action,
      outcome: 'failure',
      reasonCode,
      objectType: 'user',
      objectId: user.id,
      details: {
        ...(slot === null ? {} : { failures: slot }),
        ...(spec.perSession ? { sessionFailures } : {}),
        sessionEnded: ends !== null,
      },
    });
    return ends;
  });
  if (ending === 'locked') throw lockedOut(lockoutMinutes);
  if (ending === 'exhausted') throw attemptsExhausted();
  throw AppError.field(spec.field, spec.wrongMessage);
}
