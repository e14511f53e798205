import { Button, Popconfirm, type TableColumnsType, Tag, Tooltip } from 'antd';
import { formatDate, formatDateTime, noValue } from '../../app/format.ts';
import type { Translate } from '../../app/i18n/translate.ts';
import { RegionName } from '../../app/regions/RegionName.tsx';
import { PermissionTags, permissionName } from './PermissionTags.tsx';
import type { ApiKeyDto } from './securityApi.ts';

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
      <PermissionTags
        permissions={apiKey.permissions.filter((code) => !ineffective.has(code))}
        names={apiKey.permissionNames}
      />
      {apiKey.ineffectivePermissions.map((code) => (
        <Tooltip key={code} title={t('apiKeys.ineffectiveHint', { code })}>
          <Tag color="red" data-testid="ineffective-permission">
            <del>{permissionName(code, apiKey.permissionNames)}</del> {t('apiKeys.ineffective')}
          </Tag>
        </Tooltip>
      ))}
    </>
  );
}

function RevokeButton({ apiKey, t, onRevoke }: { apiKey: ApiKeyDto; t: Translate; onRevoke: () => Promise<void> }) {
  if (apiKey.revokedAt) return null;
  return (
    <Popconfirm
      title={t('apiKeys.revokeConfirm', { name: apiKey.name })}
      okText={t('apiKeys.revoke')}
      okButtonProps={{ danger: true }}
      cancelText={t('app.cancel')}
      onConfirm={onRevoke}
    >
      <Button size="small" danger>
        {t('apiKeys.revoke')}
      </Button>
    </Popconfirm>
  );
}

const dateTimeOr = (empty: string) => (at: string | null) => (at ? formatDateTime(at) : empty);

/** The key table's columns: who it is, what it may do and where, when it was made, ends and was last used. */
export function apiKeyColumns(
  t: Translate,
  onRevoke: (apiKey: ApiKeyDto) => Promise<void>,
): TableColumnsType<ApiKeyDto> {
  return [
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
    { key: 'created', title: t('apiKeys.createdAt'), dataIndex: 'createdAt', render: dateTimeOr(noValue) },
    {
      key: 'expires',
      title: t('apiKeys.expiresAt'),
      dataIndex: 'expiresAt',
      render: (at: string | null) => (at ? formatDate(at) : t('apiKeys.noExpiry')),
    },
    { key: 'lastUsed', title: t('apiKeys.lastUsedAt'), dataIndex: 'lastUsedAt', render: dateTimeOr(noValue) },
    {
      key: 'actions',
      title: t('table.actions'),
      fixed: 'right',
      render: (_, apiKey) => <RevokeButton apiKey={apiKey} t={t} onRevoke={() => onRevoke(apiKey)} />,
    },
  ];
}
