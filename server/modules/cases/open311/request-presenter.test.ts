import { describe, expect, it } from 'vitest';
import type { CaseStatus } from '../../../db/schema/cases.ts';
import {
  expectedDatetimeOf,
  type PresentedCase,
  presentServiceRequest,
  type RequestNames,
} from './request-presenter.ts';
import { presentUpdate } from './request-updates.ts';
import { open311ArgumentOf } from './submit-request.ts';

const at = (hhmm: string) => new Date(`2026-03-02T${hhmm}:00Z`);
const row: PresentedCase = {
  regionCode: '430225',
  caseNo: '2026-00000007',
  status: 'reported',
  closingNote: null,
  duplicateOf: null,
  catalogueVersion: '2026.1',
  categoryCode: '09006',
  description: '联系 138 1234 5678',
  department: null,
  reportedAt: at('01:00'),
  updatedAt: at('01:30'),
  closedAt: null,
  stageDueAt: at('05:00'),
  handleDueAt: null,
  suspendedAt: null,
  address: '炎帝大道 88 号（店主 13812345678）',
  locationCode: '430225100001',
  townshipCode: '430225100',
  lat: 26.489,
  lng: 113.772,
  channel: 'hotline',
  escalationLevel: 1,
};
const names: RequestNames = {
  serviceName: (version, code) => `${version}/${code}`,
  regionName: (code) => (code === '430225100' ? '霞阳镇' : code),
  departmentTitle: (key) => `dept:${key}`,
  caseNoOf: (id) => (id === 3 ? '2026-00000003' : null),
};

describe('presentServiceRequest', () => {
  it('writes the spec fields in order, scrubbing personal numbers from the free text', () => {
    const presented = presentServiceRequest(row, names, 'zh', false);
    expect(Object.keys(presented)).toEqual([
      'service_request_id',
      'status',
      'status_notes',
      'service_name',
      'service_code',
      'description',
      'agency_responsible',
      'service_notice',
      'requested_datetime',
      'updated_datetime',
      'expected_datetime',
      'address',
      'address_id',
      'zipcode',
      'lat',
      'long',
      'media_url',
    ]);
    expect(presented).toMatchObject({
      status: 'open',
      service_name: '2026.1/09006',
      description: '联系 138****5678',
      address: '炎帝大道 88 号（店主 138****5678）',
      address_id: '430225100001',
      lat: 26.489,
      long: 113.772,
      expected_datetime: at('05:00'),
    });
  });

  it('gives the closing time as updated_datetime once closed, the reason of 不予立案 and the case a duplicate joined', () => {
    const rejected = presentServiceRequest(
      { ...row, status: 'rejected', closingNote: '请拨 13700001111', closedAt: at('02:00'), updatedAt: at('03:00') },
      names,
      'en',
      false,
    );
    expect(rejected).toMatchObject({
      status: 'closed',
      status_notes: '请拨 137****1111',
      updated_datetime: at('02:00'),
      expected_datetime: null,
    });
    const duplicate = presentServiceRequest(
      { ...row, status: 'duplicate', duplicateOf: 3, closedAt: at('02:00') },
      names,
      'en',
      false,
    );
    expect(duplicate.status_notes).toBe('Duplicate of case 2026-00000003, which it was merged into');
    // a closed case's feedback text is the department's, not published
    expect(
      presentServiceRequest(
        { ...row, status: 'closed', closingNote: '已处理', closedAt: at('02:00') },
        names,
        'en',
        false,
      ).status_notes,
    ).toBeNull();
  });

  it('names the department and adds extended_attributes on request', () => {
    const presented = presentServiceRequest(
      { ...row, status: 'dispatched', department: 'chengguan' },
      names,
      'zh',
      true,
    );
    expect(presented.agency_responsible).toBe('dept:chengguan');
    expect(presented.extended_attributes).toEqual({
      channel: 'hotline',
      detailed_status: 'IN_PROCESS',
      extended_status: 'ACTION_SCHEDULED',
      township: '霞阳镇',
      township_code: '430225100',
      escalation_level: 1,
    });
  });
});

describe('expectedDatetimeOf', () => {
  const clock = { stageDueAt: at('05:00'), handleDueAt: at('09:00'), suspendedAt: null };
  it.each([
    ['reported', at('05:00')],
    ['registered', at('05:00')],
    ['dispatched', at('09:00')],
    ['handling', at('09:00')],
    ['handled', at('05:00')],
    ['closed', null],
    ['rejected', null],
    ['duplicate', null],
  ] as Array<[CaseStatus, Date | null]>)('%s → %s', (status, expected) => {
    expect(expectedDatetimeOf({ ...clock, status })).toEqual(expected);
  });

  it('is unknown while the clock is suspended (挂起)', () => {
    expect(expectedDatetimeOf({ ...clock, status: 'handling', suspendedAt: at('04:00') })).toBeNull();
  });
});

describe('presentUpdate', () => {
  const change = { caseNo: '2026-00000007', seq: 3, at: at('02:00'), note: '内部备注 13912345678', details: {} };
  it('names the status only, keeping staff notes out', () => {
    expect(presentUpdate({ ...change, action: 'register', toStatus: 'registered' }, 'zh')).toEqual({
      update_id: '2026-00000007-3',
      service_request_id: '2026-00000007',
      status: 'INVESTIGATING',
      updated_datetime: at('02:00'),
      description: '已立案待派遣',
      media_url: '',
      external_status_code: 'registered',
    });
  });

  it('gives the reason of 不予立案, scrubbed, and the case a duplicate joined', () => {
    expect(presentUpdate({ ...change, action: 'reject', toStatus: 'rejected' }, 'zh').description).toBe(
      '不予立案：内部备注 139****5678',
    );
    expect(
      presentUpdate(
        { ...change, action: 'merge', toStatus: 'duplicate', details: { duplicateOf: '2026-00000003' } },
        'en',
      ).description,
    ).toBe('Merged: merged into case 2026-00000003');
  });
});

describe('open311ArgumentOf', () => {
  it.each([
    ['lng', 'long'],
    ['lat', 'lat'],
    ['categoryCode', 'service_code'],
    ['regionCode', 'attribute[region_code]'],
    ['areaM2', 'attribute[area_m2]'],
    ['address', 'address_string'],
    ['phone', 'phone'],
    ['photos.0', 'photos.0'],
  ])('%s → %s', (field, argument) => {
    expect(open311ArgumentOf(field)).toBe(argument);
  });

  it('names address_id when the township came from it', () => {
    expect(open311ArgumentOf('regionCode', 'address_id')).toBe('address_id');
  });
});
