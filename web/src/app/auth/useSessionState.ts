import { type Dispatch, type SetStateAction, useCallback, useEffect, useRef, useState } from 'react';
import { ApiError, onUnauthorized, setCsrfToken } from '../api.ts';
import { fetchMe, type Me, type Session, signIn, signOut } from './session.ts';

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

/** The session as the server sees it: checked at start and again on `recheck()`. */
export function useSessionCheck() {
  const [session, setSession] = useState<Session>({ status: 'checking' });
  const [check, setCheck] = useState(0);

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

  const recheck = useCallback(() => {
    setSession({ status: 'checking' });
    setCheck((n) => n + 1);
  }, []);
  return { session, setSession, recheck };
}

/**
 * Ending a session: this tab forgets it and `generation` is bumped, so everything below is re-mounted and no page
 * keeps the user's data in memory. A 401 from any later request means the server ended it (idle or absolute
 * timeout, revoked); only a signed-in session can expire: the sign-in page's own 401s are not news.
 */
export function useSessionEnd(session: Session, setSession: Dispatch<SetStateAction<Session>>) {
  const [generation, setGeneration] = useState(0);
  const endSession = useCallback(
    (expired: boolean) => {
      forgetSession();
      setSession({ status: 'signed-out', ...(expired ? { expired } : {}) });
      setGeneration((n) => n + 1);
    },
    [setSession],
  );

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
  return { generation, endSession };
}

/** Signing in and out, the idle expiry, and reading the session again after a step changed it. */
export function useSessionActions(
  setSession: Dispatch<SetStateAction<Session>>,
  endSession: (expired: boolean) => void,
) {
  const login = useCallback(
    async (username: string, password: string) => {
      const me = await signIn(username, password);
      setSession(signedIn(me));
      return me;
    },
    [setSession],
  );

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

  const refresh = useCallback(async (): Promise<Me | undefined> => {
    try {
      const me = await fetchMe();
      setSession(signedIn(me));
      return me;
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) endSession(true);
      else throw error;
      return undefined;
    }
  }, [endSession, setSession]);
  return { login, logout, expire, refresh };
}
