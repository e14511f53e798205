import type { MessageCatalogue } from '../i18n/locale.ts';
import { AppError } from './app-error.ts';

/** Its messages, listed by the system manifest that installs them (no registration on import). */
export const databaseUnavailableMessages: MessageCatalogue = {
  zh: { 'error.database_unavailable': '数据库暂时无法连接，请稍后重试' },
  en: { 'error.database_unavailable': 'The database cannot be reached right now; please try again shortly' },
};

/**
 * How long a client should wait before retrying (RFC 9110 §10.2.3): the pool reconnects on the next request once
 * the database is back, so a few seconds is the order of the recovery time (bench/results: reliability-outage).
 */
export const databaseRetryAfterSeconds = 5;

/** Socket errors of the link to PostgreSQL: the database (or the network to it) is gone, not the request wrong. */
const socketErrorCodes = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

/**
 * SQLSTATEs of a server that is shutting down or refusing sessions: class 08 (connection exception), 57P01
 * admin_shutdown, 57P02 crash_shutdown, 57P03 cannot_connect_now (starting up, in recovery), 53300
 * too_many_connections, and 57014 query_canceled (the statement timeout that bounds a query on a stalled server).
 */
const unavailableSqlStates = new Set(['57P01', '57P02', '57P03', '53300', '57014']);

/** What node-postgres and its pool throw without a code when the link drops or a timeout bounds the wait. */
const unavailableMessages = [
  /^Connection terminated/, // …unexpectedly, …due to connection timeout
  /timeout exceeded when trying to connect/, // the pool's connectionTimeoutMillis
  /^Query read timeout/, // the client-side query_timeout
  /is not queryable/, // a client whose connection already failed
  /^Cannot use a pool after calling end/, // shutting down
];

function isUnavailableCause(error: { code?: unknown; message?: unknown }): boolean {
  const code = typeof error.code === 'string' ? error.code : '';
  if (socketErrorCodes.has(code) || unavailableSqlStates.has(code) || code.startsWith('08')) return true;
  const message = typeof error.message === 'string' ? error.message : '';
  return unavailableMessages.some((pattern) => pattern.test(message));
}

/**
 * Whether `error` (or what it wraps: drizzle puts pg's error on `cause`, Node an AggregateError's on `errors`)
 * says the database cannot be reached. Walks a few levels only: causes do not nest deeper in practice.
 */
export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (typeof error !== 'object' || error === null || depth > 4) return false;
  const withFields = error as { code?: unknown; message?: unknown; cause?: unknown; errors?: unknown };
  if (isUnavailableCause(withFields)) return true;
  if (isDatabaseUnavailable(withFields.cause, depth + 1)) return true;
  return Array.isArray(withFields.errors) && withFields.errors.some((e) => isDatabaseUnavailable(e, depth + 1));
}

/** The 503 a request gets while the database is away: retry later, in the caller's language, never a 500. */
export function databaseUnavailable(): AppError {
  return new AppError(503, 'database_unavailable', 'error.database_unavailable', {
    retryAfterSeconds: databaseRetryAfterSeconds,
  });
}
