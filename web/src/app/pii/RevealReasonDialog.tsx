import { Alert, Form, Input } from 'antd';
import { FormDialog } from '../FormDialog.tsx';
import { useT } from '../i18n/I18nProvider.tsx';
import { minRevealReasonLength } from './pii.ts';

interface ReasonValues {
  reason: string;
}

/** Asks why the clear value is needed before revealing it; the reason goes into the audit trail. */
export function RevealReasonDialog({
  open,
  onCancel,
  onReveal,
}: {
  open: boolean;
  onCancel: () => void;
  onReveal: (reason: string) => Promise<void>;
}) {
  const t = useT();
  return (
    <FormDialog<ReasonValues>
      open={open}
      title={t('pii.revealTitle')}
      okText={t('pii.reveal')}
      onCancel={onCancel}
      onSubmit={({ reason }) => onReveal(reason.trim())}
      notice={<Alert type="warning" showIcon title={t('pii.revealNotice')} />}
      testId="reveal-dialog"
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
        <Input.TextArea autoFocus rows={3} maxLength={200} showCount placeholder={t('pii.reasonPlaceholder')} />
      </Form.Item>
    </FormDialog>
  );
}
