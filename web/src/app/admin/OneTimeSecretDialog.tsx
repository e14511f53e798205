import { Alert, Button, Flex, Modal, Typography } from 'antd';
import { useT } from '../i18n/I18nProvider.tsx';
import './admin.css';

/**
 * Shows a secret the server will never show again (a temporary password, a new API key): large, with a copy
 * button and the warning that it is shown only now. Closing needs a deliberate click, not a stray one outside.
 */
export function OneTimeSecretDialog({
  open,
  title,
  label,
  secret,
  hint,
  onClose,
}: {
  open: boolean;
  title: string;
  label: string;
  secret: string | undefined;
  hint?: string;
  onClose: () => void;
}) {
  const t = useT();
  return (
    <Modal
      open={open}
      title={title}
      onCancel={onClose}
      mask={{ closable: false }}
      keyboard={false}
      footer={
        <Button type="primary" onClick={onClose}>
          {t('secret.done')}
        </Button>
      }
      data-testid="one-time-secret"
    >
      <Flex vertical gap={12}>
        <Alert type="warning" showIcon title={t('secret.shownOnce')} />
        <div>
          <Typography.Text type="secondary">{label}</Typography.Text>
          <Typography.Paragraph
            copyable={secret ? { text: secret, tooltips: [t('secret.copy'), t('secret.copied')] } : false}
            className="wm-secret-value"
            data-testid="secret-value"
          >
            {secret}
          </Typography.Paragraph>
        </div>
        {hint && <Typography.Paragraph type="secondary">{hint}</Typography.Paragraph>}
      </Flex>
    </Modal>
  );
}
