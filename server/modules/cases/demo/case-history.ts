import type { CaseStatus } from '../../../db/schema/cases.ts';
import { addWorkingHours } from '../../../platform/calendar/working-time.ts';
import { type CaseAction, actionRules, canApply, clockStageOf } from '../case-flow.ts';
import type { CasesPolicy } from '../case-policy.ts';
import type { CategoryFacts } from '../case-setup.ts';
import type { CaseEventRow, CaseRow } from '../cases.store.ts';
import type { CaseRequestRow } from '../case-requests.store.ts';
import { handlingMinutesOf } from '../handling-minutes.ts';
import { escalationLevelFor, remainingMinutes, resumedDueAt, stageDueAt, type WorkTime } from '../sla.ts';

/**
 * One case's history, written the way the real loop writes it: every transition is checked against the
 * loop's state table (case-flow.ts), sets the same columns as its action (intake-actions.ts,
 * department-actions.ts, verify-case.ts, case-requests.ts), computes its clocks with the real SLA code and
 * appends the timeline entry; the automatic 督办 sweep (escalation.ts) is replayed between transitions. No
 * audit rows: this is imported history, not an action anyone took in this installation.
 */

export interface ActorRef {
  kind: CaseEventRow['actorKind'];
  id: string | null;
}

export type DemoEvent = Omit<CaseEventRow, 'regionCode' | 'caseId'>;
export type DemoRequest = Omit<CaseRequestRow, 'regionCode' | 'caseId'>;

export interface HistoryEnv {
  category: CategoryFacts;
  policy: CasesPolicy;
  work: WorkTime;
  /** The sweep runs every few minutes: how long after a threshold it notices (deterministic per case). */
  sweepLagMs: number;
}

export type NewHistoryRow = Omit<
  CaseRow,
  'id' | 'caseNo' | 'duplicateOf' | 'revision' | 'updatedAt' | 'clockStage' | 'stageStartedAt' | 'stageDueAt' | 'status'
>;

export class CaseHistory {
  readonly row: CaseRow;
  readonly events: DemoEvent[] = [];
  readonly requests: DemoRequest[] = [];
  /** The case this one was merged into: its number is known only once ids are given out. */
  duplicateOf: CaseHistory | null = null;

  constructor(
    readonly env: HistoryEnv,
    facts: NewHistoryRow,
    reporter: ActorRef,
  ) {
    const at = facts.reportedAt;
    this.row = {
      ...facts,
      id: 0,
      caseNo: '',
      duplicateOf: null,
      status: 'reported',
      revision: 0,
      updatedAt: at,
      ...this.clockFor('reported', at),
    };
    this.events.push(event(1, at, 'report', reporter, null, 'reported', null, { channel: facts.channel, photos: 0 }));
  }

  get status(): CaseStatus {
    return this.row.status;
  }

  get lastAt(): Date {
    return this.row.updatedAt;
  }

  /** The clock fields for entering `status` at `at` (CaseEnv.clockFor). */
  clockFor(status: CaseStatus, at: Date): Pick<CaseRow, 'clockStage' | 'stageStartedAt' | 'stageDueAt'> {
    const stage = clockStageOf(status);
    if (!stage) return { clockStage: null, stageStartedAt: null, stageDueAt: null };
    return {
      clockStage: stage,
      stageStartedAt: at,
      stageDueAt: stageDueAt(at, stage, this.env.category.limits, this.env.policy, this.env.work),
    };
  }

  /** One transition (applyAction): state table, sweep up to now, the row's new columns, the timeline entry. */
  apply(
    action: CaseAction,
    at: Date,
    actor: ActorRef,
    set: Partial<CaseRow>,
    note: string | null = null,
    details: Record<string, unknown> = {},
  ): DemoEvent {
    if (!canApply(action, this.row.status))
      throw new Error(`demo history: ${action} is not allowed from ${this.row.status}`);
    if (at < this.lastAt) throw new Error(`demo history: ${action} at ${at.toISOString()} precedes the last entry`);
    this.sweep(at);
    const from = this.row.status;
    const to = (set.status as CaseStatus | undefined) ?? actionRules[action].to ?? from;
    Object.assign(this.row, set, { status: to, updatedAt: at, revision: this.row.revision + 1 });
    const entry = event(this.events.length + 1, at, action, actor, from, to, note, details);
    this.events.push(entry);
    return entry;
  }

