import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router-dom';
import { useAuth } from '../auth/AuthProvider.tsx';
import { type LoginRedirectState, nextPathFor, safeReturnPath } from '../auth/pendingSteps.ts';
import type { PendingStep } from '../auth/session.ts';
import { FullPageLoading } from '../FullPageLoading.tsx';

/**
 * Shows a step page only while the session is waiting for that step. Once the step is done (the session is
 * refreshed) it moves on to the next step or to the page first asked for; without a session, to sign-in.
 */
export function PendingStepGate({ step, children }: { step: PendingStep; children: ReactNode }) {
  const { session } = useAuth();
  const location = useLocation();
  const returnPath = safeReturnPath(location.state);
  const state: LoginRedirectState = { from: returnPath };

  if (session.status === 'checking') return <FullPageLoading />;
  if (session.status !== 'signed-in') return <Navigate to="/login" replace state={state} />;
  if (session.me.pending !== step) return <Navigate to={nextPathFor(session.me, returnPath)} replace state={state} />;
  return children;
}
