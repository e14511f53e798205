import type { PublicForm, Tracking } from '../citizenApi.ts';

/** Shaped like the server's answers (server/modules/cases/public-form.ts, tracking.ts), for the component tests. */
export const sampleForm: PublicForm = {
  categories: [
    {
      code: '06001',
      name: '乱搭乱建（违章棚子、加建）',
      group: '市容环境类',
      hint: '请估算面积（平方米）',
      needsArea: true,
    },
    { code: '06010', name: '路边有垃圾没清理', group: '市容环境类', hint: null, needsArea: false },
    { code: '09001', name: '流动摊贩（推车、挑担叫卖）', group: '街面秩序类', hint: null, needsArea: false },
  ],
  townships: [
    { code: '430225100', name: '霞阳镇', villages: [{ code: '430225100001', name: '城东社区' }] },
    { code: '430225101', name: '沔渡镇', villages: [] },
  ],
  bounds: { minLng: 113.58, maxLng: 114.14, minLat: 26.01, maxLat: 26.8 },
};

export const sampleTracking: Tracking = {
  caseNo: '2026-00000042',
  status: 'closed',
  categoryName: '流动摊贩',
  address: '人民路农贸市场东门口',
  reportedAt: '2026-11-29T00:30:00.000Z',
  closedAt: '2026-11-30T02:00:00.000Z',
  dueAt: '2026-11-30T08:00:00.000Z',
  followsCaseNo: null,
  steps: [
    { at: '2026-11-29T00:30:00.000Z', status: 'reported', note: null },
    { at: '2026-11-29T01:00:00.000Z', status: 'registered', note: null },
    { at: '2026-11-29T01:05:00.000Z', status: 'dispatched', note: null },
    { at: '2026-11-29T06:00:00.000Z', status: 'handled', note: null },
    { at: '2026-11-30T02:00:00.000Z', status: 'closed', note: null },
  ],
  resultPhotos: ['5f0c6a2e-8d7b-4c1e-9a51-3b2f4d6e7a10'],
  result: {
    text: '已劝离流动摊贩，恢复人行道通行',
    handledAt: '2026-11-29T06:00:00.000Z',
    verifiedAt: '2026-11-30T02:00:00.000Z',
  },
  satisfaction: null,
  satisfactionComment: null,
  canRate: true,
  smsConsent: false,
};

export const sampleToken = 'Tq3vY8wZp1LmN0rS5xKd';
