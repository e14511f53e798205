import { recordAuditOutside } from '../../platform/audit/audit.ts';
import type { Ctx } from '../../platform/context.ts';
import { AppError } from '../../platform/http/app-error.ts';
import type { Locale } from '../../platform/i18n/locale.ts';
import { translate } from '../../platform/i18n/translate.ts';
import { isInSubtree } from '../../platform/regions/region-scope.ts';
import { knownRegion } from '../../platform/regions/known-region.ts';

/**
 * Where a case is: a village or township of the county, or — for a report that named none (a GeoReport v2
 * client may send only a point or an address, and we hold no township boundaries to find the township from
 * the point) — the county itself. Such a case has the county's code as its location and township, so only
 * county-wide intake staff see it, in their queue, until the dispatcher sets the township when registering it.
 */
export function isTownshipToAssign(townshipCode: string, countyCode: string): boolean {
  return townshipCode === countyCode;
}

/** The township's name for the staff pages, or "township to be assigned". */
export function townshipLabel(
  townshipCode: string,
  countyCode: string,
  locale: Locale,
  nameOf: (code: string) => string,
): string {
  return isTownshipToAssign(townshipCode, countyCode)
    ? translate(locale, 'cases.township_to_assign')
    : nameOf(townshipCode);
}

/** A township or village of this county, its code sent as `field`; answers the township's code. */
export async function checkRegion(ctx: Ctx, code: string, field = 'regionCode'): Promise<string> {
  if (!code.startsWith(ctx.countyCode)) throw AppError.field(field, 'cases.region_outside_county');
  const found = await knownRegion(ctx, code);
  if (!found) throw AppError.field(field, 'cases.region_unknown');
  if (found.level !== 'township' && found.level !== 'village') throw AppError.field(field, 'cases.region_level');
  return code.slice(0, 9);
}

/** Refuses, audited like any out-of-scope access, a region outside the actor's own subtree. */
export async function assertRegionInScope(
  ctx: Ctx,
  code: string,
  messageKey: string,
  field = 'regionCode',
): Promise<void> {
  const actor = ctx.actor;
  if (!actor || isInSubtree(code, actor.scopeRegion)) return;
  await recordAuditOutside(ctx, {
    eventType: 'access.denied',
    action: 'create',
    outcome: 'failure',
    objectType: 'region',
    objectId: code,
    reasonCode: 'out_of_scope',
  });
  throw AppError.field(field, messageKey);
}

/**
 * 立案 of a case waiting for its township: the dispatcher names it (`regionCode`, a township or village in
 * their own area). A case that has its township keeps it. Answers the columns to set and the timeline details.
 */
export async function townshipAtRegistration(
  t: Ctx,
  row: { townshipCode: string; locationCode: string },
  regionCode: string | undefined,
): Promise<{ set: { locationCode: string; townshipCode: string }; details: { township: string } } | null> {
  if (!isTownshipToAssign(row.townshipCode, t.countyCode)) {
    if (regionCode !== undefined && regionCode !== row.locationCode)
      throw AppError.field('regionCode', 'cases.township_already_set');
    return null;
  }
  if (regionCode === undefined) throw AppError.field('regionCode', 'cases.township_required');
  const townshipCode = await checkRegion(t, regionCode);
  await assertRegionInScope(t, regionCode, 'cases.region_outside_scope');
  return { set: { locationCode: regionCode, townshipCode }, details: { township: townshipCode } };
}
