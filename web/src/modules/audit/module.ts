import { AuditOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { WebModule } from '../../app/webModule.ts';
import { auditEn } from './i18n/en.ts';
import { auditZh } from './i18n/zh.ts';

/** 审计管理 (三员: the audit administrator): search, verify and export the tamper-evident trail. */
export const auditModule: WebModule = {
  key: 'audit',
  area: 'admin',
  icon: AuditOutlined,
  label: 'module.audit.label',
  description: 'module.audit.description',
  page: lazy(() => import('./index.tsx')),
  messages: { zh: auditZh, en: auditEn },
  permissions: ['audit.read'],
};
