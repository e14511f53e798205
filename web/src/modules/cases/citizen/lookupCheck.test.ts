import { describe, expect, it } from 'vitest';
import { lookupProblems, trimmedLookup } from './lookupCheck.ts';

const token = 'k'.repeat(24);

describe('the tracking form’s check before asking the server', () => {
  it('takes a case number of year and digits and a code of 16–64 characters, trimmed', () => {
    expect(lookupProblems(trimmedLookup({ caseNo: ' 2026-00000123 ', token: ` ${token} ` }))).toEqual({});
    expect(lookupProblems({ caseNo: '2026-000001234567', token: 'k'.repeat(64) })).toEqual({});
    expect(lookupProblems({ caseNo: '2026-0000012345678', token: 'k'.repeat(65) })).toEqual({
      caseNo: 'citizen.track.caseNoInvalid',
      token: 'citizen.track.tokenInvalid',
    });
  });

  it('names each field that is off', () => {
    expect(lookupProblems({ caseNo: '42', token })).toEqual({ caseNo: 'citizen.track.caseNoInvalid' });
    expect(lookupProblems({ caseNo: '2026-00000123', token: 'short' })).toEqual({
      token: 'citizen.track.tokenInvalid',
    });
    expect(lookupProblems({ caseNo: '', token: '' })).toEqual({
      caseNo: 'citizen.track.caseNoInvalid',
      token: 'citizen.track.tokenInvalid',
    });
  });
});
