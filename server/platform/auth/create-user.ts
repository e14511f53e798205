import { randomUUID } from 'node:crypto';
import type { Ctx } from '../context.ts';
import { sealColumnValue } from '../pii/column-crypto.ts';
import { hashPassword } from './passwords.ts';
import { grantRole } from './roles.store.ts';
import { insertUser, loginKeyOf, type UserRow } from './users.store.ts';

export interface NewAccount {
  loginId: string;
  displayName: string;
  scopeRegion: string;
  department?: string | null;
  phone?: string | null;
  password?: string | null;
  /** An Argon2id hash made once for many accounts (the demo's shared password): ~17 ms saved per account. */
  passwordHash?: string | null;
  mustChangePassword?: boolean;
  roles?: readonly string[];
  expiresAt?: Date | null;
  mfaSecretEnc?: string | null;
  mfaEnabledAt?: Date | null;
}

/** Inserts an account (inside the caller's transaction): password hashed, phone encrypted with its blind index. */
export async function createAccount(t: Ctx, account: NewAccount): Promise<UserRow> {
  const now = t.clock();
  const phone = account.phone ?? null;
  const user = await insertUser(t.db, {
    regionCode: t.countyCode,
    id: randomUUID(),
    loginId: account.loginId.trim(),
    loginKey: loginKeyOf(account.loginId),
    displayName: account.displayName,
    passwordHash: account.passwordHash ?? (account.password ? await hashPassword(account.password) : null),
    passwordChangedAt: account.password || account.passwordHash ? now : null,
    mustChangePassword: account.mustChangePassword ?? true,
    scopeRegion: account.scopeRegion,
    department: account.department ?? null,
    ...(phone ? sealPhone(t, phone) : { phoneEnc: null, phoneHmac: null }),
    expiresAt: account.expiresAt ?? null,
    mfaSecretEnc: account.mfaSecretEnc ?? null,
    mfaEnabledAt: account.mfaEnabledAt ?? null,
    createdAt: now,
    updatedAt: now,
    createdBy: t.actor?.kind === 'user' ? t.actor.id : null,
  });
  for (const role of account.roles ?? []) await grantRole(t.db, t.countyCode, user.id, role, t.actor?.id ?? null, now);
  return user;
}

/** The phone is stored normalised (validated first by the caller), encrypted, with its blind index. */
function sealPhone(t: Ctx, phone: string) {
  const sealed = sealColumnValue(t.keyring, 'app_user', 'phone_enc', phone);
  return { phoneEnc: sealed.value, phoneHmac: sealed.blindIndex };
}
