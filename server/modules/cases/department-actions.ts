import type { Ctx } from '../../platform/context.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { applyAction } from './apply-action.ts';
import { checkPhotos, storePhotos, uploadOwnerOf } from './case-photos.ts';
import { assertHandlerOf } from './cases.policy.ts';
import type { ActionBody } from './cases.schema.ts';
import { countPhotos } from './case-photos.store.ts';
import type { CaseRow } from './cases.store.ts';
import { findDepartment } from './departments.store.ts';

/** 派遣: the case goes to a 专业部门 and the handling clock (处置时限) starts. */
export function dispatchCase(ctx: Ctx, caseNo: string, body: ActionBody<'dispatch'>): Promise<CaseRow> {
  return applyAction(ctx, caseNo, 'dispatch', body.revision, async (env) => {
    const department = await findDepartment(env.t.db, env.t.countyCode, body.department);
    if (!department?.active) throw AppError.field('department', 'cases.unknown_department');
    const clock = await env.clockFor('dispatched');
    return {
      set: {
        department: department.key,
        dispatchedAt: env.t.clock(),
        handlerUserId: null,
        ...clock,
        handleDueAt: clock.stageDueAt,
      },
      note: body.note ?? null,
      details: { department: department.key },
    };
  });
}

/** 回退: not this department's matter; back to the dispatcher with the reason. */
export function returnCase(ctx: Ctx, caseNo: string, body: ActionBody<'return'>): Promise<CaseRow> {
  return applyAction(ctx, caseNo, 'return', body.revision, async (env) => {
    assertHandlerOf(requireActor(env.t), env.row);
    return {
      set: {
        department: null,
        handlerUserId: null,
        handleDueAt: null,
        suspendedAt: null,
        suspendedRemainingMinutes: null,
        ...(await env.clockFor('registered')),
      },
      note: body.reason,
      details: { department: env.row.department },
    };
  });
}

/** 签收: a handler takes the case; the handling clock keeps running from dispatch. */
export function acceptCase(ctx: Ctx, caseNo: string, body: ActionBody<'accept'>): Promise<CaseRow> {
  return applyAction(ctx, caseNo, 'accept', body.revision, async (env) => {
    const actor = requireActor(env.t);
    assertHandlerOf(actor, env.row);
    return { set: { handlerUserId: actor.id }, note: body.note ?? null };
  });
}

/**
 * 处理反馈: the result with photos taken after handling (mandatory: 结案 needs 处置后照片, anchors §6 #5);
 * the verification clock starts. A suspended case is resumed first, so its clock is whole again.
 */
export async function feedbackCase(ctx: Ctx, caseNo: string, body: ActionBody<'feedback'>): Promise<CaseRow> {
  const photos = await checkPhotos(body.photos, { owner: uploadOwnerOf(ctx) });
  return applyAction(ctx, caseNo, 'feedback', body.revision, async (env) => {
    const actor = requireActor(env.t);
    assertHandlerOf(actor, env.row);
    if (env.row.suspendedAt) throw AppError.field('status', 'cases.already_suspended');
    const existing = await countPhotos(env.t.db, env.row, 'handle');
    return {
      set: {
        handledAt: env.t.clock(),
        handlerUserId: actor.id,
        closingNote: body.result,
        ...(await env.clockFor('handled')),
      },
      note: body.result,
      details: { photos: photos.count },
      after: async (t, updated) => {
        await storePhotos(t, updated.id, 'handle', photos, existing);
      },
    };
  });
}

export function requireActor(ctx: Ctx) {
  if (!ctx.actor) throw AppError.unauthenticated();
  return ctx.actor;
}
