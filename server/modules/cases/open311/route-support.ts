import type { FastifyRequest } from 'fastify';
import { publicBaseUrl } from '../../../config.ts';
import type { TypedApp } from '../../../platform/module.ts';
import { unknownOpen311Resource } from './errors.ts';
import { isOpen311Format, type Open311Format } from './format.ts';
import { assertServedJurisdiction } from './jurisdiction.ts';

/** `jurisdiction_id` names this county (or the host of the public URL), or is absent/empty. */
export function checkJurisdiction(request: FastifyRequest, jurisdictionId: string | undefined): void {
  assertServedJurisdiction(jurisdictionId, {
    countyCode: request.ctx.countyCode,
    domains: [new URL(baseUrlOf(request)).hostname],
  });
}

/**
 * Where clients reach us: the configured public URL (WENMING_PUBLIC_URL), never the request's Host or
 * X-Forwarded-Host, which a client — or a cache that keeps the answer for everyone — can forge (issue 9 item 9).
 */
export function baseUrlOf(request: FastifyRequest): string {
  return publicBaseUrl(request.server.deps.config);
}

/** Checked by the plugin's preValidation hook already; narrows the type. */
export function formatOf(format: string): Open311Format {
  if (!isOpen311Format(format)) throw unknownOpen311Resource();
  return format;
}

/** GeoReport v2 §General: an optional argument sent empty is an absent one (`?jurisdiction_id=`). */
export function dropEmptyArguments(args: unknown): void {
  if (typeof args !== 'object' || args === null) return;
  const record = args as Record<string, unknown>;
  for (const key of Object.keys(record)) if (record[key] === '') delete record[key];
}

/** What every Open311 route declares alike: its tag, and no shared error schemas (errors are the spec's body). */
export const open311Route = { tags: ['open311'], sharedErrors: false } as const;

/**
 * The checks every method of the plugin takes: an unknown format is an unknown resource (404), decided before the
 * query is validated (400); jurisdiction_id (in the query, or in a POST's form body) is checked once, for all of
 * them, after the API key and the arguments were validated.
 */
export function installOpen311Checks(scope: TypedApp): void {
  scope.addHook('preValidation', async (request) => {
    const { format } = (request.params ?? {}) as { format?: unknown };
    if (!isOpen311Format(format)) throw unknownOpen311Resource();
    dropEmptyArguments(request.query);
  });
  scope.addHook('preHandler', async (request) => {
    const body =
      typeof request.body === 'object' && request.body !== null ? (request.body as { jurisdiction_id?: string }) : {};
    const query = (request.query ?? {}) as { jurisdiction_id?: string };
    checkJurisdiction(request, body.jurisdiction_id ?? query.jurisdiction_id);
  });
}