  /**
   * The automatic ladder as sweepEscalations would have run it until `until`: while a clock runs (not
   * suspended) past its deadline, each rung is reached when its overdue working hours have passed.
   */
  sweep(until: Date): void {
    const due = this.row.stageDueAt;
    if (!due || this.row.suspendedAt || until.getTime() <= due.getTime() + this.env.sweepLagMs) return;
    for (const rung of [...this.env.policy.escalationLadder].sort((a, b) => a.level - b.level)) {
      if (rung.level <= this.row.escalationLevel) continue;
      const reached =
        rung.overdueWorkingHours > 0
          ? addWorkingHours(due, rung.overdueWorkingHours, this.env.work.calendar, this.env.work.hours)
          : due;
      // A threshold passed while the clock was stopped or before this stage (a resumed overdue clock) is
      // noticed by the first sweep after the clock runs again.
      const at = new Date(Math.max(reached.getTime(), this.lastAt.getTime()) + this.env.sweepLagMs);
      if (at >= until) continue;
      const level = escalationLevelFor(at, due, this.env.work, this.env.policy.escalationLadder);
      if (level <= this.row.escalationLevel) continue;
      Object.assign(this.row, { escalationLevel: level, updatedAt: at, revision: this.row.revision + 1 });
      this.events.push(
        event(
          this.events.length + 1,
          at,
          'escalate',
          { kind: 'system', id: null },
          this.row.status,
          this.row.status,
          null,
          { level, automatic: true, stage: this.row.clockStage },
        ),
      );
    }
  }

  register(at: Date, actor: ActorRef, note: string | null): void {
    this.apply('register', at, actor, { registeredAt: at, ...this.clockFor('registered', at) }, note);
  }

  /** 送核实: the intake asks the township's inspectors to check the report on site (verify-report.ts). */
  sendToVerify(at: Date, actor: ActorRef, note: string | null): void {
    this.apply('send_to_verify', at, actor, this.clockFor('verifying', at), note);
  }

  reject(at: Date, actor: ActorRef, reason: string): void {
    this.apply('reject', at, actor, { closingNote: reason, closedAt: at, ...this.clockFor('rejected', at) }, reason);
  }

  /** The target's case number goes into the entry's details once numbers are given out (see numberCases). */
  merge(at: Date, actor: ActorRef, target: CaseHistory): void {
    this.duplicateOf = target;
    this.apply('merge', at, actor, { closedAt: at, ...this.clockFor('duplicate', at) }, null, { duplicateOf: null });
  }

  dispatch(at: Date, actor: ActorRef, department: string): void {
    const clock = this.clockFor('dispatched', at);
    this.apply(
      'dispatch',
      at,
      actor,
      { department, dispatchedAt: at, handlerUserId: null, ...clock, handleDueAt: clock.stageDueAt },
      null,
      { department },
    );
  }

  returnToDispatch(at: Date, actor: ActorRef, reason: string): void {
    const department = this.row.department;
    this.apply(
      'return',
      at,
      actor,
      {
        department: null,
        handlerUserId: null,
        handleDueAt: null,
        suspendedAt: null,
        suspendedRemainingMinutes: null,
        ...this.clockFor('registered', at),
      },
      reason,
      { department },
    );
  }

  accept(at: Date, actor: ActorRef): void {
    this.apply('accept', at, actor, { handlerUserId: actor.id });
  }

  feedback(at: Date, actor: ActorRef, result: string): void {
    const handlingMinutes = handlingMinutesOf(this.row.dispatchedAt, at, this.env.work);
    this.apply(
      'feedback',
      at,
      actor,
      { handledAt: at, handlingMinutes, handlerUserId: actor.id, closingNote: result, ...this.clockFor('handled', at) },
      result,
      { photos: 0 },
    );
  }

  verify(at: Date, actor: ActorRef, passed: boolean, note: string | null, distanceFromCaseM: number | null): void {
    const details = { passed, photos: 0, distanceFromCaseM };
    if (passed) {
      const onTime =
        this.row.handledAt !== null && this.row.handleDueAt !== null && this.row.handledAt <= this.row.handleDueAt;
      this.apply(
        'verify_pass',
        at,
        actor,
        { status: 'closed', closedAt: at, closedOnTime: onTime, ...this.clockFor('closed', at) },
        note,
        details,
      );
      return;
    }
    this.apply(
      'verify_fail',
      at,
      actor,
      {
        status: 'dispatched',
        reworkCount: this.row.reworkCount + 1,
        handledAt: null,
        ...this.clockFor('dispatched', at),
      },
      note,
      details,
    );
  }

