import { errorText } from '../../../app/errorText.ts';
import { useT } from '../../../app/i18n/I18nProvider.tsx';
import { NearbyNotice } from './NearbyNotice.tsx';
import { Notice } from './Notice.tsx';
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
    return <Notice tone="info" busy className="wm-report-notice" title={t('citizen.nearby.checking')} role="status" />;
  if (state.phase === 'nearby')
    return (
      <NearbyNotice radiusM={state.radiusM} items={state.items} onReportAnyway={onReportAnyway} onCancel={onCancel} />
    );
  if (state.phase === 'sending') {
    return (
      <Notice
        tone="info"
        busy
        className="wm-report-notice"
        role="status"
        data-testid="report-sending"
        title={t('citizen.send.sending', { count: state.photos })}
      >
        {t('citizen.send.slow')}
      </Notice>
    );
  }
  if (state.phase === 'failed') return <SendFailed state={state} onRetry={onRetry} />;
  return null;
}

function SendFailed({ state, onRetry }: { state: Extract<Sending, { phase: 'failed' }>; onRetry: () => void }) {
  const t = useT();
  return (
    <Notice
      tone="error"
      role="alert"
      className="wm-report-notice"
      data-testid="report-failed"
      title={t('citizen.send.failed')}
      action={
        state.canRetry && (
          <button type="button" className="wm-button wm-button-primary" onClick={onRetry} data-testid="report-retry">
            {t('citizen.send.retry')}
          </button>
        )
      }
    >
      <div>{errorText(state.error, t)}</div>
      {state.canRetry && <div>{t('citizen.send.retryHint')}</div>}
    </Notice>
  );
}
