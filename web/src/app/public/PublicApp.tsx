import { Suspense, useEffect } from 'react';
import { BrowserRouter, Navigate, Route, Routes, useLocation } from 'react-router-dom';
import { I18nProvider } from '../i18n/I18nProvider.tsx';
import { installedPublicPages } from '../installedModules.ts';
import { MetaProvider } from '../meta/MetaProvider.tsx';
import { PublicLoading } from './PublicLoading.tsx';

/**
 * The residents' app: the installed modules' public pages and nothing of the staff shell (no session check, menu,
 * or staff pages) and no antd: its pages are native controls with their own styles, so a phone on Slow 4G
 * downloads React, the router and the page (#12: ≤ 150 KB). Language and the county's name work as in the staff
 * app.
 */
export function PublicApp() {
  return (
    <BrowserRouter>
      <I18nProvider>
        <MetaProvider>
          <PublicRoutes />
        </MetaProvider>
      </I18nProvider>
    </BrowserRouter>
  );
}

export function PublicRoutes() {
  const routes = installedPublicPages().flatMap((module) => module.publicRoutes ?? []);
  return (
    <Routes>
      {routes.map(({ path, page: Page }) => (
        <Route
          key={path}
          path={path}
          element={
            <Suspense fallback={<PublicLoading />}>
              <Page />
            </Suspense>
          }
        />
      ))}
      <Route path="*" element={<OutsidePublicPages paths={routes.map(({ path }) => path)} />} />
    </Routes>
  );
}

/**
 * A path this app does not route: under a public page's first segment (`/track/a/b`) it opens that page; anywhere
 * else (`/`, `/login`, `/verify/…`) it belongs to the staff entry, so the browser loads it from the server. The
 * server answers only the public pages' segments with this app, so the second case cannot loop.
 */
export function OutsidePublicPages({ paths }: { paths: readonly string[] }) {
  const location = useLocation();
  const section = `/${location.pathname.split('/')[1] ?? ''}`;
  const inside = paths.includes(section);
  const target = `${location.pathname}${location.search}${location.hash}`;
  useEffect(() => {
    if (!inside) window.location.assign(target);
  }, [inside, target]);
  return inside ? <Navigate to={section} replace /> : <PublicLoading />;
}
