import { useAuth } from './AuthProvider.tsx';
import { type ModuleKey, visibleModuleKeys } from '../modules.ts';
import type { Session } from './session.ts';

/** 三员 (等保 安全管理中心): the three administrator roles, which hold no business permissions (DESIGN.md). */
export const administratorRoleKeys = ['sys_admin', 'sec_admin', 'audit_admin'] as const;

export function sessionPermissions(session: Session): ReadonlySet<string> {
  return new Set(session.status === 'signed-in' ? session.user.permissions : []);
}

export function isAdministrator(session: Session): boolean {
  return (
    session.status === 'signed-in' &&
    session.user.roles.some((role) => (administratorRoleKeys as readonly string[]).includes(role))
  );
}

/** `const can = useCan(); can('users.manage')`. The server still decides; this only hides what would be refused. */
export function useCan(): (...anyOf: string[]) => boolean {
  const { session } = useAuth();
  const held = sessionPermissions(session);
  return (...anyOf) => anyOf.some((permission) => held.has(permission));
}

/** The modules this session may open, in menu order (see modules.ts). */
export function useVisibleModules(): ModuleKey[] {
  const { session } = useAuth();
  return visibleModuleKeys({ permissions: sessionPermissions(session), administrator: isAdministrator(session) });
}
