import type { NotPersonalColumn, PiiField } from '../../../platform/pii/pii-field.ts';

/**
 * Personal data in staged photo uploads (PI-01). A citizen's upload keeps the address it came from for at
 * most a day, only to cap how many photos one address may stage (no account to count against).
 */
export const uploadPiiFields: readonly PiiField[] = [
  {
    table: 'cases_photo_upload',
    column: 'source_ip',
    category: 'network',
    sensitive: false,
    legalBasis: '法定职责',
    purpose: '限制同一来源地址暂存的公众上传照片数量，防止滥用',
    retention: '照片随举报提交或约 24 小时后过期时删除',
    retentionDays: 1,
    mask: 'ip',
    encrypted: false,
  },
];

const place = '照片拍摄点：即问题地点，用于建议上报位置；照片本身的 EXIF 已清除';
export const uploadNotPersonal: readonly NotPersonalColumn[] = [
  { table: 'cases_photo_upload', column: 'exif_lng', reason: place },
  { table: 'cases_photo_upload', column: 'exif_lat', reason: place },
  {
    table: 'cases_photo_upload',
    column: 'secret_hash',
    reason: '服务器随机生成的一次性上传凭据的摘要，不含也不指向任何个人信息',
  },
];
