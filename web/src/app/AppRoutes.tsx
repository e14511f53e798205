import { Route, Routes } from 'react-router-dom';
import { CitizenReportRoute, CitizenTrackRoute } from '../modules/cases/citizen/index.tsx';
import { AccountPage } from './account/AccountPage.tsx';
import { RequireModule } from './auth/RequireModule.tsx';
import { RequireSession } from './auth/RequireSession.tsx';
import { HomePage } from './home/HomePage.tsx';
import { AppLayout } from './layout/AppLayout.tsx';
import { LoginPage } from './login/LoginPage.tsx';
import { MfaEnrolPage } from './login/MfaEnrolPage.tsx';
import { MfaVerifyPage } from './login/MfaVerifyPage.tsx';
import { PasswordChangePage } from './login/PasswordChangePage.tsx';
import { modulePages } from './modulePages.tsx';
import { allModuleKeys, modulePath } from './modules.ts';
import { NotFoundPage } from './NotFoundPage.tsx';

/**
 * `/login` and the sign-in steps stand alone; everything else lives in the shell behind the session check,
 * and each module behind its own permission.
 */
export function AppRoutes() {
  return (
    <Routes>
      <Route path="/login" element={<LoginPage />} />
      <Route path="/login/mfa" element={<MfaVerifyPage />} />
      <Route path="/login/mfa-enrol" element={<MfaEnrolPage />} />
      <Route path="/login/password" element={<PasswordChangePage />} />
      <Route path="/report" element={<CitizenReportRoute />} />
      <Route path="/track" element={<CitizenTrackRoute />} />
      <Route path="/track/:caseNo" element={<CitizenTrackRoute />} />
      <Route
        element={
          <RequireSession>
            <AppLayout />
          </RequireSession>
        }
      >
        <Route index element={<HomePage />} />
        <Route path="/account" element={<AccountPage />} />
        {allModuleKeys.map((key) => {
          const Page = modulePages[key];
          return (
            <Route
              key={key}
              path={`${modulePath(key)}/*`}
              element={
                <RequireModule module={key}>
                  <Page />
                </RequireModule>
              }
            />
          );
        })}
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
