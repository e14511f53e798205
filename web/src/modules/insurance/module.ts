import { MedicineBoxOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { WebModule } from '../../app/webModule.ts';
import { insuranceEn } from './i18n/en.ts';
import { insuranceZh } from './i18n/zh.ts';

/**
 * Not built yet (no server module): shown as 规划中 only to the roles it is planned for — 医保经办 and 定点医疗机构 — as a page
 * that says what it will do and calls no API.
 */
export const insuranceModule: WebModule = {
  key: 'insurance',
  area: 'business',
  icon: MedicineBoxOutlined,
  label: 'module.insurance.label',
  description: 'module.insurance.description',
  page: lazy(() => import('./index.tsx')),
  messages: { zh: insuranceZh, en: insuranceEn },
  plannedFor: ['insurance_clerk', 'institution_operator'],
};
