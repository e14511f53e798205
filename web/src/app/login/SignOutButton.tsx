import { Button } from 'antd';
import { useAuth } from '../auth/AuthProvider.tsx';
import { useT } from '../i18n/I18nProvider.tsx';

/** The way out of a half-finished sign-in (wrong account, no authenticator at hand). */
export function SignOutButton() {
  const t = useT();
  const { logout } = useAuth();
  return (
    <div className="wm-step-actions">
      <Button type="link" size="large" onClick={() => void logout()}>
        {t('login.otherAccount')}
      </Button>
    </div>
  );
}
