import { recordAuditOutside } from '../audit/audit.ts';
import type { Ctx } from '../context.ts';
import { AppError } from '../http/app-error.ts';
import { registerMessages } from '../i18n/translate.ts';

registerMessages({
  zh: { 'access.maker_checker': '不能审核、核查或批准本人经办的事项，请由其他人员办理' },
  en: { 'access.maker_checker': 'You cannot review, verify or approve work you did yourself; another person must' },
});

/**
 * Maker ≠ checker (ASVS 4.3.3, AC-07): the person who did a piece of work may not also approve it — closing a
 * case they handled, approving an agreement they drafted, publishing ratings they scored, reviewing a settlement
 * they entered. A refusal is audited like any other denial.
 */
export async function assertNotMaker(
  ctx: Ctx,
  makerIds: ReadonlyArray<string | null | undefined>,
  object: { objectType: string; objectId: string; action: string },
): Promise<void> {
  const checker = ctx.actor?.id;
  if (!checker) throw AppError.unauthenticated();
  if (!makerIds.includes(checker)) return;
  await recordAuditOutside(ctx, { eventType: 'access.denied', action: object.action, outcome: 'failure', objectType: object.objectType, objectId: object.objectId, reasonCode: 'maker_checker' });
  throw new AppError(403, 'maker_checker', 'access.maker_checker');
}
