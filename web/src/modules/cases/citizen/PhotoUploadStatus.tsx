import { useT } from '../../../app/i18n/I18nProvider.tsx';
import { uploadProblemText } from '../uploads/uploadProblem.ts';
import type { UploadState } from '../uploads/uploadQueue.ts';
import { Icon } from './icons.tsx';

/**
 * Under each photo of the report form: waiting, a progress bar, "uploaded", or the failure with a retry button.
 * The staff forms' `UploadStatus` says the same with antd; this one is native, for the residents' bundle.
 */
export function PhotoUploadStatus({
  state,
  n,
  onRetry,
}: {
  state: UploadState | undefined;
  n: number;
  onRetry: () => void;
}) {
  const t = useT();
  if (!state) return null;
  const testId = `upload-status-${n - 1}`;
  if (state.status === 'waiting')
    return (
      <div className="wm-photo-upload" data-testid={testId} data-status="waiting">
        {t('cases.upload.waiting')}
      </div>
    );
  if (state.status === 'uploading') {
    const percent = Math.round(state.fraction * 100);
    const label = t('cases.upload.uploading', { percent });
    return (
      <div className="wm-photo-upload" role="status" data-testid={testId} data-status="uploading">
        <span>{label}</span>
        <progress className="wm-progress wm-progress-small" max={100} value={percent} aria-label={label} />
      </div>
    );
  }
  if (state.status === 'uploaded')
    return (
      <div className="wm-photo-upload wm-photo-upload-done" data-testid={testId} data-status="uploaded">
        <Icon name="done" /> {t('cases.upload.done')}
      </div>
    );
  return (
    <div className="wm-photo-upload wm-photo-upload-failed" role="alert" data-testid={testId} data-status="failed">
      <span>{uploadProblemText(state.problem, t)}</span>
      {state.retryable && (
        <button
          type="button"
          className="wm-button wm-button-small"
          onClick={onRetry}
          aria-label={t('cases.upload.retryLabel', { n })}
          data-testid={`upload-retry-${n - 1}`}
        >
          <Icon name="retry" />
          {t('cases.upload.retry')}
        </button>
      )}
    </div>
  );
}
