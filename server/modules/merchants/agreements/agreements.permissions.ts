import type { PermissionDeclaration } from '../../../platform/module.ts';

export const agreementPermissions = {
  /** Draw up, sign, renew and terminate agreements; print them. */
  manage: 'merchants.agreements',
  /** Write and activate the county's template wording (county-wide staff only). */
  templates: 'merchants.agreement_templates',
} as const;

/** The signer's name on an agreement, revealed with a reason (audited). */
export const revealSignerPermission = 'pii.reveal.agreement_signer';

export const agreementPermissionDeclarations: readonly PermissionDeclaration[] = [
  {
    key: agreementPermissions.manage,
    zh: '拟定、签订、续签和解除门前三包责任书',
    en: 'Draw up, sign, renew and terminate frontage agreements',
  },
  { key: agreementPermissions.templates, zh: '编写和启用责任书模板', en: 'Write and activate the agreement template' },
  { key: revealSignerPermission, zh: '查看责任书签字人姓名', en: "Reveal an agreement signer's name" },
];
