import type { ItemOf, QueryOf, ResponseOf } from '../../api/types.ts';
import { api, withQuery } from '../api.ts';

/** The inbox as the server answers it (generated types): the text is already in the reader's language. */
export type InboxPage = ResponseOf<'/api/inbox', 'get'>;
export type InboxItem = ItemOf<InboxPage['items']>;
export type InboxSummary = ResponseOf<'/api/inbox/summary', 'get'>;
export type InboxQuery = QueryOf<'/api/inbox', 'get'>;

const itemPath = (id: string) => `/api/inbox/${encodeURIComponent(id)}`;

export const inboxApi = {
  list: (query: InboxQuery, signal?: AbortSignal) =>
    api.get<InboxPage>(withQuery('/api/inbox', { ...query }), { signal }),
  summary: (signal?: AbortSignal) => api.get<InboxSummary>('/api/inbox/summary', { signal }),
  read: (id: string) => api.post<InboxItem>(`${itemPath(id)}/read`),
  done: (id: string) => api.post<InboxItem>(`${itemPath(id)}/done`),
  readAll: () => api.post<ResponseOf<'/api/inbox/read-all', 'post'>>('/api/inbox/read-all'),
};

/** Tells the header badge to count again after the page changed something (no wait for the next poll). */
export const inboxChangedEvent = 'wm-inbox-changed';
export function announceInboxChanged(): void {
  window.dispatchEvent(new Event(inboxChangedEvent));
}
