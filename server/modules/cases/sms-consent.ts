import { recordAudit } from '../../platform/audit/audit.ts';
import type { Ctx } from '../../platform/context.ts';
import { tx } from '../../platform/db/tx.ts';
import { cancelSmsAbout } from '../../platform/notify/sms/queue-sms.ts';
import type { TrackingDto } from './cases.schema.ts';
import { clearSmsConsent } from './sms-consent.store.ts';
import { caseOfReporter, trackCase } from './tracking.ts';

/**
 * The reporter takes back the consent to SMS notices (PIPL art. 15: withdrawing is as easy as giving): from the
 * tracking page, with the case number and tracking code. What was queued and has not left is cancelled, and
 * the rule reads the consent when each later step happens (cases.sms.ts), so nothing more is sent. Saying it
 * twice is fine: the second time changes nothing and writes nothing.
 */
export async function withdrawSmsConsent(ctx: Ctx, caseNo: string, token: string): Promise<TrackingDto> {
  await tx(ctx, async (t) => {
    const own = await caseOfReporter(t, caseNo, token);
    if (!(await clearSmsConsent(t.db, own, t.clock()))) return;
    const cancelled = await cancelSmsAbout(t, { type: 'case', id: own.caseNo });
    await recordAudit(t, {
      eventType: 'cases.sms_consent_withdraw',
      action: 'update',
      objectType: 'case',
      objectId: own.caseNo,
      details: { cancelled },
    });
  });
  return trackCase(ctx, caseNo, token);
}
