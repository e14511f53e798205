import { PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button, Card, Flex, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { OneTimeSecretDialog } from '../../app/admin/OneTimeSecretDialog.tsx';
import { UserFilters } from '../../app/admin/UserFilters.tsx';
import { UserTable } from '../../app/admin/UserTable.tsx';
import { useCan } from '../../app/auth/permissions.ts';
import { baseUserColumns } from '../../app/admin/userColumns.tsx';
import { useUserPage } from '../../app/admin/useUserPage.ts';
import type { UserDto } from '../../app/admin/users.ts';
import { noValue } from '../../app/format.ts';
import { MetaPanel } from '../../app/home/MetaPanel.tsx';
import { useT } from '../../app/i18n/I18nProvider.tsx';
import type { Translate } from '../../app/i18n/translate.ts';
import { PageHeading } from '../../app/PageHeading.tsx';
import { RevealField } from '../../app/pii/RevealField.tsx';
import { CreateUserDialog } from './CreateUserDialog.tsx';
import { EditUserDialog } from './EditUserDialog.tsx';
import { SystemJobsCard } from './jobs/SystemJobsCard.tsx';
import { SmsDeliveriesCard } from './sms/SmsDeliveriesCard.tsx';
import { type SystemUserActionHandlers, SystemUserActions } from './SystemUserActions.tsx';

interface IssuedPassword {
  user: UserDto;
  temporaryPassword: string;
}

/** The user table's columns for the system administrator: the shared ones, department, phone (revealed on purpose), actions. */
function systemUserColumns(t: Translate, handlers: SystemUserActionHandlers): TableColumnsType<UserDto> {
  return [
    ...baseUserColumns(t),
    {
      key: 'department',
      title: t('users.department'),
      dataIndex: 'department',
      render: (value: string | null) => value ?? noValue,
    },
    {
      key: 'phone',
      title: t('users.phone'),
      render: (_, user) => <RevealField objectType="user" objectId={user.id} field="phone" masked={user.phone} />,
    },
    {
      key: 'actions',
      title: t('table.actions'),
      fixed: 'right',
      render: (_, user) => <SystemUserActions user={user} {...handlers} />,
    },
  ];
}

/** 系统管理 (三员: the system administrator): staff accounts — create, edit, disable, reset passwords. */
export default function SystemAdminPage() {
  const t = useT();
  const { message } = App.useApp();
  const users = useUserPage();
  const can = useCan();
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<UserDto>();
  const [issued, setIssued] = useState<IssuedPassword>();

  const columns = systemUserColumns(t, {
    onEdit: setEditing,
    onChanged: users.replaceUser,
    onTemporaryPassword: (target, temporaryPassword) => setIssued({ user: target, temporaryPassword }),
  });

  return (
    <Flex vertical gap={16}>
      <PageHeading title={t('module.system.label')} intro={t('system.intro')} />
      <Card title={t('users.title')} data-testid="system-users">
        <div className="wm-toolbar">
          <UserFilters query={users.query} onChange={users.setQuery} />
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setCreating(true)}
            data-testid="create-user-button"
          >
            {t('users.create')}
          </Button>
          {/* 批量导入账号: the import page of platform/imports, behind the same permission as creating one. */}
          <Link to="/imports/auth.accounts" data-testid="import-users-link">
            <Button icon={<UploadOutlined />}>{t('imports.open')}</Button>
          </Link>
        </div>
        <UserTable state={users} columns={columns} />
      </Card>
      {can('system.sms') && <SmsDeliveriesCard />}
      {can('system.jobs') && <SystemJobsCard />}
      {/* What this installation is (county, database, version, demo): the administrator's, not the business home's. */}
      <MetaPanel />
      <CreateUserDialog
        open={creating}
        onCancel={() => setCreating(false)}
        onCreated={(user, temporaryPassword) => {
          setCreating(false);
          setIssued({ user, temporaryPassword });
          users.reload();
        }}
      />
      <EditUserDialog
        user={editing}
        onCancel={() => setEditing(undefined)}
        onSaved={(user) => {
          setEditing(undefined);
          users.replaceUser(user);
          message.success(t('app.saved'));
        }}
      />
      <OneTimeSecretDialog
        open={issued !== undefined}
        title={t('users.temporaryPasswordTitle', { name: issued?.user.displayName ?? '' })}
        label={t('users.temporaryPasswordFor', { login: issued?.user.loginId ?? '' })}
        secret={issued?.temporaryPassword}
        hint={t('users.temporaryPasswordHint')}
        onClose={() => setIssued(undefined)}
      />
    </Flex>
  );
}
