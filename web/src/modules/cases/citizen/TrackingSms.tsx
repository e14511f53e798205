import { Alert, Button } from 'antd';
import { useState } from 'react';
import { errorText } from '../../../app/errorText.ts';
import { useT } from '../../../app/i18n/I18nProvider.tsx';
import { citizenApi, type Tracking } from './citizenApi.ts';

/** 短信告知: while on, says so and offers to stop it (PIPL: withdrawing is as easy as giving); once stopped, says so. */
export function TrackingSms({
  tracking,
  token,
  onChanged,
}: {
  tracking: Tracking;
  token: string;
  onChanged: (tracking: Tracking) => void;
}) {
  const t = useT();
  const [sending, setSending] = useState(false);
  const [stopped, setStopped] = useState(false);
  const [failure, setFailure] = useState<string>();
  if (!tracking.smsConsent)
    return stopped ? (
      <Alert type="success" showIcon title={t('citizen.sms.off')} data-testid="tracking-sms-off" />
    ) : null;

  const stop = async () => {
    setSending(true);
    setFailure(undefined);
    try {
      const next = await citizenApi.stopSms(tracking.caseNo, token);
      setStopped(true);
      onChanged(next);
    } catch (error) {
      setFailure(errorText(error, t));
    } finally {
      setSending(false);
    }
  };
  return (
    <Alert
      type="info"
      showIcon
      className="wm-report-notice"
      title={t('citizen.sms.on')}
      description={failure}
      action={
        <Button size="small" loading={sending} onClick={() => void stop()} data-testid="tracking-sms-stop">
          {t('citizen.sms.stop')}
        </Button>
      }
      data-testid="tracking-sms"
    />
  );
}
