import { ProjectOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { WebModule } from '../../app/webModule.ts';
import { projectsEn } from './i18n/en.ts';
import { projectsZh } from './i18n/zh.ts';

/** Not built yet: the shell shows what it will do and that it is coming. */
export const projectsModule: WebModule = {
  key: 'projects',
  area: 'business',
  icon: ProjectOutlined,
  label: 'module.projects.label',
  description: 'module.projects.description',
  page: lazy(() => import('./index.tsx')),
  messages: { zh: projectsZh, en: projectsEn },
};
