import { createContext, Fragment, type ReactNode, useContext, useMemo } from 'react';
import { IdleWatch } from './IdleWatch.tsx';
import type { Me, Session } from './session.ts';
import { useSessionActions, useSessionCheck, useSessionEnd } from './useSessionState.ts';

interface AuthContextValue {
  session: Session;
  login: (username: string, password: string) => Promise<Me>;
  logout: () => Promise<void>;
  /** Reads the session again after a step changed it (MFA passed, password changed), keeping the page mounted. */
  refresh: () => Promise<Me | undefined>;
  recheck: () => void;
}

const AuthContext = createContext<AuthContextValue | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const { session, setSession, recheck } = useSessionCheck();
  const { generation, endSession } = useSessionEnd(session, setSession);
  const { login, logout, expire, refresh } = useSessionActions(setSession, endSession);

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
