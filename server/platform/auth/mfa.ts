import { recordAudit } from '../audit/audit.ts';
import type { Ctx } from '../context.ts';
import { tx } from '../db/tx.ts';
import { AppError } from '../http/app-error.ts';
import { columnContext, decryptField, encryptField } from '../pii/field-crypto.ts';
import { markMfaPassed } from './sessions.store.ts';
import { matchTotpStep, newTotpSecret, totpUri } from './totp.ts';
import { type UserRow, updateUser } from './users.store.ts';

const secretContext = columnContext('app_user', 'mfa_secret_enc');

/** Starts enrolment: a new secret, kept encrypted until the user proves a code from it. */
export async function startMfaEnrolment(ctx: Ctx, user: UserRow): Promise<{ secret: string; uri: string }> {
  if (user.mfaEnabledAt) throw AppError.field('code', 'auth.mfa_already_enabled');
  const secret = newTotpSecret();
  await tx(ctx, async (t) => {
    await updateUser(t.db, t.countyCode, user.id, { mfaSecretEnc: encryptField(t.keyring, secret, secretContext), updatedAt: t.clock() });
    await recordAudit(t, { eventType: 'auth.mfa', action: 'enrol_start', objectType: 'user', objectId: user.id });
  });
  return { secret, uri: totpUri(secret, user.loginId) };
}

/** Finishes enrolment (the pending secret) or passes the MFA step of this session (the enabled secret). */
export async function proveMfaCode(ctx: Ctx, user: UserRow, sessionTokenHash: string, code: string, enrolling: boolean): Promise<void> {
  if (!user.mfaSecretEnc) throw AppError.field('code', enrolling ? 'auth.mfa_no_pending_secret' : 'auth.mfa_not_enrolled');
  if (enrolling === (user.mfaEnabledAt !== null)) throw AppError.field('code', enrolling ? 'auth.mfa_already_enabled' : 'auth.mfa_not_enrolled');
  const secret = decryptField(ctx.keyring, user.mfaSecretEnc, secretContext);
  const now = ctx.clock();
  const step = matchTotpStep(secret, code, now);
  // A step at or before the last accepted one is a replayed code.
  const accepted = step !== null && (user.mfaLastStep === null || step > user.mfaLastStep);
  await tx(ctx, async (t) => {
    if (accepted) {
      await updateUser(t.db, t.countyCode, user.id, { mfaLastStep: step, ...(enrolling ? { mfaEnabledAt: now } : {}), updatedAt: now });
      await markMfaPassed(t.db, t.countyCode, sessionTokenHash);
    }
    await recordAudit(t, {
      eventType: 'auth.mfa',
      action: enrolling ? 'enrol' : 'verify',
      outcome: accepted ? 'success' : 'failure',
      objectType: 'user',
      objectId: user.id,
      ...(accepted ? {} : { reasonCode: step === null ? 'code_wrong' : 'code_replayed' }),
    });
  });
  if (!accepted) throw AppError.field('code', 'auth.mfa_code_wrong');
}
