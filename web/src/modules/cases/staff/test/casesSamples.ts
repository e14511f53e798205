import { type SampleUser, sampleUser } from '../../../../test/fetchMock.ts';
import type { CaseDetail, CaseListItem } from '../../casesApi.ts';

/** Case API answers shaped like the server's (modules/cases/cases.schema.ts), for the staff page tests. */

/** 受理员/派遣员 as the demo seeds one (cases.routes.ts grants). */
export const dispatcherUser: SampleUser = {
  ...sampleUser,
  id: 'u-dispatcher',
  username: 'dispatcher',
  displayName: '周婷',
  roles: ['dispatcher'],
  permissions: [
    ...sampleUser.permissions,
    'cases.read',
    'cases.report',
    'cases.register',
    'cases.dispatch',
    'cases.supervise',
    'cases.export',
    'cases.evaluate',
    'cases.catalogue.read',
  ],
  department: '县数字城管指挥中心',
};

export const departmentUser: SampleUser = {
  ...sampleUser,
  id: 'u-dept',
  username: 'dept.chengguan',
  displayName: '黄志强',
  roles: ['department'],
  permissions: [...sampleUser.permissions, 'cases.read', 'cases.handle', 'cases.catalogue.read'],
  department: 'chengguan',
};

export function sampleCase(overrides: Partial<CaseListItem> = {}): CaseListItem {
  return {
    caseNo: '2026-00000123',
    status: 'reported',
    categoryCode: '09006',
    categoryName: '占道经营',
    channel: 'patrol',
    priority: 'normal',
    regionCode: '430225100',
    townshipCode: '430225100',
    townshipName: '霞阳镇',
    address: '霞阳镇炎帝大道 88 号门前',
    lng: 113.772,
    lat: 26.489,
    department: null,
    reportedAt: '2026-11-28T01:30:00.000Z',
    closedAt: null,
    clock: { stage: 'register', dueAt: '2026-11-28T03:30:00.000Z', overdue: true, suspended: false },
    reworkCount: 0,
    escalationLevel: 1,
    ...overrides,
  };
}

export function sampleDetail(overrides: Partial<CaseDetail> = {}): CaseDetail {
  return {
    ...sampleCase(),
    description: '水果摊占用人行道经营',
    areaM2: null,
    gridCode: null,
    reporter: { kind: 'staff', phone: null, smsConsent: false },
    registeredAt: null,
    dispatchedAt: null,
    handledAt: null,
    handleDueAt: null,
    closedOnTime: null,
    duplicateOf: null,
    duplicates: [],
    satisfaction: null,
    satisfactionComment: null,
    closingNote: null,
    suggestedDepartment: null,
    revision: 3,
    limits: { maxExtensionHours: 80 },
    actions: ['register', 'reject', 'merge', 'escalate'],
    withheldActions: [],
    pendingRequest: null,
    photos: [
      {
        id: 'p-1',
        stage: 'report',
        width: 800,
        height: 600,
        url: '/api/cases/2026-00000123/photos/p-1',
        thumbnailUrl: '/api/cases/2026-00000123/photos/p-1?variant=thumbnail',
        takenAt: null,
      },
      {
        id: 'p-2',
        stage: 'handle',
        width: 800,
        height: 600,
        url: '/api/cases/2026-00000123/photos/p-2',
        thumbnailUrl: '/api/cases/2026-00000123/photos/p-2?variant=thumbnail',
        takenAt: null,
      },
    ],
    events: [
      {
        seq: 1,
        at: '2026-11-28T01:30:00.000Z',
        action: 'report',
        actor: '谭建军',
        fromStatus: null,
        toStatus: 'reported',
        note: null,
        details: { channel: 'patrol', photos: 1 },
      },
      {
        seq: 2,
        at: '2026-11-28T04:00:00.000Z',
        action: 'escalate',
        actor: '系统',
        fromStatus: 'reported',
        toStatus: 'reported',
        note: null,
        details: { level: 1, automatic: true },
      },
    ],
    ...overrides,
  };
}

export const sampleCatalogue = {
  edition: { version: '2026', standardRef: 'GB/T 47678.5-2026', publishedAt: '2026-01-01', source: 'test' },
  categories: [
    {
      code: '09006',
      kind: 'event',
      major: { code: '09', nameZh: '街面秩序', nameEn: 'Street order' },
      minorCode: '006',
      nameZh: '占道经营',
      nameEn: 'Street vending on the road',
      legacyCodes: [],
      defaultDepartment: null,
      measureUnit: null,
      limits: [],
      tags: ['san_luan'],
      provisional: false,
      provisionalReason: null,
    },
  ],
  tags: [
    {
      key: 'san_luan',
      nameZh: '三乱',
      nameEn: 'Three disorders',
      codes: ['09006'],
      provisional: false,
      provisionalReason: null,
    },
  ],
};

export const samplePlaces = {
  categories: [],
  townships: [
    { code: '430225100', name: '霞阳镇', villages: [] },
    { code: '430225101', name: '沔渡镇', villages: [] },
  ],
  bounds: { minLng: 113.58, maxLng: 114.14, minLat: 26.01, maxLat: 26.8 },
};

export const sampleDepartments = {
  items: [
    { key: 'chengguan', name: '县城市管理和综合执法局' },
    { key: 'huanwei', name: '县环境卫生服务中心' },
  ],
};
