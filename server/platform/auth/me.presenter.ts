import type { Actor } from '../context.ts';
import type { MeDto } from './auth.schema.ts';
import type { PasswordPolicy } from './password-policy.ts';
import type { PendingStep } from './permissions-of.ts';
import type { SessionRow } from './sessions.store.ts';
import type { UserRow } from './users.store.ts';

export function presentMe(
  actor: Pick<Actor, 'roles' | 'permissions'>,
  user: UserRow,
  session: SessionRow,
  pending: PendingStep | null,
  policy: PasswordPolicy,
): MeDto {
  const expires =
    user.passwordChangedAt && policy.maxAgeDays > 0
      ? new Date(user.passwordChangedAt.getTime() + policy.maxAgeDays * 86_400_000)
      : null;
  return {
    user: {
      id: user.id,
      username: user.loginId,
      displayName: user.displayName,
      roles: [...actor.roles],
      permissions: [...actor.permissions].sort(),
      scopeRegion: user.scopeRegion,
      department: user.department,
      mfaEnabled: user.mfaEnabledAt !== null,
      passwordExpiresAt: expires?.toISOString() ?? null,
    },
    pending,
    csrfToken: session.csrfToken,
    sessionExpiresAt: session.absoluteExpiresAt.toISOString(),
    idleMinutes: session.idleMinutes,
  };
}
