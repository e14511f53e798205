import { effectiveBuiltinRoles } from '../auth/roles.seed.ts';
import { adoptedManifests } from '../modules/adopt.ts';
import { revealableFields } from '../pii/reveal.ts';
import type { RouteAccess } from './access.ts';
import { integrationPermissions } from './integration-permissions.ts';
import { selfServicePermissions } from './roles.ts';

/**
 * Every permission the app knows: what its routes declare, what the built-in roles hold with the modules'
 * grants (from the adopted manifests), the per-field reveal permissions, one's own account, and the integration permissions keys carry
 * (Open311's are checked in the handler, not by a route's declaration). A permission outside it is made up.
 */
export function permissionCatalogue(routes: readonly RouteAccess[]): ReadonlySet<string> {
  return new Set([
    ...routes.flatMap((route) => (route.access === 'public' ? [] : [route.access.permission])),
    ...effectiveBuiltinRoles(adoptedManifests()).flatMap((role) => role.permissions),
    ...revealableFields().map((field) => field.permission),
    ...selfServicePermissions,
    ...integrationPermissions(),
  ]);
}
