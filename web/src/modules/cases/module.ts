import { CameraOutlined, EnvironmentOutlined, FileSearchOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { WebModule } from '../../app/webModule.ts';
import { casesEn } from './i18n/en.ts';
import { casesZh } from './i18n/zh.ts';
import { casesPublicPages } from './publicPages.ts';

/**
 * 市容案件. The staff side lives at `/m/cases` (queues and list, the map, one case); the residents' pages stand
 * outside the shell and without sign-in, loaded on demand: a phone opening `/report` from a poster's QR code
 * downloads these pages, not the staff modules.
 */
export const casesModule: WebModule = {
  key: 'cases',
  area: 'business',
  icon: EnvironmentOutlined,
  label: 'module.cases.label',
  description: 'module.cases.description',
  page: lazy(() => import('./index.tsx')),
  publicRoutes: casesPublicPages.publicRoutes,
  residentLinks: [
    { path: '/report', label: 'citizen.signIn.report', icon: CameraOutlined },
    { path: '/track', label: 'citizen.signIn.track', icon: FileSearchOutlined },
  ],
  messages: { zh: casesZh, en: casesEn },
  // The market inspectors, the volunteer centre, the service desk and the insurance roles hold none of these.
  permissions: ['cases.read', 'cases.report', 'cases.evaluate'],
  homeCard: lazy(() => import('./staff/home/CasesWorkCard.tsx')),
};
