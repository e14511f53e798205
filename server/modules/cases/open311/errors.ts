import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../../platform/http/app-error.ts';
import { toAppError, withErrorHeaders } from '../../../platform/http/error-handler.ts';
import type { Locale } from '../../../platform/i18n/locale.ts';
import { hasMessage, translate } from '../../../platform/i18n/translate.ts';
import { errorFormatOf, sendOpen311 } from './format.ts';

/** One entry of the GeoReport v2 error body; `code` may be more specific than the HTTP status. */
export type Open311Error = {
  code: number;
  description: string;
};

/**
 * HTTP statuses about the transport rather than the arguments: the body was too large, of a type not taken, or
 * came too often. They keep their status so that clients, proxies and retry logic act on them (a 413 must not
 * be resent as it is; a 429 waits for its Retry-After), with the spec's error body.
 */
const transportStatuses: ReadonlySet<number> = new Set([413, 415, 429]);

/**
 * GeoReport v2 §Errors: 404 for an unknown resource (jurisdiction, service_code, request, token), 403 for a
 * missing or invalid api_key, 400 for everything else about the arguments, the original status kept in the
 * body's `code` (422 …). A 5xx stays a 5xx: it is our bug, and monitoring and client retries must see it.
 * Schema problems become one error per field (`jurisdiction_id: 不允许的字段`).
 */
export function toOpen311Errors(
  error: AppError,
  locale: Locale,
  requestId: string,
): { status: number; errors: Open311Error[] } {
  const describe = () => translate(locale, error.messageKey, { requestId, ...error.vars });
  if (error.status >= 500 || transportStatuses.has(error.status))
    return { status: error.status, errors: [{ code: error.status, description: describe() }] };
  const status = error.status === 404 ? 404 : error.status === 401 || error.status === 403 ? 403 : 400;
  const fields = Object.entries(error.fields);
  if (fields.length === 0)
    return { status, errors: [{ code: status === 400 ? error.status : status, description: describe() }] };
  return {
    status,
    errors: fields.map(([name, problem]) => ({
      code: status,
      description: `${name}: ${translate(locale, hasMessage(problem.key) ? problem.key : 'field.format', problem.vars)}`,
    })),
  };
}

export function sendOpen311Error(reply: FastifyReply, request: FastifyRequest, error: AppError): FastifyReply {
  const { status, errors } = toOpen311Errors(error, request.ctx?.locale ?? 'zh', request.id);
  const format = errorFormatOf(request.url, request.headers.accept);
  return sendOpen311(withErrorHeaders(reply, error).code(status), format, 'errors', 'error', errors);
}

/** An unknown method or format under /open311 (`/v2/services.html`, `/v2/requests/1`): the spec's 404. */
export const unknownOpen311Resource = () => AppError.notFound('what.open311_format');

/** Gives an encapsulated scope the spec's error body in place of the app's `{ error: { … } }`. */
export function installOpen311ErrorHandling(scope: FastifyInstance): void {
  scope.setErrorHandler((error: FastifyError | AppError, request, reply) => {
    const appError = error instanceof AppError ? error : toAppError(error, request);
    if (appError.status >= 500) request.log.error({ err: error }, 'request failed');
    else if (appError.status !== 404)
      request.log.info({ code: appError.code, status: appError.status }, 'request rejected');
    return sendOpen311Error(reply, request, appError);
  });
  scope.setNotFoundHandler((request, reply) => sendOpen311Error(reply, request, unknownOpen311Resource()));
}
