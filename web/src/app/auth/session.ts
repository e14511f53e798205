import { api, setCsrfToken } from '../api.ts';

/**
 * What a signed-in session still has to do before it gets the user's permissions (server: permissions-of.ts):
 * prove a one-time code, enrol an authenticator, or change a temporary or expired password.
 */
export type PendingStep = 'mfa' | 'mfa_enroll' | 'password_change';

/** The signed-in user as `/api/auth/me` and `/api/auth/login` return it (server: auth.schema.ts MeSchema). */
export interface User {
  id: string;
  username: string;
  displayName: string;
  roles: string[];
  permissions: string[];
  scopeRegion: string;
  department: string | null;
  mfaEnabled: boolean;
  passwordExpiresAt: string | null;
}

export interface Me {
  user: User;
  pending: PendingStep | null;
  csrfToken: string;
  sessionExpiresAt: string;
  idleMinutes: number;
}

/**
 * Where the browser stands with the server:
 * - `signed-out` carries `expired` when the server ended the session (idle or absolute timeout, revoked),
 *   so the sign-in page can say why;
 * - `preview`: the server has no auth endpoints (404, an old release), so the shell is shown anonymously;
 * - `unavailable`: the session check failed for another reason (network, 5xx) and can be retried.
 */
export type Session =
  | { status: 'checking' }
  | { status: 'signed-in'; me: Me; user: User }
  | { status: 'signed-out'; expired?: boolean }
  | { status: 'preview' }
  | { status: 'unavailable'; error: unknown };

const pendingSteps: readonly PendingStep[] = ['mfa', 'mfa_enroll', 'password_change'];

/** Reads the answer defensively, so a field the server does not send yet cannot break the shell. */
export function parseMe(body: unknown): Me {
  const root = asRecord(body);
  const user = asRecord(root.user);
  const pending = pendingSteps.find((step) => step === root.pending) ?? null;
  return {
    user: {
      id: asString(user.id),
      username: asString(user.username),
      displayName: asString(user.displayName),
      roles: asStrings(user.roles),
      permissions: asStrings(user.permissions),
      scopeRegion: asString(user.scopeRegion),
      department: typeof user.department === 'string' ? user.department : null,
      mfaEnabled: user.mfaEnabled === true,
      passwordExpiresAt: typeof user.passwordExpiresAt === 'string' ? user.passwordExpiresAt : null,
    },
    pending,
    csrfToken: asString(root.csrfToken),
    sessionExpiresAt: asString(root.sessionExpiresAt),
    idleMinutes: typeof root.idleMinutes === 'number' && root.idleMinutes > 0 ? root.idleMinutes : 30,
  };
}

/** Every answer that describes the session also renews the in-memory anti-forgery token. */
export function adopt(body: unknown): Me {
  const me = parseMe(body);
  setCsrfToken(me.csrfToken || undefined);
  return me;
}

export async function fetchMe(signal?: AbortSignal): Promise<Me> {
  return adopt(await api.get<unknown>('/api/auth/me', { signal, expectUnauthorized: true }));
}

export async function signIn(username: string, password: string): Promise<Me> {
  return adopt(await api.post<unknown>('/api/auth/login', { username, password }, { expectUnauthorized: true }));
}

export async function signOut(): Promise<void> {
  try {
    await api.post<void>('/api/auth/logout', undefined, { expectUnauthorized: true });
  } finally {
    setCsrfToken(undefined);
  }
}

function asRecord(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
}

function asString(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function asStrings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}
