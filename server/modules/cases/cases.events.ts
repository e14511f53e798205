import { Type } from 'typebox';
import type { EventDeclaration } from '../../platform/module.ts';

/**
 * The events the case loop writes to the outbox today (emitEvent in report-case.ts, apply-action.ts,
 * escalation.ts, deadline-reminders.ts, tracking.ts and open311/post-update.ts), as they are: the topic is the
 * name, the payload schema says what `payload` holds. The object is always the case (objectType 'case',
 * objectId its case number).
 */
export const casesEmits: readonly EventDeclaration[] = [
  {
    name: 'case.reported',
    description: { zh: '收到一件新上报的案件（任一渠道）', en: 'A case was reported (any channel)' },
    payload: Type.Object({
      category: Type.String({ description: 'GB/T 47678.5-2026 category code' }),
      township: Type.String({ description: 'township code, or the county code while it is to be assigned' }),
      channel: Type.String(),
    }),
  },
  {
    name: 'case.changed',
    description: {
      zh: '案件办理了一个动作（立案、派遣、处置、核查、督办……）',
      en: 'An action was applied to a case (register, dispatch, handle, verify, supervise, …)',
    },
    payload: Type.Object({
      action: Type.String({ description: 'case-flow.ts action' }),
      from: Type.String({ description: 'status before' }),
      to: Type.String({ description: 'status after (unchanged for requests, 督办 and ratings)' }),
    }),
  },
  {
    name: 'case.escalated',
    description: { zh: '超期案件自动升级督办', en: 'An overdue case was escalated by the sweep' },
    payload: Type.Object({
      level: Type.Integer({ minimum: 1 }),
      department: Type.Union([Type.String(), Type.Null()]),
      stage: Type.Union([Type.String(), Type.Null()], { description: 'the running stage clock' }),
    }),
  },
  {
    name: 'case.deadline_near',
    description: {
      zh: '案件当前环节的办理时限临近（每个环节计时只提醒一次）',
      en: "A case's running stage deadline is near (reminded once per stage clock)",
    },
    payload: Type.Object({
      stage: Type.String({ description: 'the running stage clock: register, dispatch, handle or verify' }),
      deadline: Type.String({ format: 'date-time', description: 'the stage deadline (UTC)' }),
      department: Type.Union([Type.String(), Type.Null()], {
        description: 'the department handling it, once dispatched',
      }),
    }),
  },
  {
    name: 'case.rated',
    description: { zh: '举报人对结案作出回访评价', en: 'The reporter rated how the case was closed' },
    payload: Type.Object({ score: Type.Integer({ minimum: 1, maximum: 5 }) }),
  },
  {
    name: 'case.partner_update',
    description: {
      zh: '对接系统经 Open311 提交了案件进展',
      en: 'A partner system posted an update to the case through Open311',
    },
    payload: Type.Object({ seq: Type.Integer({ minimum: 1, description: 'the update number on this case' }) }),
  },
];
