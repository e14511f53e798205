import path from 'node:path';
import { type Keyring, loadKeyring } from './platform/pii/keyring.ts';

/** Everything the process reads from its environment, parsed once at start. */
export interface Config {
  /** `postgres://…` selects server PostgreSQL; unset selects embedded PGlite. */
  databaseUrl: string | undefined;
  /** Folder of the embedded database (PGlite). */
  pgliteDir: string;
  /** Where installation files live (demo keys, exports). */
  dataDir: string;
  /** Field-encryption keys: a JSON file, or the JSON itself (see platform/pii/keyring.ts). */
  keysFile: string | undefined;
  keysJson: string | undefined;
  host: string;
  port: number;
  production: boolean;
  /** Demo mode seeds the Yanling demo county on an empty database and may print demo accounts. */
  demo: boolean;
  /** The county this installation serves (GB/T 2260). */
  countyCode: string;
  logLevel: string;
  /** Built web app to serve; absent folder → API only. */
  webDist: string;
  bodyLimitBytes: number;
  /** Behind a gateway: trust its X-Forwarded-For for the client IP (true, or a comma-separated list of addresses/CIDRs). */
  trustProxy: boolean | string;
  /** Plain-HTTP demo on a LAN address: cookies without Secure (never in production). */
  insecureCookies: boolean;
  /** Networks the administrators' interfaces answer from (AC-06); unset = anywhere. */
  adminNetworks: string | undefined;
  /**
   * Where clients reach the app (`https://wenming.yanling.gov.cn`, no trailing slash): the base of every absolute
   * URL it hands out (Open311 discovery), so none is built from a Host header a client or a cache can forge.
   * Required in production; elsewhere `publicBaseUrl` falls back to http://localhost and the port.
   */
  publicUrl: string | undefined;
  /**
   * `WENMING_MAINTENANCE_STATEMENT_TIMEOUT` (seconds): the statement bound of maintenance commands on PostgreSQL
   * (migrate, seed, backup, keys…); unset or 0 = none. The server's request pool has its own (engine.ts).
   */
  maintenanceStatementTimeoutMs: number | null;
  /**
   * `WENMING_PRE_STOP_DELAY` (seconds, default 0): after SIGTERM, how long `/readyz` answers 503 while the server
   * still serves, so a load balancer polling it stops sending before the listener closes.
   */
  preStopDelayMs: number;
}

const projectRoot = path.resolve(import.meta.dirname, '..');

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const dataDir = env.WENMING_DATA_DIR ?? path.join(projectRoot, 'data');
  return {
    databaseUrl: nonEmpty(env.DATABASE_URL),
    pgliteDir: env.WENMING_PGLITE_DIR ?? path.join(dataDir, 'db'),
    dataDir,
    keysFile: nonEmpty(env.WENMING_KEYS_FILE),
    keysJson: nonEmpty(env.WENMING_KEYS),
    host: env.HOST ?? '127.0.0.1',
    port: parsePort(env.PORT ?? '3000'),
    production: env.NODE_ENV === 'production',
    demo: env.WENMING_DEMO === '1' || env.WENMING_DEMO === 'true',
    countyCode: env.WENMING_COUNTY ?? '430225',
    logLevel: env.LOG_LEVEL ?? (env.NODE_ENV === 'test' ? 'silent' : 'info'),
    webDist: env.WENMING_WEB_DIST ?? path.join(projectRoot, 'web', 'dist'),
    bodyLimitBytes: Number(env.WENMING_BODY_LIMIT ?? 1024 * 1024),
    trustProxy: parseTrustProxy(env.WENMING_TRUST_PROXY),
    insecureCookies: env.WENMING_INSECURE_COOKIES === '1',
    adminNetworks: nonEmpty(env.WENMING_ADMIN_NETWORKS),
    publicUrl: parsePublicUrl(env.WENMING_PUBLIC_URL),
    maintenanceStatementTimeoutMs: secondsAsMs('WENMING_MAINTENANCE_STATEMENT_TIMEOUT', env, 7 * 24 * 3600) || null,
    preStopDelayMs: secondsAsMs('WENMING_PRE_STOP_DELAY', env, 60),
  };
}

