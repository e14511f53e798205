import {
  bigint,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { at, regionCode } from './columns.ts';

/** Staff and partner accounts of one county installation (one person, one account: 等保 L3-CES1-07). */
export const appUser = pgTable(
  'app_user',
  {
    regionCode: regionCode('region_code').notNull(),
    id: uuid('id').notNull(),
    /** As the administrator typed it; `loginKey` is its case-folded form, unique per county. */
    loginId: text('login_id').notNull(),
    loginKey: text('login_key').notNull(),
    displayName: text('display_name').notNull(),
    /** Argon2id PHC string; null = no password yet (cannot sign in). */
    passwordHash: text('password_hash'),
    passwordChangedAt: at('password_changed_at'),
    /** Earlier hashes, newest first, for the password-history rule. */
    passwordHistory: jsonb('password_history').$type<string[]>().notNull().default([]),
    mustChangePassword: boolean('must_change_password').notNull().default(true),
    failedLogins: integer('failed_logins').notNull().default(0),
    lockedUntil: at('locked_until'),
    status: text('status', { enum: ['active', 'disabled'] })
      .notNull()
      .default('active'),
    /** Temporary and volunteer accounts end (AC-05). */
    expiresAt: at('expires_at'),
    lastLoginAt: at('last_login_at'),
    /** Why the account is disabled when the system disabled it (AC-05: 'inactive'); null when active or disabled by hand. */
    disabledReason: text('disabled_reason', { enum: ['inactive'] }),
    /** When `status` last changed: a re-enabled account's 90 inactive days count from here (auth/inactive-accounts.ts). */
    statusChangedAt: at('status_changed_at'),
    /** When the 7-day warning before an inactivity disable was sent; warned again only after new activity. */
    inactivityWarnedAt: at('inactivity_warned_at'),
    /** TOTP secret, encrypted (pii envelope); enabled once the user proved a code. */
    mfaSecretEnc: text('mfa_secret_enc'),
    mfaEnabledAt: at('mfa_enabled_at'),
    /** The last TOTP time step accepted: a code is single-use inside its window (ASVS 2.8.4). */
    mfaLastStep: bigint('mfa_last_step', { mode: 'number' }),
    /** Root of the data scope: county, township or village code. */
    scopeRegion: regionCode('scope_region').notNull(),
    department: text('department'),
    phoneEnc: text('phone_enc'),
    phoneHmac: text('phone_hmac'),
    createdAt: at('created_at').notNull().defaultNow(),
    updatedAt: at('updated_at').notNull().defaultNow(),
    createdBy: uuid('created_by'),
  },
  (t) => [
    primaryKey({ columns: [t.regionCode, t.id] }),
    uniqueIndex('app_user_login_key_uq').on(t.regionCode, t.loginKey),
    index('app_user_phone_hmac_idx').on(t.regionCode, t.phoneHmac),
  ],
);

/** Roles: built-in ones (DESIGN.md) are upserted from code; the security administrator may add custom ones. */
export const appRole = pgTable(
  'app_role',
  {
    regionCode: regionCode('region_code').notNull(),
    key: text('key').notNull(),
    nameZh: text('name_zh').notNull(),
    nameEn: text('name_en').notNull(),
    permissions: jsonb('permissions').$type<string[]>().notNull(),
    builtin: boolean('builtin').notNull().default(false),
    /** 三员: 'sys' | 'sec' | 'audit' for the three administrator roles, which exclude each other. */
    adminKind: text('admin_kind', { enum: ['sys', 'sec', 'audit'] }),
    requiresMfa: boolean('requires_mfa').notNull().default(false),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.regionCode, t.key] })],
);

export const userRole = pgTable(
  'user_role',
  {
    regionCode: regionCode('region_code').notNull(),
    userId: uuid('user_id').notNull(),
    roleKey: text('role_key').notNull(),
    grantedBy: uuid('granted_by'),
    grantedAt: at('granted_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.regionCode, t.userId, t.roleKey] })],
);

/** Server-side sessions: the cookie carries a random token, the table only its SHA-256. */
export const userSession = pgTable(
  'user_session',
  {
    regionCode: regionCode('region_code').notNull(),
    tokenHash: text('token_hash').notNull(),
    /** Short public id to list and revoke a session without exposing its token. */
    publicId: text('public_id').notNull(),
    userId: uuid('user_id').notNull(),
    csrfToken: text('csrf_token').notNull(),
    mfaPassed: boolean('mfa_passed').notNull().default(false),
    /** Wrong one-time codes on this pending sign-in: it ends at the lockout threshold (登录失败处理, issue #9). */
    mfaFailures: integer('mfa_failures').notNull().default(0),
    createdAt: at('created_at').notNull(),
    lastSeenAt: at('last_seen_at').notNull(),
    idleMinutes: integer('idle_minutes').notNull(),
    absoluteExpiresAt: at('absolute_expires_at').notNull(),
    sourceIp: text('source_ip'),
    userAgent: text('user_agent'),
  },
  (t) => [
    primaryKey({ columns: [t.regionCode, t.tokenHash] }),
    uniqueIndex('user_session_public_id_uq').on(t.regionCode, t.publicId),
    index('user_session_user_idx').on(t.regionCode, t.userId),
  ],
);

/** Machine clients (Open311 partners, institutions): hashed, scoped, revocable. */
export const apiKey = pgTable(
  'api_key',
  {
    regionCode: regionCode('region_code').notNull(),
    id: uuid('id').notNull(),
    name: text('name').notNull(),
    /** The first characters of the key, shown in lists and used to find the row. */
    keyPrefix: text('key_prefix').notNull(),
    secretHash: text('secret_hash').notNull(),
    permissions: jsonb('permissions').$type<string[]>().notNull(),
    scopeRegion: regionCode('scope_region').notNull(),
    createdBy: uuid('created_by'),
    createdAt: at('created_at').notNull(),
    expiresAt: at('expires_at'),
    revokedAt: at('revoked_at'),
    lastUsedAt: at('last_used_at'),
  },
  (t) => [
    primaryKey({ columns: [t.regionCode, t.id] }),
    uniqueIndex('api_key_prefix_uq').on(t.regionCode, t.keyPrefix),
  ],
);

/** Failed sign-ins per source address in the current window (per-IP throttle, AUTH-03). */
export const loginThrottle = pgTable(
  'login_throttle',
  {
    regionCode: regionCode('region_code').notNull(),
    sourceIp: text('source_ip').notNull(),
    windowStart: at('window_start').notNull(),
    failures: integer('failures').notNull(),
  },
  (t) => [primaryKey({ columns: [t.regionCode, t.sourceIp] })],
);
