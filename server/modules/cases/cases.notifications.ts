import { shanghaiOffsetMs } from '../../platform/calendar/shanghai-time.ts';
import type { Ctx } from '../../platform/context.ts';
import type { NotificationRule, Notice, Recipients } from '../../platform/notify/notice.ts';
import type { CaseStatus, ClockStage } from '../../db/schema/cases.ts';
import { casePermissions as P, clockStageOf } from './case-flow.ts';
import { CaseScope } from './case-scope.ts';
import { findCaseByNo, type ScopedCase } from './cases.store.ts';
import { findDepartment } from './departments.store.ts';

/** Where the web shows a case (web/src/modules/cases: casePagePath). */
const caseLink = (caseNo: string) => `/m/cases/${caseNo}`;
const deadlineCode = (stage: ClockStage) => `cases.notify.deadline.${stage}`;
const supervisedCode = 'cases.notify.supervised';
const verifyReportCode = 'cases.notify.verify_report';

/** Who works a stage: the department's handlers for 处置, else whoever holds the stage's step, where the case is. */
const stagePermission: Record<ClockStage, string> = {
  register: P.register,
  dispatch: P.dispatch,
  handle: P.handle,
  verify: P.verify,
  verify_report: P.verify,
};
const stages = Object.keys(stagePermission) as ClockStage[];
const isClockStage = (value: unknown): value is ClockStage => stages.includes(value as ClockStage);

/** 'YYYY-MM-DD HH:mm' Asia/Shanghai: how a deadline reads on a notice, whatever the reader's language. */
export function shanghaiMinute(instant: Date): string {
  return new Date(instant.getTime() + shanghaiOffsetMs).toISOString().slice(0, 16).replace('T', ' ');
}

function caseOf(ctx: Ctx, caseNo: string): Promise<ScopedCase | undefined> {
  return findCaseByNo(ctx.db, ctx.countyCode, caseNo, CaseScope.countyWide('notify-rules'));
}

function stageWorkers(stage: ClockStage, department: string | null, row: ScopedCase): Recipients | null {
  if (stage !== 'handle') return { permission: stagePermission[stage], within: row.locationCode };
  return department ? { permission: P.handle, department, within: row.locationCode } : null;
}

/** 督办 reaches the head of the case's department; without a head, its handlers; before dispatch, the dispatchers. */
async function supervisors(ctx: Ctx, row: ScopedCase): Promise<Recipients> {
  if (!row.department) return { permission: P.dispatch, within: row.locationCode };
  const department = await findDepartment(ctx.db, ctx.countyCode, row.department);
  if (department?.headUserId) return { users: [department.headUserId] };
  return { permission: P.handle, department: row.department, within: row.locationCode };
}

const deadlineReminder: NotificationRule = {
  key: 'cases.deadline-reminder',
  topic: 'case.deadline_near',
  async notices(ctx, event) {
    const row = await caseOf(ctx, event.objectId);
    const stage = event.payload.stage;
    if (!row || !isClockStage(stage)) return [];
    const department = typeof event.payload.department === 'string' ? event.payload.department : row.department;
    const to = stageWorkers(stage, department, row);
    const deadline = new Date(String(event.payload.deadline ?? row.stageDueAt));
    if (!to || Number.isNaN(deadline.getTime())) return [];
    return [
      {
        channel: 'inbox',
        kind: 'todo',
        code: deadlineCode(stage),
        params: { caseNo: row.caseNo, deadline: shanghaiMinute(deadline) },
        to,
        about: { type: 'case', id: row.caseNo, link: caseLink(row.caseNo) },
      },
    ];
  },
};

async function supervisedNotices(ctx: Ctx, caseNo: string, level: unknown): Promise<Notice[]> {
  const row = await caseOf(ctx, caseNo);
  if (!row) return [];
  return [
    {
      channel: 'inbox',
      kind: 'todo',
      code: supervisedCode,
      params: { caseNo: row.caseNo, level: typeof level === 'number' ? level : row.escalationLevel },
      to: await supervisors(ctx, row),
      about: { type: 'case', id: row.caseNo, link: caseLink(row.caseNo) },
    },
  ];
}

/** 督办 by hand (the supervise permission's `escalate` action). */
const supervisedByHand: NotificationRule = {
  key: 'cases.supervised',
  topic: 'case.changed',
  notices: async (ctx, event) =>
    event.payload.action === 'escalate' ? supervisedNotices(ctx, event.objectId, undefined) : [],
};

/** 督办 by the overdue sweep. */
const escalatedBySweep: NotificationRule = {
  key: 'cases.escalated',
  topic: 'case.escalated',
  notices: (ctx, event) => supervisedNotices(ctx, event.objectId, event.payload.level),
};

/**
 * 待核实: the inspectors of the case's area get a to-do, whether the intake sent it (`send_to_verify`) or it
 * landed there at report time (the county's setting for its channel). A case that has moved on meanwhile gets none.
 */
async function verifyReportNotices(ctx: Ctx, caseNo: string): Promise<Notice[]> {
  const row = await caseOf(ctx, caseNo);
  if (row?.status !== 'verifying') return [];
  return [
    {
      channel: 'inbox',
      kind: 'todo',
      code: verifyReportCode,
      params: { caseNo: row.caseNo, address: row.address },
      to: { permission: P.verify, within: row.locationCode },
      about: { type: 'case', id: row.caseNo, link: caseLink(row.caseNo) },
    },
  ];
}

const verifyReportSent: NotificationRule = {
  key: 'cases.verify-report',
  topic: 'case.changed',
  notices: async (ctx, event) => (event.payload.to === 'verifying' ? verifyReportNotices(ctx, event.objectId) : []),
};

const verifyReportAtReport: NotificationRule = {
  key: 'cases.verify-report-at-report',
  topic: 'case.reported',
  notices: (ctx, event) => verifyReportNotices(ctx, event.objectId),
};

/**
 * The case moved on: its 督办 to-dos are done, and so are the deadline reminders of every stage but the one
 * now running (受理 → 处置中 keeps the handle clock and its reminder).
 */
const todosDone: NotificationRule = {
  key: 'cases.todos-done',
  topic: 'case.changed',
  async notices(_ctx, event) {
    const { from, to } = event.payload;
    if (typeof to !== 'string' || from === to) return [];
    const running = clockStageOf(to as CaseStatus);
    const codes = [supervisedCode, ...stages.filter((stage) => stage !== running).map(deadlineCode)];
    if (to !== 'verifying') codes.push(verifyReportCode);
    return [{ channel: 'inbox-done', about: { type: 'case', id: event.objectId }, codes }];
  },
};

/** What the case loop tells people through the inbox (manifest `notifications`). */
export const casesNotifications: readonly NotificationRule[] = [
  deadlineReminder,
  supervisedByHand,
  escalatedBySweep,
  verifyReportSent,
  verifyReportAtReport,
  todosDone,
];
