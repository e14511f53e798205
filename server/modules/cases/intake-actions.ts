import { AppError } from '../../platform/http/app-error.ts';
import type { Ctx } from '../../platform/context.ts';
import { applyAction, loadVisibleCase } from './apply-action.ts';
import { isOpenStatus } from './case-flow.ts';
import { townshipAtRegistration } from './case-region.ts';
import type { ActionBody } from './cases.schema.ts';
import type { CaseRow } from './cases.store.ts';

/** 立案: the report meets the 立案标准; the dispatch clock starts. A case waiting for its township gets it here. */
export function registerCase(ctx: Ctx, caseNo: string, body: ActionBody<'register'>): Promise<CaseRow> {
  return applyAction(ctx, caseNo, 'register', body.revision, async (env) => {
    const placed = await townshipAtRegistration(env.t, env.row, body.regionCode);
    return {
      set: {
        registeredAt: env.t.clock(),
        ...(body.priority ? { priority: body.priority } : {}),
        ...placed?.set,
        ...(await env.clockFor('registered')),
      },
      note: body.note ?? null,
      ...(placed ? { details: placed.details } : {}),
    };
  });
}

/** 不予立案: the reason is kept on the timeline and shown to the reporter. */
export function rejectCase(ctx: Ctx, caseNo: string, body: ActionBody<'reject'>): Promise<CaseRow> {
  return applyAction(ctx, caseNo, 'reject', body.revision, async (env) => ({
    set: { closingNote: body.reason, closedAt: env.t.clock(), ...(await env.clockFor('rejected')) },
    note: body.reason,
  }));
}

/**
 * Marks a report as a duplicate of an open case. Its reporter keeps following: the tracking page of a merged
 * case shows the progress of the case it joined, and the outbox event names both. The target is looked up
 * in the merging person's scope: another township's case answers the same 404 at `duplicateOf` as a number
 * that does not exist (audited), so a merge can neither probe nor join a case its author may not see.
 */
export function mergeCase(ctx: Ctx, caseNo: string, body: ActionBody<'merge'>): Promise<CaseRow> {
  return applyAction(ctx, caseNo, 'merge', body.revision, async (env) => {
    if (body.duplicateOf === caseNo) throw AppError.field('duplicateOf', 'cases.duplicate_self');
    const target = await loadVisibleCase(env.t, body.duplicateOf, 'duplicateOf');
    if (!isOpenStatus(target.status) || target.duplicateOf !== null)
      throw AppError.field('duplicateOf', 'cases.duplicate_target_closed');
    return {
      set: { duplicateOf: target.id, closedAt: env.t.clock(), ...(await env.clockFor('duplicate')) },
      note: body.note ?? null,
      details: { duplicateOf: target.caseNo },
    };
  });
}
