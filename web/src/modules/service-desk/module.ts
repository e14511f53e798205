import { CustomerServiceOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { WebModule } from '../../app/webModule.ts';
import { serviceDeskEn } from './i18n/en.ts';
import { serviceDeskZh } from './i18n/zh.ts';

/**
 * Not built yet (no server module): shown as 规划中 only to the roles it is planned for — 政务服务专员 — as a page
 * that says what it will do and calls no API.
 */
export const serviceDeskModule: WebModule = {
  key: 'service-desk',
  area: 'business',
  icon: CustomerServiceOutlined,
  label: 'module.service-desk.label',
  description: 'module.service-desk.description',
  page: lazy(() => import('./index.tsx')),
  messages: { zh: serviceDeskZh, en: serviceDeskEn },
  plannedFor: ['service_clerk'],
};
