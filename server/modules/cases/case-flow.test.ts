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
    expect(availableActions('reported', dispatcher)).toEqual(['register', 'reject', 'merge', 'escalate']);
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
