import { lazy } from 'react';
import type { PublicPages } from '../../app/webModule.ts';
import { citizenCatalogue } from './i18n/citizenCatalogue.ts';

const trackPage = lazy(() => import('./citizen/TrackPage.tsx'));

/**
 * The residents' pages of 市容案件 and their strings, apart from the module's manifest: the residents' entry
 * (`web/src/citizen-main.tsx`) imports this file alone, so no path leads from it to the staff pages or their
 * strings (the residents' catalogue, `i18n/citizenCatalogue.ts`; the staff manifest carries all of them).
 */
export const casesPublicPages = {
  key: 'cases',
  publicRoutes: [
    { path: '/report', page: lazy(() => import('./citizen/ReportPage.tsx')) },
    { path: '/track', page: trackPage },
    { path: '/track/:caseNo', page: trackPage },
  ],
  messages: citizenCatalogue,
} satisfies PublicPages;
