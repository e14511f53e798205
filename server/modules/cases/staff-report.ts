import type { CaseChannel } from '../../db/schema/cases.ts';
import { recordAuditOutside } from '../../platform/audit/audit.ts';
import type { Ctx } from '../../platform/context.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { isInSubtree } from '../../platform/regions/region-scope.ts';
import type { StaffReportInput } from './cases.schema.ts';
import { type CheckedReport, checkReport } from './report-case.ts';

/** The channel a report takes when the form does not say: an inspector on patrol, a volunteer, else other. */
function defaultChannel(ctx: Ctx): CaseChannel {
  const roles = ctx.actor?.roles ?? [];
  if (roles.includes('inspector')) return 'patrol';
  if (roles.includes('volunteer')) return 'volunteer';
  return 'other';
}

/**
 * A person reports inside their own area: a case placed in another township would leave their scope at once
 * (they could not follow their own report) and lands in a queue that is not theirs. Regions are public
 * reference data, so the answer says so plainly; the attempt is audited like any out-of-scope access.
 */
async function assertReportInScope(ctx: Ctx, regionCode: string): Promise<void> {
  const actor = ctx.actor;
  if (!actor) throw AppError.unauthenticated();
  if (isInSubtree(regionCode, actor.scopeRegion)) return;
  await recordAuditOutside(ctx, {
    eventType: 'access.denied',
    action: 'create',
    outcome: 'failure',
    objectType: 'region',
    objectId: regionCode,
    reasonCode: 'out_of_scope',
  });
  throw AppError.field('regionCode', 'cases.region_outside_scope');
}

/** A report from a signed-in member of staff or a volunteer, checked in full before the transaction. */
export async function checkStaffReport(ctx: Ctx, body: StaffReportInput): Promise<CheckedReport> {
  const checked = await checkReport(ctx, { ...body, channel: body.channel ?? defaultChannel(ctx) });
  // After the region is known to exist: a code that names no place gets that answer, not this one.
  await assertReportInScope(ctx, body.regionCode);
  return checked;
}
