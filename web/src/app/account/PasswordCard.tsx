import { App, Card } from 'antd';
import { useT } from '../i18n/I18nProvider.tsx';
import { ChangePasswordForm } from './ChangePasswordForm.tsx';

export function PasswordCard({ onChanged }: { onChanged: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  return (
    <Card title={t('password.changeTitle')} className="wm-account-card">
      <ChangePasswordForm
        onChanged={async () => {
          message.success(t('password.changed'));
          onChanged();
        }}
      />
    </Card>
  );
}
