import { SafetyCertificateOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { WebModule } from '../../app/webModule.ts';
import { inspectionsEn } from './i18n/en.ts';
import { inspectionsZh } from './i18n/zh.ts';

/** Not built yet: the shell shows what it will do and that it is coming. */
export const inspectionsModule: WebModule = {
  key: 'inspections',
  area: 'business',
  icon: SafetyCertificateOutlined,
  label: 'module.inspections.label',
  description: 'module.inspections.description',
  page: lazy(() => import('./index.tsx')),
  messages: { zh: inspectionsZh, en: inspectionsEn },
};
