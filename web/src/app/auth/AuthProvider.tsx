import {
  createContext,
  Fragment,
  type ReactNode,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import { ApiError, onUnauthorized, setCsrfToken } from '../api.ts';
import { IdleWatch } from './IdleWatch.tsx';
import { fetchMe, type Me, type Session, signIn, signOut } from './session.ts';

interface AuthContextValue {
  session: Session;
  login: (username: string, password: string) => Promise<Me>;
  logout: () => Promise<void>;
  /** Reads the session again after a step changed it (MFA passed, password changed), keeping the page mounted. */
  refresh: () => Promise<Me | undefined>;
  recheck: () => void;
}

const AuthContext = createContext<AuthContextValue | null>(null);

/** 404 means the server predates the auth endpoints: let people look at the shell instead of locking them out. */
function sessionFromError(error: unknown): Session {
  if (error instanceof ApiError && error.status === 401) return { status: 'signed-out' };
  if (error instanceof ApiError && error.status === 404) return { status: 'preview' };
  return { status: 'unavailable', error };
}

const signedIn = (me: Me): Session => ({ status: 'signed-in', me, user: me.user });

/** Forgets everything this tab kept for the session. */
function forgetSession(): void {
  setCsrfToken(undefined);
  window.sessionStorage.clear();
}

export function AuthProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<Session>({ status: 'checking' });
  const [check, setCheck] = useState(0);
  // Bumped whenever a session ends: everything below is re-mounted, so no page keeps the user's data in memory.
  const [generation, setGeneration] = useState(0);

  // biome-ignore lint/correctness/useExhaustiveDependencies: recheck() bumps `check` to run the session check again.
  useEffect(() => {
    const controller = new AbortController();
    fetchMe(controller.signal)
      .then((me) => setSession(signedIn(me)))
      .catch((error: unknown) => {
        if (!controller.signal.aborted) setSession(sessionFromError(error));
      });
    return () => controller.abort();
  }, [check]);

  const endSession = useCallback((expired: boolean) => {
    forgetSession();
    setSession({ status: 'signed-out', ...(expired ? { expired } : {}) });
    setGeneration((n) => n + 1);
  }, []);

  // A 401 from any later request means the server ended the session (idle or absolute timeout, revoked).
  // Only a signed-in session can expire: the sign-in page's own 401s are not news.
  const status = useRef(session.status);
  useEffect(() => {
    status.current = session.status;
  }, [session.status]);
  useEffect(
    () =>
      onUnauthorized(() => {
        if (status.current === 'signed-in') endSession(true);
      }),
    [endSession],
  );

  const login = useCallback(async (username: string, password: string) => {
    const me = await signIn(username, password);
    setSession(signedIn(me));
    return me;
  }, []);

  const logout = useCallback(async () => {
    // Even if the server cannot be told (offline, already expired), this browser forgets the session.
    await signOut().catch(() => undefined);
    endSession(false);
  }, [endSession]);

  /** The idle limit passed in this tab: end the session on the server too, and say why on the sign-in page. */
  const expire = useCallback(async () => {
    await signOut().catch(() => undefined);
    endSession(true);
  }, [endSession]);

  const refresh = useCallback(async () => {
    try {
      const me = await fetchMe();
      setSession(signedIn(me));
      return me;
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) endSession(true);
      else throw error;
      return undefined;
    }
  }, [endSession]);

  const recheck = useCallback(() => {
    setSession({ status: 'checking' });
    setCheck((n) => n + 1);
  }, []);

  const value = useMemo(
    () => ({ session, login, logout, refresh, recheck }),
    [session, login, logout, refresh, recheck],
  );
  return (
    <AuthContext.Provider value={value}>
      {session.status === 'signed-in' && <IdleWatch minutes={session.me.idleMinutes} onIdle={expire} />}
      <Fragment key={generation}>{children}</Fragment>
    </AuthContext.Provider>
  );
}

export function useAuth(): AuthContextValue {
  const value = useContext(AuthContext);
  if (!value) throw new Error('useAuth must be used inside <AuthProvider>');
  return value;
}
