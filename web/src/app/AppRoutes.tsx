import { lazy, Suspense } from 'react';
import { Route, Routes } from 'react-router-dom';
import { RequireModule } from './auth/RequireModule.tsx';
import { RequireSession } from './auth/RequireSession.tsx';
import { HomePage } from './home/HomePage.tsx';
import { AppLayout } from './layout/AppLayout.tsx';
import { LoginPage } from './login/LoginPage.tsx';
import { MfaVerifyPage } from './login/MfaVerifyPage.tsx';
import { PasswordChangePage } from './login/PasswordChangePage.tsx';
import { FullPageLoading } from './FullPageLoading.tsx';
import { installedModules } from './installedModules.ts';
import { modulePath } from './modules.ts';
import { NotFoundPage } from './NotFoundPage.tsx';

/** Public: what the QR on a printed document opens (loaded on its own, it is not part of the staff app). */
const VerifyPage = lazy(() => import('./verify/VerifyPage.tsx'));

/**
 * Pages a visit rarely starts on load when opened, so the first visit's JavaScript (budget: 350 KB on the wire,
 * `e2e/web-delivery-budget.e2e.ts`) carries no tables, tabs, uploads or QR codes for them.
 */
const AccountPage = lazy(() => import('./account/AccountPage.tsx').then((m) => ({ default: m.AccountPage })));
const InboxPage = lazy(() => import('./inbox/InboxPage.tsx').then((m) => ({ default: m.InboxPage })));
const ImportPage = lazy(() => import('./imports/ImportPage.tsx').then((m) => ({ default: m.ImportPage })));
const MfaEnrolPage = lazy(() => import('./login/MfaEnrolPage.tsx').then((m) => ({ default: m.MfaEnrolPage })));

/**
 * `/login`, the sign-in steps and the modules' public pages stand alone; everything else lives in the shell
 * behind the session check, and each module behind its own permission. Modules come from their manifests.
 */
export function AppRoutes() {
  return (
    <Routes>
      <Route path="/login" element={<LoginPage />} />
      <Route path="/login/mfa" element={<MfaVerifyPage />} />
      <Route
        path="/login/mfa-enrol"
        element={
          <Suspense fallback={<FullPageLoading />}>
            <MfaEnrolPage />
          </Suspense>
        }
      />
      <Route path="/login/password" element={<PasswordChangePage />} />
      {['/verify', '/verify/:code'].map((path) => (
        <Route
          key={path}
          path={path}
          element={
            <Suspense fallback={<FullPageLoading />}>
              <VerifyPage />
            </Suspense>
          }
        />
      ))}
      {installedModules().flatMap((module) =>
        (module.publicRoutes ?? []).map(({ path, page: Page }) => (
          <Route
            key={path}
            path={path}
            element={
              <Suspense fallback={<FullPageLoading />}>
                <Page />
              </Suspense>
            }
          />
        )),
      )}
      <Route
        element={
          <RequireSession>
            <AppLayout />
          </RequireSession>
        }
      >
        <Route index element={<HomePage />} />
        <Route path="/account" element={<AccountPage />} />
        <Route path="/inbox" element={<InboxPage />} />
        <Route path="/imports/:kind" element={<ImportPage />} />
        {installedModules().map(({ key, page: Page }) => (
          <Route
            key={key}
            path={`${modulePath(key)}/*`}
            element={
              <RequireModule module={key}>
                <Page />
              </RequireModule>
            }
          />
        ))}
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