/**
 * `WENMING_PUBLIC_URL`: an http(s) URL with a host and at most a path (a gateway may serve us under one);
 * credentials, a query or a fragment have no place in a base that other paths are joined onto.
 */
export function parsePublicUrl(raw: string | undefined): string | undefined {
  const text = raw?.trim();
  if (!text) return undefined;
  const refuse = (why: string) =>
    new Error(`WENMING_PUBLIC_URL must be the http(s) address clients reach the app at (${why}), got "${text}"`);
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw refuse('not a URL');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw refuse('http or https');
  // WHATWG URLs forgive `http:///x` (host "x") and backslashes; a base written that way is a typo, not a host.
  if (!url.hostname || !/^https?:\/\/[^/\\]/i.test(text)) throw refuse('no host');
  if (url.username || url.password) throw refuse('no user or password');
  if (url.search || url.hash || text.includes('?') || text.includes('#')) throw refuse('no query or fragment');
  return `${url.origin}${url.pathname}`.replace(/\/+$/, '');
}

/** The base of absolute URLs: the configured public URL, or this machine's port outside production. */
export function publicBaseUrl(config: Config): string {
  return config.publicUrl ?? `http://localhost:${config.port}`;
}

function nonEmpty(value: string | undefined): string | undefined {
  return value && value.trim() !== '' ? value : undefined;
}

/**
 * DATA-01: a database on another host is reached over TLS. Loopback and Unix sockets need none; anything else
 * must ask for `sslmode=require` or stronger in its URL.
 */
export function assertEncryptedDatabaseLink(databaseUrl: string): void {
  const url = new URL(databaseUrl);
  const host = url.hostname || url.searchParams.get('host') || '';
  const local =
    host === '' || host === 'localhost' || host.startsWith('127.') || host === '[::1]' || host.startsWith('/');
  const mode = url.searchParams.get('sslmode');
  if (!local && !['require', 'verify-ca', 'verify-full'].includes(mode ?? '')) {
    throw new Error(`DATABASE_URL reaches ${host} without TLS: add ?sslmode=verify-full (or require).`);
  }
}

/** A duration in (possibly fractional) seconds from `env[name]`, up to `max`; unset or empty is 0. */
function secondsAsMs(name: string, env: NodeJS.ProcessEnv, max: number): number {
  const raw = env[name]?.trim();
  if (!raw) return 0;
  const seconds = Number(raw);
  if (!/^[0-9]+(\.[0-9]+)?$/.test(raw) || seconds > max)
    throw new Error(`${name} must be a number of seconds from 0 to ${max}, got "${raw}"`);
  return Math.round(seconds * 1000);
}

function parseTrustProxy(raw: string | undefined): boolean | string {
  if (!raw || raw === 'false') return false;
  return raw === 'true' ? true : raw;
}

function parsePort(raw: string): number {
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be 0–65535, got "${raw}"`);
  return port;
}

/** Refuse configurations that are unsafe for a 等保 level-3 production system. */
export function assertProductionSafe(config: Config): void {
  if (!config.production) return;
  if (!config.databaseUrl) {
    throw new Error('NODE_ENV=production needs DATABASE_URL: the embedded PGlite store has no fsync and one session.');
  }
  if (config.demo) throw new Error('Demo mode is not allowed with NODE_ENV=production.');
  assertEncryptedDatabaseLink(config.databaseUrl);
  if (config.insecureCookies)
    throw new Error('WENMING_INSECURE_COOKIES is for demos over plain HTTP, never production.');
  if (!config.keysFile && !config.keysJson) {
    throw new Error(
      'NODE_ENV=production needs WENMING_KEYS_FILE: field-encryption keys are kept outside the database.',
    );
  }
  if (!config.publicUrl) {
    throw new Error(
      "NODE_ENV=production needs WENMING_PUBLIC_URL (https://…): absolute URLs are never built from the request's Host header.",
    );
  }
  if (!config.publicUrl.startsWith('https://'))
    throw new Error('WENMING_PUBLIC_URL must be https in production (AUTH-06).');
}

/** Keys from the configured file or JSON; outside production a key file is created in the data folder. */
export function keyringFor(config: Config): Keyring {
  return loadKeyring({
    keysFile: config.keysFile,
    keysJson: config.keysJson,
    createIn: config.production ? undefined : config.dataDir,
  });
}

export { projectRoot };
