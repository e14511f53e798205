import { createContext, Fragment, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { ApiError, onUnauthorized } from '../api.ts';
import { fetchCurrentUser, type Session, signIn, signOut, type User } from './session.ts';

interface AuthContextValue {
  session: Session;
  login: (username: string, password: string) => Promise<User>;
  logout: () => Promise<void>;
  recheck: () => void;
}

const AuthContext = createContext<AuthContextValue | null>(null);

/** 404 means the server predates the auth endpoints: let people look at the shell instead of locking them out. */
function sessionFromError(error: unknown): Session {
  if (error instanceof ApiError && error.status === 401) return { status: 'signed-out' };
  if (error instanceof ApiError && error.status === 404) return { status: 'preview' };
  return { status: 'unavailable', error };
}

export function AuthProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<Session>({ status: 'checking' });
  const [check, setCheck] = useState(0);
  // Bumped on logout: everything below is re-mounted, so no page keeps the previous user's data in memory.
  const [generation, setGeneration] = useState(0);

  // biome-ignore lint/correctness/useExhaustiveDependencies: recheck() bumps `check` to run the session check again.
  useEffect(() => {
    const controller = new AbortController();
    fetchCurrentUser(controller.signal)
      .then((user) => setSession({ status: 'signed-in', user }))
      .catch((error: unknown) => {
        if (!controller.signal.aborted) setSession(sessionFromError(error));
      });
    return () => controller.abort();
  }, [check]);

  // A 401 from any other request means the session ended on the server (timeout, revoked).
  useEffect(() => onUnauthorized(() => setSession({ status: 'signed-out' })), []);

  const login = useCallback(async (username: string, password: string) => {
    const user = await signIn(username, password);
    setSession({ status: 'signed-in', user });
    return user;
  }, []);

  const logout = useCallback(async () => {
    // Even if the server cannot be told (offline, already expired), this browser forgets the session.
    await signOut().catch(() => undefined);
    window.sessionStorage.clear();
    setSession({ status: 'signed-out' });
    setGeneration((n) => n + 1);
  }, []);

  const recheck = useCallback(() => {
    setSession({ status: 'checking' });
    setCheck((n) => n + 1);
  }, []);

  const value = useMemo(() => ({ session, login, logout, recheck }), [session, login, logout, recheck]);
  return (
    <AuthContext.Provider value={value}>
      <Fragment key={generation}>{children}</Fragment>
    </AuthContext.Provider>
  );
}

export function useAuth(): AuthContextValue {
  const value = useContext(AuthContext);
  if (!value) throw new Error('useAuth must be used inside <AuthProvider>');
  return value;
}
