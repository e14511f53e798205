import type { PiiField } from '../../platform/pii/pii-field.ts';
import type { NotPersonalColumn } from '../../platform/pii/pii-field.ts';
import { revealOperatorPermission } from './merchants.permissions.ts';

/**
 * The operator of a shop (经营者/负责人) is a person: their name and phone are kept to reach them about the
 * agreement and inspections (履行法定职责, PIPL art. 13(3)), for as long as the business is registered and two
 * years after it closes.
 */
const operator = {
  legalBasis: '法定职责',
  retention: '商户注销后 2 年，届时删除',
  retentionDays: 730,
  revealPermission: revealOperatorPermission,
} as const;

export const merchantsPiiFields: readonly PiiField[] = [
  {
    table: 'merchants_merchant',
    column: 'operator_name_enc',
    category: 'name',
    sensitive: false,
    ...operator,
    purpose: '门前三包责任人、检查结果告知的对象',
    mask: 'name',
    encrypted: true,
  },
  {
    table: 'merchants_merchant',
    column: 'operator_phone_enc',
    category: 'contact',
    sensitive: false,
    ...operator,
    purpose: '联系经营者：责任书续签、检查和整改通知',
    mask: 'phone',
    encrypted: true,
    blindIndexColumn: 'operator_phone_hmac',
    blindIndexKind: 'phone',
  },
  {
    table: 'merchants_merchant',
    column: 'operator_phone_hmac',
    category: 'contact',
    sensitive: false,
    legalBasis: operator.legalBasis,
    retention: operator.retention,
    retentionDays: operator.retentionDays,
    purpose: '经营者电话盲索引：按电话查找商户，不可还原',
    mask: 'secret',
    encrypted: false,
    derivedFrom: 'operator_phone_enc',
  },
];

const place = '商户的经营场所（店面、摊位），是公开的营业地点，不是个人住址';
export const merchantsNotPersonal: readonly NotPersonalColumn[] = [
  { table: 'merchants_merchant', column: 'address', reason: place },
  { table: 'merchants_merchant', column: 'lng', reason: place },
  { table: 'merchants_merchant', column: 'lat', reason: place },
  { table: 'merchants_merchant', column: 'location_code', reason: '经营场所所在的乡镇或村的行政区划代码' },
  { table: 'merchants_merchant', column: 'name', reason: '营业执照上的字号或店招，公开信息' },
  { table: 'merchants_merchant', column: 'credit_code', reason: '统一社会信用代码：企业和个体工商户的公开登记信息' },
  { table: 'merchants_merchant', column: 'licence_no', reason: '营业执照注册号：公开登记信息' },
];
