import type { Ctx } from '../context.ts';
import { AppError } from '../http/app-error.ts';
import { idleMinutesOf } from './permissions-of.ts';
import type { RoleRow } from './roles.store.ts';
import { insertSession, replaceSession, type SessionRow } from './sessions.store.ts';
import { newToken, tokenHash } from './tokens.ts';

export interface OpenedSession {
  /** Goes to the cookie only; the database keeps its hash. */
  token: string;
  row: SessionRow;
}

/** Opens a session for the user (inside the caller's transaction); the token goes to the cookie only. */
export async function openSession(t: Ctx, userId: string, roles: readonly RoleRow[]): Promise<OpenedSession> {
  const token = newToken();
  const now = t.clock();
  const row: SessionRow = {
    regionCode: t.countyCode,
    tokenHash: tokenHash(token),
    publicId: newToken(9),
    userId,
    csrfToken: newToken(24),
    mfaPassed: false,
    mfaFailures: 0,
    createdAt: now,
    lastSeenAt: now,
    idleMinutes: idleMinutesOf(roles),
    absoluteExpiresAt: new Date(now.getTime() + t.security.absoluteHours * 3_600_000),
    sourceIp: t.ip,
    userAgent: t.userAgent,
  };
  await insertSession(t.db, row);
  return { token, row };
}

/**
 * A new token and CSRF token for a session whose privileges just changed (MFA passed, authenticator enrolled,
 * password changed: ASVS 3.2.1, issue #9 item 10); the old token is dead from the commit on. The public id stays,
 * so the audit trail and the session list follow one sign-in; the absolute lifetime still counts from the
 * sign-in, so rotating never extends it.
 */
export async function rotateSession(
  t: Ctx,
  old: SessionRow,
  changes: Pick<Partial<SessionRow>, 'mfaPassed'> = {},
): Promise<OpenedSession> {
  const token = newToken();
  const row: SessionRow = {
    ...old,
    ...changes,
    tokenHash: tokenHash(token),
    csrfToken: newToken(24),
    mfaFailures: 0,
    lastSeenAt: t.clock(),
  };
  if (!(await replaceSession(t.db, old.tokenHash, row))) throw AppError.unauthenticated();
  return { token, row };
}

export function secondsLeft(row: SessionRow, now: Date): number {
  return Math.max(0, Math.floor((row.absoluteExpiresAt.getTime() - now.getTime()) / 1000));
}
