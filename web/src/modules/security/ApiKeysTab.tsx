import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Table } from 'antd';
import { useCallback, useState } from 'react';
import { OneTimeSecretDialog } from '../../app/admin/OneTimeSecretDialog.tsx';
import { errorText } from '../../app/errorText.ts';
import { useT } from '../../app/i18n/I18nProvider.tsx';
import { LoadFailure } from '../../app/LoadFailure.tsx';
import { useResponsiveColumns } from '../../app/responsiveColumns.ts';
import { useLoad } from '../../app/useLoad.ts';
import { apiKeyColumns } from './apiKeyColumns.tsx';
import { CreateApiKeyDialog } from './CreateApiKeyDialog.tsx';
import { type ApiKeyDto, securityApi } from './securityApi.ts';

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

  const shownColumns = useResponsiveColumns(apiKeyColumns(t, revoke));

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
        grantable={grantable.data ?? { integration: [], names: {} }}
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
