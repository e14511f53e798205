import { api } from '../api.ts';

/** The signed-in user as `/api/auth/me` and `/api/auth/login` return it. */
export interface User {
  id: string;
  username: string;
  displayName: string;
  roles: string[];
  permissions: string[];
}

/**
 * Where the browser stands with the server:
 * - `preview`: the server has no auth endpoints yet (404), so the shell is shown anonymously;
 * - `unavailable`: the session check failed for another reason (network, 5xx) and can be retried.
 */
export type Session =
  | { status: 'checking' }
  | { status: 'signed-in'; user: User }
  | { status: 'signed-out' }
  | { status: 'preview' }
  | { status: 'unavailable'; error: unknown };

export async function fetchCurrentUser(signal?: AbortSignal): Promise<User> {
  const body = await api.get<{ user: User }>('/api/auth/me', { signal, expectUnauthorized: true });
  return body.user;
}

export async function signIn(username: string, password: string): Promise<User> {
  const body = await api.post<{ user: User }>('/api/auth/login', { username, password }, { expectUnauthorized: true });
  return body.user;
}

export async function signOut(): Promise<void> {
  await api.post<void>('/api/auth/logout', undefined, { expectUnauthorized: true });
}
