import { Alert, Button, Flex, QRCode, Typography } from 'antd';
import { useState } from 'react';
import { errorText } from '../errorText.ts';
import { useT } from '../i18n/I18nProvider.tsx';
import { accountApi, type MfaSetup } from '../auth/account.ts';
import { groupedKey } from './authenticatorKey.ts';
import { OneTimeCodeForm } from './OneTimeCodeForm.tsx';
import './account.css';

/**
 * Binding an authenticator app: ask the server for a key, show it (scannable, and as text to type in), then
 * prove one code from the app to switch MFA on. Until the code is proved, MFA stays off.
 */
export function MfaEnrolment({ onEnabled }: { onEnabled: () => Promise<unknown> | undefined }) {
  const t = useT();
  const [setup, setSetup] = useState<MfaSetup>();
  const [starting, setStarting] = useState(false);
  const [failure, setFailure] = useState<string>();

  const start = async () => {
    setStarting(true);
    setFailure(undefined);
    try {
      setSetup(await accountApi.setupMfa());
    } catch (error) {
      setFailure(errorText(error, t));
    } finally {
      setStarting(false);
    }
  };

  if (!setup) {
    return (
      <Flex vertical gap={16}>
        <Typography.Paragraph className="wm-step-text">{t('mfa.enrolIntro')}</Typography.Paragraph>
        {failure && <Alert type="error" showIcon title={failure} />}
        <Button
          type="primary"
          size="large"
          block
          loading={starting}
          onClick={() => void start()}
          data-testid="mfa-start"
        >
          {t('mfa.enrolStart')}
        </Button>
      </Flex>
    );
  }

  return (
    <Flex vertical gap={16} data-testid="mfa-key">
      <Typography.Paragraph className="wm-step-text">{t('mfa.enrolScan')}</Typography.Paragraph>
      <Flex justify="center">
        <QRCode type="svg" value={setup.uri} size={180} bordered={false} aria-label={t('mfa.qrLabel')} />
      </Flex>
      <div>
        <Typography.Text strong>{t('mfa.manualKey')}</Typography.Text>
        <Typography.Paragraph
          copyable={{ text: setup.secret }}
          className="wm-authenticator-key"
          data-testid="mfa-secret"
        >
          {groupedKey(setup.secret)}
        </Typography.Paragraph>
        <Typography.Text type="secondary">{t('mfa.uri')}</Typography.Text>
        <Typography.Paragraph copyable className="wm-authenticator-uri">
          {setup.uri}
        </Typography.Paragraph>
      </div>
      <OneTimeCodeForm
        submitLabel={t('mfa.enable')}
        onSubmit={async (code) => {
          await accountApi.enableMfa(code);
          await onEnabled();
        }}
      />
    </Flex>
  );
}
