import type { Actor } from '../../context.ts';
import { AppError } from '../../http/app-error.ts';
import type { RoleRow } from '../roles.store.ts';

/**
 * Who may hold which roles (等保 三员分立, AC-03): the three administrator roles exclude each other and every
 * business role; nobody changes their own roles (the security administrator cannot grant itself).
 */
export function assertRoleAssignment(actor: Actor, targetUserId: string, requested: readonly string[], known: readonly RoleRow[]): void {
  if (actor.id === targetUserId) throw AppError.field('roles', 'roles.no_self_grant');
  const byKey = new Map(known.map((r) => [r.key, r]));
  const unknown = requested.find((key) => !byKey.has(key));
  if (unknown) throw AppError.field('roles', 'roles.unknown', { role: unknown });
  const adminRoles = requested.filter((key) => byKey.get(key)!.adminKind);
  if (adminRoles.length > 0 && requested.length > 1) throw AppError.field('roles', 'roles.admin_exclusive');
}

/** Removing the last holder of an administrator kind would leave nobody able to manage it. */
export function assertKeepsAdministrators(
  current: readonly RoleRow[],
  requested: readonly string[],
  holdersOfKind: (kind: string) => Promise<number>,
): Promise<void> {
  const losing = current.filter((r) => r.adminKind && !requested.includes(r.key));
  return losing.reduce(async (previous, role) => {
    await previous;
    if ((await holdersOfKind(role.adminKind!)) <= 1) throw AppError.field('roles', 'roles.last_admin', { role: role.nameZh });
  }, Promise.resolve());
}
