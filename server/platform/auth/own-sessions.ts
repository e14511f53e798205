import type { FastifyRequest } from 'fastify';
import { recordAudit } from '../audit/audit.ts';
import type { Ctx } from '../context.ts';
import { tx } from '../db/tx.ts';
import { AppError } from '../http/app-error.ts';
import { deleteSession, deleteSessionByPublicId, listSessionsOfUser } from './sessions.store.ts';

/** The cookie session behind a request (see identity.ts). */
export type RequestSession = NonNullable<FastifyRequest['session']>;

/** Ends the caller's own session (sign-out), audited. */
export async function endOwnSession(ctx: Ctx, session: RequestSession): Promise<void> {
  await tx(ctx, async (t) => {
    await deleteSession(t.db, t.countyCode, session.row.tokenHash);
    await recordAudit(t, { eventType: 'auth.logout', action: 'logout', objectType: 'user', objectId: session.user.id });
  });
}

/** The caller's sessions, marking the one this request came with. */
export async function listOwnSessions(ctx: Ctx, session: RequestSession) {
  const rows = await listSessionsOfUser(ctx.db, ctx.countyCode, session.user.id);
  return rows.map((row) => ({
    id: row.publicId,
    current: row.tokenHash === session.row.tokenHash,
    createdAt: row.createdAt.toISOString(),
    lastSeenAt: row.lastSeenAt.toISOString(),
    expiresAt: row.absoluteExpiresAt.toISOString(),
    sourceIp: row.sourceIp,
    userAgent: row.userAgent,
  }));
}

/** Ends another of the caller's sessions by its public id, audited; 404 when the caller has no such session. */
export async function revokeOwnSession(ctx: Ctx, session: RequestSession, publicId: string): Promise<void> {
  await tx(ctx, async (t) => {
    if (!(await deleteSessionByPublicId(t.db, t.countyCode, session.user.id, publicId)))
      throw AppError.notFound('what.session');
    await recordAudit(t, { eventType: 'auth.session', action: 'revoke', objectType: 'session', objectId: publicId });
  });
}
