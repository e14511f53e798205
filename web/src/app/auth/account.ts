import { api } from '../api.ts';
import { adopt, type Me } from './session.ts';

/** The signed-in user's own account (server: auth.routes.ts). Every call here needs a `self.*` permission. */

export interface MfaSetup {
  /** base32, for typing into an authenticator by hand */
  secret: string;
  /** otpauth://totp/…, for scanning */
  uri: string;
}

export interface ChangePasswordInput {
  currentPassword: string;
  newPassword: string;
  signOutOtherSessions?: boolean;
}

export interface AccountSession {
  id: string;
  current: boolean;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
  sourceIp: string | null;
  userAgent: string | null;
}

/**
 * Passing the MFA step, enrolling and changing the password each give the session a new cookie and CSRF token
 * (the server rotates it on every privilege change): the answer describes the new session, and its token is
 * adopted at once, so the next write carries it. The caller handles a 401 itself (locked out, codes used up).
 */
async function rotating(path: string, body: unknown): Promise<Me | undefined> {
  const answer = await api.post<unknown>(path, body, { expectUnauthorized: true });
  return answer === undefined ? undefined : adopt(answer);
}

export const accountApi = {
  verifyMfa: (code: string) => rotating('/api/auth/mfa/verify', { code }),
  setupMfa: () => api.post<MfaSetup>('/api/auth/mfa/setup'),
  enableMfa: (code: string) => rotating('/api/auth/mfa/enable', { code }),
  changePassword: (input: ChangePasswordInput) => rotating('/api/auth/password', input),
  sessions: (signal?: AbortSignal) => api.get<AccountSession[]>('/api/auth/sessions', { signal }),
  endSession: (id: string) => api.delete<void>(`/api/auth/sessions/${encodeURIComponent(id)}`),
};
