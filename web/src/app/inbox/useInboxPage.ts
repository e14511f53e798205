import { App } from 'antd';
import { useCallback, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { errorText } from '../errorText.ts';
import { useT } from '../i18n/I18nProvider.tsx';
import { useLoad } from '../useLoad.ts';
import { announceInboxChanged, type InboxItem, type InboxQuery, inboxApi } from './inbox.ts';

export const inboxFilters = ['all', 'open', 'unread', 'message'] as const;
export type InboxFilter = (typeof inboxFilters)[number];

const queryOf: Record<InboxFilter, InboxQuery> = {
  all: {},
  open: { state: 'open' },
  unread: { state: 'unread' },
  message: { kind: 'message' },
};

export const inboxPageSize = 20;

/** The inbox page's state: the filter, the page, the list, and the writes (each re-reads the list and the badge). */
export function useInboxPage() {
  const t = useT();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [filter, setFilterState] = useState<InboxFilter>('all');
  const [page, setPage] = useState(1);
  const load = useCallback(
    (signal: AbortSignal) => inboxApi.list({ ...queryOf[filter], page, pageSize: inboxPageSize }, signal),
    [filter, page],
  );
  const list = useLoad(load);
  const write = async (call: () => Promise<unknown>) => {
    try {
      await call();
      announceInboxChanged();
      list.reload();
    } catch (error) {
      void message.error(errorText(error, t));
    }
  };
  return {
    filter,
    page,
    list,
    setFilter: (next: InboxFilter) => {
      setFilterState(next);
      setPage(1);
    },
    setPage,
    read: (item: InboxItem) => write(() => inboxApi.read(item.id)),
    done: (item: InboxItem) => write(() => inboxApi.done(item.id)),
    readAll: () => write(() => inboxApi.readAll()),
    /** Follows the item's link into the record, reading it on the way. */
    open: async (item: InboxItem) => {
      if (!item.readAt) await write(() => inboxApi.read(item.id));
      if (item.link) navigate(item.link);
    },
  };
}
