import { recordAudit } from '../audit/audit.ts';
import type { Ctx } from '../context.ts';
import { tx } from '../db/tx.ts';
import { AppError } from '../http/app-error.ts';
import { clearFailures, countFailureAndLock, isLocked } from './lockout.store.ts';
import { countAddressFailure, refuseThrottledAddress } from './lockout.ts';
import { burnVerifyTime, verifyPassword } from './passwords.ts';
import { pendingStepOf } from './permissions-of.ts';
import { rolesOfUser } from './roles.store.ts';
import { deleteSession } from './sessions.store.ts';
import { openSession } from './sessions.ts';
import { tokenHash } from './tokens.ts';
import { findUserByLogin, type UserRow, updateUser } from './users.store.ts';

export interface SignInInput {
  loginId: string;
  password: string;
  /** The session token the browser still held, replaced by the new one (rotation at sign-in, AUTH-04). */
  previousToken?: string | undefined;
}

/**
 * One message for every refusal — unknown account, wrong password, locked, disabled or expired — so a caller
 * cannot learn which accounts exist or which are locked (AUTH-03).
 */
const refused = () => new AppError(401, 'invalid_credentials', 'auth.invalid_credentials');

export async function signIn(ctx: Ctx, input: SignInInput) {
  const now = ctx.clock();
  await refuseThrottledAddress(ctx, { eventType: 'auth.login', action: 'login' });
  const user = await findUserByLogin(ctx.db, ctx.countyCode, input.loginId);
  const problem = await refusalReason(user, input.password, now);
  if (problem) {
    await recordFailure(ctx, user, problem);
    throw refused();
  }
  const account = user!;
  const roles = await rolesOfUser(ctx.db, ctx.countyCode, account.id);
  const pending = pendingStepOf(account, roles, false, ctx.security.policy, now);
  // The count of failures starts again only once the sign-in is complete: a password followed by wrong codes
  // must not be able to reset it by signing in again (MFA brute force, issue #9 item 1).
  const unlocked =
    pending === 'mfa'
      ? !(await isLocked(ctx.db, ctx.countyCode, account.id, now))
      : await clearFailures(ctx.db, ctx.countyCode, account.id, now);
  if (!unlocked) {
    // A lock set by a parallel failure after this password was checked still wins.
    await recordFailure(ctx, account, 'locked');
    throw refused();
  }
  return tx(ctx, async (t) => {
    // A password alone does not count as a sign-in where a second factor follows: it is recorded when the code is
    // proved (mfa.ts), so a stolen password cannot keep a dormant account alive against AC-05's inactivity rule.
    if (pending !== 'mfa') await updateUser(t.db, t.countyCode, account.id, { lastLoginAt: now });
    if (input.previousToken) await deleteSession(t.db, t.countyCode, tokenHash(input.previousToken));
    const session = await openSession(t, account.id, roles);
    const signedIn = {
      ...t,
      actor: {
        kind: 'user' as const,
        id: account.id,
        username: account.loginId,
        displayName: account.displayName,
        roles: roles.map((r) => r.key),
        permissions: new Set<string>(),
        scopeRegion: account.scopeRegion,
        department: account.department,
        sessionId: session.row.publicId,
      },
    };
    await recordAudit(signedIn, { eventType: 'auth.login', action: 'login', objectType: 'user', objectId: account.id });
    return { user: account, roles, session, pending };
  });
}

type Refusal = 'unknown_user' | 'locked' | 'disabled' | 'expired' | 'no_password' | 'password_wrong';

async function refusalReason(user: UserRow | undefined, password: string, now: Date): Promise<Refusal | null> {
  if (!user?.passwordHash) {
    await burnVerifyTime(password);
    return user ? 'no_password' : 'unknown_user';
  }
  // The password is checked even for a locked account, so a lock cannot be detected by timing either.
  const matches = await verifyPassword(user.passwordHash, password);
  if (user.lockedUntil && user.lockedUntil > now) return 'locked';
  if (user.status !== 'active') return 'disabled';
  if (user.expiresAt && user.expiresAt <= now) return 'expired';
  return matches ? null : 'password_wrong';
}

async function recordFailure(ctx: Ctx, user: UserRow | undefined, reason: Refusal): Promise<void> {
  await tx(ctx, async (t) => {
    await countAddressFailure(t);
    const details: Record<string, unknown> = {};
    if (user && reason === 'password_wrong') {
      const { lockoutThreshold, lockoutMinutes } = t.security.policy;
      const counted = await countFailureAndLock(
        t.db,
        t.countyCode,
        user.id,
        lockoutThreshold,
        new Date(t.clock().getTime() + lockoutMinutes * 60_000),
      );
      details.failures = counted.failures;
      if (counted.locked) {
        await recordAudit(t, {
          eventType: 'auth.lock',
          action: 'lock',
          objectType: 'user',
          objectId: user.id,
          details: { minutes: lockoutMinutes, cause: 'auth.login' },
        });
      }
    }
    await recordAudit(t, {
      eventType: 'auth.login',
      action: 'login',
      outcome: 'failure',
      reasonCode: reason,
      ...(user ? { objectType: 'user', objectId: user.id } : {}),
      details,
    });
  });
}
