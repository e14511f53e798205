import { lazy, Suspense } from 'react';
import { FullPageLoading } from '../../../app/FullPageLoading.tsx';

/**
 * The residents' pages, outside the staff shell and without sign-in. Loaded on demand: a phone opening
 * `/report` from a poster's QR code downloads these pages, not the staff modules.
 */
const ReportPage = lazy(() => import('./ReportPage.tsx'));
const TrackPage = lazy(() => import('./TrackPage.tsx'));

export function CitizenReportRoute() {
  return (
    <Suspense fallback={<FullPageLoading />}>
      <ReportPage />
    </Suspense>
  );
}

export function CitizenTrackRoute() {
  return (
    <Suspense fallback={<FullPageLoading />}>
      <TrackPage />
    </Suspense>
  );
}
