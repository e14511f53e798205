import { DashboardOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { WebModule } from '../../app/webModule.ts';
import { dashboardEn } from './i18n/en.ts';
import { dashboardZh } from './i18n/zh.ts';

/** Not built yet: the shell shows what it will do and that it is coming. */
export const dashboardModule: WebModule = {
  key: 'dashboard',
  area: 'business',
  icon: DashboardOutlined,
  label: 'module.dashboard.label',
  description: 'module.dashboard.description',
  page: lazy(() => import('./index.tsx')),
  messages: { zh: dashboardZh, en: dashboardEn },
};
