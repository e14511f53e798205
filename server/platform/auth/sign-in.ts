import { recordAudit } from '../audit/audit.ts';
import type { Ctx } from '../context.ts';
import { tx } from '../db/tx.ts';
import { AppError } from '../http/app-error.ts';
import { burnVerifyTime, verifyPassword } from './passwords.ts';
import { pendingStepOf } from './permissions-of.ts';
import { rolesOfUser } from './roles.store.ts';
import { openSession } from './sessions.ts';
import { deleteSession } from './sessions.store.ts';
import { countFailure, failuresFrom } from './throttle.store.ts';
import { tokenHash } from './tokens.ts';
import { findUserByLogin, updateUser, type UserRow } from './users.store.ts';

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
  const windowStart = new Date(now.getTime() - ctx.security.ipWindowMinutes * 60_000);
  if ((await failuresFrom(ctx.db, ctx.countyCode, ctx.ip, windowStart)) >= ctx.security.ipFailureLimit) {
    await tx(ctx, (t) => recordAudit(t, { eventType: 'auth.login', action: 'login', outcome: 'failure', reasonCode: 'ip_throttled' }));
    throw new AppError(429, 'rate_limited', 'error.rate_limited');
  }
  const user = await findUserByLogin(ctx.db, ctx.countyCode, input.loginId);
  const problem = await refusalReason(user, input.password, now);
  if (problem) {
    await recordFailure(ctx, user, problem, now, windowStart);
    throw refused();
  }
  return tx(ctx, async (t) => {
    const account = user!;
    await updateUser(t.db, t.countyCode, account.id, { failedLogins: 0, lockedUntil: null, lastLoginAt: now });
    if (input.previousToken) await deleteSession(t.db, t.countyCode, tokenHash(input.previousToken));
    const roles = await rolesOfUser(t.db, t.countyCode, account.id);
    const session = await openSession(t, account.id, roles);
    const signedIn = { ...t, actor: { kind: 'user' as const, id: account.id, username: account.loginId, displayName: account.displayName, roles: roles.map((r) => r.key), permissions: new Set<string>(), scopeRegion: account.scopeRegion, department: account.department, sessionId: session.row.publicId } };
    await recordAudit(signedIn, { eventType: 'auth.login', action: 'login', objectType: 'user', objectId: account.id });
    const pending = pendingStepOf(account, roles, false, t.security.policy, now);
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

async function recordFailure(ctx: Ctx, user: UserRow | undefined, reason: Refusal, now: Date, windowStart: Date): Promise<void> {
  await tx(ctx, async (t) => {
    await countFailure(t.db, t.countyCode, t.ip, now, windowStart);
    const details: Record<string, unknown> = {};
    if (user && reason === 'password_wrong') {
      const failures = user.failedLogins + 1;
      const locks = failures >= t.security.policy.lockoutThreshold;
      const lockedUntil = locks ? new Date(now.getTime() + t.security.policy.lockoutMinutes * 60_000) : user.lockedUntil;
      await updateUser(t.db, t.countyCode, user.id, { failedLogins: locks ? 0 : failures, lockedUntil });
      details.failures = failures;
      if (locks) {
        await recordAudit(t, { eventType: 'auth.lock', action: 'lock', objectType: 'user', objectId: user.id, details: { minutes: t.security.policy.lockoutMinutes } });
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
