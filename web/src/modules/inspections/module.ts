import { SafetyCertificateOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { WebModule } from '../../app/webModule.ts';
import { inspectionsEn } from './i18n/en.ts';
import { inspectionsZh } from './i18n/zh.ts';

/**
 * Not built yet (no server module): shown as 规划中 only to the roles it is planned for — 市场监管检查组 runs the inspections, 创文办 follows them — as a page
 * that says what it will do and calls no API.
 */
export const inspectionsModule: WebModule = {
  key: 'inspections',
  area: 'business',
  icon: SafetyCertificateOutlined,
  label: 'module.inspections.label',
  description: 'module.inspections.description',
  page: lazy(() => import('./index.tsx')),
  messages: { zh: inspectionsZh, en: inspectionsEn },
  plannedFor: ['market_inspector', 'coordinator'],
};
