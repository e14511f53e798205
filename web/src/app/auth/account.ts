import { api } from '../api.ts';

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

export const accountApi = {
  verifyMfa: (code: string) => api.post<void>('/api/auth/mfa/verify', { code }),
  setupMfa: () => api.post<MfaSetup>('/api/auth/mfa/setup'),
  enableMfa: (code: string) => api.post<void>('/api/auth/mfa/enable', { code }),
  changePassword: (input: ChangePasswordInput) => api.post<void>('/api/auth/password', input),
  sessions: (signal?: AbortSignal) => api.get<AccountSession[]>('/api/auth/sessions', { signal }),
  endSession: (id: string) => api.delete<void>(`/api/auth/sessions/${encodeURIComponent(id)}`),
};
