import { App, Button, Popconfirm, Space } from 'antd';
import { type UserDto, usersApi } from '../../app/admin/users.ts';
import { useAuth } from '../../app/auth/AuthProvider.tsx';
import { errorText } from '../../app/errorText.ts';
import { useT } from '../../app/i18n/I18nProvider.tsx';

export interface SystemUserActionHandlers {
  onEdit: (user: UserDto) => void;
  onChanged: (user: UserDto) => void;
  onTemporaryPassword: (user: UserDto, temporaryPassword: string) => void;
}

/** Edit, disable or enable, and reset the password of one account; the risky ones ask first. */
export function SystemUserActions({
  user,
  onEdit,
  onChanged,
  onTemporaryPassword,
}: { user: UserDto } & SystemUserActionHandlers) {
  const t = useT();
  const { message } = App.useApp();
  const { session } = useAuth();
  const disabling = user.status === 'active';
  // One's own account is changed on the account page; disabling it here would lock the administrator out.
  const self = session.status === 'signed-in' && session.user.id === user.id;

  const setStatus = async () => {
    try {
      onChanged(await usersApi.update(user.id, { status: disabling ? 'disabled' : 'active' }));
      message.success(disabling ? t('users.disabledNow') : t('users.enabledNow'));
    } catch (error) {
      message.error(errorText(error, t));
    }
  };

  const resetPassword = async () => {
    try {
      const { temporaryPassword } = await usersApi.resetPassword(user.id);
      onTemporaryPassword(user, temporaryPassword);
    } catch (error) {
      message.error(errorText(error, t));
    }
  };

  return (
    <Space size={4} className="wm-table-actions">
      <Button size="small" onClick={() => onEdit(user)}>
        {t('app.edit')}
      </Button>
      <Popconfirm
        title={
          disabling
            ? t('users.disableConfirm', { name: user.displayName })
            : t('users.enableConfirm', { name: user.displayName })
        }
        okText={disabling ? t('users.disable') : t('users.enable')}
        okButtonProps={{ danger: disabling }}
        cancelText={t('app.cancel')}
        onConfirm={setStatus}
      >
        <Button size="small" danger={disabling} disabled={self}>
          {disabling ? t('users.disable') : t('users.enable')}
        </Button>
      </Popconfirm>
      <Popconfirm
        title={t('users.resetConfirm', { name: user.displayName })}
        description={t('users.resetConfirmHint')}
        okText={t('users.resetPassword')}
        cancelText={t('app.cancel')}
        onConfirm={resetPassword}
      >
        <Button size="small" disabled={self}>
          {t('users.resetPassword')}
        </Button>
      </Popconfirm>
    </Space>
  );
}
