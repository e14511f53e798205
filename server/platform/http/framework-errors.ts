import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import type { MessageCatalogue } from '../i18n/locale.ts';
import { AppError } from './app-error.ts';
import { sendError } from './error-handler.ts';

/** Its messages, listed by the platform manifest that installs them (no registration on import). */
export const frameworkErrorMessages: MessageCatalogue = {
  zh: { 'error.bad_url': '请求地址中有无法解码的字符', 'error.uri_too_long': '请求地址过长' },
  en: {
    'error.bad_url': 'The address contains characters that cannot be decoded',
    'error.uri_too_long': 'The address is too long',
  },
};

/**
 * What the router refuses before any route (and so any hook or error handler) is reached: a path that does not
 * decode (`%ED%A0%80`, `%ZZ`) or a parameter over `maxParamLength`. Fastify would answer these in its own
 * shape; they get ours, in the caller's language (Fastify's `frameworkErrors` option).
 */
export function answerFrameworkError(error: FastifyError, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  if (error.code === 'FST_ERR_BAD_URL') return sendError(reply, request, new AppError(400, 'bad_url', 'error.bad_url'));
  if (error.code === 'FST_ERR_MAX_PARAM_LENGTH')
    return sendError(reply, request, new AppError(414, 'uri_too_long', 'error.uri_too_long'));
  request.log.error({ err: error }, 'request failed before routing');
  return sendError(reply, request, new AppError(500, 'internal', 'error.internal'));
}
