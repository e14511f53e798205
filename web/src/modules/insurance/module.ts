import { MedicineBoxOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { WebModule } from '../../app/webModule.ts';
import { insuranceEn } from './i18n/en.ts';
import { insuranceZh } from './i18n/zh.ts';

/** Not built yet: the shell shows what it will do and that it is coming. */
export const insuranceModule: WebModule = {
  key: 'insurance',
  area: 'business',
  icon: MedicineBoxOutlined,
  label: 'module.insurance.label',
  description: 'module.insurance.description',
  page: lazy(() => import('./index.tsx')),
  messages: { zh: insuranceZh, en: insuranceEn },
};
