import { randomUUID } from 'node:crypto';
import { assertNotMaker } from '../../platform/access/separation.ts';
import { addWorkingHours } from '../../platform/calendar/working-time.ts';
import type { Ctx } from '../../platform/context.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { applyAction, type CaseEnv } from './apply-action.ts';
import { type CaseRequestRow, findPendingRequest, insertRequest, recordDecision } from './case-requests.store.ts';
import { assertHandlerOf, makersOf } from './cases.policy.ts';
import type { ActionBody } from './cases.schema.ts';
import type { CaseRow } from './cases.store.ts';
import { requireActor } from './department-actions.ts';
import { remainingMinutes, resumedDueAt } from './sla.ts';

async function openRequest(env: CaseEnv, kind: CaseRequestRow['kind'], reason: string, hours: number | null) {
  const actor = requireActor(env.t);
  assertHandlerOf(actor, env.row);
  if (await findPendingRequest(env.t.db, env.row)) throw AppError.field('revision', 'cases.pending_request');
  const id = randomUUID();
  return {
    note: reason,
    details: { requestId: id, kind, hours },
    after: async (t: Ctx) => {
      await insertRequest(t.db, {
        regionCode: t.countyCode,
        id,
        caseId: env.row.id,
        kind,
        reason,
        hours,
        requestedBy: actor.id,
        requestedAt: t.clock(),
      });
    },
  };
}

/** 延期申请: more working hours on the handling deadline, decided by the dispatcher. */
export function requestExtension(ctx: Ctx, caseNo: string, body: ActionBody<'extension'>): Promise<CaseRow> {
  return applyAction(ctx, caseNo, 'request_extension', body.revision, async (env) => {
    const max = (await env.policy()).maxExtensionHours;
    if (body.hours > max) throw AppError.field('hours', 'cases.extension_too_long', { max });
    return openRequest(env, 'extension', body.reason, body.hours);
  });
}

/** 挂起申请: the case cannot proceed for now (weather, a court order …); approval stops the clock. */
export function requestSuspension(ctx: Ctx, caseNo: string, body: ActionBody<'suspension'>): Promise<CaseRow> {
  return applyAction(ctx, caseNo, 'request_suspension', body.revision, async (env) => {
    if (env.row.suspendedAt) throw AppError.field('status', 'cases.already_suspended');
    return openRequest(env, 'suspension', body.reason, null);
  });
}

/** The dispatcher's decision; the person who asked may not approve their own request. */
export function decideRequest(ctx: Ctx, caseNo: string, body: ActionBody<'decide'>): Promise<CaseRow> {
  return applyAction(ctx, caseNo, 'decide_request', body.revision, async (env) => {
    const pending = await findPendingRequest(env.t.db, env.row);
    if (!pending) throw AppError.field('approved', 'cases.no_pending_request');
    await assertNotMaker(env.t, makersOf('decide_request', env.row, pending), {
      objectType: 'case',
      objectId: caseNo,
      action: 'decide_request',
    });
    const set = body.approved ? await approvedChanges(env, pending) : {};
    const decision = body.approved ? 'approved' : 'refused';
    return {
      set,
      note: body.note ?? null,
      details: { requestId: pending.id, kind: pending.kind, decision, hours: pending.hours },
      after: async (t: Ctx) => {
        await recordDecision(t.db, t.countyCode, pending.id, {
          decision,
          decidedBy: requireActor(t).id,
          decidedAt: t.clock(),
          decisionNote: body.note ?? null,
        });
      },
    };
  });
}

async function approvedChanges(env: CaseEnv, request: CaseRequestRow): Promise<Partial<CaseRow>> {
  const { row } = env;
  const work = await env.work();
  const now = env.t.clock();
  if (request.kind === 'suspension') {
    return {
      suspendedAt: now,
      suspendedRemainingMinutes: row.stageDueAt ? remainingMinutes(now, row.stageDueAt, work) : null,
    };
  }
  const hours = request.hours ?? 0;
  const extend = (d: Date | null) => (d ? addWorkingHours(d, hours, work.calendar, work.hours) : null);
  return { stageDueAt: extend(row.stageDueAt), handleDueAt: extend(row.handleDueAt) };
}

/** 恢复: the clock restarts with the working time that was left; the handling deadline moves by as much. */
export function resumeCase(ctx: Ctx, caseNo: string, body: ActionBody<'resume'>): Promise<CaseRow> {
  return applyAction(ctx, caseNo, 'resume', body.revision, async (env) => {
    const { row } = env;
    if (!row.suspendedAt) throw AppError.field('status', 'cases.not_suspended');
    const now = env.t.clock();
    const due =
      row.suspendedRemainingMinutes === null
        ? row.stageDueAt
        : resumedDueAt(now, row.suspendedRemainingMinutes, await env.work());
    const shift = due && row.stageDueAt ? due.getTime() - row.stageDueAt.getTime() : 0;
    return {
      set: {
        suspendedAt: null,
        suspendedRemainingMinutes: null,
        stageDueAt: due,
        handleDueAt: row.handleDueAt ? new Date(row.handleDueAt.getTime() + shift) : null,
      },
      note: body.note ?? null,
      details: { suspendedMinutes: Math.round((now.getTime() - row.suspendedAt.getTime()) / 60_000) },
    };
  });
}
