import { Alert, Button, Spin } from 'antd';
import { errorText } from '../../../app/errorText.ts';
import { useT } from '../../../app/i18n/I18nProvider.tsx';
import { NearbyNotice } from './NearbyNotice.tsx';
import type { Sending } from './useReportSubmission.ts';

interface Props {
  state: Sending;
  onReportAnyway: () => void;
  onRetry: () => void;
  onCancel: () => void;
}

/** Where the submission stands: checking for nearby reports, the nearby notice, sending, or a failure to retry. */
export function SendingState({ state, onReportAnyway, onRetry, onCancel }: Props) {
  const t = useT();
  if (state.phase === 'checking')
    return (
      <Alert type="info" showIcon className="wm-report-notice" title={t('citizen.nearby.checking')} role="status" />
    );
  if (state.phase === 'nearby')
    return (
      <NearbyNotice radiusM={state.radiusM} items={state.items} onReportAnyway={onReportAnyway} onCancel={onCancel} />
    );
  if (state.phase === 'sending') {
    return (
      <Alert
        type="info"
        showIcon
        icon={<Spin size="small" />}
        className="wm-report-notice"
        role="status"
        data-testid="report-sending"
        title={t('citizen.send.sending', { count: state.photos })}
        description={t('citizen.send.slow')}
      />
    );
  }
  if (state.phase === 'failed') return <SendFailed state={state} onRetry={onRetry} />;
  return null;
}

function SendFailed({ state, onRetry }: { state: Extract<Sending, { phase: 'failed' }>; onRetry: () => void }) {
  const t = useT();
  return (
    <Alert
      type="error"
      showIcon
      className="wm-report-notice"
      data-testid="report-failed"
      title={t('citizen.send.failed')}
      description={
        <>
          <div>{errorText(state.error, t)}</div>
          {state.canRetry && <div>{t('citizen.send.retryHint')}</div>}
        </>
      }
      action={
        state.canRetry && (
          <Button type="primary" onClick={onRetry} data-testid="report-retry">
            {t('citizen.send.retry')}
          </Button>
        )
      }
    />
  );
}
