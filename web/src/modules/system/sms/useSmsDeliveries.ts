import { App } from 'antd';
import { useCallback, useState } from 'react';
import { errorText } from '../../../app/errorText.ts';
import { useT } from '../../../app/i18n/I18nProvider.tsx';
import { useLoad } from '../../../app/useLoad.ts';
import { type SmsDelivery, type SmsStatus, smsApi } from './smsApi.ts';

export const smsPageSize = 20;

/** The delivery list's state: a status filter, the page, and the retry of a dead message (then the list again). */
export function useSmsDeliveries() {
  const t = useT();
  const { message } = App.useApp();
  const [status, setStatus] = useState<SmsStatus>();
  const [page, setPage] = useState(1);
  const load = useCallback(
    (signal: AbortSignal) => smsApi.list({ ...(status ? { status } : {}), page, pageSize: smsPageSize }, signal),
    [status, page],
  );
  const list = useLoad(load);
  const [retrying, setRetrying] = useState<string>();

  const retry = async (delivery: SmsDelivery) => {
    setRetrying(delivery.id);
    try {
      await smsApi.retry(delivery.id);
      message.success(t('system.sms.retried'));
      list.reload();
    } catch (error) {
      message.error(errorText(error, t));
    } finally {
      setRetrying(undefined);
    }
  };

  const filter = (next: SmsStatus | undefined) => {
    setStatus(next);
    setPage(1);
  };
  return { list, status, filter, page, setPage, retry, retrying };
}
