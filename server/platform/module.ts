import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type {
  FastifyBaseLogger,
  FastifyInstance,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from 'fastify';
import type { Config } from '../config.ts';
import type { Clock } from './context.ts';
import type { Database } from './db/database.ts';
import type { RoleKey } from './access/roles.ts';
import type { AuthSettings } from './auth/auth-config.ts';
import type { Keyring } from './pii/keyring.ts';
import type { PeriodicJob } from './jobs/periodic.ts';
import type { SeedStep } from './seed/seed-step.ts';

/** What the app is built from: the environment, the open database and the clock (fake in tests). */
export interface AppDeps {
  config: Config;
  database: Database;
  clock: Clock;
  keyring: Keyring;
  /** Defaults to the China profile; the security administrator's saved settings are loaded at start. */
  security?: AuthSettings;
}

export type TypedApp = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  TypeBoxTypeProvider
>;

/** Registers some of a module's routes; a manifest lists one per part (cases: intake, catalogue, export, …). */
export type RouteRegistrar = (app: TypedApp, deps: AppDeps) => void | Promise<void>;

/**
 * What a module (or a platform part with routes) declares: `server/modules/index.ts` lists them, and the platform
 * reads them without importing any module.
 */
export interface ModuleManifest {
  /** Stable key, also used by the web app's sidebar. */
  key: string;
  /** Route registrars, run in list order. */
  routes?: readonly RouteRegistrar[];
  /** Demo-county seed steps, run in list order after the platform's own. */
  seeds?: readonly SeedStep[];
  /** Permissions this module adds to built-in roles (modules add permissions, not roles). */
  grants?: Partial<Record<RoleKey, readonly string[]>>;
  /**
   * Permissions a partner system's API key may carry (Open311 submit, …): the allowlist, nothing else reaches a
   * key. Never a reveal, an export or an administrator's power: those need a signed-in person (issue 9 item 2).
   */
  integrationPermissions?: readonly string[];
  /** Work the server runs on a timer while it is up. */
  jobs?: readonly PeriodicJob[];
}
