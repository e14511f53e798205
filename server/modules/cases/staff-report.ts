import type { CaseChannel } from '../../db/schema/cases.ts';
import { recordAuditOutside } from '../../platform/audit/audit.ts';
import type { Actor, Ctx } from '../../platform/context.ts';
import { AppError, type FieldProblems } from '../../platform/http/app-error.ts';
import { isInSubtree } from '../../platform/regions/region-scope.ts';
import type { StaffReportInput } from './cases.schema.ts';
import {
  assertHotlineFieldsFit,
  assertTicketFree,
  decideChannel,
  type hotlineFields,
  normalizeTicketNo,
} from './hotline-intake.ts';
import { type CheckedReport, checkReport, type ReportInput, type ReportOutcome, storeReport } from './report-case.ts';

/**
 * A person reports inside their own area: a case placed in another township would leave their scope at once
 * (they could not follow their own report) and lands in a queue that is not theirs. Regions are public
 * reference data, so the answer says so plainly; the attempt is audited like any out-of-scope access.
 */
async function assertReportInScope(ctx: Ctx, actor: Actor, regionCode: string): Promise<void> {
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

const blank = (text: string | undefined) => text === undefined || text.trim() === '';

/** The hotline fields the form filled in (an unticked consent is no field filled). */
function filledHotlineFields(body: StaffReportInput): (typeof hotlineFields)[number][] {
  const filled: (typeof hotlineFields)[number][] = [];
  if (!blank(body.callerName)) filled.push('callerName');
  if (!blank(body.phone)) filled.push('phone');
  if (body.smsConsent === true) filled.push('smsConsent');
  if (!blank(body.ticketNo)) filled.push('ticketNo');
  return filled;
}

/**
 * What a staff report must say besides the schema: where it is in words when there is no point (the hotline's
 * caller, or a phone that found no position), what happened when it was a call (there is no photo to show it),
 * and a well-formed 工单号. An inspector's photo and category say what they saw: the description may be left out.
 */
function staffReportProblems(body: StaffReportInput, channel: CaseChannel): FieldProblems {
  const problems: FieldProblems = {};
  const hasPoint = body.lng !== undefined || body.lat !== undefined;
  if (!hasPoint && blank(body.address)) problems.address = { key: 'field.required' };
  if (channel === 'hotline' && blank(body.description)) problems.description = { key: 'field.required' };
  if (!blank(body.ticketNo) && !normalizeTicketNo(body.ticketNo ?? '').ok)
    problems.ticketNo = { key: 'cases.ticket_no_invalid' };
  return problems;
}

/** The report as the shared checks take it: channel decided, text trimmed, the 工单号 in its one written form. */
function reportInputOf(body: StaffReportInput, channel: CaseChannel): ReportInput {
  const { callerName, ticketNo, ...rest } = body;
  const ticket = blank(ticketNo) ? undefined : normalizeTicketNo(ticketNo ?? '');
  return {
    ...rest,
    address: body.address?.trim() ?? '',
    description: body.description?.trim() ?? '',
    channel,
    ...(blank(callerName) ? {} : { callerName: callerName?.trim() }),
    ...(ticket?.ok ? { ticketNo: ticket.value } : {}),
  };
}

/**
 * A report from a signed-in member of staff or a volunteer, checked in full before the transaction. The
 * channel is the person's (hotline-intake.ts): an inspector's report is `patrol`, a volunteer's `volunteer`,
 * a 热线受理 holder's call `hotline`; the caller's fields belong to a hotline intake only. A call needs no photo.
 */
export async function checkStaffReport(ctx: Ctx, body: StaffReportInput): Promise<CheckedReport> {
  const actor = ctx.actor;
  if (!actor) throw AppError.unauthenticated();
  const filled = filledHotlineFields(body);
  const channel = decideChannel(actor, body.channel, filled);
  assertHotlineFieldsFit(channel, filled);
  const problems = staffReportProblems(body, channel);
  if (Object.keys(problems).length > 0) throw AppError.validation(problems);
  const noPhotos = channel === 'hotline' && body.photos.length === 0;
  const checked = await checkReport(ctx, reportInputOf(body, channel), noPhotos ? [] : undefined);
  // After the region is known to exist: a code that names no place gets that answer, not this one.
  await assertReportInScope(ctx, actor, body.regionCode);
  return checked;
}

/** Writes a checked staff report; a hotline intake first makes sure its 工单号 is not a case already. */
export async function storeStaffReport(t: Ctx, checked: CheckedReport): Promise<ReportOutcome> {
  if (checked.input.ticketNo !== undefined) await assertTicketFree(t, checked.input.ticketNo);
  return storeReport(t, checked);
}
