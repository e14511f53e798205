import type { Me, PendingStep } from './session.ts';

/** Each pending step has its own page outside the shell (the session holds no other permission yet). */
export const pendingStepPaths: Record<PendingStep, string> = {
  mfa: '/login/mfa',
  mfa_enroll: '/login/mfa-enrol',
  password_change: '/login/password',
};

/** Where the login state carries the page first asked for, through the pending steps. */
export interface LoginRedirectState {
  from?: string;
}

/** Only same-site paths, so a crafted link cannot bounce a fresh session to another site. */
export function safeReturnPath(state: unknown): string {
  const from = (state as LoginRedirectState | null)?.from;
  return typeof from === 'string' && from.startsWith('/') && !from.startsWith('//') && !from.startsWith('/login')
    ? from
    : '/';
}

/** The next page for a signed-in session: its pending step, or the page it came for. */
export function nextPathFor(me: Me, returnPath: string): string {
  return me.pending ? pendingStepPaths[me.pending] : returnPath;
}
