import { type MakerCheckerPair, makerCheckerConflicts } from '../../access/separation.ts';
import type { Actor } from '../../context.ts';
import { AppError } from '../../http/app-error.ts';
import type { RoleRow } from '../roles.store.ts';

/**
 * Who may hold which roles (等保 三员分立, AC-03): the three administrator roles exclude each other and every
 * business role; nobody changes their own roles (the security administrator cannot grant itself).
 */
export function assertRoleAssignment(
  actor: Actor,
  targetUserId: string,
  requested: readonly string[],
  known: readonly RoleRow[],
): void {
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
    if ((await holdersOfKind(role.adminKind!)) <= 1)
      throw AppError.field('roles', 'roles.last_admin', { role: role.nameZh });
  }, Promise.resolve());
}

/** One maker ≠ checker step whose both sides a role assignment gives to the same account, and through which roles. */
export interface MakerCheckerOverlap {
  pair: MakerCheckerPair;
  makerRoles: RoleRow[];
  checkerRoles: RoleRow[];
}

/**
 * The maker ≠ checker steps (modules declare them, access/separation.ts) on both sides of which these roles
 * put one account — say 专业部门 (处理反馈) with 监督员 (核查). Not refused: a small township office may have
 * one person for both, and the actions still refuse anyone checking their own work. The grant is answered
 * with a warning and the overlap is audited.
 */
export function makerCheckerOverlaps(requested: readonly string[], known: readonly RoleRow[]): MakerCheckerOverlap[] {
  const roles = known.filter((r) => requested.includes(r.key));
  const held = new Set(roles.flatMap((r) => r.permissions));
  return makerCheckerConflicts(held).map((pair) => ({
    pair,
    makerRoles: roles.filter((r) => r.permissions.includes(pair.maker)),
    checkerRoles: roles.filter((r) => r.permissions.includes(pair.checker)),
  }));
}
