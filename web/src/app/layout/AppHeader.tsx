import { MenuOutlined } from '@ant-design/icons';
import { Button, Flex, Layout } from 'antd';
import { useT } from '../i18n/I18nProvider.tsx';
import { LanguageSwitch } from '../i18n/LanguageSwitch.tsx';
import { InboxBell } from '../inbox/InboxBell.tsx';
import { Brand } from './Brand.tsx';
import { UserMenu } from './UserMenu.tsx';

export function AppHeader({ isPhone, onOpenMenu }: { isPhone: boolean; onOpenMenu: () => void }) {
  const t = useT();
  return (
    <Layout.Header className={isPhone ? 'wm-header wm-header-phone' : 'wm-header'}>
      <Flex align="center" gap={isPhone ? 4 : 12} className="wm-header-start">
        {isPhone && (
          <Button
            type="text"
            icon={<MenuOutlined />}
            aria-label={t('nav.openMenu')}
            onClick={onOpenMenu}
            className="wm-menu-button"
            data-testid="nav-open"
          />
        )}
        <Brand compact={isPhone} />
      </Flex>
      <Flex align="center" gap={isPhone ? 4 : 16} className="wm-header-end">
        <LanguageSwitch size={isPhone ? 'small' : 'middle'} />
        <InboxBell />
        <UserMenu compact={isPhone} />
      </Flex>
    </Layout.Header>
  );
}
