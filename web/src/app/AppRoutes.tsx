import { Route, Routes } from 'react-router-dom';
import { RequireSession } from './auth/RequireSession.tsx';
import { HomePage } from './home/HomePage.tsx';
import { AppLayout } from './layout/AppLayout.tsx';
import { LoginPage } from './login/LoginPage.tsx';
import { modulePages } from './modulePages.tsx';
import { allModuleKeys, modulePath } from './modules.ts';
import { NotFoundPage } from './NotFoundPage.tsx';

/** `/login` stands alone; everything else lives in the shell behind the session check. */
export function AppRoutes() {
  return (
    <Routes>
      <Route path="/login" element={<LoginPage />} />
      <Route
        element={
          <RequireSession>
            <AppLayout />
          </RequireSession>
        }
      >
        <Route index element={<HomePage />} />
        {allModuleKeys.map((key) => {
          const Page = modulePages[key];
          return <Route key={key} path={`${modulePath(key)}/*`} element={<Page />} />;
        })}
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
