import type { CaseChannel } from '../../db/schema/cases.ts';
import type { Ctx } from '../../platform/context.ts';
import type { StaffReportInput } from './cases.schema.ts';
import { type CheckedReport, checkReport } from './report-case.ts';

/** The channel a report takes when the form does not say: an inspector on patrol, a volunteer, else other. */
function defaultChannel(ctx: Ctx): CaseChannel {
  const roles = ctx.actor?.roles ?? [];
  if (roles.includes('inspector')) return 'patrol';
  if (roles.includes('volunteer')) return 'volunteer';
  return 'other';
}

/** A report from a signed-in member of staff or a volunteer, checked in full before the transaction. */
export function checkStaffReport(ctx: Ctx, body: StaffReportInput): Promise<CheckedReport> {
  return checkReport(ctx, { ...body, channel: body.channel ?? defaultChannel(ctx) });
}
