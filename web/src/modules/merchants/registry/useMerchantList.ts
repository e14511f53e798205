import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import { useLoad } from '../../../app/useLoad.ts';
import { merchantsApi } from '../merchantsApi.ts';
import { type MerchantQuery, readMerchantQuery, writeMerchantQuery } from './merchantQuery.ts';

/**
 * The registry list: its query as the URL holds it, the page of merchants it reads, and `update` to change the
 * filter or the page (a new URL, which reads again).
 */
export function useMerchantList() {
  const [params, setParams] = useSearchParams();
  const search = params.toString();
  const query = useMemo(() => readMerchantQuery(new URLSearchParams(search)), [search]);
  const update = useCallback(
    (next: Partial<MerchantQuery>) => setParams(writeMerchantQuery({ ...query, ...next })),
    [query, setParams],
  );
  const load = useCallback(
    (signal: AbortSignal) => merchantsApi.list(query.filters, query.page, query.pageSize, signal),
    [query],
  );
  const list = useLoad(load);
  return { query, search, update, list };
}
