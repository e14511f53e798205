import { type Static, Type } from 'typebox';
import { S } from '../../http/schema.ts';

const nullableString = Type.Union([Type.String(), Type.Null()]);

export const UserSchema = Type.Object({
  id: Type.String(),
  loginId: Type.String(),
  displayName: Type.String(),
  scopeRegion: Type.String(),
  scopeRegionName: Type.String(),
  department: nullableString,
  status: S.literals(['active', 'disabled']),
  /** Why the system disabled the account ('inactive': AC-05, no sign-in for the configured days); null otherwise. */
  disabledReason: Type.Union([Type.Literal('inactive'), Type.Null()]),
  roles: Type.Array(Type.String()),
  locked: Type.Boolean(),
  mfaEnabled: Type.Boolean(),
  lastLoginAt: nullableString,
  passwordChangedAt: nullableString,
  expiresAt: nullableString,
  /** Masked (138****5678); the full number only through POST /api/pii/reveal. */
  phone: nullableString,
  createdAt: Type.String(),
});
export type UserDto = Static<typeof UserSchema>;

export const UserIdParams = S.object({ id: Type.String({ format: 'uuid' }) });

export const UserListQuery = S.object({
  q: Type.Optional(Type.String({ minLength: 1, maxLength: 40 })),
  status: Type.Optional(S.literals(['active', 'disabled'])),
  ...S.page(),
});

export const UserPageSchema = Type.Object({
  items: Type.Array(UserSchema),
  total: Type.Integer(),
  page: Type.Integer(),
  pageSize: Type.Integer(),
});

const loginId = Type.String({ minLength: 3, maxLength: 40, pattern: '^[A-Za-z0-9][A-Za-z0-9._-]*$' });
const displayName = Type.String({ minLength: 1, maxLength: 40 });
const department = Type.String({ minLength: 1, maxLength: 60 });
const phone = Type.String({ minLength: 11, maxLength: 20 });
const expiresAt = Type.String({ format: 'date-time' });

export const CreateUserBody = S.object({
  loginId,
  displayName,
  scopeRegion: S.regionCode('Root of the data scope'),
  department: Type.Optional(department),
  phone: Type.Optional(phone),
  expiresAt: Type.Optional(expiresAt),
});

export const UpdateUserBody = S.object({
  displayName: Type.Optional(displayName),
  scopeRegion: Type.Optional(S.regionCode()),
  department: Type.Optional(Type.Union([department, Type.Null()])),
  phone: Type.Optional(Type.Union([phone, Type.Null()])),
  status: Type.Optional(S.literals(['active', 'disabled'])),
  expiresAt: Type.Optional(Type.Union([expiresAt, Type.Null()])),
});
export type UpdateUserInput = Static<typeof UpdateUserBody>;

export const CreatedUserSchema = Type.Object({ user: UserSchema, temporaryPassword: Type.String() });
export const TemporaryPasswordSchema = Type.Object({ temporaryPassword: Type.String() });

export const SetRolesBody = S.object({
  roles: Type.Array(Type.String({ minLength: 1, maxLength: 40 }), { maxItems: 20, uniqueItems: true }),
});

/** The account as it now stands, and what the grant deserves a second look for (it went through). */
export const SetRolesResultSchema = Type.Object({
  ...UserSchema.properties,
  warnings: Type.Array(
    Type.Object({ code: S.literals(['maker_checker'] as const), step: Type.String(), message: Type.String() }),
  ),
});

export const RoleSchema = Type.Object({
  key: Type.String(),
  nameZh: Type.String(),
  nameEn: Type.String(),
  permissions: Type.Array(Type.String()),
  /** Each permission in words, in the caller's language (the manifests' declarations). */
  permissionNames: Type.Record(Type.String(), Type.String()),
  builtin: Type.Boolean(),
  adminKind: Type.Union([S.literals(['sys', 'sec', 'audit']), Type.Null()]),
  requiresMfa: Type.Boolean(),
});
