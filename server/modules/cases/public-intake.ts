import type { FastifyRequest } from 'fastify';
import { publicWritePerHour, spendRateLimit } from '../../platform/http/rate-limit.ts';

/**
 * Citizens' reports and photo uploads spend one budget, the `public-write` rate-limit class: an upload is 1, a
 * report 1 (both spent on arrival by `defineRoute`) plus each photo it carries inline (a photo is a photo,
 * however it arrives).
 */
export const publicIntakePerHour = publicWritePerHour;

/** Each photo a report carries inline, spent before any is decoded. */
export async function spendInlinePhotos(
  request: FastifyRequest,
  photos: ReadonlyArray<{ data?: string }>,
): Promise<void> {
  await spendRateLimit(request, 'public-write', photos.filter((photo) => photo.data !== undefined).length);
}
