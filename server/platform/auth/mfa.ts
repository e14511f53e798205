import { recordAudit } from '../audit/audit.ts';
import type { Ctx } from '../context.ts';
import { tx } from '../db/tx.ts';
import { AppError } from '../http/app-error.ts';
import { columnContext, decryptField, encryptField } from '../pii/field-crypto.ts';
import { type CheckOutcome, checkGuardedCredential } from './lockout.ts';
import type { SessionRow } from './sessions.store.ts';
import { type OpenedSession, rotateSession } from './sessions.ts';
import { matchTotpStep, newTotpSecret, totpUri } from './totp.ts';
import { acceptMfaStep, type UserRow, updateUser } from './users.store.ts';

const secretContext = columnContext('app_user', 'mfa_secret_enc');

/** Starts enrolment: a new secret, kept encrypted until the user proves a code from it. */
export async function startMfaEnrolment(ctx: Ctx, user: UserRow): Promise<{ secret: string; uri: string }> {
  if (user.mfaEnabledAt) throw AppError.field('code', 'auth.mfa_already_enabled');
  const secret = newTotpSecret();
  await tx(ctx, async (t) => {
    await updateUser(t.db, t.countyCode, user.id, {
      mfaSecretEnc: encryptField(t.keyring, secret, secretContext),
      updatedAt: t.clock(),
    });
    await recordAudit(t, { eventType: 'auth.mfa', action: 'enrol_start', objectType: 'user', objectId: user.id });
  });
  return { secret, uri: totpUri(secret, user.loginId) };
}

const verifyRule = {
  eventType: 'auth.mfa',
  action: 'verify',
  field: 'code',
  wrongMessage: 'auth.mfa_code_wrong',
  perSession: true,
};

/**
 * Finishes enrolment (the pending secret) or passes the MFA step of this session (the enabled secret), and
 * answers with the session's successor (a new token: the privilege changed). Codes of the MFA step are counted
 * like passwords (登录失败处理, lockout.ts): an attacker who has the password gets at most the lockout threshold
 * of guesses. Enrolment codes are not: they prove a secret the caller was just shown, so guessing them gains
 * nothing, and a fumbling new user should not lock themselves out.
 */
export async function proveMfaCode(
  ctx: Ctx,
  session: { row: SessionRow; user: UserRow },
  code: string,
  enrolling: boolean,
): Promise<OpenedSession> {
  const { user } = session;
  if (!user.mfaSecretEnc)
    throw AppError.field('code', enrolling ? 'auth.mfa_no_pending_secret' : 'auth.mfa_not_enrolled');
  if (enrolling === (user.mfaEnabledAt !== null))
    throw AppError.field('code', enrolling ? 'auth.mfa_already_enabled' : 'auth.mfa_not_enrolled');
  const secret = decryptField(ctx.keyring, user.mfaSecretEnc, secretContext);
  const now = ctx.clock();
  let step: number | null = null;
  const judge = async (): Promise<CheckOutcome> => {
    step = matchTotpStep(secret, code, now);
    if (step === null) return { ok: false, reasonCode: 'code_wrong' };
    // A step at or before the last accepted one is a replayed code; taking the step is atomic, so it is single-use.
    return (await acceptMfaStep(ctx.db, ctx.countyCode, user.id, step, now, enrolling))
      ? { ok: true }
      : { ok: false, reasonCode: 'code_replayed' };
  };
  if (enrolling) {
    const outcome = await judge();
    if (!outcome.ok) {
      await tx(ctx, (t) =>
        recordAudit(t, {
          eventType: 'auth.mfa',
          action: 'enrol',
          outcome: 'failure',
          reasonCode: outcome.reasonCode,
          objectType: 'user',
          objectId: user.id,
        }),
      );
      throw AppError.field('code', 'auth.mfa_code_wrong');
    }
  } else {
    await checkGuardedCredential(ctx, session, verifyRule, judge);
  }
  return tx(ctx, async (t) => {
    const next = await rotateSession(t, session.row, { mfaPassed: true });
    // The sign-in is complete only now (sign-in.ts leaves last_login_at to this step when a code is due).
    await updateUser(t.db, t.countyCode, user.id, { lastLoginAt: now });
    await recordAudit(t, {
      eventType: 'auth.mfa',
      action: enrolling ? 'enrol' : 'verify',
      objectType: 'user',
      objectId: user.id,
    });
    return next;
  });
}
