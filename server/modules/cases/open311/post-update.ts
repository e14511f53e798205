import { recordAudit } from '../../../platform/audit/audit.ts';
import type { Ctx } from '../../../platform/context.ts';
import { tx } from '../../../platform/db/tx.ts';
import { emitEvent } from '../../../platform/delivery/outbox.ts';
import { AppError, type FieldProblems } from '../../../platform/http/app-error.ts';
import { CaseScope } from '../case-scope.ts';
import { appendCaseEvent } from '../cases.store.ts';
import { isOpen311Datetime } from './attributes.ts';
import { findPartnerUpdateSeq, lockCaseByNo } from './open311.store.ts';

/** The timeline action a partner's comment is recorded as; it changes no status, so the updates feed skips it. */
export const partnerUpdateAction = 'partner_update';

/** mySociety POST Service Request Update, after validation (optional personal fields are accepted, not stored). */
export interface PartnerUpdateArguments {
  service_request_id: string;
  update_id: string;
  status: string;
  updated_datetime: string;
  description: string;
}

/**
 * A partner's update on a request it submitted — in FixMyStreet, a citizen's comment on their report — kept on
 * the case's timeline for staff. It never moves the case: the loop's steps belong to staff (立案, 派遣, 核查), so
 * the status a partner sends is recorded with the comment, and REOPEN, which would ask us to reopen a closed
 * case, is refused. A request the partner did not submit is the spec's 404, as if unknown. The partner's own
 * `update_id` makes a retried POST answer the first one's id instead of adding the comment twice.
 */
export async function recordPartnerUpdate(ctx: Ctx, args: PartnerUpdateArguments): Promise<{ update_id: string }> {
  const partner = ctx.actor;
  if (!partner) throw new AppError(403, 'invalid_api_key', 'open311.api_key_invalid');
  const problems: FieldProblems = {};
  if (args.status.toUpperCase() === 'REOPEN') problems.status = { key: 'open311.reopen_not_supported' };
  if (!isOpen311Datetime(args.updated_datetime)) problems.updated_datetime = { key: 'format.date-time' };
  if (args.description.trim() === '') problems.description = { key: 'field.required' };
  if (Object.keys(problems).length > 0) throw AppError.validation(problems);

  return tx(ctx, async (t) => {
    // Locked like a transition, so the timeline's next seq is ours alone; the partner's own requests only.
    const row = await lockCaseByNo(t.db, t.countyCode, args.service_request_id, CaseScope.partner(partner.id));
    if (!row) throw AppError.notFound('what.open311_request');
    const earlier = await findPartnerUpdateSeq(t.db, row, partnerUpdateAction, args.update_id);
    if (earlier !== undefined) return { update_id: `${row.caseNo}-${earlier}` };
    const now = t.clock();
    const details = {
      updateId: args.update_id,
      status: args.status.toUpperCase(),
      updatedAt: new Date(args.updated_datetime).toISOString(),
    };
    await appendCaseEvent(t.db, t.countyCode, row.id, {
      action: partnerUpdateAction,
      at: now,
      actorKind: 'api_key',
      actorId: partner.id,
      fromStatus: row.status,
      toStatus: row.status,
      note: args.description.trim(),
      details,
    });
    const seq = await findPartnerUpdateSeq(t.db, row, partnerUpdateAction, args.update_id);
    await recordAudit(t, {
      eventType: 'cases.partner_update',
      action: 'create',
      objectType: 'case',
      objectId: row.caseNo,
      details: { updateId: args.update_id },
    });
    await emitEvent(t, { topic: 'case.partner_update', objectType: 'case', objectId: row.caseNo, payload: { seq } });
    return { update_id: `${row.caseNo}-${seq}` };
  });
}
