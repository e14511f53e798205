import type { QueuedJob } from '../../jobs/queue.ts';
import { sendDueSms } from './send-sms.ts';

/**
 * A nudge to the sender, queued with each message (platform/jobs `enqueueJob`, one pending per key): the
 * message leaves as soon as a worker is free instead of at the sender's next tick. The periodic sender
 * (`notify.sms-send`) still runs for retries and for a nudge lost with a crashed process. Outside a
 * transaction, because the gateway's answer must be recorded even if something after it fails.
 */
export const smsSendNowJob: QueuedJob<Record<string, never>> = {
  name: 'notify.sms-send-now',
  transactional: false,
  // The sender keeps its own attempts and backoff per message; a failed nudge is only retried once.
  retry: { limit: 1, backoffMs: 30_000 },
  run: (ctx) => sendDueSms(ctx),
};
