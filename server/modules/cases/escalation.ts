import { recordAudit } from '../../platform/audit/audit.ts';
import type { Ctx } from '../../platform/context.ts';
import { emitEvent } from '../../platform/delivery/outbox.ts';
import { tx } from '../../platform/db/tx.ts';
import { applyAction } from './apply-action.ts';
import { loadPolicy, loadWorkTime } from './case-setup.ts';
import type { ActionBody } from './cases.schema.ts';
import { CaseScope } from './case-scope.ts';
import { appendCaseEvent, type CaseRow, findOverdueCases, updateCaseIf } from './cases.store.ts';
import { escalationLevelFor } from './sla.ts';

/** 督办 by hand: a supervisor raises the case one rung, with a note the department sees. */
export function escalateCase(ctx: Ctx, caseNo: string, body: ActionBody<'escalate'>): Promise<CaseRow> {
  return applyAction(ctx, caseNo, 'escalate', body.revision, async (env) => {
    const top = Math.max(...(await env.policy()).escalationLadder.map((r) => r.level));
    const level = Math.min(top, env.row.escalationLevel + 1);
    return { set: { escalationLevel: level }, note: body.note, details: { level } };
  });
}

/**
 * The automatic ladder: every open, running, overdue case is raised to the rung its overdue time has reached
 * (policy.escalationLadder). Run by the server every few minutes; each raise is a timeline entry, an audit row
 * and an outbox event for the notifier. Returns how many cases moved.
 */
export async function sweepEscalations(ctx: Ctx, batch = 500): Promise<number> {
  const now = ctx.clock();
  const [policy, work] = [await loadPolicy(ctx), await loadWorkTime(ctx)];
  const overdue = await findOverdueCases(ctx.db, ctx.countyCode, CaseScope.countyWide('escalation-sweep'), now, batch);
  let raised = 0;
  for (const row of overdue) {
    const level = escalationLevelFor(now, row.stageDueAt, work, policy.escalationLadder);
    if (level <= row.escalationLevel) continue;
    const moved = await tx(ctx, async (t) => {
      const updated = await updateCaseIf(t.db, row, { escalationLevel: level, updatedAt: now });
      if (!updated) return false;
      await appendCaseEvent(t.db, t.countyCode, row.id, {
        action: 'escalate',
        at: now,
        actorKind: 'system',
        actorId: null,
        fromStatus: row.status,
        toStatus: row.status,
        details: { level, automatic: true, stage: row.clockStage },
      });
      await recordAudit(t, {
        eventType: 'cases.escalate',
        action: 'escalate',
        objectType: 'case',
        objectId: row.caseNo,
        details: { level, automatic: true },
      });
      await emitEvent(t, {
        topic: 'case.escalated',
        objectType: 'case',
        objectId: row.caseNo,
        payload: { level, department: row.department, stage: row.clockStage },
      });
      return true;
    });
    if (moved) raised += 1;
  }
  return raised;
}
