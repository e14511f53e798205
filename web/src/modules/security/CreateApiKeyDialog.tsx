import { Alert, DatePicker, Form, Input, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useAuth } from '../../app/auth/AuthProvider.tsx';
import { FormDialog } from '../../app/FormDialog.tsx';
import { useT } from '../../app/i18n/I18nProvider.tsx';
import { RegionPicker } from '../../app/regions/RegionPicker.tsx';
import { permissionName } from './PermissionTags.tsx';
import { type ApiKeyDto, type GrantableDto, securityApi } from './securityApi.ts';

interface ApiKeyValues {
  name: string;
  permissions: string[];
  scopeRegion: string;
  expiresAt?: Dayjs | null;
}

/**
 * A key for a partner system: only the permissions it needs, chosen from those a key may carry (the server's
 * integration allowlist), a data scope and, ideally, an end date.
 */
export function CreateApiKeyDialog({
  open,
  grantable,
  onCancel,
  onCreated,
}: {
  open: boolean;
  grantable: GrantableDto;
  onCancel: () => void;
  onCreated: (apiKey: ApiKeyDto, key: string) => void;
}) {
  const t = useT();
  const { session } = useAuth();
  const root = session.status === 'signed-in' ? session.user.scopeRegion : '';
  const submit = async (values: ApiKeyValues) => {
    const { apiKey, key } = await securityApi.createApiKey({
      name: values.name.trim(),
      permissions: values.permissions,
      scopeRegion: values.scopeRegion,
      ...(values.expiresAt ? { expiresAt: values.expiresAt.endOf('day').toISOString() } : {}),
    });
    onCreated(apiKey, key);
  };
  return (
    <FormDialog<ApiKeyValues>
      open={open}
      title={t('apiKeys.create')}
      okText={t('apiKeys.createSubmit')}
      onCancel={onCancel}
      onSubmit={submit}
      initialValues={{ permissions: [], scopeRegion: root }}
      notice={<Alert type="info" showIcon title={t('apiKeys.createNotice')} />}
      testId="create-api-key"
    >
      <Form.Item
        label={t('apiKeys.name')}
        name="name"
        rules={[{ required: true, whitespace: true, min: 2, max: 60, message: t('apiKeys.nameRequired') }]}
      >
        <Input autoFocus maxLength={60} placeholder={t('apiKeys.namePlaceholder')} />
      </Form.Item>
      <Form.Item
        label={t('apiKeys.permissions')}
        name="permissions"
        extra={t('apiKeys.permissionsHint')}
        rules={[{ required: true, type: 'array', min: 1, message: t('apiKeys.permissionsRequired') }]}
      >
        <Select
          mode="multiple"
          options={grantable.integration.map((code) => ({
            value: code,
            label: `${permissionName(code, grantable.names)} (${code})`,
          }))}
        />
      </Form.Item>
      <Form.Item
        label={t('users.scope')}
        name="scopeRegion"
        rules={[{ required: true, message: t('users.scopeRequired') }]}
      >
        <RegionPicker root={root} />
      </Form.Item>
      <Form.Item label={t('apiKeys.expiresAt')} name="expiresAt" extra={t('apiKeys.expiresHint')}>
        <DatePicker style={{ width: '100%' }} disabledDate={(day) => day.isBefore(dayjs(), 'day')} />
      </Form.Item>
    </FormDialog>
  );
}
