import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import type { CaseFilters } from '../casesApi.ts';
import { type ListQuery, readListQuery, writeListQuery } from './listQuery.ts';
import { type QueueTab, queueOf } from './queues.ts';

/**
 * The list query as the URL holds it, with the tab resolved to one the user has. A search (`q`) looks in every
 * state, not only the tab's queue: a case number must find its case wherever the case stands.
 */
export function useListQuery(tabs: readonly QueueTab[]) {
  const [params, setParams] = useSearchParams();
  const search = params.toString();
  const query = useMemo(() => readListQuery(new URLSearchParams(search)), [search]);
  const tab = query.tab && tabs.includes(query.tab) ? query.tab : tabs[0];
  const apiFilters: CaseFilters = useMemo(
    () => ({ ...query.filters, queue: tab && !query.filters.q ? queueOf(tab) : undefined }),
    [query.filters, tab],
  );
  const update = useCallback(
    (next: Partial<ListQuery>) => setParams(writeListQuery({ ...query, tab, ...next })),
    [query, tab, setParams],
  );
  return { query, tab, apiFilters, update, search };
}
