import { App } from 'antd';
import { useCallback, useState } from 'react';
import { errorText } from '../../../app/errorText.ts';
import { useT } from '../../../app/i18n/I18nProvider.tsx';
import { useLoad } from '../../../app/useLoad.ts';
import { type FailedJob, jobsApi } from './jobsApi.ts';

/** The overview's state and the retry of a dead job (then the overview again). */
export function useSystemJobs() {
  const t = useT();
  const { message } = App.useApp();
  const load = useCallback((signal: AbortSignal) => jobsApi.overview(signal), []);
  const overview = useLoad(load);
  const [retrying, setRetrying] = useState<string>();

  const retry = async (job: FailedJob) => {
    setRetrying(job.id);
    try {
      await jobsApi.retry(job.id);
      message.success(t('system.jobs.retried'));
      overview.reload();
    } catch (error) {
      message.error(errorText(error, t));
    } finally {
      setRetrying(undefined);
    }
  };
  return { overview, retry, retrying };
}
