import { type FastifyReply, type FastifyRequest, type FastifyServerOptions, LogController } from 'fastify';
import { scrubPersonalNumbers } from './pii/scrub.ts';

/**
 * pino settings. Request and response logs carry method, path, status and ids only — never bodies, query
 * strings, cookies or authorization headers, which is where personal data would leak (AUD-07).
 */
export function loggerOptions(level: string): FastifyServerOptions['logger'] {
  return {
    level,
    redact: {
      paths: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'],
      censor: '[redacted]',
    },
    serializers: {
      req(request: { method: string; url: string; ip?: string }) {
        return { method: request.method, path: scrubPersonalNumbers(request.url.split('?')[0] ?? ''), ip: request.ip };
      },
      res(reply: { statusCode: number }) {
        return { status: reply.statusCode };
      },
      err: (error: Error) => safeError(error) as { type: string; message: string; stack: string },
    },
  };
}

/**
 * Database errors carry the failed statement's parameters (names, phones, ID numbers) in `params` and in
 * their message; logs keep the statement text and the PostgreSQL error, never the values.
 */
export function safeError(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { message: describe(error) };
  const withCause = error as Error & { code?: string; cause?: unknown };
  const cause = withCause.cause instanceof Error ? withCause.cause : undefined;
  return {
    type: error.name,
    message: withoutParams(error.message),
    ...(withCause.code ? { code: withCause.code } : {}),
    ...(cause
      ? { cause: { type: cause.name, message: withoutParams(cause.message), code: (cause as { code?: string }).code } }
      : {}),
    stack: error.stack ? withoutParams(error.stack) : undefined,
  };
}

function withoutParams(text: string): string {
  const cut = text.search(/\n\s*params:/);
  // Messages quote values too ("duplicate key (id_card)=(…)", "no household for <id>"): mask those numbers.
  return scrubPersonalNumbers((cut >= 0 ? text.slice(0, cut) : text).slice(0, 2000));
}

/** `String(x)` throws for objects whose toString is not callable; a log line must never throw. */
function describe(value: unknown): string {
  try {
    return scrubPersonalNumbers(String(value)).slice(0, 2000);
  } catch {
    return Object.prototype.toString.call(value);
  }
}

/**
 * One access-log line per request, written when it ends: method, path, address, status and time. Fastify writes
 * two by default, and the first ('incoming request') holds nothing the second lacks while costing a synchronous
 * write on every request's path. A request that never ends is still seen: its error or the shutdown is logged.
 */
export class OneLinePerRequest extends LogController {
  override incomingRequest(): void {}

  override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply): void {
    if (this.isLogDisabled(request)) return;
    const line = { req: request, res: reply, responseTime: reply.elapsedTime };
    if (error) reply.log.error({ ...line, err: error }, 'request errored');
    else reply.log.info(line, 'request completed');
  }
}
