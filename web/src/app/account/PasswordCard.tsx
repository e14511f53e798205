import { App, Card } from 'antd';
import { useAuth } from '../auth/AuthProvider.tsx';
import { useT } from '../i18n/I18nProvider.tsx';
import { ChangePasswordForm } from './ChangePasswordForm.tsx';

export function PasswordCard({ onChanged }: { onChanged: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const { refresh } = useAuth();
  return (
    <Card title={t('password.changeTitle')} className="wm-account-card">
      <ChangePasswordForm
        onChanged={async () => {
          message.success(t('password.changed'));
          // The change rotated the session: read it again so every page holds the new anti-forgery token.
          await refresh();
          onChanged();
        }}
      />
    </Card>
  );
}
