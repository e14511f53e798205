import { describe, expect, it } from 'vitest';
import { caseStatuses } from '../../db/schema/cases.ts';
import {
  actionRules,
  availableActions,
  canApply,
  casePermissions,
  caseActions,
  clockStageOf,
  isOpenStatus,
} from './case-flow.ts';

describe('the loop as a table', () => {
  it('核实 sits between the report and 立案: sent by the intake, answered by the inspector', () => {
    expect(canApply('send_to_verify', 'reported')).toBe(true);
    expect(actionRules.send_to_verify).toMatchObject({ to: 'verifying', permission: casePermissions.register });
    expect(actionRules.confirm_report).toMatchObject({ to: 'reported', permission: casePermissions.verify });
    expect(actionRules.refute_report).toMatchObject({ to: 'rejected', permission: casePermissions.verify });
    expect(clockStageOf('verifying')).toBe('verify_report');
    expect(isOpenStatus('verifying')).toBe(true);
    for (const status of caseStatuses.filter((s) => s !== 'verifying')) {
      expect(canApply('confirm_report', status), status).toBe(false);
      expect(canApply('refute_report', status), status).toBe(false);
    }
    // 立案 waits for the finding: nothing registers or dispatches a case while it is being verified.
    expect(caseActions.filter((a) => canApply(a, 'verifying'))).toEqual([
      'confirm_report',
      'refute_report',
      'merge',
      'escalate',
    ]);
  });

  it('finished cases accept no staff action, only the reporter’s rating of a closed case', () => {
    for (const status of ['rejected', 'duplicate'] as const)
      expect(caseActions.filter((a) => canApply(a, status))).toEqual([]);
    expect(caseActions.filter((a) => canApply(a, 'closed'))).toEqual(['rate']);
  });

  it('every open status has a way forward, and only open statuses run a clock', () => {
    for (const status of caseStatuses) {
      const moves = caseActions.filter((a) => canApply(a, status) && actionRules[a].to !== null);
      expect(moves.length > 0, status).toBe(isOpenStatus(status));
      expect(clockStageOf(status) !== null, status).toBe(isOpenStatus(status));
    }
  });

  it('shows each post only its own buttons', () => {
    const dispatcher = new Set([
      casePermissions.read,
      casePermissions.register,
      casePermissions.dispatch,
      casePermissions.supervise,
    ]);
    const handler = new Set([casePermissions.read, casePermissions.handle]);
    const inspector = new Set([casePermissions.read, casePermissions.verify]);
    expect(availableActions('reported', dispatcher)).toEqual([
      'register',
      'reject',
      'send_to_verify',
      'merge',
      'escalate',
    ]);
    expect(availableActions('verifying', dispatcher)).toEqual(['merge', 'escalate']);
    expect(availableActions('verifying', inspector)).toEqual(['confirm_report', 'refute_report']);
    expect(availableActions('reported', inspector)).toEqual([]);
    expect(availableActions('dispatched', handler)).toEqual([
      'return',
      'accept',
      'request_extension',
      'request_suspension',
    ]);
    expect(availableActions('handled', inspector)).toEqual(['verify_pass', 'verify_fail']);
    expect(availableActions('handled', handler)).toEqual([]);
  });
});
