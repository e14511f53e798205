import type { Ctx } from '../context.ts';
import { idleMinutesOf } from './permissions-of.ts';
import type { RoleRow } from './roles.store.ts';
import { insertSession, type SessionRow } from './sessions.store.ts';
import { newToken, tokenHash } from './tokens.ts';

/** Opens a session for the user (inside the caller's transaction); the token goes to the cookie only. */
export async function openSession(t: Ctx, userId: string, roles: readonly RoleRow[]): Promise<{ token: string; row: SessionRow }> {
  const token = newToken();
  const now = t.clock();
  const row: SessionRow = {
    regionCode: t.countyCode,
    tokenHash: tokenHash(token),
    publicId: newToken(9),
    userId,
    csrfToken: newToken(24),
    mfaPassed: false,
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

export function secondsLeft(row: SessionRow, now: Date): number {
  return Math.max(0, Math.floor((row.absoluteExpiresAt.getTime() - now.getTime()) / 1000));
}
