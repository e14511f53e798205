import { recordAudit } from '../audit/audit.ts';
import type { Ctx } from '../context.ts';
import { tx } from '../db/tx.ts';
import { AppError } from '../http/app-error.ts';
import { decryptColumnValue } from '../pii/column-crypto.ts';
import { checkGuardedCredential } from './lockout.ts';
import { judgePassword, type PasswordPolicy, type PasswordVerdict, type PersonalWords } from './password-policy.ts';
import { hashPassword, verifyPassword } from './passwords.ts';
import { deleteSessionsOfUser, type SessionRow } from './sessions.store.ts';
import { type OpenedSession, rotateSession } from './sessions.ts';
import { type UserRow, updateUser } from './users.store.ts';

/** The verdict's first problem as one field error on `field`, with the numbers and the hint the message needs. */
export function passwordFieldError(field: string, verdict: PasswordVerdict, policy: PasswordPolicy): AppError {
  return AppError.field(field, verdict.problems[0]!, {
    min: policy.minLength,
    max: policy.maxLength,
    classes: policy.minClasses,
    ...(verdict.hint ? { hint: verdict.hint } : {}),
  });
}

/** What the person's password must not be built from: their login, name and (decrypted here only) phone. */
export function personalWordsOf(ctx: Ctx, user: UserRow): PersonalWords {
  const phone = user.phoneEnc ? decryptColumnValue(ctx.keyring, 'app_user', 'phone_enc', user.phoneEnc) : undefined;
  return { loginId: user.loginId, displayName: user.displayName, phone };
}

/** Checks the policy and the history, then hashes; returns the new hash and what the history should become. */
export async function nextPasswordState(ctx: Ctx, user: UserRow, password: string, field: string) {
  const policy = ctx.security.policy;
  const verdict = judgePassword(password, policy, personalWordsOf(ctx, user));
  if (verdict.problems.length > 0) throw passwordFieldError(field, verdict, policy);
  const previous = [user.passwordHash, ...user.passwordHistory]
    .filter((h): h is string => !!h)
    .slice(0, policy.historyCount);
  for (const old of previous) {
    if (await verifyPassword(old, password))
      throw AppError.field(field, 'auth.password_reused', { count: policy.historyCount });
  }
  return {
    passwordHash: await hashPassword(password),
    passwordHistory: previous.slice(0, Math.max(0, policy.historyCount - 1)),
  };
}

const currentPasswordRule = {
  eventType: 'auth.password',
  action: 'change',
  field: 'currentPassword',
  wrongMessage: 'auth.current_password_wrong',
  perSession: false,
};

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
    user.passwordHash && (await verifyPassword(user.passwordHash, input.currentPassword))
      ? { ok: true }
      : { ok: false, reasonCode: 'current_wrong' },
  );
  const next = await nextPasswordState(ctx, user, input.newPassword, 'newPassword');
  return tx(ctx, async (t) => {
    const now = t.clock();
    await updateUser(t.db, t.countyCode, user.id, {
      ...next,
      passwordChangedAt: now,
      mustChangePassword: false,
      updatedAt: now,
    });
    const ended =
      input.signOutOtherSessions === false
        ? 0
        : await deleteSessionsOfUser(t.db, t.countyCode, user.id, session.row.tokenHash);
    const rotated = await rotateSession(t, session.row);
    await recordAudit(t, {
      eventType: 'auth.password',
      action: 'change',
      objectType: 'user',
      objectId: user.id,
      details: { endedSessions: ended },
    });
    return rotated;
  });
}
