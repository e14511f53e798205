import { DashboardOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { WebModule } from '../../app/webModule.ts';
import { dashboardEn } from './i18n/en.ts';
import { dashboardZh } from './i18n/zh.ts';

/**
 * Not built yet (no server module): shown as 规划中 only to the roles it is planned for — 创文办 reads the campaign's figures — as a page
 * that says what it will do and calls no API.
 */
export const dashboardModule: WebModule = {
  key: 'dashboard',
  area: 'business',
  icon: DashboardOutlined,
  label: 'module.dashboard.label',
  description: 'module.dashboard.description',
  page: lazy(() => import('./index.tsx')),
  messages: { zh: dashboardZh, en: dashboardEn },
  plannedFor: ['coordinator'],
};
