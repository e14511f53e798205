import type { FastifyRequest } from 'fastify';
import { deviceIdHeader, type PublicClient, publicClientOf } from '../../platform/delivery/public-client.ts';
import { type BudgetRule, spendBudget } from '../../platform/delivery/request-budget.ts';

/**
 * What one anonymous client may send in an hour, photo uploads and reports counted together: an upload is 1,
 * a report 1 plus each photo it carries inline (a photo is a photo, however it arrives).
 */
export const publicIntakePerHour = {
  /** One phone (the device id the public page keeps): three reports of nine photos, or a dozen of one or two. */
  device: 30,
  /** One address: phones share addresses behind a carrier's NAT (CGNAT), so this is the flood backstop only. */
  address: 300,
} as const;

/** A request without a device id is one client per address, with a phone's budget. */
export function publicIntakeRules(client: PublicClient): BudgetRule[] {
  return [
    { subject: `cases.public.client:${client.own}`, limit: publicIntakePerHour.device },
    { subject: `cases.public.address:${client.address}`, limit: publicIntakePerHour.address },
  ];
}

export function publicClientOfRequest(request: FastifyRequest): PublicClient {
  return publicClientOf(request.ctx, request.headers[deviceIdHeader]);
}

/**
 * Spends the request itself before its body is read (an `onRequest` hook): a client over its budget is
 * refused without the server taking in another photo or report.
 */
export async function spendOnArrival(request: FastifyRequest): Promise<void> {
  await spendBudget(request.ctx, publicIntakeRules(publicClientOfRequest(request)), 1);
}

/** Then each photo a report carries inline, before any is decoded. */
export async function spendInlinePhotos(
  request: FastifyRequest,
  photos: ReadonlyArray<{ data?: string }>,
): Promise<void> {
  await spendBudget(
    request.ctx,
    publicIntakeRules(publicClientOfRequest(request)),
    photos.filter((photo) => photo.data !== undefined).length,
  );
}
