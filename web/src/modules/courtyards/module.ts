import { HomeOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { WebModule } from '../../app/webModule.ts';
import { courtyardsEn } from './i18n/en.ts';
import { courtyardsZh } from './i18n/zh.ts';

/** Not built yet: the shell shows what it will do and that it is coming. */
export const courtyardsModule: WebModule = {
  key: 'courtyards',
  area: 'business',
  icon: HomeOutlined,
  label: 'module.courtyards.label',
  description: 'module.courtyards.description',
  page: lazy(() => import('./index.tsx')),
  messages: { zh: courtyardsZh, en: courtyardsEn },
};
