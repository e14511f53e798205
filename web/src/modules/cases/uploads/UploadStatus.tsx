import { CheckCircleFilled, ReloadOutlined } from '@ant-design/icons';
import { Button, Progress } from 'antd';
import { useT } from '../../../app/i18n/I18nProvider.tsx';
import { uploadProblemText } from './uploadProblem.ts';
import type { UploadState } from './uploadQueue.ts';
import './uploads.css';

/** Under each photo: waiting, a progress bar, "uploaded", or the failure with a retry button. */
export function UploadStatus({
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
  if (state.status === 'waiting') {
    return (
      <div className="wm-upload-status" data-testid={testId} data-status="waiting">
        {t('cases.upload.waiting')}
      </div>
    );
  }
  if (state.status === 'uploading') {
    const percent = Math.round(state.fraction * 100);
    return (
      <div className="wm-upload-status" role="status" data-testid={testId} data-status="uploading">
        <span>{t('cases.upload.uploading', { percent })}</span>
        <Progress percent={percent} size="small" showInfo={false} status="active" />
      </div>
    );
  }
  if (state.status === 'uploaded') {
    return (
      <div className="wm-upload-status wm-upload-done" data-testid={testId} data-status="uploaded">
        <CheckCircleFilled aria-hidden="true" /> {t('cases.upload.done')}
      </div>
    );
  }
  return (
    <div className="wm-upload-status wm-upload-failed" role="alert" data-testid={testId} data-status="failed">
      <span>{uploadProblemText(state.problem, t)}</span>
      {state.retryable && (
        <Button
          size="small"
          icon={<ReloadOutlined />}
          onClick={onRetry}
          aria-label={t('cases.upload.retryLabel', { n })}
          data-testid={`upload-retry-${n - 1}`}
        >
          {t('cases.upload.retry')}
        </Button>
      )}
    </div>
  );
}
