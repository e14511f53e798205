import type { CaseStatus } from '../../db/schema/cases.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import type { Ctx } from '../../platform/context.ts';
import { emitEvent } from '../../platform/delivery/outbox.ts';
import { tx } from '../../platform/db/tx.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { requireInScope } from '../../platform/access/scope.ts';
import { type CaseAction, actionRules, canApply, clockStageOf } from './case-flow.ts';
import type { CasesPolicy } from './case-policy.ts';
import { type CategoryFacts, loadCategory, loadPolicy, loadWorkTime } from './case-setup.ts';
import { caseScopeOf } from './cases.policy.ts';
import { withHandlingMinutes } from './handling-minutes.ts';
import {
  appendCaseEvent,
  caseExists,
  findCaseByNo,
  type NewCaseRow,
  type ScopedCase,
  updateCaseIf,
} from './cases.store.ts';
import { stageDueAt, type WorkTime } from './sla.ts';

/** What a transition's rules may need, loaded on first use. */
export class CaseEnv {
  #policy?: CasesPolicy;
  #work?: WorkTime;
  #category?: CategoryFacts;
  constructor(
    readonly t: Ctx,
    readonly row: ScopedCase,
  ) {}
  async policy(): Promise<CasesPolicy> {
    this.#policy ??= await loadPolicy(this.t);
    return this.#policy;
  }
  async work(): Promise<WorkTime> {
    this.#work ??= await loadWorkTime(this.t);
    return this.#work;
  }
  async category(): Promise<CategoryFacts> {
    this.#category ??= await loadCategory(this.t, this.row.categoryCode, 'categoryCode', this.row.catalogueVersion);
    return this.#category;
  }
  /** The clock fields for entering `status` now: a new stage starts a new clock. */
  async clockFor(status: CaseStatus): Promise<Pick<NewCaseRow, 'clockStage' | 'stageStartedAt' | 'stageDueAt'>> {
    const stage = clockStageOf(status);
    const now = this.t.clock();
    if (!stage) return { clockStage: null, stageStartedAt: null, stageDueAt: null };
    return {
      clockStage: stage,
      stageStartedAt: now,
      stageDueAt: stageDueAt(now, stage, (await this.category()).limits, await this.policy(), await this.work()),
    };
  }
}

export interface ActionPlan {
  set?: Partial<NewCaseRow>;
  note?: string | null;
  details?: Record<string, unknown>;
  /** Writes that belong to the same transaction after the case row moved (photos, requests). */
  after?: (t: Ctx, updated: ScopedCase) => Promise<void>;
}

/**
 * A case the actor may see, or a 404 — audited when the case exists outside their township or department.
 * `field` names the request field that carried the number when it is not the path's (a merge's target).
 */
export async function loadVisibleCase(ctx: Ctx, caseNo: string, field?: string): Promise<ScopedCase> {
  if (!ctx.actor) throw AppError.unauthenticated();
  const scope = caseScopeOf(ctx.actor);
  return requireInScope(
    ctx,
    { objectType: 'case', objectId: caseNo, what: 'what.case', ...(field ? { field } : {}) },
    () => findCaseByNo(ctx.db, ctx.countyCode, caseNo, scope),
    () => caseExists(ctx.db, ctx.countyCode, caseNo),
  );
}

export function notAllowed(status: CaseStatus): AppError {
  return new AppError(
    409,
    'action_not_allowed',
    'cases.action_not_allowed',
    { status: `cases.status.${status}` },
    { status: { key: 'cases.action_not_allowed', vars: { status: `cases.status.${status}` } } },
  );
}

/** The user acted on a revision of the case that is no longer current (someone moved it meanwhile). */
function staleRevision(): AppError {
  return new AppError(409, 'stale_revision', 'cases.stale_revision', {}, { revision: { key: 'cases.stale_revision' } });
}

/**
 * One transition of the loop: the case is read in scope, the action is checked against the state table and
 * the revision the user saw, the plan's changes are applied with a compare-and-set, and the timeline entry,
 * the audit row and the outbox event commit with it. Nothing is written when any check fails.
 */
export async function applyAction(
  ctx: Ctx,
  caseNo: string,
  action: CaseAction,
  revision: number,
  plan: (env: CaseEnv) => Promise<ActionPlan>,
): Promise<ScopedCase> {
  return tx(ctx, async (t) => {
    const row = await loadVisibleCase(t, caseNo);
    if (!canApply(action, row.status)) throw notAllowed(row.status);
    if (row.revision !== revision) throw staleRevision();
    const env = new CaseEnv(t, row);
    const decided = await plan(env);
    const to = (decided.set?.status as CaseStatus | undefined) ?? actionRules[action].to ?? row.status;
    const now = t.clock();
    const updated = await updateCaseIf(t.db, row, {
      ...(await withHandlingMinutes(env, decided.set)),
      status: to,
      updatedAt: now,
    });
    if (!updated) throw staleRevision();
    await decided.after?.(t, updated);
    await recordTransition(t, { row, action, to, at: now, decided });
    return updated;
  });
}

/** A transition's timeline entry, audit row and outbox event, in its transaction. */
async function recordTransition(
  t: Ctx,
  step: { row: ScopedCase; action: CaseAction; to: CaseStatus; at: Date; decided: ActionPlan },
): Promise<void> {
  const { row, action, to, decided } = step;
  await appendCaseEvent(t.db, t.countyCode, row.id, {
    action,
    at: step.at,
    actorKind: t.actor?.kind ?? 'reporter',
    actorId: t.actor?.id ?? null,
    fromStatus: row.status,
    toStatus: to,
    note: decided.note ?? null,
    details: decided.details ?? {},
  });
  await recordAudit(t, {
    eventType: `cases.${action}`,
    action,
    objectType: 'case',
    objectId: row.caseNo,
    details: { from: row.status, to, ...(decided.details ?? {}) },
  });
  await emitEvent(t, {
    topic: 'case.changed',
    objectType: 'case',
    objectId: row.caseNo,
    payload: { action, from: row.status, to },
  });
}
