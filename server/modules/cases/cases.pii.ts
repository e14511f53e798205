import type { NotPersonalColumn, PiiField } from '../../platform/pii/pii-field.ts';

/**
 * Personal data in the case loop (PI-01). A citizen may leave a phone for follow-up (回访): it rests on consent
 * given on the report form and is kept while the case may still be reopened or evaluated.
 */
const reporter = { legalBasis: '同意', retention: '结案评价后 2 年，届时删除', retentionDays: 730 } as const;

export const casesPiiFields: readonly PiiField[] = [
  {
    table: 'cases_case',
    column: 'reporter_phone_enc',
    category: 'contact',
    sensitive: false,
    ...reporter,
    purpose: '案件进展告知与结案回访',
    mask: 'phone',
    encrypted: true,
    blindIndexColumn: 'reporter_phone_hmac',
    blindIndexKind: 'phone',
    revealPermission: 'pii.reveal.reporter_phone',
  },
  {
    table: 'cases_case',
    column: 'reporter_phone_hmac',
    category: 'contact',
    sensitive: false,
    ...reporter,
    purpose: '举报人手机号盲索引：查找同一举报人的案件，不可还原',
    mask: 'secret',
    encrypted: false,
    derivedFrom: 'reporter_phone_enc',
  },
  {
    table: 'cases_case',
    column: 'reporter_name_enc',
    category: 'name',
    sensitive: false,
    ...reporter,
    purpose: '热线来电人自报的称呼，用于回访时称呼来电人',
    mask: 'name',
    encrypted: true,
    revealPermission: 'pii.reveal.reporter_name',
  },
];

const place = '市容问题发生的地点（街面、店外、工地），不是个人住址或个人行踪';
export const casesNotPersonal: readonly NotPersonalColumn[] = [
  { table: 'cases_case', column: 'lng', reason: place },
  { table: 'cases_case', column: 'lat', reason: place },
  { table: 'cases_case', column: 'location_code', reason: '问题地点所在的乡镇或村的行政区划代码' },
  { table: 'cases_case', column: 'address', reason: place },
  {
    table: 'cases_case',
    column: 'hotline_ticket_no',
    reason: '12345 热线平台的工单编号，标识一张工单，不含来电人信息',
  },
  {
    table: 'cases_photo',
    column: 'exif_lng',
    reason: '照片拍摄点：即问题地点，用于核对上报位置；照片本身的 EXIF 已清除',
  },
  {
    table: 'cases_photo',
    column: 'exif_lat',
    reason: '照片拍摄点：即问题地点，用于核对上报位置；照片本身的 EXIF 已清除',
  },
];
