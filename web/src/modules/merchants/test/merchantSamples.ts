import type { ResponseOf } from '../../../api/types.ts';
import { jsonResponse, mockApi, type SampleUser, sampleUser, signedInAs } from '../../../test/fetchMock.ts';
import type { Merchant } from '../merchantsApi.ts';

/**
 * The merchant registry as its web tests meet it: the people (with the server's grants, merchants.module.ts), a
 * record shaped as the server presents it (operator masked), and the regions the place pickers read.
 */

/** 市场监管检查组, county-wide: reads, registers, edits, exports and reveals the operator. */
export const marketInspector: SampleUser = {
  ...sampleUser,
  id: 'u-market',
  username: 'market.group1',
  displayName: '邓丽',
  roles: ['market_inspector'],
  permissions: [
    ...sampleUser.permissions,
    'merchants.read',
    'merchants.manage',
    'merchants.export',
    'pii.reveal',
    'pii.reveal.merchant_operator',
  ],
  scopeRegion: '430225',
  department: '县市场监督管理局',
};

/** The same post kept to one township (a township's market supervision office). */
export const townshipInspector: SampleUser = { ...marketInspector, id: 'u-market-xy', scopeRegion: '430225100' };

/** 监督员 of 霞阳镇: looks a shop up, keeps no records, sees no operator. */
export const streetInspector: SampleUser = {
  ...sampleUser,
  id: 'u-inspector',
  username: 'inspector.xiayang',
  displayName: '谭建军',
  roles: ['inspector'],
  permissions: [...sampleUser.permissions, 'cases.read', 'merchants.read'],
  scopeRegion: '430225100',
  department: null,
};

export const merchantId = '0b6f9d2e-4c1a-4e8b-9a57-3f2d1c0e8a41';

export function sampleMerchant(overrides: Partial<Merchant> = {}): Merchant {
  return {
    id: merchantId,
    merchantNo: 'SH430225-00042',
    name: '炎陵县老街米粉店',
    creditCode: '92430225MA4L123456',
    licenceNo: null,
    kind: 'catering',
    marketStall: false,
    marketId: null,
    schoolSurroundings: true,
    supervised: true,
    riskGrade: 'B',
    status: 'open',
    address: '霞阳镇炎帝大道 88 号',
    regionCode: '430225100200',
    regionName: '城东社区',
    townshipCode: '430225100',
    townshipName: '霞阳镇',
    gridCode: 'XY-03',
    lng: 113.7724,
    lat: 26.4893,
    operatorName: '张*',
    operatorPhone: '139****1234',
    frontageM: 6.5,
    createdAt: '2026-11-20T02:00:00.000Z',
    updatedAt: '2026-11-28T06:30:00.000Z',
    revision: 3,
    ...overrides,
  };
}

export function pageOf(items: Merchant[], total = items.length): ResponseOf<'/api/merchants', 'get'> {
  return { items, total, page: 1, pageSize: 20 };
}

type RegionDetail = ResponseOf<'/api/regions/{code}', 'get'>;
type Region = RegionDetail['region'];

const region = (code: string, name: string, level: Region['level'], parentCode: string | null): Region => ({
  code,
  name,
  level,
  parentCode,
  kind: null,
});
const county = region('430225', '炎陵县', 'county', '4302');
const xiayang = region('430225100', '霞阳镇', 'township', '430225');
const chengdong = region('430225100200', '城东社区', 'village', '430225100');

/** GET /api/regions/<code> for the county, 霞阳镇 and one of its communities. */
export const regionRoutes = {
  'GET /api/regions/430225': jsonResponse(200, { region: county, ancestors: [], children: [xiayang], counts: {} }),
  'GET /api/regions/430225100': jsonResponse(200, {
    region: xiayang,
    ancestors: [county],
    children: [chengdong],
    counts: {},
  }),
  'GET /api/regions/430225100200': jsonResponse(200, {
    region: chengdong,
    ancestors: [county, xiayang],
    children: [],
    counts: {},
  }),
};

/** A signed-in person, the regions, one merchant served by id, and whatever routes a test adds. */
export function merchantServer(user: SampleUser, extra: Parameters<typeof mockApi>[0] = {}) {
  return mockApi({
    ...signedInAs(user),
    ...regionRoutes,
    [`GET /api/merchants/${merchantId}`]: jsonResponse(200, sampleMerchant()),
    ...extra,
  });
}
