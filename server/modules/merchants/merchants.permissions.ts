import type { PermissionDeclaration } from '../../platform/module.ts';

/** The module's permissions: routes, grants and the manifest name these constants, never the strings. */
export const merchantPermissions = {
  read: 'merchants.read',
  manage: 'merchants.manage',
  export: 'merchants.export',
} as const;

/** The operator's name and phone on a merchant's record, revealed with a reason (audited). */
export const revealOperatorPermission = 'pii.reveal.merchant_operator';

export const merchantsPermissionDeclarations: readonly PermissionDeclaration[] = [
  { key: merchantPermissions.read, zh: '查看商户档案', en: 'Read the merchant registry' },
  {
    key: merchantPermissions.manage,
    zh: '登记和修改商户（含批量导入）',
    en: 'Register and edit merchants (incl. import)',
  },
  { key: merchantPermissions.export, zh: '导出商户档案', en: 'Export the merchant registry' },
  { key: revealOperatorPermission, zh: '查看商户经营者姓名和电话', en: "Reveal a merchant operator's name and phone" },
];
