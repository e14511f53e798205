/**
 * The platform's modules in menu order. Keys match the server modules (DESIGN.md) and the routes `/m/<key>`;
 * labels and descriptions live in the i18n dictionaries under `module.<key>.*`.
 */
export const businessModuleKeys = [
  'dashboard',
  'cases',
  'merchants',
  'inspections',
  'volunteers',
  'courtyards',
  'service-desk',
  'insurance',
  'projects',
] as const;

/** 三员分立: the system, security and audit administrators each get their own area. */
export const adminModuleKeys = ['system', 'security', 'audit'] as const;

export type BusinessModuleKey = (typeof businessModuleKeys)[number];
export type AdminModuleKey = (typeof adminModuleKeys)[number];
export type ModuleKey = BusinessModuleKey | AdminModuleKey;

export const allModuleKeys: readonly ModuleKey[] = [...businessModuleKeys, ...adminModuleKeys];

export function isAdminModule(key: ModuleKey): key is AdminModuleKey {
  return (adminModuleKeys as readonly string[]).includes(key);
}

/** Business modules live under `/m/<key>`, the administrators' areas under `/admin/<key>`. */
export function modulePath(key: ModuleKey): string {
  return isAdminModule(key) ? `/admin/${key}` : `/m/${key}`;
}

/** The module a path belongs to (`/m/cases/123` → `cases`, `/admin/audit` → `audit`), for highlighting the menu. */
export function moduleKeyOfPath(pathname: string): ModuleKey | undefined {
  const match = /^\/(m|admin)\/([^/]+)/.exec(pathname);
  const key = allModuleKeys.find((candidate) => candidate === match?.[2]);
  return key && modulePath(key).startsWith(`/${match?.[1]}/`) ? key : undefined;
}

/**
 * The permissions that open each administrator's area (any one of them). The system area asks for
 * `users.manage`, not `users.read`: the security administrator reads users too, but only to grant roles and
 * unlock accounts, which its own area does.
 */
export const adminModulePermissions: Record<AdminModuleKey, readonly string[]> = {
  system: ['users.manage'],
  security: ['roles.read', 'roles.grant', 'roles.manage', 'users.unlock', 'apikeys.manage', 'security.policy'],
  audit: ['audit.read'],
};

export interface ModuleAccess {
  permissions: ReadonlySet<string>;
  /** 三员 hold no business permissions, so business modules are hidden from them. */
  administrator: boolean;
}

/** The modules a user can open, in menu order: show nothing they would be refused. */
export function visibleModuleKeys(access: ModuleAccess): ModuleKey[] {
  const business = access.administrator ? [] : businessModuleKeys;
  const admin = adminModuleKeys.filter((key) => adminModulePermissions[key].some((p) => access.permissions.has(p)));
  return [...business, ...admin];
}
