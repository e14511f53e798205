import type {} from '@fastify/cookie';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { recordAuditOutside } from '../audit/audit.ts';
import type { Actor, Ctx } from '../context.ts';
import { AppError } from '../http/app-error.ts';
import { apiKeyActor } from './api-key-actor.ts';
import { type AuthSettings, sessionCookieName } from './auth-config.ts';
import { type PendingStep, pendingStepOf, permissionsOf } from './permissions-of.ts';
import { deleteSession, findSessionWithUser, type SessionRow, touchSession } from './sessions.store.ts';
import { tokenHash } from './tokens.ts';
import type { UserRow } from './users.store.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Sign-in only: it creates the session, so there is no token to present yet (SameSite=Strict + JSON guard it). */
    csrfExempt?: boolean;
  }
  interface FastifyRequest {
    /** The cookie session behind `ctx.actor`, when the caller signed in with one. */
    session: { row: SessionRow; user: UserRow; pending: PendingStep | null } | null;
  }
}

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);
/** Writing last_seen_at on every request would double the writes; a minute of slack does not change timeouts. */
const touchEveryMs = 60_000;

/** Resolves the caller (session cookie or API key) into `ctx.actor` before validation and the access guard. */
export function installIdentity(app: FastifyInstance, settings: AuthSettings): void {
  app.decorateRequest('session', null);
  app.addHook('onRequest', async (request, reply) => {
    const bearer = bearerToken(request);
    if (bearer) return authenticateApiKey(request, bearer);
    const token = request.cookies?.[sessionCookieName(settings)];
    if (!token) return;
    const resolved = await resolveSession(request.ctx, token);
    if (!resolved) {
      clearSessionCookie(reply, settings);
      return;
    }
    request.session = resolved.session;
    request.ctx = { ...request.ctx, actor: resolved.actor };
    const exempt = safeMethods.has(request.method) || request.routeOptions.config?.csrfExempt === true;
    if (!exempt && request.headers['x-csrf-token'] !== resolved.session.row.csrfToken) {
      await recordAuditOutside(request.ctx, {
        eventType: 'access.csrf',
        action: request.method,
        outcome: 'failure',
        reasonCode: 'csrf_mismatch',
      });
      throw new AppError(403, 'csrf_failed', 'auth.csrf_failed');
    }
  });
}

function bearerToken(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  return header?.startsWith('Bearer ') ? header.slice(7).trim() : null;
}

async function authenticateApiKey(request: FastifyRequest, key: string): Promise<void> {
  const actor = await apiKeyActor(request.ctx, key);
  if (!actor) throw new AppError(401, 'invalid_api_key', 'auth.invalid_api_key');
  request.ctx = { ...request.ctx, actor };
}

/** A live session and its actor; an expired, idle or orphaned session is deleted (logout = the row is gone). */
async function resolveSession(ctx: Ctx, token: string) {
  const hash = tokenHash(token);
  const found = await findSessionWithUser(ctx.db, ctx.countyCode, hash);
  if (!found) return null;
  const { session: row, user, roles } = found;
  const now = ctx.clock();
  const idleExpired = now.getTime() - row.lastSeenAt.getTime() > row.idleMinutes * 60_000;
  const usable = user !== undefined && user.status === 'active' && (user.expiresAt === null || user.expiresAt > now);
  if (idleExpired || now >= row.absoluteExpiresAt || !usable) {
    await deleteSession(ctx.db, ctx.countyCode, hash);
    return null;
  }
  const pending = pendingStepOf(user, roles, row.mfaPassed, ctx.security.policy, now);
  if (now.getTime() - row.lastSeenAt.getTime() > touchEveryMs) await touchSession(ctx.db, ctx.countyCode, hash, now);
  const actor: Actor = {
    kind: 'user',
    id: user.id,
    username: user.loginId,
    displayName: user.displayName,
    roles: roles.map((r) => r.key),
    permissions: permissionsOf(roles, pending),
    scopeRegion: user.scopeRegion,
    department: user.department,
    sessionId: row.publicId,
  };
  return { actor, session: { row, user, pending } };
}

export function setSessionCookie(
  reply: FastifyReply,
  settings: AuthSettings,
  token: string,
  maxAgeSeconds: number,
): void {
  reply.setCookie(sessionCookieName(settings), token, {
    path: '/',
    httpOnly: true,
    secure: settings.secureCookies,
    sameSite: 'strict',
    maxAge: maxAgeSeconds,
  });
}

export function clearSessionCookie(reply: FastifyReply, settings: AuthSettings): void {
  reply.clearCookie(sessionCookieName(settings), {
    path: '/',
    httpOnly: true,
    secure: settings.secureCookies,
    sameSite: 'strict',
  });
}
