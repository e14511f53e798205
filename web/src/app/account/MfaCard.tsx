import { CheckCircleFilled } from '@ant-design/icons';
import { App, Button, Card, Flex, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useAuth } from '../auth/AuthProvider.tsx';
import { useT } from '../i18n/I18nProvider.tsx';
import { MfaEnrolment } from './MfaEnrolment.tsx';

/** Whether an authenticator is bound; binding one from here is voluntary for roles that do not require it. */
export function MfaCard() {
  const t = useT();
  const { message } = App.useApp();
  const { session, refresh } = useAuth();
  const [enrolling, setEnrolling] = useState(false);
  const enabled = session.status === 'signed-in' && session.user.mfaEnabled;

  return (
    <Card title={t('mfa.title')} className="wm-account-card" data-testid="mfa-card">
      {enabled ? (
        <Flex vertical gap={8} align="flex-start">
          <Tag color="green" icon={<CheckCircleFilled />} className="wm-status-tag">
            {t('mfa.enabled')}
          </Tag>
          <Typography.Paragraph type="secondary">{t('mfa.enabledHint')}</Typography.Paragraph>
        </Flex>
      ) : enrolling ? (
        <MfaEnrolment
          onEnabled={async () => {
            await refresh();
            setEnrolling(false);
            message.success(t('mfa.enabledNow'));
          }}
        />
      ) : (
        <Flex vertical gap={12} align="flex-start">
          <Tag>{t('mfa.disabled')}</Tag>
          <Typography.Paragraph type="secondary">{t('mfa.disabledHint')}</Typography.Paragraph>
          <Button type="primary" onClick={() => setEnrolling(true)}>
            {t('mfa.enrolTitle')}
          </Button>
        </Flex>
      )}
    </Card>
  );
}
