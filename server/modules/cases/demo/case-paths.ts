import type { CaseStatus } from '../../../db/schema/cases.ts';
import { addWorkingMinutes, workingMinutesBetween } from '../../../platform/calendar/working-time.ts';
import type { SeededRandom } from '../../../platform/seed/random.ts';
import type { ActorRef, CaseHistory } from './case-history.ts';
import { pathOdds, ratingOdds } from './demo-mix.ts';
import * as text from './demo-texts.ts';

/**
 * How one case travels the loop: the happy path with its usual delays, and the detours the county sees
 * (slow intake, a wrong department, 延期, 挂起, late feedback, 返工, 督办). Delays are working minutes drawn
 * against the stage's real deadline, so staff act in working hours and an "on time" case is on time by the
 * same clock the evaluation uses. The walk stops at `now`: whatever the case reached by then is its state.
 */

export type OpenStall = Exclude<CaseStatus, 'closed' | 'rejected' | 'duplicate' | 'verifying'>;

export interface PathActors {
  dispatcher: ActorRef;
  coordinator: ActorRef;
  inspectorOf(townshipCode: string): ActorRef;
  handlerOf(department: string): ActorRef;
}

export interface PathPlan {
  department: string;
  /** Sent first to this department, which returns it (回退). */
  wrongDepartment: string | null;
  rejected: boolean;
  /** Stuck before leaving this state, still open at `now`. */
  stall: OpenStall | null;
  /** Suspended and not resumed by `now`. */
  openSuspension: boolean;
}

const minute = 60_000;

export function walkCase(h: CaseHistory, plan: PathPlan, actors: PathActors, rng: SeededRandom, now: Date): void {
  const walk = new Walk(h, rng, now);
  walk.run(plan, actors);
  h.sweep(new Date(now.getTime() + 1));
}

class Walk {
  constructor(
    readonly h: CaseHistory,
    readonly rng: SeededRandom,
    readonly now: Date,
  ) {}

  later(from: Date, minutes: number): Date {
    const { calendar, hours } = this.h.env.work;
    return addWorkingMinutes(from, Math.max(1, Math.round(minutes)), calendar, hours);
  }

  /** Working minutes from `from` to the running clock's deadline (0 when already past). */
  left(from: Date): number {
    const due = this.h.row.stageDueAt;
    return due ? workingMinutesBetween(from, due, this.h.env.work.calendar, this.h.env.work.hours) : 0;
  }

  /** The next action's time: quick as usual, or past the deadline when the stage is slow. */
  next(from: Date, usual: number, slow: boolean): Date {
    const due = this.h.row.stageDueAt;
    if (slow && due) return this.later(latest(due, from), this.rng.int(30, 600));
    return this.later(from, usual);
  }

  happens(at: Date): boolean {
    return at <= this.now;
  }

  run(plan: PathPlan, actors: PathActors): void {
    const { h, rng } = this;
    const intakeAt = this.next(h.row.reportedAt, 5 + 140 * rng.next() ** 2, rng.chance(pathOdds.slowIntake));
    if (plan.stall === 'reported') {
      // A public or hotline report the intake has looked at waits for the township's inspector (核实); no draw
      // of the generator is spent on it, so the rest of the demo stays as it was.
      if ((h.row.channel === 'citizen' || h.row.channel === 'hotline') && this.happens(intakeAt))
        h.sendToVerify(intakeAt, actors.dispatcher, null);
      this.stalled(actors);
      return;
    }
    if (!this.happens(intakeAt)) return;
    if (plan.rejected) {
      h.reject(intakeAt, actors.dispatcher, rng.pick(text.rejectReasons));
      return;
    }
    h.register(intakeAt, actors.dispatcher, rng.pick(text.registerNotes));
    if (!this.dispatch(plan, actors)) return;
    const reworks = rng.chance(pathOdds.twoReworks) ? 2 : rng.chance(pathOdds.oneRework) ? 1 : 0;
    for (let round = 0; round <= reworks; round++) {
      if (!this.handle(plan, actors, round)) return;
      if (plan.stall === 'handled') {
        this.stalled(actors);
        return;
      }
      const verifyAt = this.next(h.lastAt, 15 + 285 * rng.next(), rng.chance(pathOdds.slowVerify));
      if (!this.happens(verifyAt)) return;
      const passed = round === reworks;
      h.verify(
        verifyAt,
        actors.inspectorOf(h.row.townshipCode),
        passed,
        rng.pick(passed ? text.verifyPassNotes : text.verifyFailNotes),
        rng.int(3, 35),
      );
    }
    this.rate();
  }

  /** 派遣, with a 回退 first when the case went to the wrong department. */
  dispatch(plan: PathPlan, actors: PathActors): boolean {
    const { h, rng } = this;
    if (plan.stall === 'registered') return this.stalled(actors);
    const slow = rng.chance(pathOdds.slowDispatch);
    let at = this.next(h.lastAt, 3 + 80 * rng.next() ** 2, slow);
    if (plan.wrongDepartment) {
      if (!this.happens(at)) return false;
      h.dispatch(at, actors.dispatcher, plan.wrongDepartment);
      const returnAt = this.later(at, rng.int(10, 240));
      if (!this.happens(returnAt)) return false;
      h.returnToDispatch(returnAt, actors.handlerOf(plan.wrongDepartment), rng.pick(text.returnReasons));
      at = this.later(returnAt, rng.int(5, 90));
    }
    if (!this.happens(at)) return false;
    h.dispatch(at, actors.dispatcher, plan.department);
    return true;
  }

