import { recordAudit } from '../audit/audit.ts';
import type { Ctx } from '../context.ts';
import { tx } from '../db/tx.ts';
import { AppError } from '../http/app-error.ts';
import { hashPassword, verifyPassword } from './passwords.ts';
import { type PasswordPolicy, type PasswordProblem, validatePassword } from './password-policy.ts';
import { deleteSessionsOfUser } from './sessions.store.ts';
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

export async function changeOwnPassword(
  ctx: Ctx,
  user: UserRow,
  input: { currentPassword: string; newPassword: string; signOutOtherSessions?: boolean | undefined },
  keepSessionHash: string,
): Promise<void> {
  if (!user.passwordHash || !(await verifyPassword(user.passwordHash, input.currentPassword))) {
    await tx(ctx, (t) =>
      recordAudit(t, { eventType: 'auth.password', action: 'change', outcome: 'failure', reasonCode: 'current_wrong', objectType: 'user', objectId: user.id }),
    );
    throw AppError.field('currentPassword', 'auth.current_password_wrong');
  }
  const next = await nextPasswordState(user, input.newPassword, ctx.security.policy, 'newPassword');
  await tx(ctx, async (t) => {
    const now = t.clock();
    await updateUser(t.db, t.countyCode, user.id, { ...next, passwordChangedAt: now, mustChangePassword: false, updatedAt: now });
    const ended = input.signOutOtherSessions === false ? 0 : await deleteSessionsOfUser(t.db, t.countyCode, user.id, keepSessionHash);
    await recordAudit(t, { eventType: 'auth.password', action: 'change', objectType: 'user', objectId: user.id, details: { endedSessions: ended } });
  });
}
