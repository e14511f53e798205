import { Drawer, Grid, Layout } from 'antd';
import { Suspense, useState } from 'react';
import { Outlet } from 'react-router-dom';
import { useAuth } from '../auth/AuthProvider.tsx';
import { FullPageLoading } from '../FullPageLoading.tsx';
import { useT } from '../i18n/I18nProvider.tsx';
import { AppHeader } from './AppHeader.tsx';
import { PreviewNotice } from './PreviewNotice.tsx';
import { SideNav } from './SideNav.tsx';

/**
 * The signed-in frame: header on top, module menu on the left, the page on the right.
 * Below antd's `md` breakpoint (768 px) the menu moves into a drawer so the page keeps the full width.
 */
export function AppLayout() {
  const t = useT();
  const { session } = useAuth();
  const screens = Grid.useBreakpoint();
  // `md` is undefined before the first measurement; assume a desktop until told otherwise.
  const isPhone = screens.md === false;
  const [menuOpen, setMenuOpen] = useState(false);

  return (
    <Layout className="wm-shell">
      <AppHeader isPhone={isPhone} onOpenMenu={() => setMenuOpen(true)} />
      <Layout>
        {!isPhone && (
          <Layout.Sider width={240} className="wm-sider">
            <SideNav />
          </Layout.Sider>
        )}
        <Layout.Content className={isPhone ? 'wm-content wm-content-phone' : 'wm-content'}>
          {session.status === 'preview' && <PreviewNotice />}
          <Suspense fallback={<FullPageLoading />}>
            <Outlet />
          </Suspense>
        </Layout.Content>
      </Layout>
      {isPhone && (
        <Drawer
          placement="left"
          size={280}
          open={menuOpen}
          onClose={() => setMenuOpen(false)}
          title={t('nav.label')}
          className="wm-nav-drawer"
          styles={{ body: { padding: 0 } }}
        >
          <SideNav onNavigate={() => setMenuOpen(false)} />
        </Drawer>
      )}
    </Layout>
  );
}