  /** 签收 → (延期 | 挂起)? → 处理反馈; false when the walk stops before the feedback. */
  handle(plan: PathPlan, actors: PathActors, round: number): boolean {
    const { h, rng } = this;
    const handler = actors.handlerOf(plan.department);
    if (plan.stall === 'dispatched' && round === 0) return this.stalled(actors);
    const acceptAt = this.later(h.lastAt, Math.min(rng.int(5, 120), Math.max(5, 0.3 * this.left(h.lastAt))));
    if (!this.happens(acceptAt)) return false;
    h.accept(acceptAt, handler);
    if (round === 0 && handler.id !== null && !this.detour(plan, actors, handler as ActorRef & { id: string }))
      return false;
    if (plan.stall === 'handling' && round === 0) return this.stalled(actors);
    const late = round === 0 && rng.chance(pathOdds.lateFeedback);
    const feedbackAt = this.feedbackTime(late);
    if (late && rng.chance(pathOdds.manualEscalation)) this.manualEscalation(actors, feedbackAt);
    if (!this.happens(feedbackAt)) return false;
    const result = h.row.categoryCode === '06001' ? text.demolitionResult : text.resultFor(h.row.categoryCode, rng);
    h.feedback(feedbackAt, handler, result);
    return true;
  }

  feedbackTime(late: boolean): Date {
    const { h, rng } = this;
    const due = h.row.stageDueAt!;
    const left = this.left(h.lastAt);
    if (late || left < 10)
      return this.later(latest(due, h.lastAt), rng.int(20, Math.max(60, Math.round(0.6 * (left + 420)))));
    return this.later(h.lastAt, left * (0.1 + 0.85 * rng.next() ** 1.5));
  }

  /** 延期 or 挂起 asked by the handler and decided by the dispatcher; false when the walk stops inside it. */
  detour(plan: PathPlan, actors: PathActors, handler: ActorRef & { id: string }): boolean {
    const { h, rng } = this;
    const suspension = plan.openSuspension || rng.chance(pathOdds.suspension);
    const extension = !suspension && rng.chance(pathOdds.extension);
    if (!suspension && !extension) return true;
    const askAt = this.later(h.lastAt, Math.max(10, rng.next() * 0.4 * this.left(h.lastAt)));
    if (!this.happens(askAt)) return false;
    const id = uuidFrom(rng);
    if (extension)
      h.request(askAt, handler, 'extension', rng.pick(text.extensionReasons), rng.pick([8, 16, 24, 40]), id);
    else h.request(askAt, handler, 'suspension', rng.pick(text.suspensionReasons), null, id);
    const decideAt = this.later(askAt, rng.int(10, 240));
    if (!this.happens(decideAt)) return false;
    const approved =
      plan.openSuspension || rng.chance(extension ? pathOdds.extensionApproved : pathOdds.suspensionApproved);
    h.decide(decideAt, actors.dispatcher, approved, rng.pick(text.decisionNotes));
    if (!suspension || !approved) return true;
    if (plan.openSuspension) return false;
    const resumeAt = this.later(new Date(decideAt.getTime() + rng.int(2, 30) * 1440 * minute), rng.int(0, 60));
    if (!this.happens(resumeAt)) return false;
    h.resume(resumeAt, actors.dispatcher, rng.pick(text.resumeNotes));
    return true;
  }

  /** A case left where it is at `now`; a coordinator may already have pressed it (督办). */
  stalled(actors: PathActors): false {
    const due = this.h.row.stageDueAt;
    if (due && this.rng.chance(0.5)) this.manualEscalation(actors, this.now);
    return false;
  }

  manualEscalation(actors: PathActors, before: Date): void {
    const due = this.h.row.stageDueAt;
    if (!due) return;
    const at = this.later(latest(due, this.h.lastAt), this.rng.int(30, 600));
    if (at < before && this.happens(at)) this.h.escalate(at, actors.coordinator, this.rng.pick(text.escalationNotes));
  }

  /** 回访: the reporter's score, lower when the case was late or had to be redone. */
  rate(): void {
    const { h, rng } = this;
    if (h.row.status !== 'closed' || !rng.chance(ratingOdds[h.row.channel])) return;
    const at = new Date(h.lastAt.getTime() + rng.int(60, 72 * 60) * minute);
    if (!this.happens(at)) return;
    const score = scoreOf(h.row.closedOnTime === false || h.row.reworkCount > 0, rng.next());
    h.rate(at, score, score <= 3 ? rng.pick(text.lowScoreComments) : rng.pick(text.highScoreComments));
  }
}

/** Cumulative odds of 5, 4, 3, 2, 1: mostly satisfied, less so after a late or redone case. */
const scoreOdds = { smooth: [0.6, 0.9, 0.97, 1, 1], troubled: [0.3, 0.6, 0.8, 0.92, 1] };

function scoreOf(troubled: boolean, x: number): number {
  return 5 - (troubled ? scoreOdds.troubled : scoreOdds.smooth).findIndex((p) => x < p);
}

function latest(a: Date, b: Date): Date {
  return a > b ? a : b;
}

/** A random (version 4 shaped) UUID from the seeded generator, so that the same seed gives the same ids. */
export function uuidFrom(rng: SeededRandom): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(rng.next() * 16).toString(16));
  hex[12] = '4';
  hex[16] = ((Math.floor(rng.next() * 4) & 0x3) | 0x8).toString(16);
  const s = hex.join('');
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
}
