import { type Static, Type } from 'typebox';
import { S } from '../http/schema.ts';

export const SignInBody = S.object({
  username: Type.String({ minLength: 1, maxLength: 64 }),
  password: Type.String({ minLength: 1, maxLength: 256 }),
});

export const PendingSchema = Type.Union([S.literals(['mfa', 'mfa_enroll', 'password_change']), Type.Null()]);

export const MeSchema = Type.Object({
  user: Type.Object({
    id: Type.String(),
    username: Type.String(),
    displayName: Type.String(),
    roles: Type.Array(Type.String()),
    permissions: Type.Array(Type.String()),
    scopeRegion: Type.String(),
    department: Type.Union([Type.String(), Type.Null()]),
    mfaEnabled: Type.Boolean(),
    passwordExpiresAt: Type.Union([Type.String(), Type.Null()]),
  }),
  pending: PendingSchema,
  /** Send back as `X-CSRF-Token` on every write made with the session cookie. */
  csrfToken: Type.String(),
  sessionExpiresAt: Type.String(),
  idleMinutes: Type.Integer(),
});
export type MeDto = Static<typeof MeSchema>;

export const MfaCodeBody = S.object({ code: Type.String({ pattern: '^[0-9]{6}$' }) });

export const MfaSetupSchema = Type.Object({ secret: Type.String(), uri: Type.String() });

export const ChangePasswordBody = S.object({
  currentPassword: Type.String({ minLength: 1, maxLength: 256 }),
  newPassword: Type.String({ minLength: 1, maxLength: 256 }),
  signOutOtherSessions: Type.Optional(Type.Boolean()),
});

export const SessionSchema = Type.Object({
  id: Type.String(),
  current: Type.Boolean(),
  createdAt: Type.String(),
  lastSeenAt: Type.String(),
  expiresAt: Type.String(),
  sourceIp: Type.Union([Type.String(), Type.Null()]),
  userAgent: Type.Union([Type.String(), Type.Null()]),
});

export const SessionIdParams = S.object({
  id: Type.String({ minLength: 8, maxLength: 32, pattern: '^[A-Za-z0-9_-]+$' }),
});
