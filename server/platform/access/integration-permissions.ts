import type { ModuleManifest } from '../module.ts';
import { administratorPermission } from './admin-networks.ts';

/**
 * Permissions only a signed-in person may use, whatever a key's row says (三员分立, PIPL): reveals of personal
 * data, exports, every administrator's power, and one's own account. MFA comes with the session: a session
 * whose step is pending holds none of them (auth/permissions-of.ts).
 */
export function needsPerson(permission: string): boolean {
  return (
    permission.startsWith('pii.') ||
    permission.endsWith('.export') ||
    permission.startsWith('self.') ||
    administratorPermission.test(permission)
  );
}

/** The allowlist from the modules' manifests; a manifest that offers a person's permission to keys is a bug. */
export function integrationPermissionsOf(modules: readonly ModuleManifest[]): ReadonlySet<string> {
  const offered = modules.flatMap((module) =>
    (module.integrationPermissions ?? []).map((permission) => ({ module: module.key, permission })),
  );
  for (const { module, permission } of offered) {
    if (needsPerson(permission))
      throw new Error(
        `module ${module} offers "${permission}" to API keys: reveals, exports and administration need a signed-in person`,
      );
  }
  return new Set(offered.map((o) => o.permission));
}

let current: ReadonlySet<string> = new Set();

/**
 * Takes the allowlist from the manifests the app is built from (app.ts, before any route): the platform reads
 * what the modules declare without importing them.
 */
export function adoptIntegrationPermissions(modules: readonly ModuleManifest[]): void {
  current = integrationPermissionsOf(modules);
}

/** What an API key may carry: the app's modules' integration permissions (Open311 submit to start with). */
export function integrationPermissions(): ReadonlySet<string> {
  return current;
}

/** The permissions of a stored key that take effect: those on the allowlist (a key stored before it keeps no more). */
export function effectiveKeyPermissions(stored: readonly string[]): string[] {
  const allowed = integrationPermissions();
  return stored.filter((permission) => allowed.has(permission));
}
