import type { Keyring } from '../../pii/keyring.ts';
import { decryptColumnValue } from '../../pii/column-crypto.ts';
import { maskPhone } from '../../pii/mask.ts';
import type { UserRow } from '../users.store.ts';
import type { UserDto } from './users-admin.schema.ts';

const iso = (date: Date | null) => date?.toISOString() ?? null;

/** An account as administrators see it: the phone masked server-side (GB/T 35273 §7.2), never a secret. */
export function presentUser(
  user: UserRow,
  roles: readonly string[],
  regionName: string,
  keyring: Keyring,
  now: Date,
): UserDto {
  return {
    id: user.id,
    loginId: user.loginId,
    displayName: user.displayName,
    scopeRegion: user.scopeRegion,
    scopeRegionName: regionName,
    department: user.department,
    status: user.status,
    disabledReason: user.disabledReason,
    roles: [...roles],
    locked: user.lockedUntil !== null && user.lockedUntil > now,
    mfaEnabled: user.mfaEnabledAt !== null,
    lastLoginAt: iso(user.lastLoginAt),
    passwordChangedAt: iso(user.passwordChangedAt),
    expiresAt: iso(user.expiresAt),
    phone: user.phoneEnc ? maskPhone(decryptColumnValue(keyring, 'app_user', 'phone_enc', user.phoneEnc)) : null,
    createdAt: user.createdAt.toISOString(),
  };
}
