import type { ModuleManifest } from '../module.ts';
import { auditMessages } from './audit.messages.ts';
import { auditPermissions, registerAuditRoutes } from './audit.routes.ts';

/** The audit administrator's interface (AUD-06): search, verify the chain, export. */
export const auditManifest: ModuleManifest = {
  key: 'audit',
  title: { zh: '审计日志', en: 'Audit trail' },
  routes: [registerAuditRoutes],
  permissions: [
    { key: auditPermissions.read, zh: '查阅审计日志', en: 'Read the audit trail' },
    { key: auditPermissions.verify, zh: '校验审计日志', en: 'Verify the audit trail' },
    { key: auditPermissions.export, zh: '导出审计日志', en: 'Export the audit trail' },
  ],
  messages: [auditMessages],
};
