import type { PermissionDeclaration } from '../../../platform/module.ts';

/** Printing the case's documents (案卷, 整改通知书) and revoking an issued one. */
export const caseDocumentPermissions = {
  print: 'cases.documents.print',
  revoke: 'cases.documents.revoke',
} as const;

export const caseDocumentPermissionDeclarations: readonly PermissionDeclaration[] = [
  { key: caseDocumentPermissions.print, zh: '打印案卷与整改通知书', en: 'Print case files and rectification notices' },
  { key: caseDocumentPermissions.revoke, zh: '作废已签发的文书', en: 'Revoke issued documents' },
];
