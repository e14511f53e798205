import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { recordAudit } from '../audit/audit.ts';
import { tx } from '../db/tx.ts';
import { AppError } from '../http/app-error.ts';
import { S } from '../http/schema.ts';
import type { AppDeps, TypedApp } from '../module.ts';
import {
  ChangePasswordBody,
  MeSchema,
  MfaCodeBody,
  MfaSetupSchema,
  SessionIdParams,
  SessionSchema,
  SignInBody,
} from './auth.schema.ts';
import { type AuthSettings, defaultAuthSettings, sessionCookieName } from './auth-config.ts';
import { changeOwnPassword } from './change-password.ts';
import { clearSessionCookie, setSessionCookie } from './identity.ts';
import { presentMe } from './me.presenter.ts';
import { proveMfaCode, startMfaEnrolment } from './mfa.ts';
import { pendingStepOf, permissionsOf } from './permissions-of.ts';
import { rolesOfUser } from './roles.store.ts';
import { deleteSession, deleteSessionByPublicId, listSessionsOfUser } from './sessions.store.ts';
import { type OpenedSession, secondsLeft } from './sessions.ts';
import { signIn } from './sign-in.ts';
import { findUserById } from './users.store.ts';

const tags = ['auth'];
const errors = { 400: S.error(), 401: S.error(), 403: S.error() };
const noContent = { 204: Type.Null({ description: 'Done' }), ...errors };
const rotatedAnswer = { 200: MeSchema, ...errors, 429: S.error() };

/** The signed-in session of a request whose route demanded a self.* permission (so there is one). */
function sessionOf(request: FastifyRequest) {
  if (!request.session) throw AppError.unauthenticated(); // an API key cannot use the account routes
  return request.session;
}

/** A step that changed the session's privileges answers with its successor: the new cookie, and who I am now. */
async function answerRotated(
  request: FastifyRequest,
  reply: FastifyReply,
  settings: AuthSettings,
  next: OpenedSession,
) {
  const ctx = request.ctx;
  const user = await findUserById(ctx.db, ctx.countyCode, next.row.userId);
  if (!user) throw AppError.unauthenticated();
  const roles = await rolesOfUser(ctx.db, ctx.countyCode, user.id);
  const pending = pendingStepOf(user, roles, next.row.mfaPassed, ctx.security.policy, ctx.clock());
  setSessionCookie(reply, settings, next.token, secondsLeft(next.row, ctx.clock()));
  return presentMe(
    { roles: roles.map((r) => r.key), permissions: permissionsOf(roles, pending) },
    user,
    next.row,
    pending,
    ctx.security.policy,
  );
}

/** A check that ended the session (locked out, codes used up) also tells the browser to forget its cookie. */
async function endingCookieOnLockout<T>(reply: FastifyReply, settings: AuthSettings, work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (error instanceof AppError && error.status === 401) clearSessionCookie(reply, settings);
    throw error;
  }
}

