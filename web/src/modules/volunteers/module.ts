import { TeamOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { WebModule } from '../../app/webModule.ts';
import { volunteersEn } from './i18n/en.ts';
import { volunteersZh } from './i18n/zh.ts';

/**
 * Not built yet (no server module): shown as 规划中 only to the roles it is planned for — 志愿服务中心 and the volunteers; 创文办 follows — as a page
 * that says what it will do and calls no API.
 */
export const volunteersModule: WebModule = {
  key: 'volunteers',
  area: 'business',
  icon: TeamOutlined,
  label: 'module.volunteers.label',
  description: 'module.volunteers.description',
  page: lazy(() => import('./index.tsx')),
  messages: { zh: volunteersZh, en: volunteersEn },
  plannedFor: ['volunteer_admin', 'volunteer', 'coordinator'],
};
