import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { defaultAuthSettings } from '../auth/auth-config.ts';
import type { Ctx } from '../context.ts';
import { resolveLocale } from '../i18n/locale.ts';
import type { AppDeps } from '../module.ts';
import { containsPersonalNumber } from '../pii/scrub.ts';
import { toStorableText } from './storable-text.ts';

declare module 'fastify' {
  interface FastifyRequest {
    ctx: Ctx;
  }
}

const acceptableRequestId = /^[A-Za-z0-9._:-]{8,64}$/;

/** Keeps a caller's (or gateway's) request id when it is well-formed, so logs join up across hops. */
export function requestIdFrom(header: string | string[] | undefined): string {
  const value = Array.isArray(header) ? header[0] : header;
  // A request id is logged on every line: one shaped like an ID number or a phone is replaced (AUD-07).
  return value && acceptableRequestId.test(value) && !containsPersonalNumber(value) ? value : randomUUID();
}

/** Builds `request.ctx` before anything else runs; identity fills `actor` later in the same phase. */
export function installRequestContext(app: FastifyInstance, deps: AppDeps): void {
  app.decorateRequest('ctx', null as unknown as Ctx);
  app.addHook('onRequest', async (request, reply) => {
    request.ctx = {
      database: deps.database,
      db: deps.database.db,
      actor: null,
      countyCode: deps.config.countyCode,
      keyring: deps.keyring,
      security: deps.security ?? defaultAuthSettings,
      requestId: request.id,
      ip: request.ip,
      userAgent: headerText(request.headers['user-agent']),
      locale: resolveLocale(request.headers['accept-language']),
      clock: deps.clock,
      inTransaction: false,
    };
    reply.header('x-request-id', request.id);
  });
  // Responses of the API may carry personal data: never cached by browsers or proxies (RES-01).
  app.addHook('onSend', async (request, reply) => {
    if (request.url.startsWith('/api/') || request.url.startsWith('/open311/'))
      reply.header('cache-control', 'no-store');
  });
}

/** Kept in audit rows: cut to a size, and to what PostgreSQL can store (a cut may split a surrogate pair). */
function headerText(value: string | string[] | undefined): string | null {
  const text = Array.isArray(value) ? value[0] : value;
  return text ? toStorableText(text.slice(0, 300)) : null;
}
