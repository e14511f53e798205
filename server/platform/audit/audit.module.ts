import type { ModuleManifest } from '../module.ts';
import { platformAuditLabels } from './audit-labels.ts';
import { auditEmits } from './audit.events.ts';
import { auditMessages } from './audit.messages.ts';
import { auditNotificationMessages, auditNotifications } from './audit.notifications.ts';
import { auditPermissions, registerAuditRoutes } from './audit.routes.ts';
import { revealAlertsJob } from './reveal-alerts.ts';

/** The audit administrator's interface (AUD-06): search, verify the chain, export; the unusual-reveal alert rule. */
export const auditManifest: ModuleManifest = {
  key: 'audit',
  title: { zh: '审计日志', en: 'Audit trail' },
  routes: [registerAuditRoutes],
  permissions: [
    { key: auditPermissions.read, zh: '查阅审计日志', en: 'Read the audit trail' },
    { key: auditPermissions.verify, zh: '校验审计日志', en: 'Verify the audit trail' },
    { key: auditPermissions.export, zh: '导出审计日志', en: 'Export the audit trail' },
  ],
  messages: [auditMessages, auditNotificationMessages],
  // AUD-06: unusual reveal activity reaches the audit and security administrators' inboxes.
  notifications: auditNotifications,
  // AUD-06: every 10 minutes, many reveals in an hour or reveals at night raise an alert.
  jobs: [revealAlertsJob],
  events: { emits: auditEmits, consumes: [] },
  // The platform's own audit events and objects (sign-in, access, accounts, …), named for the audit pages.
  audit: platformAuditLabels,
};
