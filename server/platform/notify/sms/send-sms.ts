import { recordAudit } from '../../audit/audit.ts';
import type { Ctx } from '../../context.ts';
import { tx } from '../../db/tx.ts';
import { decryptColumnValue } from '../../pii/column-crypto.ts';
import { afterFailure, smsClaimLeaseMs } from './backoff.ts';
import { smsGatewayFor, smsSetupFrom } from './sms-config.ts';
import type { SmsGateway, SmsSendResult } from './sms-gateway.ts';
import { type ClaimedSms, claimDueSms, markSmsFailed, markSmsSent } from './sms.store.ts';

/** What one sender run did; the periodic-job runner logs a run that did something. */
export interface SmsRunResult {
  sent: number;
  failed: number;
  dead: number;
}

/** Messages per run: a county sends a handful an hour, a backlog after an outage drains at this per tick. */
export const smsBatchSize = 50;

/**
 * The sender (manifest job `notify.sms-send`): claims the due messages, hands each to the gateway outside any
 * transaction (a slow provider must not hold the database), then records the outcome — sent, failed with its
 * next attempt (backoff.ts), or dead — with an audit row. The claim comes first, so two runs at once (two
 * processes, or a tick that overlaps the next) never send one message twice.
 */
export async function sendDueSms(
  ctx: Ctx,
  options: { gateway?: SmsGateway; limit?: number } = {},
): Promise<SmsRunResult> {
  const gateway = options.gateway ?? smsGatewayFor(ctx, smsSetupFrom(process.env));
  const now = ctx.clock();
  const leaseUntil = new Date(now.getTime() + smsClaimLeaseMs);
  const claimed = await tx(ctx, (t) => claimDueSms(t.db, t.countyCode, now, leaseUntil, options.limit ?? smsBatchSize));
  const result: SmsRunResult = { sent: 0, failed: 0, dead: 0 };
  for (const message of claimed) {
    const recorded = await recordOutcome(ctx, message, await attempt(ctx, gateway, message));
    if (recorded) result[recorded] += 1;
  }
  return result;
}

/** One call to the gateway; an exception (a bug, a lost connection) counts as a retryable failure. */
async function attempt(ctx: Ctx, gateway: SmsGateway, message: ClaimedSms): Promise<SmsSendResult> {
  try {
    const phone = decryptColumnValue(ctx.keyring, 'notify_sms_message', 'phone_enc', message.phoneEnc);
    return await gateway.send({
      phone,
      signName: message.signName,
      templateCode: message.templateCode,
      params: message.params,
    });
  } catch (error) {
    return { ok: false, retryable: true, code: 'exception', message: errorName(error) };
  }
}

/** Only the error's class, never its message: a library may quote the request (and the phone) in it. */
function errorName(error: unknown): string {
  return error instanceof Error ? error.name : typeof error;
}

/**
 * The outcome on the row, audited; null when this sender no longer holds the claim (its lease ran out and
 * another sender took the message): that one records its own attempt.
 */
async function recordOutcome(
  ctx: Ctx,
  message: ClaimedSms,
  outcome: SmsSendResult,
): Promise<'sent' | 'failed' | 'dead' | null> {
  return tx(ctx, async (t) => {
    const now = t.clock();
    const claim = { id: message.id, attempt: message.attempts };
    const next = outcome.ok ? null : afterFailure(message.attempts, outcome.retryable, now);
    const status = next?.status ?? 'sent';
    const held = outcome.ok
      ? await markSmsSent(t.db, t.countyCode, claim, outcome.providerMessageId, now)
      : await markSmsFailed(
          t.db,
          t.countyCode,
          claim,
          {
            status: next?.status ?? 'dead',
            nextAttemptAt: next?.status === 'failed' ? next.nextAttemptAt : now,
            lastError: `${outcome.code}: ${outcome.message}`.slice(0, 500),
          },
          now,
        );
    if (!held) return null;
    await recordAudit(t, {
      eventType: 'notify.sms.send',
      action: 'send',
      outcome: outcome.ok ? 'success' : 'failure',
      objectType: 'sms_message',
      objectId: message.id,
      ...(outcome.ok ? {} : { reasonCode: outcome.code.slice(0, 100) }),
      details: { template: message.templateKey, attempt: message.attempts, status },
    });
    return status;
  });
}
