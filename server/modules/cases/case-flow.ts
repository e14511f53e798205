import type { CaseStatus, ClockStage } from '../../db/schema/cases.ts';

/**
 * The loop as data (数字城管 七个环节, anchors §3.2): which action moves a case from which states to which, and
 * the permission it needs. Pure, so the web app's action buttons, the API and the tests read one table.
 */
export const caseActions = [
  'register',
  'reject',
  'send_to_verify',
  'confirm_report',
  'refute_report',
  'merge',
  'dispatch',
  'return',
  'accept',
  'feedback',
  'verify_pass',
  'verify_fail',
  'request_extension',
  'request_suspension',
  'decide_request',
  'resume',
  'escalate',
  'rate',
] as const;
export type CaseAction = (typeof caseActions)[number];

export const casePermissions = {
  report: 'cases.report',
  read: 'cases.read',
  register: 'cases.register',
  dispatch: 'cases.dispatch',
  handle: 'cases.handle',
  verify: 'cases.verify',
  supervise: 'cases.supervise',
  export: 'cases.export',
  evaluate: 'cases.evaluate',
  configure: 'cases.configure',
} as const;

interface ActionRule {
  from: readonly CaseStatus[];
  /** The status after the action; `null` = unchanged (requests, 督办, ratings). */
  to: CaseStatus | null;
  /** `null`: the reporter acts with the tracking token, not a staff permission. */
  permission: string | null;
}

const open: readonly CaseStatus[] = ['reported', 'verifying', 'registered', 'dispatched', 'handling', 'handled'];
const atDepartment: readonly CaseStatus[] = ['dispatched', 'handling'];

/**
 * 核实 (verify-report.ts): the intake sends a report to the inspectors of its area, or it lands there at report time
 * when the county's setting says so for its channel; the inspector confirms it on site (属实: back to the intake,
 * which 立案s it — 数字城管 keeps 立案 with the 受理员/值班长) or refutes it (不属实: closed as rejected with the
 * reason). A duplicate found meanwhile may still be merged.
 */
export const actionRules: Readonly<Record<CaseAction, ActionRule>> = {
  send_to_verify: { from: ['reported'], to: 'verifying', permission: casePermissions.register },
  confirm_report: { from: ['verifying'], to: 'reported', permission: casePermissions.verify },
  refute_report: { from: ['verifying'], to: 'rejected', permission: casePermissions.verify },
  register: { from: ['reported'], to: 'registered', permission: casePermissions.register },
  reject: { from: ['reported'], to: 'rejected', permission: casePermissions.register },
  merge: { from: ['reported', 'verifying', 'registered'], to: 'duplicate', permission: casePermissions.register },
  dispatch: { from: ['registered'], to: 'dispatched', permission: casePermissions.dispatch },
  return: { from: atDepartment, to: 'registered', permission: casePermissions.handle },
  accept: { from: ['dispatched'], to: 'handling', permission: casePermissions.handle },
  feedback: { from: ['handling'], to: 'handled', permission: casePermissions.handle },
  verify_pass: { from: ['handled'], to: 'closed', permission: casePermissions.verify },
  verify_fail: { from: ['handled'], to: 'dispatched', permission: casePermissions.verify },
  request_extension: { from: atDepartment, to: null, permission: casePermissions.handle },
  request_suspension: { from: atDepartment, to: null, permission: casePermissions.handle },
  decide_request: { from: atDepartment, to: null, permission: casePermissions.dispatch },
  resume: { from: atDepartment, to: null, permission: casePermissions.dispatch },
  escalate: { from: open, to: null, permission: casePermissions.supervise },
  rate: { from: ['closed'], to: null, permission: null },
};

export function isOpenStatus(status: CaseStatus): boolean {
  return open.includes(status);
}

export function canApply(action: CaseAction, status: CaseStatus): boolean {
  return actionRules[action].from.includes(status);
}

/** The clock that runs while a case sits in a status (none once it is finished). */
export function clockStageOf(status: CaseStatus): ClockStage | null {
  switch (status) {
    case 'reported':
      return 'register';
    case 'verifying':
      return 'verify_report';
    case 'registered':
      return 'dispatch';
    case 'dispatched':
    case 'handling':
      return 'handle';
    case 'handled':
      return 'verify';
    default:
      return null;
  }
}

/** Actions a person holding `permissions` may take on a case in `status` (the case page's buttons). */
export function availableActions(status: CaseStatus, permissions: ReadonlySet<string>): CaseAction[] {
  return caseActions.filter(
    (a) =>
      canApply(a, status) && actionRules[a].permission !== null && permissions.has(actionRules[a].permission as string),
  );
}
