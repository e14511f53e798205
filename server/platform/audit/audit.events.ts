import { Type } from 'typebox';
import type { EventDeclaration } from '../module.ts';

/** What the audit rules write to the outbox (reveal-alerts.ts); the object is the person alerted about. */
export const auditEmits: readonly EventDeclaration[] = [
  {
    name: 'audit.reveal_alert',
    description: {
      zh: '敏感信息查看异常：短时间内大量查看或夜间查看（AUD-06）',
      en: 'Unusual reveal activity: many reveals in a short time, or reveals at night (AUD-06)',
    },
    payload: Type.Object({
      actor: Type.String({ description: 'the account id of the person who revealed (no revealed value, no record)' }),
      count: Type.Integer({ minimum: 1, description: 'reveals by that person in the window' }),
      window: Type.String({ description: "the window in Shanghai time, 'YYYY-MM-DD HH:MM–HH:MM'" }),
      rule: Type.Union([Type.Literal('volume'), Type.Literal('night')]),
    }),
  },
];
