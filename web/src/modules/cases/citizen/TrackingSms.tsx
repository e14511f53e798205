import { useState } from 'react';
import { errorText } from '../../../app/errorText.ts';
import { useT } from '../../../app/i18n/I18nProvider.tsx';
import { citizenApi, type Tracking } from './citizenApi.ts';
import { Notice } from './Notice.tsx';

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
      <Notice
        tone="success"
        role="status"
        className="wm-report-notice"
        title={t('citizen.sms.off')}
        data-testid="tracking-sms-off"
      />
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
    <Notice
      tone="info"
      className="wm-report-notice"
      title={t('citizen.sms.on')}
      action={
        <button
          type="button"
          className="wm-button wm-button-small"
          disabled={sending}
          aria-busy={sending}
          onClick={() => void stop()}
          data-testid="tracking-sms-stop"
        >
          {t('citizen.sms.stop')}
        </button>
      }
      data-testid="tracking-sms"
    >
      {failure && <span role="alert">{failure}</span>}
    </Notice>
  );
}
