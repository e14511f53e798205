import { HomeOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { WebModule } from '../../app/webModule.ts';
import { courtyardsEn } from './i18n/en.ts';
import { courtyardsZh } from './i18n/zh.ts';

/**
 * Not built yet (no server module): shown as 规划中 only to the roles it is planned for — 村干部 contract and score the courtyards; 创文办 follows — as a page
 * that says what it will do and calls no API.
 */
export const courtyardsModule: WebModule = {
  key: 'courtyards',
  area: 'business',
  icon: HomeOutlined,
  label: 'module.courtyards.label',
  description: 'module.courtyards.description',
  page: lazy(() => import('./index.tsx')),
  messages: { zh: courtyardsZh, en: courtyardsEn },
  plannedFor: ['village_cadre', 'coordinator'],
};
