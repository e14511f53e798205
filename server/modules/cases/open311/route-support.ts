import type { FastifyRequest } from 'fastify';
import { publicBaseUrl } from '../../../config.ts';
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
