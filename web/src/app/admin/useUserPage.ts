import { useCallback, useEffect, useState } from 'react';
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
  const [version, setVersion] = useState(0);
  const [page, setPage] = useState<Page<UserDto>>();
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>();

  // biome-ignore lint/correctness/useExhaustiveDependencies: reload() bumps `version` to read the same page again.
  useEffect(() => {
    const controller = new AbortController();
    setLoading(true);
    usersApi
      .list(query, controller.signal)
      .then((result) => {
        setPage(result);
        setError(undefined);
      })
      .catch((cause: unknown) => {
        if (!controller.signal.aborted) setError(cause);
      })
      .finally(() => {
        if (!controller.signal.aborted) setLoading(false);
      });
    return () => controller.abort();
  }, [query, version]);

  const setQuery = useCallback((change: Partial<UserQuery>) => setQueryState((current) => ({ ...current, ...change })), []);
  const reload = useCallback(() => setVersion((n) => n + 1), []);
  const replaceUser = useCallback(
    (user: UserDto) => setPage((current) => current && { ...current, items: current.items.map((row) => (row.id === user.id ? user : row)) }),
    [],
  );
  return { query, setQuery, page, loading, error, reload, replaceUser };
}
