import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { type Locale, resolveLocale } from '../i18n/locale.ts';
import { hasMessage, translate } from '../i18n/translate.ts';
import { AppError, type FieldProblems } from './app-error.ts';
import { databaseUnavailable, isDatabaseUnavailable } from './database-unavailable.ts';
import { type SchemaError, toFieldProblems } from './validation-errors.ts';

export interface ErrorBody {
  error: { code: string; message: string; fields?: Record<string, string> };
}

/** Installs the one error shape for thrown errors, schema failures, parser failures and unknown routes. */
export function installErrorHandling(app: FastifyInstance, fallback?: NotFoundFallback): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const appError = toAppError(error, request);
    // An outage is the operator's news once (readyz, the pool's log), not a stack trace per request; a stop is news
    // already (its own log lines).
    if (appError.code === 'database_unavailable') request.log.warn({ err: error.message }, 'database unavailable');
    else if (appError.code === 'shutting_down') request.log.info('refused: shutting down');
    else if (appError.status >= 500) request.log.error({ err: error }, 'request failed');
    else if (appError.status !== 404)
      request.log.info({ code: appError.code, status: appError.status }, 'request rejected');
    return sendError(reply, request, appError);
  });
  app.setNotFoundHandler(
    (request, reply) =>
      fallback?.(request, reply) ??
      sendError(
        reply,
        request,
        new AppError(404, 'not_found', 'error.route_not_found', { method: request.method, url: pathOnly(request.url) }),
      ),
  );
}

/** Lets the web app answer unknown page paths (client-side routes) with its index page; `undefined` = not mine. */
export type NotFoundFallback = (request: FastifyRequest, reply: FastifyReply) => FastifyReply | undefined;

export function sendError(reply: FastifyReply, request: FastifyRequest, error: AppError): FastifyReply {
  const locale = localeOf(request);
  return withErrorHeaders(reply, error)
    .code(error.status)
    .type('application/json; charset=utf-8')
    .send(renderError(error, locale, request.id));
}

/** A 429 or 503 that knows when the client may come back says so in `Retry-After` (RFC 9110 §10.2.3), in seconds. */
export function withErrorHeaders(reply: FastifyReply, error: AppError): FastifyReply {
  const retryAfter = error.vars.retryAfterSeconds;
  if ((error.status === 429 || error.status === 503) && typeof retryAfter === 'number')
    reply.header('retry-after', String(Math.max(1, Math.ceil(retryAfter))));
  return reply;
}

export function renderError(error: AppError, locale: Locale, requestId: string): ErrorBody {
  const message = translate(locale, error.messageKey, { requestId, ...error.vars });
  const fields = renderFields(error.fields, locale);
  return { error: { code: error.code, message, ...(fields ? { fields } : {}) } };
}

function renderFields(problems: FieldProblems, locale: Locale): Record<string, string> | undefined {
  const names = Object.keys(problems);
  if (names.length === 0) return undefined;
  const fields: Record<string, string> = {};
  for (const name of names) {
    const problem = problems[name]!;
    const key = hasMessage(problem.key) ? problem.key : 'field.format';
    fields[name] = translate(locale, key, problem.vars);
  }
  return fields;
}

function localeOf(request: FastifyRequest): Locale {
  return request.ctx?.locale ?? resolveLocale(request.headers['accept-language']);
}

function pathOnly(url: string): string {
  return url.split('?')[0]!.slice(0, 200);
}

const parserErrors: Record<string, (error: FastifyError, request: FastifyRequest) => AppError> = {
  FST_ERR_CTP_INVALID_JSON_BODY: () => new AppError(400, 'invalid_json', 'error.invalid_json'),
  FST_ERR_CTP_EMPTY_JSON_BODY: () => new AppError(400, 'invalid_json', 'error.invalid_json'),
  FST_ERR_CTP_BODY_TOO_LARGE: (_e, request) =>
    new AppError(413, 'payload_too_large', 'error.payload_too_large', {
      limit: formatBytes(request.routeOptions.bodyLimit),
    }),
  FST_ERR_CTP_INVALID_MEDIA_TYPE: (_e, request) =>
    new AppError(415, 'unsupported_media_type', 'error.unsupported_media_type', {
      type: String(request.headers['content-type'] ?? '').slice(0, 80),
    }),
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: () => new AppError(400, 'bad_request', 'error.bad_request'),
};

/** Whatever was thrown, as an AppError: schema failures keep their fields, parser failures say what went wrong. */
export function toAppError(error: FastifyError, request: FastifyRequest): AppError {
  if (error instanceof AppError) return error;
  if (error.validation) return AppError.validation(toFieldProblems(error.validation as unknown as SchemaError[]));
  const parserError = error.code ? parserErrors[error.code] : undefined;
  if (parserError) return parserError(error, request);
  // secure-json-parse rejects __proto__ / constructor keys with a SyntaxError carrying 400.
  if (error instanceof SyntaxError) return new AppError(400, 'invalid_json', 'error.invalid_json');
  if (isDatabaseUnavailable(error)) return databaseUnavailable();
  const status = error.statusCode ?? 500;
  if (status === 429) return new AppError(429, 'rate_limited', 'error.rate_limited');
  if (status === 405) return new AppError(405, 'method_not_allowed', 'error.method_not_allowed');
  if (status >= 400 && status < 500) return new AppError(status, 'bad_request', 'error.bad_request');
  return new AppError(500, 'internal', 'error.internal');
}

function formatBytes(bytes: number | undefined): string {
  if (!bytes) return '?';
  return bytes >= 1024 * 1024 ? `${Math.round(bytes / 1024 / 1024)} MB` : `${Math.round(bytes / 1024)} KB`;
}
