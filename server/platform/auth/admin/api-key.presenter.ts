import { effectiveKeyPermissions } from '../../access/integration-permissions.ts';
import { permissionNames } from '../../access/permission-names.ts';
import type { Locale } from '../../i18n/locale.ts';
import type { ApiKeyRow } from '../api-keys.store.ts';

const iso = (d: Date | null) => d?.toISOString() ?? null;

/**
 * A key as the security administrator sees it: never its secret, which of its permissions are in force, and
 * each permission in words in the reader's language.
 */
export function presentApiKey(row: ApiKeyRow, locale: Locale) {
  const { id, name, keyPrefix, permissions, scopeRegion, createdAt, expiresAt, revokedAt, lastUsedAt } = row;
  const effective = new Set(effectiveKeyPermissions(permissions));
  const ineffectivePermissions = permissions.filter((p) => !effective.has(p)).sort();
  return {
    id,
    name,
    prefix: keyPrefix,
    permissions,
    ineffectivePermissions,
    permissionNames: permissionNames(permissions, locale),
    scopeRegion,
    createdAt: createdAt.toISOString(),
    expiresAt: iso(expiresAt),
    revokedAt: iso(revokedAt),
    lastUsedAt: iso(lastUsedAt),
  };
}
