import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Popconfirm, Table, type TableColumnsType, Tag, Tooltip } from 'antd';
import { useCallback, useState } from 'react';
import { OneTimeSecretDialog } from '../../app/admin/OneTimeSecretDialog.tsx';
import { errorText } from '../../app/errorText.ts';
import { formatDate, formatDateTime, noValue } from '../../app/format.ts';
import { permissionLabel } from '../../app/roles.tsx';
import { useResponsiveColumns } from '../../app/responsiveColumns.ts';
import { useT } from '../../app/i18n/I18nProvider.tsx';
import type { Translate } from '../../app/i18n/translate.ts';
import { LoadFailure } from '../../app/LoadFailure.tsx';
import { RegionName } from '../../app/regions/RegionName.tsx';
import { useLoad } from '../../app/useLoad.ts';
import { CreateApiKeyDialog } from './CreateApiKeyDialog.tsx';
import { PermissionTags } from './PermissionTags.tsx';
import { type ApiKeyDto, securityApi } from './securityApi.ts';

function KeyState({ apiKey, t }: { apiKey: ApiKeyDto; t: Translate }) {
  if (apiKey.revokedAt) return <Tag>{t('apiKeys.revoked')}</Tag>;
  if (apiKey.expiresAt && Date.parse(apiKey.expiresAt) <= Date.now())
    return <Tag color="orange">{t('apiKeys.expired')}</Tag>;
  return <Tag color="green">{t('apiKeys.active')}</Tag>;
}

/** A key's permissions; those stored but not in force (not integration permissions) are flagged. */
function KeyPermissions({ apiKey, t }: { apiKey: ApiKeyDto; t: Translate }) {
  const ineffective = new Set(apiKey.ineffectivePermissions);
  return (
    <>
      <PermissionTags permissions={apiKey.permissions.filter((code) => !ineffective.has(code))} />
      {apiKey.ineffectivePermissions.map((code) => (
        <Tooltip key={code} title={t('apiKeys.ineffectiveHint', { code })}>
          <Tag color="red" data-testid="ineffective-permission">
            <del>{permissionLabel(code, t)}</del> {t('apiKeys.ineffective')}
          </Tag>
        </Tooltip>
      ))}
    </>
  );
}

/** Keys for partner systems: create (the key is shown once), see use, revoke. */
export function ApiKeysTab() {
  const t = useT();
  const { message } = App.useApp();
  const keys = useLoad(useCallback((signal: AbortSignal) => securityApi.apiKeys(signal), []));
  const grantable = useLoad(useCallback((signal: AbortSignal) => securityApi.apiKeyPermissions(signal), []));
  const [creating, setCreating] = useState(false);
  const [issued, setIssued] = useState<{ name: string; key: string }>();

  const revoke = async (apiKey: ApiKeyDto) => {
    try {
      await securityApi.revokeApiKey(apiKey.id);
      message.success(t('apiKeys.revokedNow', { name: apiKey.name }));
      keys.reload();
    } catch (error) {
      message.error(errorText(error, t));
    }
  };

  const columns: TableColumnsType<ApiKeyDto> = [
    {
      key: 'name',
      title: t('apiKeys.name'),
      fixed: 'left',
      render: (_, apiKey) => (
        <div className="wm-user-cell">
          <strong>{apiKey.name}</strong>
          <code>{apiKey.prefix}…</code>
        </div>
      ),
    },
    { key: 'state', title: t('apiKeys.state'), render: (_, apiKey) => <KeyState apiKey={apiKey} t={t} /> },
    {
      key: 'permissions',
      title: t('apiKeys.permissions'),
      render: (_, apiKey) => <KeyPermissions apiKey={apiKey} t={t} />,
    },
    {
      key: 'scope',
      title: t('users.scope'),
      dataIndex: 'scopeRegion',
      render: (code: string) => <RegionName code={code} />,
    },
    {
      key: 'created',
      title: t('apiKeys.createdAt'),
      dataIndex: 'createdAt',
      render: (at: string) => formatDateTime(at),
    },
    {
      key: 'expires',
      title: t('apiKeys.expiresAt'),
      dataIndex: 'expiresAt',
      render: (at: string | null) => (at ? formatDate(at) : t('apiKeys.noExpiry')),
    },
    {
      key: 'lastUsed',
      title: t('apiKeys.lastUsedAt'),
      dataIndex: 'lastUsedAt',
      render: (at: string | null) => (at ? formatDateTime(at) : noValue),
    },
    {
      key: 'actions',
      title: t('table.actions'),
      fixed: 'right',
      render: (_, apiKey) =>
        apiKey.revokedAt ? null : (
          <Popconfirm
            title={t('apiKeys.revokeConfirm', { name: apiKey.name })}
            okText={t('apiKeys.revoke')}
            okButtonProps={{ danger: true }}
            cancelText={t('app.cancel')}
            onConfirm={() => revoke(apiKey)}
          >
            <Button size="small" danger>
              {t('apiKeys.revoke')}
            </Button>
          </Popconfirm>
        ),
    },
  ];
  const shownColumns = useResponsiveColumns(columns);

  return (
    <>
      <div className="wm-toolbar">
        <span />
        <Button
          type="primary"
          icon={<PlusOutlined />}
          onClick={() => setCreating(true)}
          data-testid="create-api-key-button"
        >
          {t('apiKeys.create')}
        </Button>
      </div>
      {keys.error !== undefined && <LoadFailure error={keys.error} onRetry={keys.reload} />}
      <Table<ApiKeyDto>
        rowKey="id"
        size="middle"
        columns={shownColumns}
        dataSource={keys.data ?? []}
        loading={keys.loading}
        pagination={false}
        scroll={{ x: 'max-content' }}
        data-testid="api-keys-table"
      />
      <CreateApiKeyDialog
        open={creating}
        grantable={grantable.data?.integration ?? []}
        onCancel={() => setCreating(false)}
        onCreated={(apiKey, key) => {
          setCreating(false);
          setIssued({ name: apiKey.name, key });
          keys.reload();
        }}
      />
      <OneTimeSecretDialog
        open={issued !== undefined}
        title={t('apiKeys.issuedTitle', { name: issued?.name ?? '' })}
        label={t('apiKeys.key')}
        secret={issued?.key}
        hint={t('apiKeys.issuedHint')}
        onClose={() => setIssued(undefined)}
      />
    </>
  );
}
