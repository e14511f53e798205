import { useAuth } from './AuthProvider.tsx';
import { type ModuleKey, visibleModuleKeys } from '../modules.ts';
import type { Session } from './session.ts';

export function sessionPermissions(session: Session): ReadonlySet<string> {
  return new Set(session.status === 'signed-in' ? session.user.permissions : []);
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
  const roles = new Set(session.status === 'signed-in' ? session.user.roles : []);
  return visibleModuleKeys({ permissions: sessionPermissions(session), roles });
}