export function registerAuthRoutes(app: TypedApp, deps: AppDeps): void {
  const settings: AuthSettings = deps.security ?? defaultAuthSettings;

  app.post(
    '/api/auth/login',
    {
      config: { access: 'public', csrfExempt: true },
      schema: {
        tags,
        summary: 'Sign in with a user name and password',
        body: SignInBody,
        response: { 200: MeSchema, ...errors },
      },
    },
    async (request, reply) => {
      const previousToken = request.cookies[sessionCookieName(settings)];
      const result = await signIn(request.ctx, {
        loginId: request.body.username,
        password: request.body.password,
        previousToken,
      });
      setSessionCookie(reply, settings, result.session.token, secondsLeft(result.session.row, request.ctx.clock()));
      const actor = { roles: result.roles.map((r) => r.key), permissions: permissionsOf(result.roles, result.pending) };
      return presentMe(actor, result.user, result.session.row, result.pending, request.ctx.security.policy);
    },
  );

  app.post(
    '/api/auth/logout',
    { config: { access: 'public' }, schema: { tags, summary: 'End this session' } },
    async (request, reply) => {
      const session = request.session;
      if (session) {
        await tx(request.ctx, async (t) => {
          await deleteSession(t.db, t.countyCode, session.row.tokenHash);
          await recordAudit(t, {
            eventType: 'auth.logout',
            action: 'logout',
            objectType: 'user',
            objectId: session.user.id,
          });
        });
      }
      clearSessionCookie(reply, settings);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/auth/me',
    {
      config: { access: { permission: 'self.profile' } },
      schema: { tags, summary: 'Who am I, and what must I do first', response: { 200: MeSchema, ...errors } },
    },
    async (request) => {
      const session = sessionOf(request);
      return presentMe(request.ctx.actor!, session.user, session.row, session.pending, request.ctx.security.policy);
    },
  );

  app.post(
    '/api/auth/mfa/setup',
    {
      config: { access: { permission: 'self.mfa' } },
      schema: { tags, summary: 'Start authenticator enrolment', response: { 200: MfaSetupSchema, ...errors } },
    },
    async (request) => startMfaEnrolment(request.ctx, sessionOf(request).user),
  );

  for (const [url, enrolling] of [
    ['/api/auth/mfa/enable', true],
    ['/api/auth/mfa/verify', false],
  ] as const) {
    app.post(
      url,
      {
        config: { access: { permission: 'self.mfa' } },
        schema: {
          tags,
          summary: enrolling ? 'Finish enrolment with a code' : 'Pass the MFA step with a code',
          description: 'Answers the session after the step: a new session cookie and CSRF token replace the old ones.',
          body: MfaCodeBody,
          response: rotatedAnswer,
        },
      },
      async (request, reply) => {
        const session = sessionOf(request);
        const next = await endingCookieOnLockout(
          reply,
          settings,
          proveMfaCode(request.ctx, session, request.body.code, enrolling),
        );
        return answerRotated(request, reply, settings, next);
      },
    );
  }

  app.post(
    '/api/auth/password',
    {
      config: { access: { permission: 'self.password' } },
      schema: {
        tags,
        summary: 'Change my password',
        description: 'Answers the session after the change: a new session cookie and CSRF token replace the old ones.',
        body: ChangePasswordBody,
        response: rotatedAnswer,
      },
    },
    async (request, reply) => {
      const session = sessionOf(request);
      const next = await endingCookieOnLockout(reply, settings, changeOwnPassword(request.ctx, session, request.body));
      return answerRotated(request, reply, settings, next);
    },
  );

  app.get(
    '/api/auth/sessions',
    {
      config: { access: { permission: 'self.sessions' } },
      schema: { tags, summary: 'My sessions', response: { 200: Type.Array(SessionSchema), ...errors } },
    },
    async (request) => {
      const session = sessionOf(request);
      const rows = await listSessionsOfUser(request.ctx.db, request.ctx.countyCode, session.user.id);
      return rows.map((row) => ({
        id: row.publicId,
        current: row.tokenHash === session.row.tokenHash,
        createdAt: row.createdAt.toISOString(),
        lastSeenAt: row.lastSeenAt.toISOString(),
        expiresAt: row.absoluteExpiresAt.toISOString(),
        sourceIp: row.sourceIp,
        userAgent: row.userAgent,
      }));
    },
  );

  app.delete(
    '/api/auth/sessions/:id',
    {
      config: { access: { permission: 'self.sessions' } },
      schema: {
        tags,
        summary: 'End one of my sessions',
        params: SessionIdParams,
        response: { 404: S.error(), ...noContent },
      },
    },
    async (request, reply) => {
      const session = sessionOf(request);
      await tx(request.ctx, async (t) => {
        if (!(await deleteSessionByPublicId(t.db, t.countyCode, session.user.id, request.params.id)))
          throw AppError.notFound('what.session');
        await recordAudit(t, {
          eventType: 'auth.session',
          action: 'revoke',
          objectType: 'session',
          objectId: request.params.id,
        });
      });
      return reply.code(204).send(null);
    },
  );
}