  request(
    at: Date,
    actor: ActorRef & { id: string },
    kind: DemoRequest['kind'],
    reason: string,
    hours: number | null,
    id: string,
  ): void {
    this.apply(kind === 'extension' ? 'request_extension' : 'request_suspension', at, actor, {}, reason, {
      requestId: id,
      kind,
      hours,
    });
    this.requests.push({
      id,
      kind,
      reason,
      hours,
      requestedBy: actor.id,
      requestedAt: at,
      decision: null,
      decidedBy: null,
      decidedAt: null,
      decisionNote: null,
    });
  }

  /** The dispatcher's decision on the pending request; an approval stops the clock or extends the deadlines. */
  decide(at: Date, actor: ActorRef, approved: boolean, note: string | null): void {
    const pending = this.requests.find((r) => r.decision === null);
    if (!pending) throw new Error('demo history: no pending request to decide');
    const set: Partial<CaseRow> = {};
    if (approved && pending.kind === 'suspension') {
      Object.assign(set, {
        suspendedAt: at,
        suspendedRemainingMinutes: this.row.stageDueAt
          ? remainingMinutes(at, this.row.stageDueAt, this.env.work)
          : null,
      });
    } else if (approved) {
      const extend = (d: Date | null) =>
        d ? addWorkingHours(d, pending.hours ?? 0, this.env.work.calendar, this.env.work.hours) : null;
      Object.assign(set, { stageDueAt: extend(this.row.stageDueAt), handleDueAt: extend(this.row.handleDueAt) });
    }
    const decision = approved ? 'approved' : 'refused';
    this.apply('decide_request', at, actor, set, note, {
      requestId: pending.id,
      kind: pending.kind,
      decision,
      hours: pending.hours,
    });
    Object.assign(pending, { decision, decidedBy: actor.id, decidedAt: at, decisionNote: note });
  }

  resume(at: Date, actor: ActorRef, note: string | null): void {
    const { suspendedAt, suspendedRemainingMinutes, stageDueAt: due, handleDueAt } = this.row;
    if (!suspendedAt) throw new Error('demo history: resume of a running clock');
    const next = suspendedRemainingMinutes === null ? due : resumedDueAt(at, suspendedRemainingMinutes, this.env.work);
    const shift = next && due ? next.getTime() - due.getTime() : 0;
    this.apply(
      'resume',
      at,
      actor,
      {
        suspendedAt: null,
        suspendedRemainingMinutes: null,
        stageDueAt: next,
        handleDueAt: handleDueAt ? new Date(handleDueAt.getTime() + shift) : null,
      },
      note,
      {
        suspendedMinutes: Math.round((at.getTime() - suspendedAt.getTime()) / 60_000),
      },
    );
  }

  /** 督办 by hand: one rung up (escalateCase). */
  escalate(at: Date, actor: ActorRef, note: string): void {
    this.sweep(at); // the rung it starts from includes what the automatic ladder reached before
    const top = Math.max(...this.env.policy.escalationLadder.map((r) => r.level));
    const level = Math.min(top, this.row.escalationLevel + 1);
    this.apply('escalate', at, actor, { escalationLevel: level }, note, { level });
  }

  /** 回访 (tracking.ts rateCase): not a transition of the state table's staff actions, but a timeline entry. */
  rate(at: Date, score: number, comment: string | null): void {
    if (this.row.status !== 'closed') throw new Error('demo history: rating a case that is not closed');
    Object.assign(this.row, {
      satisfaction: score,
      satisfactionComment: comment,
      ratedAt: at,
      updatedAt: at,
      revision: this.row.revision + 1,
    });
    this.events.push(
      event(this.events.length + 1, at, 'rate', { kind: 'reporter', id: null }, 'closed', 'closed', null, { score }),
    );
  }
}

function event(
  seq: number,
  at: Date,
  action: string,
  actor: ActorRef,
  fromStatus: CaseStatus | null,
  toStatus: CaseStatus | null,
  note: string | null,
  details: Record<string, unknown>,
): DemoEvent {
  return { seq, at, action, actorKind: actor.kind, actorId: actor.id, fromStatus, toStatus, note, details };
}
