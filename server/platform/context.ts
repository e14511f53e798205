import type { Database, Db } from './db/database.ts';
import type { Rider } from './db/prepared.ts';
import type { Locale } from './i18n/locale.ts';
import { type AuthSettings, defaultAuthSettings } from './auth/auth-config.ts';
import type { Keyring } from './pii/keyring.ts';

export type Clock = () => Date;
export const systemClock: Clock = () => new Date();

/** Who is acting. Filled by the identity layer; `null` for anonymous (public) requests. */
export interface Actor {
  kind: 'user' | 'api_key';
  id: string;
  username: string;
  displayName: string;
  roles: readonly string[];
  permissions: ReadonlySet<string>;
  /** Root of the actor's data scope: a county, township or village code (region subtree). */
  scopeRegion: string;
  department: string | null;
  /** Public id of the session (never its token), for the audit trail. */
  sessionId: string | null;
}

/** Everything a service needs about the request it serves; passed explicitly, never read from globals. */
export interface Ctx {
  readonly database: Database;
  /** The root builder, or the open transaction's inside `tx()`. */
  readonly db: Db;
  readonly actor: Actor | null;
  /** The county this installation serves: the region code of installation-wide rows (audit chain, users). */
  readonly countyCode: string;
  readonly keyring: Keyring;
  /** Password policy, timeouts and cookie settings in force (the security administrator may change them). */
  readonly security: AuthSettings;
  readonly requestId: string;
  readonly ip: string;
  readonly userAgent: string | null;
  readonly locale: Locale;
  readonly clock: Clock;
  readonly inTransaction: boolean;
  /**
   * Inside `tx()`: work to run at the end of the transaction, just before COMMIT, in the order queued. The
   * audit trail uses it so the county's chain head is locked for the commit only, not for the whole write.
   */
  readonly beforeCommit?: Array<(t: Ctx) => Promise<void>>;
  /**
   * Inside `tx()`: rows nothing in the transaction reads back (outbox events, idempotency records), written
   * at its end in one statement with the audit row (db/at-commit.ts): round trips cost both processes CPU.
   */
  readonly atCommit?: Rider[];
  /**
   * Inside `tx()`: work to run after the transaction rolled back, each with the context `tx()` was called
   * with (outside any transaction). A denial raised inside a transaction usually makes it roll back, and
   * its audit row must not go with it (`recordAuditOutside`).
   */
  readonly afterRollback?: Array<(ctx: Ctx) => Promise<void>>;
}

/** A context for work that is not an HTTP request (CLI, seed, jobs). */
export function systemCtx(
  database: Database,
  base: { countyCode: string; keyring: Keyring; security?: AuthSettings },
  overrides: Partial<Ctx> = {},
): Ctx {
  return {
    database,
    db: database.db,
    actor: null,
    countyCode: base.countyCode,
    keyring: base.keyring,
    security: base.security ?? defaultAuthSettings,
    requestId: `system-${Date.now().toString(36)}`,
    ip: '127.0.0.1',
    userAgent: null,
    locale: 'zh',
    clock: systemClock,
    inTransaction: false,
    ...overrides,
  };
}
