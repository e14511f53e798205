import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { createAccount } from '../platform/auth/create-user.ts';
import { insertCustomRole } from '../platform/auth/roles.store.ts';
import { totpCodeAt } from '../platform/auth/totp.ts';
import { systemCtx } from '../platform/context.ts';
import { tx } from '../platform/db/tx.ts';
import { columnContext, encryptField } from '../platform/pii/field-crypto.ts';

export const testPassword = 'Test#Yanling2026';
export const testTotpSecret = 'KRSXG5CTMVRXEZLUKN2XAZLSNFXXG43F';

export interface SignInOptions {
  /** Built-in role keys to grant. */
  roles?: string[];
  /** Extra permissions, granted through a custom role made for this user. */
  permissions?: string[];
  scopeRegion?: string;
  department?: string;
  loginId?: string;
  displayName?: string;
  phone?: string;
}

export interface SignedIn {
  /** Cookie and CSRF header: spread into `app.inject({ headers })`. */
  headers: Record<string, string>;
  userId: string;
  loginId: string;
}

/**
 * Creates an account and signs it in through the real API (password, then TOTP when a role needs MFA), so
 * tests exercise the same cookie, CSRF and permission path as the browser.
 */
export async function signIn(app: FastifyInstance, options: SignInOptions = {}): Promise<SignedIn> {
  const { database, config, keyring, clock } = app.deps;
  const ctx = systemCtx(database, { countyCode: config.countyCode, keyring }, { clock });
  const loginId = options.loginId ?? `user-${randomUUID().slice(0, 8)}`;
  const roles = [...(options.roles ?? [])];
  const user = await tx(ctx, async (t) => {
    if (options.permissions?.length) {
      const key = `test_${randomUUID().slice(0, 8)}`;
      await insertCustomRole(t.db, t.countyCode, { key, nameZh: key, nameEn: key, permissions: options.permissions });
      roles.push(key);
    }
    return createAccount(t, {
      loginId,
      displayName: options.displayName ?? '测试用户',
      scopeRegion: options.scopeRegion ?? config.countyCode,
      department: options.department ?? null,
      phone: options.phone ?? null,
      password: testPassword,
      mustChangePassword: false,
      roles,
      mfaSecretEnc: encryptField(keyring, testTotpSecret, columnContext('app_user', 'mfa_secret_enc')),
      mfaEnabledAt: clock(),
    });
  });
  const login = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username: loginId, password: testPassword },
  });
  if (login.statusCode !== 200) throw new Error(`test sign-in failed: ${login.statusCode} ${login.body}`);
  let answer = login;
  if (login.json().pending === 'mfa') {
    const headers = { cookie: cookieOf(login), 'x-csrf-token': login.json().csrfToken as string };
    answer = await app.inject({
      method: 'POST',
      url: '/api/auth/mfa/verify',
      headers,
      payload: { code: totpCodeAt(testTotpSecret, clock()) },
    });
    if (answer.statusCode !== 200) throw new Error(`test MFA step failed: ${answer.statusCode} ${answer.body}`);
  }
  // Passing the MFA step rotates the session: the cookie and CSRF token to use are the last ones answered.
  return {
    headers: { cookie: cookieOf(answer), 'x-csrf-token': answer.json().csrfToken as string },
    userId: user.id,
    loginId,
  };
}

function cookieOf(res: { headers: Record<string, unknown> }): string {
  return String(res.headers['set-cookie']).split(';')[0]!;
}
