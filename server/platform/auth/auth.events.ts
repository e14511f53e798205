import { Type } from 'typebox';
import type { EventDeclaration } from '../module.ts';

/** What the account rules write to the outbox (inactive-accounts.ts); the object is the account (objectType 'user'). */
export const authEmits: readonly EventDeclaration[] = [
  {
    name: 'auth.account_disabled',
    description: {
      zh: '账号因长期未登录被自动停用（AC-05）',
      en: 'An account was disabled automatically after a long time without sign-in (AC-05)',
    },
    payload: Type.Object({
      reason: Type.Literal('inactive'),
      days: Type.Integer({ minimum: 0, description: 'days since the last sign-in (or creation, or re-enabling)' }),
    }),
  },
  {
    name: 'auth.account_inactive_warning',
    description: {
      zh: '账号长期未登录，即将被停用（提前提醒）',
      en: 'An account has not been signed in to for long and will soon be disabled (advance warning)',
    },
    payload: Type.Object({
      days: Type.Integer({ minimum: 0, description: 'days without sign-in so far' }),
      disableAt: Type.String({ format: 'date-time', description: 'when it is disabled unless someone signs in' }),
      daysLeft: Type.Integer({ minimum: 0 }),
    }),
  },
];
