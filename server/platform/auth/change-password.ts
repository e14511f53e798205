import { recordAudit } from '../audit/audit.ts';
import type { Ctx } from '../context.ts';
import { tx } from '../db/tx.ts';
import { AppError } from '../http/app-error.ts';
import { checkGuardedCredential } from './lockout.ts';
import { type PasswordPolicy, type PasswordProblem, validatePassword } from './password-policy.ts';
import { hashPassword, verifyPassword } from './passwords.ts';
import { deleteSessionsOfUser, type SessionRow } from './sessions.store.ts';
import { type OpenedSession, rotateSession } from './sessions.ts';
import { type UserRow, updateUser } from './users.store.ts';

/** The policy's problems as one field error on `field`, with the numbers the message needs. */
export function passwordFieldError(field: string, problems: PasswordProblem[], policy: PasswordPolicy): AppError {
  return AppError.field(field, problems[0]!, { min: policy.minLength, max: policy.maxLength, classes: policy.minClasses });
}

/** Checks the policy and the history, then stores the new hash; returns what the history should become. */
export async function nextPasswordState(user: UserRow, password: string, policy: PasswordPolicy, field: string) {
  const problems = validatePassword(password, policy, { loginId: user.loginId, displayName: user.displayName });
  if (problems.length > 0) throw passwordFieldError(field, problems, policy);
  const previous = [user.passwordHash, ...user.passwordHistory].filter((h): h is string => !!h).slice(0, policy.historyCount);
  for (const old of previous) {
    if (await verifyPassword(old, password)) throw AppError.field(field, 'auth.password_reused', { count: policy.historyCount });
  }
  return { passwordHash: await hashPassword(password), passwordHistory: previous.slice(0, Math.max(0, policy.historyCount - 1)) };
}

const currentPasswordRule = { eventType: 'auth.password', action: 'change', field: 'currentPassword', wrongMessage: 'auth.current_password_wrong', perSession: false };

/**
 * Changes one's own password. The current password is a credential like the one at sign-in: wrong ones count
 * toward the same lock (登录失败处理, lockout.ts), and the session that reaches it, or that tries while the
 * account is locked, is ended — a stolen session cannot be used to guess the password behind it. The session
 * is rotated (its privileges changed) and the others end unless the user keeps them.
 */
export async function changeOwnPassword(
  ctx: Ctx,
  session: { row: SessionRow; user: UserRow },
  input: { currentPassword: string; newPassword: string; signOutOtherSessions?: boolean | undefined },
): Promise<OpenedSession> {
  const { user } = session;
  await checkGuardedCredential(ctx, session, currentPasswordRule, async () =>
    user.passwordHash && (await verifyPassword(user.passwordHash, input.currentPassword)) ? { ok: true } : { ok: false, reasonCode: 'current_wrong' },
  );
  const next = await nextPasswordState(user, input.newPassword, ctx.security.policy, 'newPassword');
  return tx(ctx, async (t) => {
    const now = t.clock();
    await updateUser(t.db, t.countyCode, user.id, { ...next, passwordChangedAt: now, mustChangePassword: false, updatedAt: now });
    const ended = input.signOutOtherSessions === false ? 0 : await deleteSessionsOfUser(t.db, t.countyCode, user.id, session.row.tokenHash);
    const rotated = await rotateSession(t, session.row);
    await recordAudit(t, { eventType: 'auth.password', action: 'change', objectType: 'user', objectId: user.id, details: { endedSessions: ended } });
    return rotated;
  });
}
