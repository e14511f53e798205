import { Type } from 'typebox';
import { recordAudit } from '../../../platform/audit/audit.ts';
import { addDays, shanghaiDayOf } from '../../../platform/calendar/shanghai-time.ts';
import type { Ctx } from '../../../platform/context.ts';
import { tx } from '../../../platform/db/tx.ts';
import { emitEvent } from '../../../platform/delivery/outbox.ts';
import type { PeriodicJob } from '../../../platform/jobs/periodic.ts';
import type { EventDeclaration } from '../../../platform/module.ts';
import type { NotificationRule } from '../../../platform/notify/notice.ts';
import { agreementPermissions } from './agreements.permissions.ts';
import { markReminded, unremindedExpiring } from './agreements.store.ts';
import { expiringWithinDays } from './expiring.ts';

export const agreementExpiringTopic = 'agreement.expiring';

export const agreementEmits: readonly EventDeclaration[] = [
  {
    name: agreementExpiringTopic,
    description: {
      zh: '门前三包责任书将在 30 天内到期，尚未续签',
      en: 'A frontage agreement ends within 30 days and has not been renewed',
    },
    payload: Type.Object({
      agreementNo: Type.String(),
      merchant: Type.String({ description: 'the merchant’s name (a shop name, not personal)' }),
      termEnd: Type.String({ description: 'YYYY-MM-DD' }),
      village: Type.String({ description: 'the signing village or community (the to-do’s area)' }),
    }),
  },
];

/**
 * Once a day: every signed agreement ending within 30 days that no renewal follows gets one reminder (the row's
 * reminded_at, set in the same transaction as the event, so a second run or process adds nothing), for the staff
 * of its village who draw up and sign agreements. Returns how many went out.
 */
export async function remindExpiringAgreements(ctx: Ctx, batch = 500): Promise<number> {
  const today = shanghaiDayOf(ctx.clock());
  const until = addDays(today, expiringWithinDays);
  let sent = 0;
  for (;;) {
    const due = await unremindedExpiring(ctx.db, ctx.countyCode, today, until, batch);
    for (const row of due) {
      const fresh = await tx(ctx, async (t) => {
        if (!(await markReminded(t.db, t.countyCode, row.id, t.clock()))) return false;
        await recordAudit(t, {
          eventType: 'merchants.agreement.remind',
          action: 'remind',
          objectType: 'agreement',
          objectId: row.id,
          details: { agreementNo: row.agreementNo, termEnd: row.termEnd },
        });
        await emitEvent(t, {
          topic: agreementExpiringTopic,
          objectType: 'agreement',
          objectId: row.id,
          payload: {
            agreementNo: row.agreementNo,
            merchant: row.merchantName,
            termEnd: row.termEnd,
            village: row.villageCode,
          },
        });
        return true;
      });
      if (fresh) sent += 1;
    }
    if (due.length < batch) return sent;
  }
}

export const agreementRemindersJob: PeriodicJob = {
  name: 'merchants.agreement-reminders',
  everyMs: 24 * 3_600_000,
  run: (ctx) => remindExpiringAgreements(ctx),
};

/** The to-do goes to whoever draws up and signs agreements in the signing village (or a wider area). */
export const agreementExpiringRule: NotificationRule = {
  key: 'merchants.agreement-expiring',
  topic: agreementExpiringTopic,
  async notices(_ctx, event) {
    const p = event.payload;
    if (typeof p.village !== 'string' || typeof p.agreementNo !== 'string') return [];
    return [
      {
        channel: 'inbox',
        kind: 'todo',
        code: 'merchants.agreements.notify.expiring',
        params: { merchant: String(p.merchant), agreementNo: p.agreementNo, termEnd: String(p.termEnd) },
        to: { permission: agreementPermissions.manage, within: p.village },
        about: { type: 'agreement', id: event.objectId, link: `/m/merchants/agreements/${event.objectId}` },
      },
    ];
  },
};
