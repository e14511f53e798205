import { DownOutlined, IdcardOutlined, LoginOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { Avatar, Button, Dropdown, type MenuProps } from 'antd';
import { useNavigate } from 'react-router-dom';
import { useAuth } from '../auth/AuthProvider.tsx';
import { useT } from '../i18n/I18nProvider.tsx';

/** Who is signed in, their account page, and the way out. In the anonymous preview it offers the sign-in page instead. */
export function UserMenu({ compact }: { compact: boolean }) {
  const t = useT();
  const navigate = useNavigate();
  const { session, logout } = useAuth();
  const signedIn = session.status === 'signed-in';
  const name = signedIn ? session.user.displayName : t('auth.anonymous');

  const items: MenuProps['items'] = signedIn
    ? [
        { key: 'account', icon: <IdcardOutlined />, label: t('account.menu') },
        { type: 'divider' },
        { key: 'logout', icon: <LogoutOutlined />, label: t('auth.logout') },
      ]
    : [{ key: 'sign-in', icon: <LoginOutlined />, label: t('auth.signIn') }];

  const onClick: MenuProps['onClick'] = ({ key }) => {
    if (key === 'logout') void logout();
    else if (key === 'account') navigate('/account');
    else navigate('/login');
  };

  return (
    <Dropdown menu={{ items, onClick }} trigger={['click']} placement="bottomRight">
      <Button
        type="text"
        className="wm-user-button"
        aria-label={`${t('auth.userMenu')}: ${name}`}
        data-testid="user-menu"
      >
        <Avatar size="small" icon={<UserOutlined />} className="wm-user-avatar" />
        {/* On phones the avatar alone is the control: every pixel goes to the brand and language switch. */}
        {!compact && <span className="wm-user-name">{name}</span>}
        {!compact && <DownOutlined className="wm-user-caret" />}
      </Button>
    </Dropdown>
  );
}
