import { LockOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { type TableColumnsType, Tag, Typography } from 'antd';
import { formatDateTime } from '../format.ts';
import type { Translate } from '../i18n/translate.ts';
import { RoleTags } from '../roles.tsx';
import type { UserDto } from './users.ts';

function AccountCell({ user }: { user: UserDto }) {
  return (
    <div className="wm-user-cell">
      <Typography.Text strong>{user.displayName}</Typography.Text>
      <Typography.Text type="secondary">{user.loginId}</Typography.Text>
    </div>
  );
}

function StatusCell({ user, t }: { user: UserDto; t: Translate }) {
  return (
    <span>
      {user.status === 'active' ? (
        <Tag color="green">{t('users.statusActive')}</Tag>
      ) : (
        <Tag color="default" data-testid="disabled-tag">
          {t(user.disabledReason === 'inactive' ? 'users.statusDisabledInactive' : 'users.statusDisabled')}
        </Tag>
      )}
      {user.locked && (
        <Tag color="red" icon={<LockOutlined />} data-testid="locked-tag">
          {t('users.locked')}
        </Tag>
      )}
      {user.mfaEnabled && (
        <Tag color="blue" icon={<SafetyCertificateOutlined />}>
          {t('users.mfa')}
        </Tag>
      )}
    </span>
  );
}

/** The columns every user table shares: who, where, which roles, in what state. Pages add their own. */
export function baseUserColumns(t: Translate): TableColumnsType<UserDto> {
  return [
    { key: 'account', title: t('users.account'), fixed: 'left', render: (_, user) => <AccountCell user={user} /> },
    {
      key: 'scope',
      title: t('users.scope'),
      dataIndex: 'scopeRegionName',
      render: (name: string, user) => name || user.scopeRegion,
    },
    { key: 'roles', title: t('users.roles'), render: (_, user) => <RoleTags roles={user.roles} /> },
    { key: 'status', title: t('users.status'), render: (_, user) => <StatusCell user={user} t={t} /> },
    {
      key: 'lastLogin',
      title: t('users.lastLogin'),
      dataIndex: 'lastLoginAt',
      render: (at: string | null) => formatDateTime(at),
    },
  ];
}
