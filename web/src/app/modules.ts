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

export function modulePath(key: ModuleKey): string {
  return `/m/${key}`;
}

/** The module a path belongs to (`/m/cases/123` → `cases`), for highlighting the menu. */
export function moduleKeyOfPath(pathname: string): ModuleKey | undefined {
  const segment = /^\/m\/([^/]+)/.exec(pathname)?.[1];
  return allModuleKeys.find((key) => key === segment);
}
