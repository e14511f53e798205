import { SettingOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { WebModule } from '../../app/webModule.ts';
import { systemEn } from './i18n/en.ts';
import { systemZh } from './i18n/zh.ts';

/**
 * 系统管理 (三员: the system administrator): accounts. It opens with `users.manage`, not `users.read`: the
 * security administrator reads users too, but only to grant roles and unlock accounts, which its own area does.
 */
export const systemModule: WebModule = {
  key: 'system',
  area: 'admin',
  icon: SettingOutlined,
  label: 'module.system.label',
  description: 'module.system.description',
  page: lazy(() => import('./index.tsx')),
  messages: { zh: systemZh, en: systemEn },
  permissions: ['users.manage'],
};
