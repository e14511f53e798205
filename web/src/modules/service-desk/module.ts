import { CustomerServiceOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { WebModule } from '../../app/webModule.ts';
import { serviceDeskEn } from './i18n/en.ts';
import { serviceDeskZh } from './i18n/zh.ts';

/** Not built yet: the shell shows what it will do and that it is coming. */
export const serviceDeskModule: WebModule = {
  key: 'service-desk',
  area: 'business',
  icon: CustomerServiceOutlined,
  label: 'module.service-desk.label',
  description: 'module.service-desk.description',
  page: lazy(() => import('./index.tsx')),
  messages: { zh: serviceDeskZh, en: serviceDeskEn },
};
