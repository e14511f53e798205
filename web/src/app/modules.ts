import { installedModules, moduleOf } from './installedModules.ts';
import type { WebModule } from './webModule.ts';

/** A module's key (the manifests in `web/src/modules/<key>/module.ts(x)` declare them). */
export type ModuleKey = string;

export function allModuleKeys(): readonly ModuleKey[] {
  return installedModules().map((module) => module.key);
}

export function isAdminModule(key: ModuleKey): boolean {
  return moduleOf(key)?.area === 'admin';
}

/** Business modules live under `/m/<key>`, the administrators' areas under `/admin/<key>`. */
export function modulePath(key: ModuleKey): string {
  return isAdminModule(key) ? `/admin/${key}` : `/m/${key}`;
}

/** The module a path belongs to (`/m/<key>/123` → `<key>`), for highlighting the menu. */
export function moduleKeyOfPath(pathname: string): ModuleKey | undefined {
  const match = /^\/(m|admin)\/([^/]+)/.exec(pathname);
  const key = allModuleKeys().find((candidate) => candidate === match?.[2]);
  return key && modulePath(key).startsWith(`/${match?.[1]}/`) ? key : undefined;
}

export interface ModuleAccess {
  permissions: ReadonlySet<string>;
  roles: ReadonlySet<string>;
}

/** The modules a user can open, in menu order: show nothing they would be refused. */
export function visibleModuleKeys(access: ModuleAccess): ModuleKey[] {
  return installedModules()
    .filter((module) => opensFor(module, access))
    .map((module) => module.key);
}

/** Built modules open with any one of their permissions; a planned one (no server yet) for the roles it is planned for. */
function opensFor(module: WebModule, access: ModuleAccess): boolean {
  if (module.plannedFor) return module.plannedFor.some((role) => access.roles.has(role));
  return (module.permissions ?? []).some((permission) => access.permissions.has(permission));
}

/** A module not built yet (shown as 规划中). */
export function isPlannedModule(key: ModuleKey): boolean {
  return moduleOf(key)?.plannedFor !== undefined;
}
