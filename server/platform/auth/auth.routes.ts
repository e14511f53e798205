import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { AppError } from '../http/app-error.ts';
import { type DefinedRoute, defineRoute, registerRoutes } from '../http/define-route.ts';
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
import { endOwnSession, listOwnSessions, type RequestSession, revokeOwnSession } from './own-sessions.ts';
import { pendingStepOf, permissionsOf } from './permissions-of.ts';
import { rolesOfUser } from './roles.store.ts';
import { type OpenedSession, secondsLeft } from './sessions.ts';
import { signIn } from './sign-in.ts';
import { findUserById } from './users.store.ts';

const tags = ['auth'];
const rotatedDescription =
  'Answers the session after the step: a new session cookie and CSRF token replace the old ones.';

/** The signed-in session of a request whose route demanded a self.* permission (so there is one). */
function sessionOf(request: FastifyRequest): RequestSession {
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

function signInRoute(settings: AuthSettings): DefinedRoute {
  return defineRoute({
    method: 'POST',
    url: '/api/auth/login',
    summary: 'Sign in with a user name and password',
    tags,
    access: 'public',
    csrfExempt: true,
    // 401 wrong credentials or locked out, 403 refused here (administrator networks), 429 the address throttle.
    errors: [401, 403, 429],
    schema: { body: SignInBody, response: { 200: MeSchema } },
    handler: async (request, reply) => {
      const previousToken = request.cookies[sessionCookieName(settings)];
      const { username: loginId, password } = request.body;
      const result = await signIn(request.ctx, { loginId, password, previousToken });
      setSessionCookie(reply, settings, result.session.token, secondsLeft(result.session.row, request.ctx.clock()));
      const actor = { roles: result.roles.map((r) => r.key), permissions: permissionsOf(result.roles, result.pending) };
      return presentMe(actor, result.user, result.session.row, result.pending, request.ctx.security.policy);
    },
  });
}

function signOutRoute(settings: AuthSettings): DefinedRoute {
  return defineRoute({
    method: 'POST',
    url: '/api/auth/logout',
    summary: 'End this session',
    tags,
    access: 'public',
    handler: async (request, reply) => {
      if (request.session) await endOwnSession(request.ctx, request.session);
      clearSessionCookie(reply, settings);
      return reply.code(204).send(null);
    },
  });
}

const me = defineRoute({
  method: 'GET',
  url: '/api/auth/me',
  summary: 'Who am I, and what must I do first',
  tags,
  access: { permission: 'self.profile' },
  schema: { response: { 200: MeSchema } },
  handler: async (request) => {
    const session = sessionOf(request);
    return presentMe(request.ctx.actor!, session.user, session.row, session.pending, request.ctx.security.policy);
  },
});

const mfaSetup = defineRoute({
  method: 'POST',
  url: '/api/auth/mfa/setup',
  summary: 'Start authenticator enrolment',
  tags,
  access: { permission: 'self.mfa' },
  schema: { response: { 200: MfaSetupSchema } },
  handler: async (request) => startMfaEnrolment(request.ctx, sessionOf(request).user),
});

/** Finishing enrolment and passing the MFA step prove a code the same way, and both rotate the session. */
function mfaCodeRoute(settings: AuthSettings, enrolling: boolean): DefinedRoute {
  return defineRoute({
    method: 'POST',
    url: enrolling ? '/api/auth/mfa/enable' : '/api/auth/mfa/verify',
    summary: enrolling ? 'Finish enrolment with a code' : 'Pass the MFA step with a code',
    description: rotatedDescription,
    tags,
    access: { permission: 'self.mfa' },
    errors: [429],
    schema: { body: MfaCodeBody, response: { 200: MeSchema } },
    handler: async (request, reply) => {
      const session = sessionOf(request);
      const proving = proveMfaCode(request.ctx, session, request.body.code, enrolling);
      const next = await endingCookieOnLockout(reply, settings, proving);
      return answerRotated(request, reply, settings, next);
    },
  });
}

function passwordRoute(settings: AuthSettings): DefinedRoute {
  return defineRoute({
    method: 'POST',
    url: '/api/auth/password',
    summary: 'Change my password',
    description: rotatedDescription,
    tags,
    access: { permission: 'self.password' },
    errors: [429],
    schema: { body: ChangePasswordBody, response: { 200: MeSchema } },
    handler: async (request, reply) => {
      const session = sessionOf(request);
      const next = await endingCookieOnLockout(reply, settings, changeOwnPassword(request.ctx, session, request.body));
      return answerRotated(request, reply, settings, next);
    },
  });
}

const mySessions = defineRoute({
  method: 'GET',
  url: '/api/auth/sessions',
  summary: 'My sessions',
  tags,
  access: { permission: 'self.sessions' },
  schema: { response: { 200: Type.Array(SessionSchema) } },
  handler: async (request) => listOwnSessions(request.ctx, sessionOf(request)),
});

const endMySession = defineRoute({
  method: 'DELETE',
  url: '/api/auth/sessions/:id',
  summary: 'End one of my sessions',
  tags,
  access: { permission: 'self.sessions' },
  schema: { params: SessionIdParams, response: { 204: Type.Null({ description: 'Done' }) } },
  handler: async (request, reply) => {
    await revokeOwnSession(request.ctx, sessionOf(request), request.params.id);
    return reply.code(204).send(null);
  },
});

export function registerAuthRoutes(app: TypedApp, deps: AppDeps): void {
  const settings: AuthSettings = deps.security ?? defaultAuthSettings;
  registerRoutes(app, [
    signInRoute(settings),
    signOutRoute(settings),
    me,
    mfaSetup,
    mfaCodeRoute(settings, true),
    mfaCodeRoute(settings, false),
    passwordRoute(settings),
    mySessions,
    endMySession,
  ]);
}
