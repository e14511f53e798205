import { LockOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { WebModule } from '../../app/webModule.ts';
import { securityEn } from './i18n/en.ts';
import { securityZh } from './i18n/zh.ts';

/** 安全管理 (三员: the security administrator): roles, unlocking, API keys, the sign-in and password policy. */
export const securityModule: WebModule = {
  key: 'security',
  area: 'admin',
  icon: LockOutlined,
  label: 'module.security.label',
  description: 'module.security.description',
  page: lazy(() => import('./index.tsx')),
  messages: { zh: securityZh, en: securityEn },
  permissions: ['roles.read', 'roles.grant', 'roles.manage', 'users.unlock', 'apikeys.manage', 'security.policy'],
};
