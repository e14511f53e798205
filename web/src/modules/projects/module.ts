import { ProjectOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { WebModule } from '../../app/webModule.ts';
import { projectsEn } from './i18n/en.ts';
import { projectsZh } from './i18n/zh.ts';

/**
 * Not built yet (no server module): shown as 规划中 only to the roles it is planned for — 创文办 — as a page
 * that says what it will do and calls no API.
 */
export const projectsModule: WebModule = {
  key: 'projects',
  area: 'business',
  icon: ProjectOutlined,
  label: 'module.projects.label',
  description: 'module.projects.description',
  page: lazy(() => import('./index.tsx')),
  messages: { zh: projectsZh, en: projectsEn },
  plannedFor: ['coordinator'],
};
