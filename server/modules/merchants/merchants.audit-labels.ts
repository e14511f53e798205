import type { AuditLabels } from '../../platform/audit/audit-labels.ts';

/** What the registry writes to the audit trail, in words for the audit pages. */
export const merchantsAuditLabels: AuditLabels = {
  events: [
    { type: 'merchants.register', zh: '登记商户', en: 'Merchant registered' },
    { type: 'merchants.edit', zh: '修改商户档案', en: 'Merchant record edited' },
    { type: 'merchants.close', zh: '商户注销', en: 'Merchant deregistered' },
    { type: 'merchants.import', zh: '批量导入商户', en: 'Merchants imported' },
    { type: 'merchants.export', zh: '导出商户档案', en: 'Merchant registry exported' },
  ],
  objects: [{ type: 'merchant', zh: '商户', en: 'Merchant' }],
};
