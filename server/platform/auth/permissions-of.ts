import { selfServicePermissions } from '../access/roles.ts';
import type { RoleRow } from './roles.store.ts';
import type { UserRow } from './users.store.ts';
import { isPasswordExpired, type PasswordPolicy } from './password-policy.ts';

/**
 * What a signed-in session still has to do before it gets the user's permissions:
 * prove a TOTP code, enrol MFA (mandatory for its roles), or change an expired or temporary password.
 */
export type PendingStep = 'mfa' | 'mfa_enroll' | 'password_change';

export function pendingStepOf(
  user: UserRow,
  roles: readonly RoleRow[],
  mfaPassed: boolean,
  policy: PasswordPolicy,
  now: Date,
): PendingStep | null {
  if (user.mfaEnabledAt && !mfaPassed) return 'mfa';
  if (!user.mfaEnabledAt && roles.some((r) => r.requiresMfa)) return 'mfa_enroll';
  if (user.mustChangePassword || isPasswordExpired(user.passwordChangedAt, policy, now)) return 'password_change';
  return null;
}

/**
 * The permissions of a session. While a step is pending, only the self-service permissions that step needs
 * are granted, so every other route answers 403 by the ordinary guard — no special cases per route.
 */
export function permissionsOf(roles: readonly RoleRow[], pending: PendingStep | null): Set<string> {
  if (pending === 'mfa' || pending === 'mfa_enroll') return new Set(['self.profile', 'self.mfa']);
  if (pending === 'password_change') return new Set(['self.profile', 'self.password']);
  return new Set([...selfServicePermissions, ...roles.flatMap((r) => r.permissions)]);
}

/** The shortest idle timeout of the user's roles: administrators 15 minutes, others 30 (等保 L3-CES1-02). */
export function idleMinutesOf(roles: readonly RoleRow[]): number {
  return roles.some((r) => r.adminKind) ? 15 : 30;
}
