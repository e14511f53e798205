import type { AuditLabels } from '../../platform/audit/audit-labels.ts';

/** What the registry writes to the audit trail, in words for the audit pages. */
export const merchantsAuditLabels: AuditLabels = {
  events: [
    { type: 'merchants.register', zh: '登记商户', en: 'Merchant registered' },
    { type: 'merchants.edit', zh: '修改商户档案', en: 'Merchant record edited' },
    { type: 'merchants.close', zh: '商户注销', en: 'Merchant deregistered' },
    { type: 'merchants.import', zh: '批量导入商户', en: 'Merchants imported' },
    { type: 'merchants.export', zh: '导出商户档案', en: 'Merchant registry exported' },
    { type: 'merchants.agreement.draw_up', zh: '拟定门前三包责任书', en: 'Frontage agreement drawn up' },
    { type: 'merchants.agreement.renew', zh: '拟定续签责任书', en: 'Frontage agreement renewal drawn up' },
    { type: 'merchants.agreement.edit', zh: '修改待签责任书', en: 'Draft agreement changed' },
    { type: 'merchants.agreement.discard', zh: '作废待签责任书', en: 'Draft agreement discarded' },
    { type: 'merchants.agreement.sign', zh: '签订门前三包责任书', en: 'Frontage agreement signed' },
    { type: 'merchants.agreement.terminate', zh: '解除门前三包责任书', en: 'Frontage agreement terminated' },
    { type: 'merchants.agreement.remind', zh: '责任书到期提醒', en: 'Agreement expiry reminder' },
    { type: 'merchants.template.draft', zh: '编写责任书模板新版本', en: 'Agreement template version written' },
    { type: 'merchants.template.activate', zh: '启用责任书模板版本', en: 'Agreement template version activated' },
  ],
  objects: [
    { type: 'merchant', zh: '商户', en: 'Merchant' },
    { type: 'agreement', zh: '门前三包责任书', en: 'Frontage agreement' },
    { type: 'agreement_template', zh: '责任书模板', en: 'Agreement template' },
  ],
};
