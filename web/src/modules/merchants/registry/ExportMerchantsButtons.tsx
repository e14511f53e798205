import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input, Space } from 'antd';
import { useState } from 'react';
import { useCan } from '../../../app/auth/permissions.ts';
import { DownloadButton } from '../../../app/DownloadButton.tsx';
import { FormDialog } from '../../../app/FormDialog.tsx';
import { useT } from '../../../app/i18n/I18nProvider.tsx';
import { minRevealReasonLength } from '../../../app/pii/pii.ts';
import { saveFile } from '../../../app/saveFile.ts';
import { type MerchantFilters, merchantsApi, operatorRevealPermission } from '../merchantsApi.ts';

const fallbackName = 'merchants.xlsx';

/**
 * The Excel of exactly the filter on screen, operators masked; and, for those allowed to reveal operators, the
 * same file with them in clear after a reason (the server audits it as a reveal).
 */
export function ExportMerchantsButtons({ filters }: { filters: MerchantFilters }) {
  const t = useT();
  const can = useCan();
  const [asking, setAsking] = useState(false);
  if (!can('merchants.export')) return null;
  const withOperators = can('pii.reveal') && can(operatorRevealPermission);

  // A refusal rejects, and the dialog says it above the reason, which it keeps for another try.
  const exportInClear = async ({ reason }: { reason: string }) => {
    const file = await merchantsApi.export(filters, reason.trim());
    saveFile(file.blob, file.filename ?? fallbackName);
    setAsking(false);
  };

  // Its own row of buttons: a fragment would sit in one slot of the toolbar's Space, the buttons touching.
  return (
    <Space wrap>
      <DownloadButton
        fetchFile={() => merchantsApi.export(filters)}
        fallbackName={fallbackName}
        testId="merchant-export"
      >
        {t('merchants.export')}
      </DownloadButton>
      {withOperators && (
        <Button icon={<DownloadOutlined />} onClick={() => setAsking(true)} data-testid="merchant-export-clear">
          {t('merchants.exportClear')}
        </Button>
      )}
      {withOperators && (
        <FormDialog<{ reason: string }>
          open={asking}
          title={t('merchants.exportClear.title')}
          okText={t('merchants.exportClear.ok')}
          onCancel={() => setAsking(false)}
          onSubmit={exportInClear}
          notice={<Alert type="warning" showIcon title={t('merchants.exportClear.notice')} />}
          testId="merchant-export-clear-dialog"
        >
          <Form.Item
            label={t('pii.reason')}
            name="reason"
            rules={[
              { required: true, whitespace: true, message: t('pii.reasonRequired') },
              {
                min: minRevealReasonLength,
                transform: (value?: string) => value?.trim(),
                message: t('pii.reasonTooShort', { min: minRevealReasonLength }),
              },
            ]}
          >
            <Input.TextArea autoFocus rows={3} maxLength={200} showCount />
          </Form.Item>
        </FormDialog>
      )}
    </Space>
  );
}
