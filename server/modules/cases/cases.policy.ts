import type { Actor } from '../../platform/context.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { availableActions, type CaseAction, casePermissions } from './case-flow.ts';
import { CaseScope, type CaseVisibility } from './case-scope.ts';
import type { CaseRequestRow } from './case-requests.store.ts';
import type { CaseRow } from './cases.store.ts';

const countyWide = [
  casePermissions.register,
  casePermissions.dispatch,
  casePermissions.verify,
  casePermissions.supervise,
  casePermissions.evaluate,
];

/**
 * Which cases an actor sees: intake, dispatch, verification and supervision staff see every case in their
 * region subtree; a department's handlers see the cases dispatched to their department; anyone else who
 * reports (volunteers, village cadres) sees their own reports.
 */
export function caseVisibilityOf(actor: Actor): CaseVisibility {
  const region = actor.scopeRegion;
  if (countyWide.some((p) => actor.permissions.has(p))) return { region, department: null, reporterId: null };
  // A handler without a department sees nothing rather than everything: '(none)' is no department key
  // (they match ^[a-z][a-z0-9_]*$), and unlike the NUL once used here PostgreSQL can compare it (22021 → 500).
  if (actor.permissions.has(casePermissions.handle))
    return { region, department: actor.department ?? '(none)', reporterId: null };
  return { region, department: null, reporterId: actor.id };
}

/** The scope of a signed-in person's reads of cases. */
export function caseScopeOf(actor: Actor): CaseScope {
  return CaseScope.person(caseVisibilityOf(actor));
}

/** A handler acts only on cases sent to their department; dispatchers act county-wide. */
export function assertHandlerOf(actor: Actor, row: CaseRow): void {
  if (actor.permissions.has(casePermissions.dispatch)) return;
  if (!actor.department || row.department !== actor.department)
    throw AppError.field('department', 'cases.not_your_department');
}

/**
 * Who did the work an action checks (maker ≠ checker, cases.separation.ts): the handler who fed back, for
 * 核查; the requester, for the decision on a 延期/挂起 request; the staff member who reported it, for 核实. The action refuses them and the case page does
 * not offer it to them.
 */
export function makersOf(action: CaseAction, row: CaseRow, pending: CaseRequestRow | undefined): Array<string | null> {
  switch (action) {
    case 'verify_pass':
    case 'verify_fail':
      return [row.handlerUserId];
    case 'decide_request':
      return [pending?.requestedBy ?? null];
    case 'confirm_report':
    case 'refute_report':
      return [row.reporterUserId];
    default:
      return [];
  }
}

/** The case page's actions for this reader: role × state, with those that would check their own work set apart. */
export function actionsOpenTo(
  actor: Actor,
  row: CaseRow,
  pending: CaseRequestRow | undefined,
): { actions: CaseAction[]; withheld: CaseAction[] } {
  const allowed = availableActions(row.status, actor.permissions);
  const ownWork = (action: CaseAction) => makersOf(action, row, pending).includes(actor.id);
  return { actions: allowed.filter((a) => !ownWork(a)), withheld: allowed.filter(ownWork) };
}
