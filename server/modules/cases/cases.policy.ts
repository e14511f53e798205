import type { Actor } from '../../platform/context.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { casePermissions } from './case-flow.ts';
import { CaseScope, type CaseVisibility } from './case-scope.ts';
import type { CaseRow } from './cases.store.ts';

const countyWide = [casePermissions.register, casePermissions.dispatch, casePermissions.verify, casePermissions.supervise, casePermissions.evaluate];

/**
 * Which cases an actor sees: intake, dispatch, verification and supervision staff see every case in their
 * region subtree; a department's handlers see the cases dispatched to their department; anyone else who
 * reports (volunteers, village cadres) sees their own reports.
 */
export function caseVisibilityOf(actor: Actor): CaseVisibility {
  const region = actor.scopeRegion;
  if (countyWide.some((p) => actor.permissions.has(p))) return { region, department: null, reporterId: null };
  // A handler without a department sees nothing rather than everything.
  if (actor.permissions.has(casePermissions.handle)) return { region, department: actor.department ?? '\u0000none', reporterId: null };
  return { region, department: null, reporterId: actor.id };
}

/** The scope of a signed-in person's reads of cases. */
export function caseScopeOf(actor: Actor): CaseScope {
  return CaseScope.person(caseVisibilityOf(actor));
}

/** A handler acts only on cases sent to their department; dispatchers act county-wide. */
export function assertHandlerOf(actor: Actor, row: CaseRow): void {
  if (actor.permissions.has(casePermissions.dispatch)) return;
  if (!actor.department || row.department !== actor.department) throw AppError.field('department', 'cases.not_your_department');
}
