import { describe, expect, it } from 'vitest';
import { caseStatuses } from '../../../db/schema/cases.ts';
import { citySdkStatus, extendedStatus, open311MappedStatuses, open311Status, statusesFor } from './status-map.ts';

describe('Open311 status mapping', () => {
  it.each([
    ['reported', 'open', 'FOR_TRIAGE', 'RECEIVED'],
    ['verifying', 'open', 'INVESTIGATING', 'RECEIVED'],
    ['registered', 'open', 'INVESTIGATING', 'IN_PROCESS'],
    ['dispatched', 'open', 'ACTION_SCHEDULED', 'IN_PROCESS'],
    ['handling', 'open', 'IN_PROGRESS', 'IN_PROCESS'],
    ['handled', 'open', 'IN_PROGRESS', 'IN_PROCESS'],
    ['closed', 'closed', 'FIXED', 'PROCESSED'],
    ['rejected', 'closed', 'NO_FURTHER_ACTION', 'REJECTED'],
    ['duplicate', 'closed', 'DUPLICATE', 'REJECTED'],
  ] as const)('%s → %s / %s / %s', (status, spec, extended, citySdk) => {
    expect(open311Status(status)).toBe(spec);
    expect(extendedStatus(status)).toBe(extended);
    expect(citySdkStatus(status)).toBe(citySdk);
  });

  it('covers every internal status exactly once (核实 included)', () => {
    expect(open311MappedStatuses).toHaveLength(9);
    expect(new Set(open311MappedStatuses)).toEqual(new Set(caseStatuses));
  });

  it('splits the statuses into the open and closed filters without overlap', () => {
    expect(statusesFor('closed')).toEqual(['closed', 'rejected', 'duplicate']);
    expect(statusesFor('open')).toEqual(['reported', 'verifying', 'registered', 'dispatched', 'handling', 'handled']);
  });

  it('uses only mySociety extended statuses that clients know', () => {
    const known = [
      'OPEN',
      'INVESTIGATING',
      'IN_PROGRESS',
      'PLANNED',
      'ACTION_SCHEDULED',
      'NO_FURTHER_ACTION',
      'NOT_COUNCILS_RESPONSIBILITY',
      'DUPLICATE',
      'INTERNAL_REFERRAL',
      'CANCELLED',
      'FIXED',
      'CLOSED',
      'FOR_TRIAGE',
    ];
    for (const status of open311MappedStatuses) expect(known).toContain(extendedStatus(status));
  });
});
