import type { FastifyRequest } from 'fastify';
import { deviceIdHeader, type PublicClient, publicClientOf } from '../delivery/public-client.ts';
import { type BudgetRule, spendBudget } from '../delivery/request-budget.ts';

/**
 * A rate-limit class: the budgets one request spends from, named so a route says `rateLimit: 'public-write'`
 * and every route of the class shares them (an upload and a report from one phone count together).
 */
interface RateLimitClass {
  rules(request: FastifyRequest): BudgetRule[];
}

/**
 * What one anonymous client may send in an hour: an upload is 1, a report 1 plus each photo it carries inline
 * (a photo is a photo, however it arrives).
 */
export const publicWritePerHour = {
  /** One phone (the device id the public page keeps): three reports of nine photos, or a dozen of one or two. */
  device: 30,
  /** One address: phones share addresses behind a carrier's NAT (CGNAT), so this is the flood backstop only. */
  address: 300,
} as const;

/** A request without a device id is one client per address, with a phone's budget. */
export function publicWriteRules(client: PublicClient): BudgetRule[] {
  return [
    { subject: `public-write.client:${client.own}`, limit: publicWritePerHour.device },
    { subject: `public-write.address:${client.address}`, limit: publicWritePerHour.address },
  ];
}

/**
 * What one anonymous client may look up in an hour (document verification by code): a phone scanning the QR of
 * every page of a file is a few dozen; a code guesser at 60 an hour from one device — or 600 from one address,
 * the CGNAT backstop — would need far beyond 10^40 hours to hit one of 2^160 codes.
 */
export const publicReadPerHour = { device: 60, address: 600 } as const;

export function publicReadRules(client: PublicClient): BudgetRule[] {
  return [
    { subject: `public-read.client:${client.own}`, limit: publicReadPerHour.device },
    { subject: `public-read.address:${client.address}`, limit: publicReadPerHour.address },
  ];
}

export function publicClientOfRequest(request: FastifyRequest): PublicClient {
  return publicClientOf(request.ctx, request.headers[deviceIdHeader]);
}

export const rateLimitClasses = {
  /** Anonymous writes (citizen reports and photo uploads): per device, with the address as the backstop. */
  'public-write': { rules: (request) => publicWriteRules(publicClientOfRequest(request)) },
  /** Anonymous look-ups by a secret (verification codes): per device, with the address as the backstop. */
  'public-read': { rules: (request) => publicReadRules(publicClientOfRequest(request)) },
} as const satisfies Record<string, RateLimitClass>;

export type RateLimitClassName = keyof typeof rateLimitClasses;

/**
 * Spends `units` of the class's budgets (429 with Retry-After when one is over). `defineRoute` spends 1 for the
 * request itself in `onRequest`, before its body is read; a handler spends more for what the body carries.
 */
export async function spendRateLimit(request: FastifyRequest, name: RateLimitClassName, units = 1): Promise<void> {
  await spendBudget(request.ctx, rateLimitClasses[name].rules(request), units);
}
