import type { Actor, Ctx } from '../../platform/context.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { casePermissions as P } from './case-flow.ts';
import { caseListWhere } from './case-filters.sql.ts';
import { caseVisibilityOf } from './cases.policy.ts';
import type { Queue, QueueCountsDto } from './cases.schema.ts';
import { countCasesUpTo } from './cases.store.ts';
import { listCountCap } from './read-cases.ts';

/**
 * Which post works which queue (数字城管: 受理员 待受理, 派遣员 待派遣, 专业部门 待处理, 监督员 待核查, 督办 the
 * overdue and escalated cases, everyone who reports 我的上报): a queue is counted for those holding any of its
 * permissions. Every queue needs a rule here (the record type makes a new queue name its posts).
 */
export const queuePosts: Readonly<Record<Queue, readonly string[]>> = {
  intake: [P.register],
  verify_report: [P.verify],
  dispatch: [P.dispatch],
  department: [P.handle],
  verification: [P.verify],
  overdue: [P.supervise, P.dispatch],
  escalated: [P.supervise],
  mine: [P.report],
};

/** The queues this person works, in the order of the loop. */
export function queuesOf(actor: Actor): Queue[] {
  return (Object.keys(queuePosts) as Queue[]).filter((queue) => {
    // A handler without a department has no department queue (the list refuses it with a field error).
    if (queue === 'department' && !actor.department) return false;
    return queuePosts[queue].some((permission) => actor.permissions.has(permission));
  });
}

/**
 * The staff home's to-do counts: how many cases wait in each of the reader's queues, within their visibility,
 * counted as the list counts them (exact up to its cap), so a count and the list it opens agree.
 */
export async function countQueues(ctx: Ctx): Promise<QueueCountsDto> {
  const actor = ctx.actor;
  if (!actor) throw AppError.unauthenticated();
  const now = ctx.clock();
  const visibility = caseVisibilityOf(actor);
  const items: QueueCountsDto['items'] = [];
  for (const queue of queuesOf(actor)) {
    const n = await countCasesUpTo(
      ctx.db,
      caseListWhere(ctx.countyCode, actor, visibility, { queue }, now),
      listCountCap + 1,
    );
    items.push({ queue, count: Math.min(n, listCountCap), capped: n > listCountCap });
  }
  return { items };
}
