import type { FastifyServerOptions } from 'fastify';

/**
 * pino settings. Request and response logs carry method, path, status and ids only — never bodies, query
 * strings, cookies or authorization headers, which is where personal data would leak (AUD-07).
 */
export function loggerOptions(level: string): FastifyServerOptions['logger'] {
  return {
    level,
    redact: { paths: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'], censor: '[redacted]' },
    serializers: {
      req(request: { method: string; url: string; ip?: string }) {
        return { method: request.method, path: request.url.split('?')[0], ip: request.ip };
      },
      res(reply: { statusCode: number }) {
        return { status: reply.statusCode };
      },
    },
  };
}
