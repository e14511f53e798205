import type { PiiField } from '../../../platform/pii/pii-field.ts';
import { revealSignerPermission } from './agreements.permissions.ts';

/**
 * Who signed a 门前三包责任书 for the merchant, and the signature itself: the evidence of the agreement, kept while it
 * may be relied on (its term and two years after, as the operator's data).
 */
const evidence = { legalBasis: '法定职责', retention: '责任书期满后 2 年，届时删除', retentionDays: 730 } as const;

export const agreementsPiiFields: readonly PiiField[] = [
  {
    table: 'merchants_agreement',
    column: 'signer_name_enc',
    category: 'name',
    sensitive: false,
    ...evidence,
    purpose: '责任书丙方签字人，签订证据',
    mask: 'name',
    encrypted: true,
    revealPermission: revealSignerPermission,
  },
  {
    table: 'merchants_agreement',
    column: 'signature_image',
    category: 'name',
    sensitive: false,
    ...evidence,
    purpose: '签字人的手写签名或签字的纸质责任书照片，签订证据；只印在责任书上，不单独显示',
    mask: 'secret',
    encrypted: false,
  },
];
