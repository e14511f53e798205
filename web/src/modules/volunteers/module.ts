import { TeamOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { WebModule } from '../../app/webModule.ts';
import { volunteersEn } from './i18n/en.ts';
import { volunteersZh } from './i18n/zh.ts';

/** Not built yet: the shell shows what it will do and that it is coming. */
export const volunteersModule: WebModule = {
  key: 'volunteers',
  area: 'business',
  icon: TeamOutlined,
  label: 'module.volunteers.label',
  description: 'module.volunteers.description',
  page: lazy(() => import('./index.tsx')),
  messages: { zh: volunteersZh, en: volunteersEn },
};
