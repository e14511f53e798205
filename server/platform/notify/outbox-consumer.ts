import { recordAudit } from '../audit/audit.ts';
import type { Ctx } from '../context.ts';
import { tx } from '../db/tx.ts';
import type { NotifyEvent } from './notice.ts';
import {
  advanceCursor,
  ensureCursor,
  eventsAfter,
  lockCursor,
  readCursor,
  updateCursor,
} from './outbox-consumer.store.ts';

/**
 * One reader of the outbox with its own position (notify_cursor): the notifier today, the dashboard later. Each
 * event is handled in its own transaction together with the cursor's advance, so its effects commit once; a
 * handler must still be idempotent (a replayed event, a restored backup), and every channel is, by source key.
 */
export interface OutboxConsumer {
  name: string;
  handle(t: Ctx, event: NotifyEvent): Promise<void>;
  /**
   * How far back a consumer seen for the first time starts: events older than this are history it skips (an
   * upgrade must not fill inboxes with years-old reminders). Left out: from the first event (a dashboard rebuild).
   */
  historyMs?: number;
  /** Whether it has anything to do for the event; one it does not want is passed without a transaction of its own. */
  wants?(event: NotifyEvent): boolean;
}

/**
 * Event ids come from one sequence, taken when `emitEvent` runs, but transactions commit in any order: id 41 may
 * be visible while 40 is still committing. A hole in the ids is therefore waited on for this long (by the event
 * after it) before it is taken as a rolled-back transaction's lost number and passed.
 */
export const outboxGapGraceMs = 60_000;
/** A handler that throws is retried at each run; after this many failures in a row its event is skipped. */
export const maxEventFailures = 5;

export interface ConsumeResult {
  handled: number;
  skipped: number;
  /** Stopped before a hole younger than the grace, or on a failing event: the next run goes on. */
  waiting: boolean;
}

/** Handles the events after the consumer's position, in id order, up to `batch`; safe to run again at any time. */
export async function consumeOutbox(ctx: Ctx, consumer: OutboxConsumer, batch = 200): Promise<ConsumeResult> {
  const now = ctx.clock();
  const from = consumer.historyMs === undefined ? undefined : new Date(now.getTime() - consumer.historyMs);
  await ensureCursor(ctx.db, ctx.countyCode, consumer.name, now, from);
  const start = (await readCursor(ctx.db, ctx.countyCode, consumer.name))?.lastEventId ?? 0;
  const result: ConsumeResult = { handled: 0, skipped: 0, waiting: false };
  let previous = start;
  // Events passed unwanted since the last write: the next handled event's cursor write covers them, else one update.
  let passed = 0;
  const settle = async (waiting: boolean) => {
    if (passed > 0) await advanceCursor(ctx.db, ctx.countyCode, consumer.name, passed, now);
    return { ...result, waiting };
  };
  for (const event of await eventsAfter(ctx.db, ctx.countyCode, start, batch)) {
    const hole = event.id !== previous + 1;
    if (hole && now.getTime() - event.createdAt.getTime() < outboxGapGraceMs) return settle(true);
    previous = event.id;
    if (consumer.wants && !consumer.wants(event)) {
      passed = event.id;
      result.handled += 1;
      continue;
    }
    passed = 0;
    const outcome = await handleOne(ctx, consumer, event);
    if (outcome === 'failed') return settle(true);
    if (outcome === 'skipped') result.skipped += 1;
    else result.handled += 1;
  }
  return settle(false);
}

type Outcome = 'handled' | 'failed' | 'skipped';

async function handleOne(ctx: Ctx, consumer: OutboxConsumer, event: NotifyEvent): Promise<Outcome> {
  try {
    await tx(ctx, async (t) => {
      const cursor = await lockCursor(t.db, t.countyCode, consumer.name);
      // Another process went past it while this one waited for the lock: nothing to do.
      if (!cursor || cursor.lastEventId >= event.id) return;
      await consumer.handle(t, event);
      // The last failure (event and error) stays for the operator; `failures` counts a run of them.
      await updateCursor(t.db, t.countyCode, consumer.name, {
        lastEventId: event.id,
        failures: 0,
        updatedAt: t.clock(),
      });
    });
    return 'handled';
  } catch (error) {
    return recordFailure(ctx, consumer, event, error);
  }
}

/** Counts the failure; past the limit the event is passed (audited, with the error but never the payload). */
async function recordFailure(ctx: Ctx, consumer: OutboxConsumer, event: NotifyEvent, error: unknown): Promise<Outcome> {
  const message = (error instanceof Error ? error.message : String(error)).slice(0, 500);
  return tx(ctx, async (t) => {
    const cursor = await lockCursor(t.db, t.countyCode, consumer.name);
    if (!cursor || cursor.lastEventId >= event.id) return 'handled';
    const failures = cursor.failingEventId === event.id && cursor.failures > 0 ? cursor.failures + 1 : 1;
    const skip = failures >= maxEventFailures;
    await updateCursor(t.db, t.countyCode, consumer.name, {
      ...(skip ? { lastEventId: event.id } : {}),
      failingEventId: event.id,
      failures,
      lastError: message,
      updatedAt: t.clock(),
    });
    if (!skip) return 'failed';
    await recordAudit(t, {
      eventType: 'notify.event_skipped',
      action: 'update',
      outcome: 'failure',
      objectType: event.objectType,
      objectId: event.objectId,
      details: { consumer: consumer.name, eventId: event.id, topic: event.topic, failures, error: message },
    });
    return 'skipped';
  });
}
