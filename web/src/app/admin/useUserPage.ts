import { useCallback, useState } from 'react';
import { useLoad } from '../useLoad.ts';
import { type Page, type UserDto, type UserQuery, usersApi } from './users.ts';

export interface UserPageState {
  query: UserQuery;
  setQuery: (change: Partial<UserQuery>) => void;
  page: Page<UserDto> | undefined;
  loading: boolean;
  error: unknown;
  reload: () => void;
  /** Puts a changed row in place without reading the page again. */
  replaceUser: (user: UserDto) => void;
}

export const firstUserQuery: UserQuery = { page: 1, pageSize: 20 };

/** One page of the user list, read again whenever the search, filter or page changes. */
export function useUserPage(): UserPageState {
  const [query, setQueryState] = useState<UserQuery>(firstUserQuery);
  // The list is read again whenever the query object changes (search, filter, page).
  const load = useCallback((signal: AbortSignal) => usersApi.list(query, signal), [query]);
  const { data: page, loading, error, reload, setData } = useLoad(load);

  const setQuery = useCallback(
    (change: Partial<UserQuery>) => setQueryState((current) => ({ ...current, ...change })),
    [],
  );
  const replaceUser = useCallback(
    (user: UserDto) => {
      if (page) setData({ ...page, items: page.items.map((row) => (row.id === user.id ? user : row)) });
    },
    [page, setData],
  );
  return { query, setQuery, page, loading, error, reload, replaceUser };
}
