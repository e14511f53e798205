import { App, Button, Popconfirm, Space, type TableColumnsType, Tooltip } from 'antd';
import { useState } from 'react';
import { UserFilters } from '../../app/admin/UserFilters.tsx';
import { UserTable } from '../../app/admin/UserTable.tsx';
import { baseUserColumns } from '../../app/admin/userColumns.tsx';
import { useUserPage } from '../../app/admin/useUserPage.ts';
import { type UserDto, usersApi } from '../../app/admin/users.ts';
import { useAuth } from '../../app/auth/AuthProvider.tsx';
import { useCan } from '../../app/auth/permissions.ts';
import { errorText } from '../../app/errorText.ts';
import { useT } from '../../app/i18n/I18nProvider.tsx';
import { AssignRolesDialog } from './AssignRolesDialog.tsx';
import type { RoleDto } from './securityApi.ts';

/** Who holds which roles, and locked accounts to unlock. Nobody changes their own roles. */
export function UserAccessTab({ roles }: { roles: RoleDto[] }) {
  const t = useT();
  const can = useCan();
  const { message } = App.useApp();
  const { session } = useAuth();
  const selfId = session.status === 'signed-in' ? session.user.id : undefined;
  const users = useUserPage();
  const [assigning, setAssigning] = useState<UserDto>();

  const unlock = async (user: UserDto) => {
    try {
      await usersApi.unlock(user.id);
      users.replaceUser({ ...user, locked: false });
      message.success(t('users.unlocked', { name: user.displayName }));
    } catch (error) {
      message.error(errorText(error, t));
    }
  };

  const actions = (user: UserDto) => (
    <Space size={4} className="wm-table-actions">
      {can('roles.grant') && (
        <Tooltip title={user.id === selfId ? t('roles.noSelfGrant') : undefined}>
          <Button
            size="small"
            disabled={user.id === selfId}
            onClick={() => setAssigning(user)}
            data-testid={`assign-${user.loginId}`}
          >
            {t('roles.assign')}
          </Button>
        </Tooltip>
      )}
      {can('users.unlock') && user.locked && (
        <Popconfirm
          title={t('users.unlockConfirm', { name: user.displayName })}
          okText={t('users.unlock')}
          cancelText={t('app.cancel')}
          onConfirm={() => unlock(user)}
        >
          <Button size="small" data-testid={`unlock-${user.loginId}`}>
            {t('users.unlock')}
          </Button>
        </Popconfirm>
      )}
    </Space>
  );

  const columns: TableColumnsType<UserDto> = [
    ...baseUserColumns(t),
    { key: 'actions', title: t('table.actions'), fixed: 'right', render: (_, user) => actions(user) },
  ];

  return (
    <>
      <div className="wm-toolbar">
        <UserFilters query={users.query} onChange={users.setQuery} />
      </div>
      <UserTable state={users} columns={columns} />
      <AssignRolesDialog
        user={assigning}
        roles={roles}
        onCancel={() => setAssigning(undefined)}
        onSaved={(user) => {
          setAssigning(undefined);
          users.replaceUser(user);
          message.success(t('roles.assigned', { name: user.displayName }));
        }}
      />
    </>
  );
}
