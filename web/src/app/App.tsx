import type { ReactNode } from 'react';
import { BrowserRouter } from 'react-router-dom';
import { AntdProvider } from './AntdProvider.tsx';
import { AppRoutes } from './AppRoutes.tsx';
import { AuthProvider } from './auth/AuthProvider.tsx';
import { I18nProvider } from './i18n/I18nProvider.tsx';
import { MetaProvider } from './meta/MetaProvider.tsx';

/**
 * Provider order matters: language first (requests carry it), then antd's locale, then the session, whose
 * logout re-mounts everything below it (meta, pages) so no state of the previous user survives.
 */
export function AppProviders({ children }: { children: ReactNode }) {
  return (
    <I18nProvider>
      <AntdProvider>
        <AuthProvider>
          <MetaProvider>{children}</MetaProvider>
        </AuthProvider>
      </AntdProvider>
    </I18nProvider>
  );
}

export function App() {
  return (
    <BrowserRouter>
      <AppProviders>
        <AppRoutes />
      </AppProviders>
    </BrowserRouter>
  );
}
